"""Reads shared by views, exports and reports; every one starts from `visible_to(user)`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from cases.models import (
    Assignment,
    Case,
    LegalAidRequest,
    LegalField,
    Performer,
    PerformerChangeRequest,
    QuotaTier,
)
from cases.models.case import COUNTED_LITIGATION
from cases.rules import limits, quota
from cases.states import AssignmentStatus, CaseStatus, ChangeRequestStatus, Form, RequestStatus
from tgpl import days, roles
from tgpl.calendar import work_calendar
from tgpl.models import Centre
from tgpl.search import terms

# --- fetching one object --------------------------------------------------------------


def get_request_for(user, pk: int, can=None) -> LegalAidRequest:
    """Missing and not-yours give the same 404; visible but not allowed gives 403."""
    qs = LegalAidRequest.objects.visible_to(user).select_related(
        "centre", "department", "received_by", "legal_field", "notifying_agency", "decided_by"
    )
    try:
        obj = qs.get(pk=pk)
    except LegalAidRequest.DoesNotExist:
        raise Http404("Không tìm thấy yêu cầu.") from None
    if can is not None and not can(user, obj):
        raise PermissionDenied
    return obj


def get_case_for(user, pk: int, can=None) -> Case:
    qs = Case.objects.visible_to(user).select_related(
        "centre", "department", "department__head", "performer", "accepted_by", "request",
        "request__legal_field", "request__received_by",
    )  # fmt: skip
    try:
        obj = qs.get(pk=pk)
    except Case.DoesNotExist:
        raise Http404("Không tìm thấy vụ việc.") from None
    if can is not None and not can(user, obj):
        raise PermissionDenied
    return obj


def get_assignment_for(user, pk: int, can=None) -> Assignment:
    try:
        assignment = Assignment.objects.select_related("case").get(
            pk=pk, case__in=Case.objects.visible_to(user)
        )
    except Assignment.DoesNotExist:
        raise Http404("Không tìm thấy đề xuất.") from None
    case = get_case_for(user, assignment.case_id)
    if can is not None and not can(user, case):
        raise PermissionDenied
    assignment.case = case
    return assignment


def get_change_request_for(user, pk: int, can=None) -> PerformerChangeRequest:
    """A change-of-performer request of a case the user may see (404 otherwise)."""
    change = (
        PerformerChangeRequest.objects.filter(pk=pk, case__in=Case.objects.visible_to(user))
        .select_related("case")
        .first()
    )
    if change is None:
        raise Http404("Không tìm thấy đề nghị.")
    case = get_case_for(user, change.case_id, can=can)
    change.case = case
    return change


def case_assignments(case: Case) -> list[Assignment]:
    """The proposals of a case, newest first, kept on the case (`case.assignments.all()`
    then asks nothing more: its page lists their decisions from there)."""
    prefetch_related_objects(
        [case],
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related(
                "performer", "proposed_by", "decided_by", "conflict_check"
            ),
        ),
    )
    return list(case.assignments.all())


# --- lists ------------------------------------------------------------------------------


def _search(qs, query: str):
    for term in terms(query):
        qs = qs.filter(search_key__contains=term)
    return qs


@dataclass
class Filters:
    q: str = ""  # names, CCCD, phone, free text: only for who may search personal data
    code: str = ""  # a case code or a request number: for everyone
    status: str = ""
    form: str = ""
    legal_field: int | None = None
    category: int | None = None
    performer: int | None = None
    department: int | None = None
    date_from: object = None
    date_to: object = None


def _allowed(user, f: Filters) -> Filters:
    """The filters this user may apply. A search by name, CCCD, phone or free text, or a
    filter by eligibility category, answers "is this person an applicant, and of which
    category?": for those who may not see the people (the Sở reviewer) both are dropped
    here, whatever the request asked, so the answer never depends on them."""
    if roles.can_search_personal_data(user):
        return f
    return replace(f, q="", category=None)


def _code(value: str) -> str:
    return value.strip().lstrip("#").strip()


def request_list(user, f: Filters):
    f = _allowed(user, f)
    qs = LegalAidRequest.objects.visible_to(user).select_related(
        "legal_field", "department", "case"
    )
    qs = _search(qs, f.q)
    if code := _code(f.code):
        by_code = Q(case__code__icontains=code)
        qs = qs.filter(by_code | Q(pk=int(code)) if code.isdigit() else by_code)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.form:
        qs = qs.filter(form=f.form)
    if f.legal_field:
        qs = qs.filter(legal_field_id=f.legal_field)
    if f.category:
        qs = qs.filter(pk__in=LegalAidRequest.categories.through.objects.filter(
            eligibilitycategory_id=f.category).values("legalaidrequest_id"))  # fmt: skip
    if f.department:
        qs = qs.filter(Q(department_id=f.department) | Q(case_department_id=f.department))
    if f.performer:
        qs = qs.filter(case__performer_id=f.performer)
    if f.date_from:
        qs = qs.filter(days.since("received_at", f.date_from))
    if f.date_to:
        qs = qs.filter(days.until("received_at", f.date_to))
    return qs.order_by("-received_at", "-pk")


def case_list(user, f: Filters):
    f = _allowed(user, f)
    qs = Case.objects.visible_to(user).select_related(
        "request", "request__legal_field", "department", "performer"
    )
    qs = _search(qs, f.q)
    if code := _code(f.code):
        qs = qs.filter(code__icontains=code)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.form:
        qs = qs.filter(form=f.form)
    if f.legal_field:
        qs = qs.filter(request__legal_field_id=f.legal_field)
    if f.category:
        qs = qs.filter(request__in=LegalAidRequest.categories.through.objects.filter(
            eligibilitycategory_id=f.category).values("legalaidrequest_id"))  # fmt: skip
    if f.performer:
        qs = qs.filter(performer_id=f.performer)
    if f.department:
        qs = qs.filter(department_id=f.department)
    if f.date_from:
        qs = qs.filter(days.since("accepted_at", f.date_from))
    if f.date_to:
        qs = qs.filter(days.until("accepted_at", f.date_to))
    return qs.order_by("-accepted_at", "-pk")


def approval_inbox(user):
    """Proposals waiting for this user's decision, oldest first: the rule of
    roles.can_decide_assignment as a filter."""
    cases = Case.objects.visible_to(user)
    qs = Assignment.objects.filter(status=AssignmentStatus.PROPOSED, case__in=cases)
    mine = Q(case__department__head=user)
    if roles.is_leadership(user):  # no head, or the head is the appointed or the proposer
        mine |= Q(case__department__head__isnull=True)
        mine |= Q(performer_id=F("case__department__head_id"))
        mine |= Q(proposed_by_id=F("case__department__head_id"))
    return (
        qs.filter(mine)
        .exclude(proposed_by=user)
        .exclude(performer=user)
        .select_related("case", "case__request", "case__department", "performer", "proposed_by")
        .order_by("proposed_at", "pk")
    )


# --- performers: workload and quota ---------------------------------------------------------


@dataclass
class PerformerRow:
    performer: Performer
    open_cases: int
    litigation_this_year: int
    tier: quota.QuotaTier | None
    level: str | None

    @property
    def level_label(self) -> str:
        return quota.LEVEL_LABELS.get(self.level, "—") if self.level else "—"

    @property
    def progress(self) -> int:
        if not self.tier or not self.tier.pass_from:
            return 0
        return min(100, round(100 * self.litigation_this_year / self.tier.pass_from))


def _litigation_of_year(year: int):
    return (
        Case.objects.filter(
            COUNTED_LITIGATION, performer_id=OuterRef("user_id"), accepted_at__year=year
        )
        .order_by()
        .values("performer_id")
        .annotate(n=Count("pk"))
        .values("n")
    )


def performer_rows(user, year: int, *, own: bool = False) -> list[PerformerRow]:
    """Performers of the user's centre with open cases and this year's litigation count:
    every performer for those who rate colleagues (`can_see_quota_ratings`), else the
    user's own row only; `own`: the user's own row whoever asks (a home page's line)."""
    centres = roles.visible_centres(user)
    mine = Q() if roles.can_see_quota_ratings(user) and not own else Q(user=user)
    qs = (
        Performer.objects.filter(mine, centre__in=centres, is_active=True)
        .select_related("user", "user__department")
        # This year's litigation of each performer, counted on the index of the
        # performer's cases by date (not a join over every case they ever had).
        .annotate(litigation=Coalesce(Subquery(_litigation_of_year(year)), 0))
        .order_by("user__department__name", "user__full_name")
    )  # fmt: skip
    # The levels of the latest year entered up to `year`: until the MOJ letter of a new
    # year is entered, the previous year's levels apply (catalogue.QUOTA_TIERS_2022).
    entered = list(QuotaTier.objects.filter(year__lte=year).order_by("-year", "min_years"))
    tiers = [
        quota.QuotaTier(t.min_years, t.max_years, t.pass_from, t.good_from, t.excellent_from)
        for t in entered
        if t.year == entered[0].year
    ]
    rows = []
    for p in qs:
        is_officer = p.kind == Performer.Kind.LEGAL_AID_OFFICER
        seniority = quota.seniority_years(p.appointed_on.year if p.appointed_on else None, year)
        tier = quota.tier_for(tiers, seniority) if is_officer else None
        level = quota.quota_level(p.litigation, seniority, tiers) if is_officer else None
        rows.append(PerformerRow(p, p.open_cases, p.litigation, tier, level))
    return rows


def performer_choices(centre_id: int):
    """The centre's active performers with their open cases (`Performer.open_cases`, kept
    by the services: cases.services.workload), not a count over every case."""
    return (
        Performer.objects.filter(centre_id=centre_id, is_active=True, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )  # fmt: skip


# --- limits on a case page ------------------------------------------------------------------


def case_facts(case: Case) -> limits.CaseFacts:
    """The facts a case's limits are computed from (its request joined)."""
    return limit_facts(
        form=case.form,
        accepted_at=case.accepted_at,
        detained=case.request.detained,
        disadvantaged=case.request.disadvantaged_area,
        proof_due_at=case.proof_due_at,
        proof_supplied_at=case.proof_supplied_at,
        appointed_at=case.appointed_at,
        advice_days=case.advice_days,
        ended_at=case.ended_at,
        file_handed_in_on=case.file_handed_in_on,
        changes=[(c.requested_at, c.answered_at, c.status) for c in case.change_requests.all()],
    )


def limit_facts(
    *,
    form: str,
    accepted_at: datetime,
    detained: bool,
    disadvantaged: bool,
    proof_due_at: datetime | None,
    proof_supplied_at: datetime | None,
    appointed_at: datetime | None,
    advice_days: int | None,
    ended_at: datetime | None,
    file_handed_in_on: date | None,
    changes: Iterable[tuple[datetime, datetime | None, str]],
) -> limits.CaseFacts:
    """case_facts from the columns themselves, for a report that reads them for a
    quarter's cases as plain rows (issue 18: building 30,000 cases and their requests as
    model instances cost more than their limits). `changes`: the case's performer-change
    requests as (requested at, answered at, status)."""
    zone = timezone.get_current_timezone()  # limits count Vietnamese days (due_moment)
    accepted = accepted_at.astimezone(zone)
    return limits.CaseFacts(
        form=form,
        accepted_at=accepted,
        detained=detained,
        disadvantaged=disadvantaged,
        proof_outstanding_since=accepted if proof_due_at else None,
        proof_supplied_at=proof_supplied_at,
        appointed_at=appointed_at,
        advice_days=advice_days,
        change_requests=tuple(
            (requested.astimezone(zone), answered)
            for requested, answered, status in changes
            if status != ChangeRequestStatus.PENDING or answered is None
        ),
        ended_at=ended_at and ended_at.astimezone(zone),
        file_handed_in_at=(
            timezone.make_aware(datetime.combine(file_handed_in_on, time.min))
            if file_handed_in_on
            else None
        ),
    )


def case_limits(case: Case, now=None) -> list[limits.RunningLimit]:
    """Each limit with the start it uses: the notice, the papers' arrival (issue 17)."""
    from cases.selectors_proceedings import clock_starts

    return limits.case_limits_with_starts(
        case_facts(case), clock_starts(case), work_calendar(), timezone.localtime(now)
    )


# --- statistics: counts by form × field × state -------------------------------------------


@dataclass
class CountTable:
    """Counts of one kind of record in a period: a row per (centre, form, field), a column
    per state. No row names a person; small counts are hidden by the view
    (tgpl.statistics) for those who may not see the people."""

    title: str
    states: list[str]  # the column headers
    rows: list[tuple[str, str, str]]  # (centre, form, field)
    counts: list[list[int]]


def _count_table(title, qs, state_choices, date_field, date_from, date_to) -> CountTable:
    if date_from:
        qs = qs.filter(days.since(date_field, date_from))
    if date_to:
        qs = qs.filter(days.until(date_field, date_to))
    # Grouped by the ids, the names read after: joining the centres and the legal fields
    # to every row cost a third of the time (100,000 cases: 172 -> 89 ms; requests 70 ->
    # 40), for names that two small queries give (none for a table with no row).
    field = "legal_field_id" if qs.model is LegalAidRequest else "request__legal_field_id"
    grouped = list(
        qs.order_by()
        .values_list("centre_id", "form", field, "status")
        .annotate(n=Count("pk"))
    )  # fmt: skip
    centres = dict(
        Centre.objects.filter(pk__in={row[0] for row in grouped}).values_list("pk", "name")
    )
    fields = dict(
        LegalField.objects.filter(pk__in={row[2] for row in grouped}).values_list("pk", "name")
    )
    states = [value for value, _label in state_choices]
    forms = dict(Form.choices)
    cells: dict[tuple[str, str, str], list[int]] = {}
    for centre_id, form, field_id, status, n in grouped:
        key = (centres[centre_id], str(forms.get(form, form)), fields[field_id])
        row = cells.setdefault(key, [0] * len(states))
        if status in states:
            row[states.index(status)] += n
    keys = sorted(cells)
    return CountTable(
        title=title,
        states=[str(label) for _value, label in state_choices],
        rows=keys,
        counts=[cells[k] for k in keys],
    )


def request_counts(user, date_from=None, date_to=None) -> CountTable:
    """Requests received in the period, by form, field and state (three queries)."""
    return _count_table(
        "Yêu cầu trợ giúp pháp lý tiếp nhận",
        LegalAidRequest.objects.visible_to(user),
        RequestStatus.choices,
        "received_at",
        date_from,
        date_to,
    )


def case_counts(user, date_from=None, date_to=None) -> CountTable:
    """Cases accepted in the period, by form, field and state (three queries)."""
    return _count_table(
        "Vụ việc thụ lý",
        Case.objects.visible_to(user),
        CaseStatus.choices,
        "accepted_at",
        date_from,
        date_to,
    )


# --- a person already known: earlier requests of the same CCCD or name and birth year ---


@dataclass(frozen=True)
class KnownRequest:
    """An earlier request of (perhaps) the same person, and why it is thought to be."""

    request: LegalAidRequest
    by_identity: bool  # the same CCCD; else the same name (without accents) and birth year

    @property
    def case(self) -> Case | None:
        return getattr(self.request, "case", None)

    @property
    def reason(self) -> str:
        return "cùng số CCCD" if self.by_identity else "cùng họ tên và năm sinh"


KNOWN_LIMIT = 10


def known_person_requests(
    user,
    *,
    identity_number: str = "",
    full_name: str = "",
    birth_year: int | None = None,
    exclude_pk: int | None = None,
) -> list[KnownRequest]:
    """Requests of the user's centre (those the user may see) of a person with the same
    CCCD, or the same name (accent-insensitive) and birth year, newest first, with their
    case; one query, on the indexes (centre, identity_number), (centre, name_key,
    birth_year)."""
    from tgpl.search import normalize

    if user is None or not getattr(user, "centre_id", None):
        return []
    identity_number = (identity_number or "").strip()
    name_key = normalize(full_name)[:255]
    match = Q(identity_number=identity_number) if identity_number else Q()
    if name_key and birth_year:
        match |= Q(name_key=name_key, birth_year=birth_year)
    if not match:
        return []
    qs = (
        LegalAidRequest.objects.visible_to(user)
        .filter(match, centre_id=user.centre_id)
        .select_related("case", "legal_field")
        .order_by("-received_at", "-pk")
    )
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    return [
        KnownRequest(r, by_identity=bool(identity_number) and r.identity_number == identity_number)
        for r in qs[:KNOWN_LIMIT]
    ]


# --- online submissions (issue 12.8) ------------------------------------------------------


def online_submissions(user):
    """Submissions of the user's centre, for those who verify them; none for anyone else."""
    from cases.models import OnlineSubmission

    if not roles.can_handle_online_submissions(user):
        return OnlineSubmission.objects.none()
    return OnlineSubmission.objects.filter(centre_id=user.centre_id)


def get_online_submission_for(user, pk: int):
    """One submission; "missing" and "not yours" give the same 404."""
    found = online_submissions(user).select_related("legal_field", "request", "handled_by")
    submission = found.filter(pk=pk).first()
    if submission is None:
        raise Http404("Không tìm thấy yêu cầu trực tuyến.")
    return submission
