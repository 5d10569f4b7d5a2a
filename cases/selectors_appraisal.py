"""Reads of appraisal, checklists, time appraisal and quotas: every one starts from a
scoped `visible_to(user)`; missing and not-yours give the same 404."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from cases.models import (
    Appraisal,
    AppraisalPlan,
    Appraiser,
    Case,
    CaseCriterion,
    CaseCriterionMark,
    CoPerformer,
    OfficerQuota,
    Performer,
    QuotaDecision,
    QuotaRules,
    QuotaTier,
    TimeAppraisal,
)
from cases.models.case import CLOSED_LITIGATION, COUNTED_LITIGATION
from cases.rules import appraisal as rules
from cases.rules import quota
from cases.rules import quotas as quota_rules
from cases.states import AppraisalStatus
from tgpl import roles
from tgpl.models import User
from tgpl.statistics import suppress

# --- plans and appraisals -------------------------------------------------------------------


def _appraisals_of_plan(**filters):
    """The count of a plan's appraisals (those matching `filters`), for each plan listed."""
    return Coalesce(
        Subquery(
            Appraisal.objects.filter(plan=OuterRef("pk"), **filters)
            .order_by()
            .values("plan")
            .annotate(n=Count("*"))
            .values("n")
        ),
        0,
    )


def plan_list(user):
    """The plans, newest period first, each with its appraisals drawn and approved:
    counted for the page's plans only, from the index of (plan, state), not a join of
    every plan's appraisals grouped before the page is cut (39 -> 5 ms for 12 plans of
    50,000 appraisals at 1,000,000 cases)."""
    return (
        AppraisalPlan.objects.visible_to(user)
        .select_related("centre")
        .annotate(
            drawn=_appraisals_of_plan(),
            approved=_appraisals_of_plan(status=AppraisalStatus.APPROVED),
        )
        .order_by("-period_end", "-pk")
    )


