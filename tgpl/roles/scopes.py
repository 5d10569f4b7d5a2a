"""Who sees which requests and cases: the row scopes behind `visible_to(user)`.

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates. Each scope
is the centre's rows narrowed by conditions on the list's own columns and on the row it
is listed with (a request's case, a case's request), never a join through the
departments: the departments a head leads are a small subquery
(`department_id IN (…)`), so the planner can walk the index of the list's order
(centre, newest first) and stop at a page, or use the index of each condition
(performer, department, receiver) when the scope is small (issue 18.2). What a scope
needs of the other row is copied onto the list's own (a case's `received_by`, a
request's `case_department`, both fixed once the case is opened), so a head's scope
is an OR of the list's own columns.
"""

# ruff: noqa: F403, F405
from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from tgpl.roles import *

__all__ = ["case_scope", "headed_departments", "request_scope"]


def headed_departments(user):
    """The departments (ids, as a subquery) the user is recorded as the head of."""
    from tgpl.models import Department

    return Department.objects.filter(head=user).values("pk")


def _centre_rows(queryset, user):
    """(rows of the user's centre, True) when a narrower scope applies; (the answer,
    False) for those decided by who they are: nobody, a superuser, a Sở reviewer."""
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none(), False
    if user.is_superuser:
        return queryset, False
    if is_doj_reviewer(user) and not user.centre_id:
        return queryset.filter(centre__in=visible_centres(user)), False
    if not is_centre_member(user):
        return queryset.none(), False
    return queryset.filter(centre_id=user.centre_id), True


def request_scope(queryset, user):
    """Requests: the leaders and reception all of the centre's; others those they
    received or perform, and a head those received in or handled by their departments.

    Every condition but one is a column of the request (`case_department` is the case's
    department, copied at acceptance). The performer's is the request's own case, read
    by its unique index for each row the list's order walks: a subquery of the
    performer's cases would be hashed whole for every page (250,000 rows in the bench)."""
    mine, narrow = _centre_rows(queryset, user)
    if not narrow or can_see_all_cases_of_centre(user) or is_reception_staff(user):
        return mine
    scope = Q(received_by=user) | Q(case__performer=user)
    if is_department_head(user):
        headed = headed_departments(user)
        scope |= Q(department_id__in=headed) | Q(case_department_id__in=headed)
    return mine.filter(scope)


def case_scope(queryset, user, *, assignment_stage: Iterable[str] = ()):
    """Cases: the leaders all of the centre's; a performer their own, whoever received a
    request its case, a head their departments' cases, reception every case waiting for
    a performer (`assignment_stage`, the states the caller names)."""
    mine, narrow = _centre_rows(queryset, user)
    if not narrow or can_see_all_cases_of_centre(user):
        return mine
    scope = Q(performer=user) | Q(received_by=user)  # the request's receiver, copied
    if is_department_head(user):
        scope |= Q(department_id__in=headed_departments(user))
    if is_reception_staff(user):
        scope |= Q(status__in=list(assignment_stage))
    return mine.filter(scope)
