"""The due moments of cases' running limits, kept as CaseDue rows (issue 18.4).

`refresh_case_dues(case_ids)` recomputes them with the pure rules (the same
computation the case page and the reminder scan use) and is called by the services in
the same transaction as the change: acceptance, assignment, proof supplied, papers
arrived, force majeure, a notice linked, a change request and its answer, extension,
closing, the case file handed in. `refresh_all_case_dues()` recomputes every case in
batches, for a changed holiday calendar (`manage.py refresh_case_dues`) and the data
migration. A fixed number of queries per batch.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch, Q
from django.utils import timezone

from tgpl.calendar import work_calendar
from tgpl.workdays import HOURS

from .models import Case, CaseDue, PerformerChangeRequest, ProceduralNotice
from .rules import limits
from .selectors import case_facts
from .selectors_proceedings import clock_starts
from .states import CaseStatus

BATCH = 2000
# What case_facts(), clock_starts() and the reminder messages read: loading only these
# keeps a batch of thousands of cases light.
CASE_FIELDS = [
    "code",
    "form",
    "status",
    "accepted_at",
    "proof_due_at",
    "proof_supplied_at",
    "appointed_at",
    "advice_days",
    "ended_at",
    "file_handed_in_on",
    "performer",
    "request__detained",
    "request__disadvantaged_area",
    "request__received_by",
    "department__head",
    "request__channel",  # issue 17: the appointment limit runs from the notice
    "request__notified_at",
]
OPEN_STATES = [
    CaseStatus.AWAITING_ASSIGNMENT,
    CaseStatus.ASSIGNMENT_PROPOSED,
    CaseStatus.ASSIGNED,
    CaseStatus.IN_PROGRESS,
]
FILE_LOOK_BACK = datetime.timedelta(days=120)


def cases_with_limits(queryset=None):
    """Cases with what their limits are computed from (three prefetch queries)."""
    queryset = Case.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("request", "department")
        .only(*CASE_FIELDS)
        .prefetch_related(
            "limit_events",
            Prefetch(
                "request__notices",
                queryset=ProceduralNotice.objects.only("request_id", "mandatory_defence"),
            ),
            Prefetch(
                "change_requests",
                queryset=PerformerChangeRequest.objects.only(
                    "case_id", "status", "requested_at", "answered_at"
                ),
            ),
        )
    )


def running_limits(case: Case, calendar, now: datetime.datetime) -> list[limits.StartedLimit]:
    """Every limit of the case with the start it uses (`now` in local time)."""
    return limits.case_limits_with_starts(case_facts(case), clock_starts(case), calendar, now)


def unit_of(limit: limits.RunningLimit) -> str:
    return "hours" if limit.rule.limit.unit == HOURS else "days"


def _rows(cases: Iterable[Case], calendar, now) -> list[CaseDue]:
    rows = []
    for case in cases:
        seen = set()
        for limit in running_limits(case, calendar, now):
            key = (limit.rule.key, limit.due)
            if limit.is_open and key not in seen:
                seen.add(key)
                rows.append(
                    CaseDue(
                        case_id=case.pk,
                        deadline=limit.rule.key,
                        due_at=limit.due,
                        unit=unit_of(limit),
                    )
                )
    return rows


def refresh_case_dues(case_ids: Iterable[int], *, calendar=None) -> int:
    """Recompute the due rows of these cases (call inside the service's transaction)."""
    ids = sorted(set(case_ids))
    if not ids:
        return 0
    calendar = calendar or work_calendar()
    now = timezone.localtime()
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = _rows(cases_with_limits(Case.objects.filter(pk__in=chunk)), calendar, now)
        CaseDue.objects.filter(case_id__in=chunk).delete()
        CaseDue.objects.bulk_create(rows, batch_size=500)
        written += len(rows)
    return written


def _id_batches(queryset, size: int) -> Iterator[list[int]]:
    last = 0
    while True:
        chunk = list(
            queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size]
        )
        if not chunk:
            return
        yield chunk
        last = chunk[-1]


def refresh_all_case_dues(*, batch: int = BATCH) -> int:
    """Recompute the due rows of every case that can still have a running limit: the
    open ones and those closed with the case file not yet handed in (after the holiday
    calendar changed). Batched: holds one batch of cases in memory."""
    from django.db import transaction

    calendar = work_calendar()
    scope = Case.objects.filter(Q(status__in=OPEN_STATES) | Q(file_handed_in_on__isnull=True))
    written = 0
    for chunk in _id_batches(scope, batch):
        with transaction.atomic():
            written += refresh_case_dues(chunk, calendar=calendar)
    return written


def refresh_request_case_dues(request_id: int) -> int:
    """A request's facts changed (detained, hard area, the notice): its case's limits."""
    ids = list(Case.objects.filter(request_id=request_id).values_list("pk", flat=True))
    return refresh_case_dues(ids) if ids else 0


def recompute_after_calendar_change(event) -> None:
    """Subscriber of tgpl.calendar.CALENDAR_CHANGED (run by a worker after commit)."""
    refresh_all_case_dues()
