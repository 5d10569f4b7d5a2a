"""Reads of coordination in proceedings: the register of notices (Mẫu 05), a notice with
its clocks, a case's registrations and the starts of its limits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.utils import timezone

from cases.models import (
    Assignment,
    Case,
    Complaint,
    DefenceRegistration,
    DutyRoster,
    DutyShift,
    FormHandover,
    LimitEvent,
    ProceduralNotice,
)
from cases.rules import complaints as complaint_rules
from cases.rules import limits
from cases.rules import proceedings as clocks
from cases.states import AUTHORITY_CHANNELS, AssignmentStatus, ComplaintGround, ComplaintStatus
from tgpl.calendar import work_calendar
from tgpl.search import terms


def _local(moment: datetime | None) -> datetime | None:
    return timezone.localtime(moment) if moment is not None else None


def notice_list(user, *, year: int | None = None, q: str = ""):
    qs = ProceduralNotice.objects.visible_to(user).select_related(
        "agency", "recorded_by", "request__case__performer"
    )
    if year:
        qs = qs.filter(register_year=year)
    for term in terms(q):
        qs = qs.filter(search_key__contains=term)
    return qs


def register_rows(user, year: int):
    """The register of notices of a year (Mẫu 05), in its serial order."""
    return notice_list(user, year=year).order_by("register_number")


def get_notice_for(user, pk: int, can=None) -> ProceduralNotice:
    try:
        notice = notice_list(user).get(pk=pk)
    except ProceduralNotice.DoesNotExist:
        raise Http404("Không tìm thấy thông báo.") from None
    if can is not None and not can(user):
        raise PermissionDenied
    return notice


def _appointed_at(notice: ProceduralNotice) -> datetime | None:
    case = getattr(notice.request, "case", None) if notice.request_id else None
    return _local(case.appointed_at) if case is not None else None


def notice_clocks(notice: ProceduralNotice, now=None) -> list[clocks.RunningClock]:
    facts = clocks.NoticeFacts(
        kind=notice.kind,
        received_at=timezone.localtime(notice.received_at),
        person_status=notice.person_status,
        mandatory_defence=notice.mandatory_defence,
        person_requested_at=_local(notice.person_requested_at),
        appointed_at=_appointed_at(notice),
    )
    return clocks.notice_clocks(facts, work_calendar(), timezone.localtime(now))


@dataclass
class RegistrationRow:
    registration: DefenceRegistration
    clocks: list[clocks.RunningClock]


def _replaced_at(reg: DefenceRegistration, replacements: list[Assignment]) -> datetime | None:
    if reg.outcome_at is None:
        return None
    times = [a.decided_at for a in replacements if a.decided_at and a.decided_at >= reg.outcome_at]
    return _local(min(times)) if times else None


def case_registrations(case: Case, now=None) -> list[RegistrationRow]:
    """Registrations of a case with the body's limit and the replacement clock; the
    replacement is met by the first approved replacement after the refusal."""
    regs = list(case.registrations.select_related("agency", "performer"))
    if not regs:
        return []
    replacements = list(
        case.assignments.filter(
            kind=Assignment.Kind.REPLACE,
            status__in=[AssignmentStatus.APPROVED, AssignmentStatus.SUPERSEDED],
        )
    )
    calendar, now = work_calendar(), timezone.localtime(now)
    rows = []
    for reg in regs:
        facts = clocks.RegistrationFacts(
            kind=reg.kind,
            submitted_at=timezone.localtime(reg.submitted_at),
            registered_at=_local(reg.registered_at),
            outcome=reg.outcome,
            outcome_at=_local(reg.outcome_at),
            replaced_at=_replaced_at(reg, replacements),
        )
        rows.append(RegistrationRow(reg, clocks.registration_clocks(facts, calendar, now)))
    return rows


def clock_starts(case: Case) -> limits.ClockStarts:
    """Which start each of the case's limits uses (uses prefetched notices and events)."""
    req = case.request
    notified = None
    if req.channel in AUTHORITY_CHANNELS and req.notified_at is not None:
        notified = timezone.localtime(req.notified_at)
    notices = list(req.notices.all())
    events = list(case.limit_events.all())
    papers = [e.at for e in events if e.kind == LimitEvent.Kind.PAPERS_ARRIVED]
    return limits.ClockStarts(
        notified_at=notified,
        immediate=any(n.mandatory_defence for n in notices),
        papers_arrived_at=_local(max(papers)) if papers else None,
        force_majeure=any(e.kind == LimitEvent.Kind.FORCE_MAJEURE for e in events),
    )