def get_plan_for(user, pk: int, can=None) -> AppraisalPlan:
    plan = (
        AppraisalPlan.objects.visible_to(user)
        .select_related("centre", "created_by", "decided_by")
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch thẩm định.")
    if can is not None and not can(user, plan):
        raise PermissionDenied
    return plan


APPRAISAL_RELATED = (
    "plan",
    "plan__centre",
    "case",
    "case__performer",
    "case__department",
    "case__request__legal_field",
)


def _with_appraisers(qs):
    return qs.select_related(*APPRAISAL_RELATED).prefetch_related(
        Prefetch("appraisers", queryset=Appraiser.objects.select_related("user"))
    )


def plan_appraisals(plan: AppraisalPlan):
    return _with_appraisers(plan.appraisals.all()).order_by("case__code", "pk")


def my_appraisals(user):
    """The cases this user is assigned to appraise, those waiting first."""
    mine = Appraiser.objects.filter(user=user).values("appraisal_id")
    waiting = Q(status__in=[AppraisalStatus.ASSIGNED, AppraisalStatus.RETURNED])
    return (
        _with_appraisers(Appraisal.objects.filter(pk__in=mine))
        .annotate(waiting=Count("pk", filter=waiting))
        .order_by("-waiting", "-plan__period_end", "case__code")
    )


def awaiting_approval(user):
    """Appraisals submitted to this user for the conclusion (as can_approve_appraisal)."""
    plans = AppraisalPlan.objects.none()
    if roles.is_director(user) and user.centre_id:
        plans = AppraisalPlan.objects.filter(
            centre_id=user.centre_id, organiser=AppraisalPlan.Organiser.CENTRE
        )
    elif roles.is_doj_reviewer(user):
        plans = AppraisalPlan.objects.filter(
            centre__in=roles.visible_centres(user), organiser=AppraisalPlan.Organiser.DOJ
        )
    return _with_appraisers(
        Appraisal.objects.filter(plan__in=plans, status=AppraisalStatus.SUBMITTED)
    ).order_by("submitted_at", "pk")


def get_appraisal_for(user, pk: int) -> Appraisal:
    appraisal = _with_appraisers(Appraisal.objects.visible_to(user)).filter(pk=pk).first()
    if appraisal is None:
        raise Http404("Không tìm thấy vụ việc thẩm định.")
    return appraisal


def appraiser_ids(appraisal: Appraisal) -> list[int]:
    return [a.user_id for a in appraisal.appraisers.all()]


def appraiser_choices(plan: AppraisalPlan):
    """People who may be assigned: active users of the centre (and the Sở's reviewers
    for a plan of the Sở); the service refuses the performer and the approval chain."""
    qs = User.objects.filter(is_active=True)
    if plan.organiser == AppraisalPlan.Organiser.DOJ:
        return qs.filter(
            Q(centre_id=plan.centre_id) | Q(agency_id=plan.centre.parent_agency_id)
        ).order_by("full_name")
    return qs.filter(centre_id=plan.centre_id).order_by("full_name")


# --- results --------------------------------------------------------------------------------


@dataclass
class PerformerRecord:
    name: str
    count: int = 0
    total: Decimal = Decimal(0)
    grades: Counter = field(default_factory=Counter)

    @property
    def average(self) -> Decimal | None:
        return (self.total / self.count).quantize(Decimal("0.1")) if self.count else None


@dataclass
class Results:
    """The approved appraisals of what the user sees: grades, shares, performers."""

    count: int
    grades: list[tuple[str, str, object, int]]  # (grade, label, shown count, percent)
    performers: list[PerformerRecord]
    litigation_closed: int
    successful: object
    successful_percent: int


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def results(user, *, plan: AppraisalPlan | None = None, year: int | None = None) -> Results:
    """Grades and their shares (tốt / khá / đạt / không đạt), each performer's record and the
    share of successful litigation cases. Small counts are hidden for who may not see the
    people (a Sở reviewer)."""
    qs = Appraisal.objects.visible_to(user).filter(status=AppraisalStatus.APPROVED)
    cases = (
        Case.objects.visible_to(user)
        .filter(CLOSED_LITIGATION)
        .order_by()  # counted: no sort of the year's cases before the distinct
    )
    if plan is not None:
        qs = qs.filter(plan=plan)
        cases = cases.filter(appraisals__plan=plan)
    if year is not None:
        qs = qs.filter(plan__period_end__year=year)
        cases = cases.filter(ended_at__year=year)
    rows = list(qs.values_list("grade", "total", "case__performer__full_name"))
    hide = roles.statistics_hide_small_counts(user)
    show = (lambda n: suppress(n)) if hide else (lambda n: n)
    by_grade = Counter(g for g, _t, _n in rows)
    grades = [
        (g, label, show(by_grade[g]), _percent(by_grade[g], len(rows)))
        for g, label in rules.GRADE_LABELS.items()
    ]
    performers: dict[str, PerformerRecord] = {}  # performers are no applicants: shown to all
    for grade, total, name in rows:
        record = performers.setdefault(name or "—", PerformerRecord(name or "—"))
        record.count += 1
        record.total += total or 0
        record.grades[grade] += 1
    # Only the plan's join repeats a case (distinct ids then); a year's count is a plain
    # count, not a DISTINCT over tens of thousands of ids (issue 18: 131 ms of the
    # director's home page at 1,000,000 cases). A case with several marks of success is
    # one success: EXISTS, not a join.
    closed = cases.values("pk").distinct().count() if plan is not None else cases.count()
    succeeded = CaseCriterionMark.objects.filter(
        case_id=OuterRef("pk"), criterion__catalogue=CaseCriterion.Catalogue.SUCCESSFUL
    )
    successful = cases.filter(Exists(succeeded))
    successful = (
        successful.values("pk").distinct().count() if plan is not None else successful.count()
    )
    return Results(
        count=len(rows),
        grades=grades,
        performers=sorted(performers.values(), key=lambda r: r.name),
        litigation_closed=closed,
        successful=show(successful),
        successful_percent=_percent(successful, closed),
    )


# --- what a case page shows -----------------------------------------------------------------


@dataclass
class CasePanel:
    appraisals: list
    marks: dict[str, list]  # catalogue -> criteria marked
    time_appraisals: list
    co_performers: list


def case_panel(case: Case) -> CasePanel:
    """The approved appraisal results, the checklists, time appraisals and co-performers
    of a case (four queries)."""
    appraisals = list(
        case.appraisals.filter(status=AppraisalStatus.APPROVED).select_related("plan")
    )
    marks: dict[str, list] = {c: [] for c in CaseCriterion.Catalogue.values}
    for mark in CaseCriterionMark.objects.filter(case=case).select_related("criterion"):
        marks[mark.criterion.catalogue].append(mark.criterion)
    times = list(case.time_appraisals.select_related("performer", "checker"))
    co = list(CoPerformer.objects.filter(case=case).select_related("user"))
    return CasePanel(appraisals, marks, times, co)


def checklist_choices(case: Case, catalogue: str):
    from cases.services.appraisal import checklist_on

    return CaseCriterion.objects.in_force(checklist_on(case)).filter(catalogue=catalogue)


def get_time_appraisal_for(user, pk: int) -> TimeAppraisal:
    """A time appraisal of a case the user sees, or one they are to check."""
    ta = (
        TimeAppraisal.objects.filter(
            Q(case__in=Case.objects.visible_to(user)) | Q(checker=user), pk=pk
        )
        .select_related("case", "case__department", "performer", "checker")
        .first()
    )
    if ta is None:
        raise Http404("Không tìm thấy thẩm định thời gian.")
    return ta


def my_time_checks(user):
    return (
        TimeAppraisal.objects.filter(checker=user)
        .select_related("case", "performer")
        .prefetch_related("case__log_entries")
        .order_by("status", "-assigned_at")
    )


# --- quotas ---------------------------------------------------------------------------------


def tiers_of(year: int) -> list[quota.QuotaTier]:
    """The tiers of the latest year entered up to `year` (the previous year's apply until
    the MOJ letter of a new year is entered)."""
    entered = list(QuotaTier.objects.filter(year__lte=year).order_by("-year", "min_years"))
    return [
        quota.QuotaTier(t.min_years, t.max_years, t.pass_from, t.good_from, t.excellent_from)
        for t in entered
        if t.year == entered[0].year
    ]


def rules_of(year: int) -> quota_rules.QuotaRules:
    found = QuotaRules.objects.filter(year__lte=year).order_by("-year").first()
    return found.to_rule() if found else quota_rules.QuotaRules()


def litigation_counts(centre_id: int, year: int, user_ids=None) -> dict[int, Fraction]:
    """Each officer's count of litigation cases accepted in `year` (not discontinued), a
    shared case counted as a fraction (two queries). With `user_ids`, only the cases those
    officers perform or share are read (an officer's own line on the home page reads
    their cases, not the centre's year), each still with all its performers.

    A case done alone counts 1 for its performer: those are counted in the database,
    grouped by performer, so a centre's year (thousands of cases, the bulk) never comes
    to Python (issue 18: 34 ms of the director's home page at 100,000 cases). Only the
    few shared cases are read, with their performers, and split by case_shares."""
    cases = (
        Case.objects.filter(
            COUNTED_LITIGATION, centre_id=centre_id, accepted_at__year=year
        ).order_by()  # counted, not listed: no sort of the year's cases
    )
    performed = cases
    if user_ids is not None:
        # Their cases done alone on the index of a performer's cases by date; the shared
        # ones by the co-performers' rows (an OR of both read the centre's whole year).
        performed = cases.filter(performer_id__in=user_ids)
        shared = CoPerformer.objects.filter(user_id__in=user_ids).values("case_id")
        cases = cases.filter(Q(performer_id__in=user_ids) | Q(pk__in=shared))
    alone = (
        performed.filter(performer__isnull=False)
        .exclude(Exists(CoPerformer.objects.filter(case_id=OuterRef("pk"))))
        .values_list("performer_id")
        .annotate(n=Count("pk"))
    )
    counts = {performer_id: Fraction(n) for performer_id, n in alone}
    people: dict[int, list[int]] = {}
    for case_id, user_id, performer_id in CoPerformer.objects.filter(case__in=cases).values_list(
        "case_id", "user_id", "case__performer_id"
    ):
        people.setdefault(case_id, [performer_id] if performer_id else []).append(user_id)
    for user_id, share in quota_rules.case_shares(people).items():
        counts[user_id] = counts.get(user_id, Fraction(0)) + share
    if user_ids is not None:
        counts = {k: v for k, v in counts.items() if k in set(user_ids)}
    return counts


@dataclass
class QuotaRow:
    user: User
    line: OfficerQuota | None
    target: quota_rules.Target
    count: Fraction

    @property
    def level(self) -> str | None:
        return quota_rules.expected_level(self.count, self.target)

    @property
    def level_label(self) -> str:
        if self.target.exempt:
            return "Miễn"
        return quota.LEVEL_LABELS.get(self.level, "—") if self.level else "—"

    @property
    def count_text(self) -> str:
        return quota_rules.fraction_text(self.count)

    @property
    def progress(self) -> int:
        if not self.target.pass_from:
            return 0
        return min(100, round(100 * self.count / self.target.pass_from))

    @property
    def behind(self) -> bool:
        return not self.target.exempt and self.level == quota.NOT_MET


def _target_of(line: OfficerQuota) -> quota_rules.Target:
    return quota_rules.Target(
        seniority=line.seniority,
        tier=None,
        exempt_reason=line.exempt_reason,
        pass_from=Fraction(line.pass_from),
        good_from=Fraction(line.good_from),
        excellent_from=Fraction(line.excellent_from),
    )


def quota_decision_of(centre_id: int, year: int) -> QuotaDecision | None:
    return QuotaDecision.objects.filter(centre_id=centre_id, year=year).first()


def quota_rows(user, centre_id: int, year: int, *, only=None) -> list[QuotaRow]:
    """Every officer's quota and progress: from the decision of the year when there is
    one, else computed from the tiers (what the decision would give)."""
    decision = quota_decision_of(centre_id, year)
    officers = Performer.objects.filter(
        centre_id=centre_id, kind=Performer.Kind.LEGAL_AID_OFFICER, is_active=True
    ).select_related("user")
    if only is not None:
        officers = officers.filter(user=only)
    officers = list(officers.order_by("user__full_name"))
    lines = {}
    if decision is not None:
        lines = {line.user_id: line for line in decision.lines.all()}
    # Everyone's counts from the centre's year at once; one officer's from their cases.
    counts = litigation_counts(centre_id, year, None if only is None else [only.pk])
    tiers, year_rules = tiers_of(year), rules_of(year)
    rows = []
    for p in officers:
        line = lines.get(p.user_id)
        if line is not None:
            target = _target_of(line)
        else:
            target = quota_rules.officer_target(
                quota_rules.OfficerYear(year, p.appointed_on), tiers, year_rules
            )
        rows.append(QuotaRow(p.user, line, target, counts.get(p.user_id, Fraction(0))))
    return rows
