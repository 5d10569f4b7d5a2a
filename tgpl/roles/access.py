"""Who may do what: access by role (issue 12): quota ratings, imports, the inbox,
password reset, online intake, the Ban Giám đốc.

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from django.db import models

from tgpl.roles import *
from tgpl.roles import _same_centre  # noqa: F401

# --- access by role (issue 12) ---------------------------------------------------------


def can_see_quota_ratings(user) -> bool:
    """Colleagues' workload and quota ratings: the director, deputies and heads of the
    centre. A performer sees only their own row (`can_open_performer_list`)."""
    return is_centre_member(user) and (is_leadership(user) or is_department_head(user))


def can_open_performer_list(user) -> bool:
    """The performers' page: the leaders and heads (every performer), a performer (self)."""
    return can_see_quota_ratings(user) or (is_centre_member(user) and is_performer(user))


def can_open_assignment_inbox(user) -> bool:
    """The proposals waiting for a decision: heads and the leadership."""
    return is_centre_member(user) and (is_department_head(user) or is_leadership(user))


def can_import_registers(user) -> bool:
    """Bring an old register (.xlsx) in, many rows at once: reception staff and leaders."""
    return is_centre_member(user) and (is_reception_staff(user) or is_leadership(user))


def can_reset_password_of(user, target) -> bool:
    """Give a person a temporary password: the administrator of their centre."""
    return can_manage_record_of(user, getattr(target, "centre_id", None))


def can_handle_online_submissions(user) -> bool:
    """Verify what people sent through the public page and record it as a request."""
    return can_receive_requests(user)


def leadership_of(centres):
    """The active directors and deputies (Ban Giám đốc) of these centres (a queryset),
    the director first."""
    from django.contrib.auth import get_user_model

    director_first = models.Case(
        models.When(groups__name=Role.DIRECTOR, then=0),
        default=1,
        output_field=models.IntegerField(),
    )
    return (
        get_user_model()
        .objects.filter(centre__in=centres, is_active=True, groups__name__in=list(LEADERSHIP))
        .annotate(rank=models.Min(director_first))
        .order_by("centre_id", "rank", "full_name")
    )


def leadership_title(leader) -> str:
    """The title of a row of `leadership_of` (its rank: 0 for a director): Giám đốc, or
    Phó Giám đốc (the higher of the two held)."""
    return Role.DIRECTOR.label if leader.rank == 0 else Role.DEPUTY_DIRECTOR.label


def reception_staff_of(centre_id: int):
    """The active reception staff (viên chức) of a centre: told of online requests."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(centre_id=centre_id, is_active=True, groups__name=Role.STAFF)
        .distinct()
    )