def case_limit_events(case: Case):
    return case.limit_events.select_related("recorded_by")


# --- complaints (Điều 45) ----------------------------------------------------------------


def complaint_list(user, *, year: int | None = None):
    qs = Complaint.objects.visible_to(user).select_related("performer", "case")
    if year:
        qs = qs.filter(received_at__year=year)
    return qs


def get_complaint_for(user, pk: int) -> Complaint:
    try:
        return complaint_list(user).select_related("received_by", "decided_by").get(pk=pk)
    except Complaint.DoesNotExist:
        raise Http404("Không tìm thấy đơn khiếu nại.") from None


def complaint_limits(c: Complaint, now=None) -> list[complaint_rules.RunningComplaintLimit]:
    facts = complaint_rules.ComplaintFacts(
        received_at=timezone.localtime(c.received_at),
        accepted_at=_local(c.accepted_at),
        declined_at=_local(c.declined_at),
        decided_at=_local(c.decided_at),
        appealed_at=_local(c.appealed_at),
        appeal_decided_at=_local(c.appeal_decided_at),
    )
    return complaint_rules.complaint_limits(facts, work_calendar(), timezone.localtime(now))


def complaint_figures(user, year: int) -> dict:
    """Counts for the reports: by ground and state, by whom it was against, and how
    many were upheld (one query)."""
    rows = (
        complaint_list(user, year=year)
        .order_by()
        .values_list("ground", "status", "against", "result")
        .annotate(n=Count("pk"))
    )
    by_ground: dict[str, int] = {}
    by_status: dict[str, int] = {}
    by_against: dict[str, int] = {}
    upheld = total = 0
    for ground, status, against, result, n in rows:
        total += n
        by_ground[ground] = by_ground.get(ground, 0) + n
        by_status[status] = by_status.get(status, 0) + n
        by_against[against] = by_against.get(against, 0) + n
        if result in (Complaint.Result.UPHELD, Complaint.Result.PARTLY):
            upheld += n
    return {
        "total": total,
        "upheld": upheld,
        "by_ground": [(label, by_ground.get(v, 0)) for v, label in ComplaintGround.choices],
        "by_status": [(label, by_status.get(v, 0)) for v, label in ComplaintStatus.choices],
        "by_against": [(label, by_against.get(v, 0)) for v, label in Complaint.Against.choices],
    }


# --- duty rosters ------------------------------------------------------------------------


def roster_list(user, *, year: int, month: int):
    return (
        DutyRoster.objects.visible_to(user)
        .filter(year=year, month=month)
        .select_related("agency")
        .annotate(shift_count=Count("shifts"))
    )


def get_roster_for(user, pk: int) -> DutyRoster:
    try:
        return DutyRoster.objects.visible_to(user).select_related("agency", "issued_by").get(pk=pk)
    except DutyRoster.DoesNotExist:
        raise Http404("Không tìm thấy lịch trực.") from None


def roster_shifts(roster: DutyRoster):
    return roster.shifts.select_related("performer").order_by("day", "start")


def on_duty(notice: ProceduralNotice):
    """Who is on duty at the notifying agency on the notice's day: the proposal of whom
    to appoint (TTLT 10/2018 Điều 3.3)."""
    day = timezone.localtime(notice.received_at).date()
    return (
        DutyShift.objects.filter(
            roster__centre_id=notice.centre_id, roster__agency_id=notice.agency_id, day=day
        )
        .select_related("performer")
        .order_by("start")
    )


def handover_list(user):
    if not getattr(user, "centre_id", None):
        return FormHandover.objects.none()
    return (
        FormHandover.objects.filter(centre_id=user.centre_id)
        .select_related("agency", "recorded_by")
        .order_by("-handed_on", "-pk")[:500]
    )
