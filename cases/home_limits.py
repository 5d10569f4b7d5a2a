"""The limits the home page shows, read from the maintained due rows (issue 18.2).

The running legal limits of cases are kept as CaseDue rows by the services
(cases/due.py); the home page filters them in SQL by scope and by moment, reads a few
lines in order of the due moment (index on due_at) and counts the rest: a fixed number
of queries and a page of rows whatever the number of open cases, never the limits of
every open case computed in Python. Beside them, the requests waiting for their proof
(`proof_due_at`) and the proposals waiting for the head, whose due day follows from the
day proposed (the later proposed, the later due), so "late" is a cut-off on proposed_at.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tgpl.calendar import work_calendar
from tgpl.models import ReminderSettings

from .due import FILE_LOOK_BACK
from .models import Assignment, CaseDue, LegalAidRequest
from .reminders import OWNERS
from .rules import limits
from .states import AssignmentStatus, RequestStatus

PERFORMER_KEYS = [k for k, who in OWNERS.items() if "performer" in who]
RECEIVER_KEYS = [k for k, who in OWNERS.items() if "receiver" in who]
HEAD_KEYS = [k for k, who in OWNERS.items() if "head" in who]
# Limits the performer answers for alone: the head's when the case has no performer.
PERFORMER_ONLY_KEYS = [k for k, who in OWNERS.items() if who == ("performer",)]


@dataclass(frozen=True)
class DueLine:
    """One limit as a home line shows it."""

    label: str
    url: str
    due_at: datetime.datetime
    unit: str = "days"


@dataclass(frozen=True)
class Dues:
    count: int
    lines: list[DueLine]


def _rule_label(key: str) -> str:
    rule = limits.RULES.get(key)
    return f"{rule.label} ({rule.article})" if rule else key


def _case_dues(scope: Q, *, until: datetime.datetime, now, limit: int) -> Dues:
    rows = (
        CaseDue.objects.filter(scope, due_at__lte=until)
        .exclude(deadline="file_hand_in", due_at__lt=now - FILE_LOOK_BACK)
        .order_by("due_at", "pk")
    )
    page = list(
        rows.select_related("case").only("deadline", "due_at", "unit", "case__code")[:limit]
    )
    count = rows.count()
    lines = [
        DueLine(
            f"Vụ việc {row.case.code}: {_rule_label(row.deadline)}",
            reverse("cases:case_detail", args=[row.case_id]),
            row.due_at,
            row.unit,
        )
        for row in page
    ]
    return Dues(count, lines)


def _request_dues(scope: Q, *, until, limit: int) -> Dues:
    rows = LegalAidRequest.objects.filter(
        scope, status=RequestStatus.AWAITING_PROOF, proof_due_at__lte=until
    ).order_by("proof_due_at", "pk")
    page = list(rows.only("pk", "proof_due_at")[:limit])
    count = rows.count()
    label = _rule_label("supplement_proof")
    lines = [
        DueLine(
            f"Yêu cầu TGPL số {r.pk}: {label}",
            reverse("cases:request_detail", args=[r.pk]),
            r.proof_due_at,
        )
        for r in page
    ]
    return Dues(count, lines)


def _proposal_due(day: datetime.date, calendar, wait: int) -> datetime.datetime:
    due_day = calendar.add_workdays(day, wait)
    return timezone.make_aware(datetime.datetime.combine(due_day, datetime.time(23, 59)))


def _proposed_before(until: datetime.datetime, calendar, wait: int) -> datetime.datetime:
    """The moment before which a proposal is due by `until` (the due day grows with the
    day proposed, so a bounded walk over days finds the cut-off)."""
    day = timezone.localtime(until).date() + datetime.timedelta(days=1)
    for _ in range(400):
        if _proposal_due(day, calendar, wait) <= until:
            break
        day -= datetime.timedelta(days=1)
    start = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start)


def _proposal_dues(scope: Q, *, until, limit: int) -> Dues:
    calendar = work_calendar()
    wait = ReminderSettings.current().approval_wait_workdays
    rows = Assignment.objects.filter(
        scope,
        status=AssignmentStatus.PROPOSED,
        case__department__head__isnull=False,
        proposed_at__lt=_proposed_before(until, calendar, wait),
    ).order_by("proposed_at", "pk")
    page = list(rows.select_related("case", "performer")[:limit])
    count = rows.count()
    lines = [
        DueLine(
            f"Đề xuất cử {p.performer} — vụ việc {p.case.code}: "
            "Đề xuất cử người thực hiện đang chờ duyệt",
            reverse("cases:inbox"),
            _proposal_due(timezone.localtime(p.proposed_at).date(), calendar, wait),
        )
        for p in page
    ]
    return Dues(count, lines)


def _merge(parts: list[Dues], limit: int) -> Dues:
    lines = sorted((line for part in parts for line in part.lines), key=lambda d: d.due_at)
    return Dues(sum(p.count for p in parts), lines[:limit])


def department_dues(department_ids, *, until, now, limit: int) -> Dues:
    """The departments' cases' limits due by `until` (a head's panel)."""
    return _case_dues(Q(case__department_id__in=department_ids), until=until, now=now, limit=limit)


def owned_dues(user, *, until, now, limit: int) -> Dues:
    """The limits `user` answers for (as performer, receiver or head), due by `until`."""
    head_of = Q(case__department__head=user)
    owner = (
        Q(deadline__in=PERFORMER_KEYS, case__performer=user)
        | Q(deadline__in=RECEIVER_KEYS, case__received_by=user)
        | (Q(deadline__in=HEAD_KEYS) & head_of)
        | (~Q(deadline__in=list(OWNERS)) & head_of)
        | Q(deadline__in=PERFORMER_ONLY_KEYS, case__performer__isnull=True) & head_of
    )
    scope = Q(case__centre_id=user.centre_id) & owner
    parts = [
        _case_dues(scope, until=until, now=now, limit=limit),
        _request_dues(Q(centre_id=user.centre_id, received_by=user), until=until, limit=limit),
    ]
    return _merge(parts, limit)


def centre_dues(centre_id, *, until, now, limit: int) -> Dues:
    """Every limit of the centre due by `until`: cases, requests' proof, proposals."""
    parts = [
        _case_dues(Q(case__centre_id=centre_id), until=until, now=now, limit=limit),
        _request_dues(Q(centre_id=centre_id), until=until, limit=limit),
        _proposal_dues(Q(case__centre_id=centre_id), until=until, limit=limit),
    ]
    return _merge(parts, limit)
