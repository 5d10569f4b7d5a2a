"""Quality appraisal (TT 12/2018 Điều 14–17): plans, the draw, appraisers, the 100-point
sheet, the director's conclusion; the checklists of a case; time appraisal (Điều 12).

Every function is keyword-only, runs in a transaction, locks what races, checks the
state (cases/states.py) and the actor's role (tgpl/roles.py) and records history.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases.documents import APPRAISERS, REPORT
from cases.models import (
    Appraisal,
    AppraisalCriterion,
    AppraisalPlan,
    Appraiser,
    Assignment,
    Case,
    CaseCriterion,
    CaseCriterionMark,
    CoPerformer,
    GradeBand,
    TimeAppraisal,
)
from cases.rules import appraisal as rules
from cases.states import (
    APPRAISAL_TRANSITIONS,
    PLAN_TRANSITIONS,
    TIME_APPRAISAL_TRANSITIONS,
    AppraisalStatus,
    AssignmentStatus,
    CaseStatus,
    Form,
)
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import (
    bulk_create,
    bulk_update,
    check_transition,
    create,
    delete,
    emit,
    local_date,
    require,
    save,
    set_related,
)

from .numbering import number_now

APPRAISED_FORMS = (Form.LITIGATION, Form.REPRESENTATION)
REPORT_ITEM = "appraisal_report"  # the case file item (cases/rules/checklist.py)


# --- the rules in force -------------------------------------------------------------------


def sheet_rules(on: date) -> tuple[list[rules.Criterion], list[rules.Band]]:
    """The criteria and bands in force on `on` (the day the case ended)."""
    criteria = [c.to_rule() for c in AppraisalCriterion.objects.in_force(on).order_by("position")]
    bands = [b.to_rule() for b in GradeBand.objects.in_force(on)]
    return criteria, bands


def _criteria_or_refuse(on: date) -> tuple[list[rules.Criterion], list[rules.Band]]:
    criteria, bands = sheet_rules(on)
    if not criteria or not bands:
        raise BusinessRuleError(
            f"Chưa có bộ tiêu chí thẩm định áp dụng cho ngày {on:%d/%m/%Y}: "
            "đề nghị quản trị hệ thống bổ sung danh mục."
        )
    return criteria, bands


# --- plans ----------------------------------------------------------------------------


@dataclass
class PlanScope:
    title: str
    period_start: date
    period_end: date
    forms: list[str]
    share_percent: int | None
    legal_fields: list
    departments: list
    organiser: str = AppraisalPlan.Organiser.CENTRE


def _check_scope(scope: PlanScope) -> None:
    if scope.period_end < scope.period_start:
        raise BusinessRuleError("Ngày kết thúc kỳ phải sau ngày bắt đầu.", field="period_end")
    if not scope.forms:
        raise BusinessRuleError("Chọn ít nhất một hình thức.", field="forms")
    if scope.share_percent is not None and not 1 <= scope.share_percent <= 100:
        raise BusinessRuleError("Tỷ lệ từ 1 đến 100%.", field="share_percent")


@transaction.atomic
def create_plan(*, actor, centre, scope: PlanScope) -> AppraisalPlan:
    """A draft plan; its seed makes its draw repeatable."""
    require(roles.can_plan_appraisals(actor, centre))
    if scope.organiser == AppraisalPlan.Organiser.DOJ and not roles.is_doj_reviewer(actor):
        raise BusinessRuleError("Chỉ Sở Tư pháp tổ chức kế hoạch của Sở.", field="organiser")
    if roles.is_doj_reviewer(actor) and not roles.is_centre_member(actor):
        scope.organiser = AppraisalPlan.Organiser.DOJ
    _check_scope(scope)
    plan = create(
        AppraisalPlan,
        actor=actor,
        reason="Lập kế hoạch thẩm định chất lượng",
        centre=centre,
        organiser=scope.organiser,
        title=scope.title.strip(),
        period_start=scope.period_start,
        period_end=scope.period_end,
        forms=list(scope.forms),
        share_percent=scope.share_percent,
        seed=secrets.token_hex(8),
        created_by=actor,
        created_at=timezone.now(),
    )
    set_related(plan, "legal_fields", scope.legal_fields, actor=actor, reason="Phạm vi lĩnh vực")
    set_related(plan, "departments", scope.departments, actor=actor, reason="Phạm vi phòng")
    return plan


def _lock_plan(plan: AppraisalPlan) -> AppraisalPlan:
    return (
        AppraisalPlan.objects.select_for_update(of=("self",))
        .select_related("centre")
        .get(pk=plan.pk)
    )


def candidate_cases(plan: AppraisalPlan):
    """Closed cases of the plan's scope: centre, forms, period (by the day they ended),
    fields and departments when the plan names some."""
    start = timezone.make_aware(datetime.combine(plan.period_start, time.min))
    end = timezone.make_aware(datetime.combine(plan.period_end, time.max))
    qs = Case.objects.filter(
        centre_id=plan.centre_id,
        status=CaseStatus.CLOSED,
        form__in=plan.forms,
        ended_at__gte=start,
        ended_at__lte=end,
    )
    fields = [f.pk for f in plan.legal_fields.all()]
    if fields:
        qs = qs.filter(request__legal_field_id__in=fields)
    departments = [d.pk for d in plan.departments.all()]
    if departments:
        qs = qs.filter(department_id__in=departments)
    return qs


@transaction.atomic
def draw_cases(*, actor, plan: AppraisalPlan) -> list[Appraisal]:
    """Draw the plan's cases: all, or its share with every performer covered; the same
    plan draws the same cases (rules.draw)."""
    plan = _lock_plan(plan)
    require(roles.can_manage_appraisal_plan(actor, plan))
    plan.status = check_transition(PLAN_TRANSITIONS, "draw", plan.status)
    cases = list(candidate_cases(plan).only("pk", "performer_id", "ended_at"))
    if not cases:
        raise BusinessRuleError("Không có vụ việc đã kết thúc nào trong phạm vi của kế hoạch.")
    chosen = rules.draw(
        [rules.Candidate(c.pk, c.performer_id) for c in cases],
        share_percent=plan.share_percent,
        seed=plan.seed,
    )
    by_id = {c.pk: c for c in cases}
    rows = [
        Appraisal(
            plan=plan,
            case_id=pk,
            criteria_on=local_date(by_id[pk].ended_at) if by_id[pk].ended_at else plan.period_end,
        )
        for pk in chosen
    ]
    created = bulk_create(Appraisal, rows, actor=actor, reason="Chọn vụ việc thẩm định")
    save(plan, actor=actor, reason=f"Chọn {len(created)}/{len(cases)} vụ việc để thẩm định")
    return created


# --- appraisers ---------------------------------------------------------------------------


def case_people(case: Case) -> tuple[set[int], set[int]]:
    """Who performed the case (now, before, with it) and who proposed or approved the
    assignment of its performers."""
    performers = {case.performer_id} if case.performer_id else set()
    chain: set[int] = set()
    decided = Assignment.objects.filter(
        case=case, status__in=[AssignmentStatus.APPROVED, AssignmentStatus.SUPERSEDED]
    ).values_list("performer_id", "proposed_by_id", "decided_by_id")
    for performer_id, proposed_by_id, decided_by_id in decided:
        performers.add(performer_id)
        chain.update(i for i in (proposed_by_id, decided_by_id) if i)
    performers.update(CoPerformer.objects.filter(case=case).values_list("user_id", flat=True))
    return performers, chain


def appraiser_problem(appraisal: Appraisal, user) -> str | None:
    """Why `user` may not appraise this case (None if they may)."""
    if not user.is_active:
        return "Tài khoản này không còn hoạt động."
    plan = appraisal.plan
    same_centre = user.centre_id == plan.centre_id
    province = roles.is_doj_reviewer(user) and plan.organiser == AppraisalPlan.Organiser.DOJ
    if not (same_centre or province):
        return "Người thẩm định phải thuộc Trung tâm (hoặc Sở Tư pháp với kế hoạch của Sở)."
    performers, chain = case_people(appraisal.case)
    return rules.appraiser_problem(user.pk, performer_ids=performers, chain_ids=chain)


def _lock_appraisal(appraisal: Appraisal) -> Appraisal:
    return (
        Appraisal.objects.select_for_update(of=("self",))
        .select_related("plan", "plan__centre", "case")
        .get(pk=appraisal.pk)
    )


@transaction.atomic
def assign_appraiser(*, actor, appraisal: Appraisal, user, invited: bool = False) -> Appraiser:
    """Add a person to appraise a drawn case: never its performer, nor one who proposed or
    approved its assignment."""
    appraisal = _lock_appraisal(appraisal)
    plan = appraisal.plan
    require(roles.can_manage_appraisal_plan(actor, plan))
    check_transition(PLAN_TRANSITIONS, "assign", plan.status)
    check_transition(APPRAISAL_TRANSITIONS, "assign", appraisal.status)
    problem = appraiser_problem(appraisal, user)
    if problem:
        raise BusinessRuleError(problem, field="user")
    if appraisal.appraisers.filter(user=user).exists():
        raise BusinessRuleError(f"{user.full_name} đã được phân công vụ việc này.", field="user")
    return create(
        Appraiser,
        actor=actor,
        reason=f"Phân công {user.full_name} thẩm định vụ việc {appraisal.case.code}",
        appraisal=appraisal,
        user=user,
        invited=invited,
        assigned_by=actor,
    )


@transaction.atomic
def remove_appraiser(*, actor, appraiser: Appraiser) -> None:
    appraisal = _lock_appraisal(appraiser.appraisal)
    require(roles.can_manage_appraisal_plan(actor, appraisal.plan))
    check_transition(APPRAISAL_TRANSITIONS, "assign", appraisal.status)
    delete(appraiser, actor=actor, reason=f"Bỏ phân công {appraiser.user.full_name}")


@transaction.atomic
def issue_appraisers_decision(*, actor, plan: AppraisalPlan, on: date | None = None):
    """The decision assigning the appraisers of every drawn case (one document, numbered);
    the appraisers may then score."""
    plan = _lock_plan(plan)
    require(roles.can_manage_appraisal_plan(actor, plan))
    new_status = check_transition(PLAN_TRANSITIONS, "decide", plan.status)
    appraisals = list(plan.appraisals.select_for_update(of=("self",)))
    without = plan.appraisals.exclude(pk__in=Appraiser.objects.values("appraisal_id")).count()
    if without:
        raise BusinessRuleError(f"Còn {without} vụ việc chưa có người thẩm định.")
    day = on or timezone.localdate()
    plan.status = new_status
    plan.decided_by = actor
    plan.decided_on = day
    save(plan, actor=actor, reason="Ban hành quyết định phân công thẩm định")
    for a in appraisals:
        a.status = check_transition(APPRAISAL_TRANSITIONS, "start", a.status)
    bulk_update(Appraisal, appraisals, ["status"], actor=actor, reason="Bắt đầu thẩm định")
    issued = number_now(APPRAISERS, plan, actor=actor, on=day)
    emit("appraisers_assigned", actor=actor, plan=plan.pk)
    return issued


@transaction.atomic
def close_plan(*, actor, plan: AppraisalPlan) -> AppraisalPlan:
    plan = _lock_plan(plan)
    require(roles.can_manage_appraisal_plan(actor, plan))
    new_status = check_transition(PLAN_TRANSITIONS, "close", plan.status)
    open_ones = plan.appraisals.exclude(status=AppraisalStatus.APPROVED).count()
    if open_ones:
        raise BusinessRuleError(f"Còn {open_ones} vụ việc chưa được duyệt kết luận.")
    plan.status = new_status
    return save(plan, actor=actor, reason="Kết thúc kế hoạch thẩm định")


# --- the sheet ----------------------------------------------------------------------------


@dataclass
class Sheet:
    scores: dict[str, Decimal | None]
    breach_6_1: bool = False
    breach_note: str = ""
    satisfaction_source: str = ""
    satisfaction_note: str = ""
    opinion: str = ""


@dataclass(frozen=True)
class Result:
    total: Decimal
    grade: str
    problems: dict[str, str]
    groups: dict[int, Decimal]

    @property
    def grade_label(self) -> str:
        return rules.GRADE_LABELS[self.grade]


def evaluate(on: date, sheet: Sheet) -> Result:
    """The total and grade of a sheet as typed (the live total of the page)."""
    criteria, bands = _criteria_or_refuse(on)
    points = rules.total(criteria, sheet.scores)
    return Result(
        total=points,
        grade=rules.grade(points, bands, breach_6_1=sheet.breach_6_1),
        problems=rules.sheet_problems(criteria, sheet.scores),
        groups=rules.group_totals(criteria, sheet.scores),
    )


def _appraiser_ids(appraisal: Appraisal) -> list[int]:
    return list(appraisal.appraisers.values_list("user_id", flat=True))


@transaction.atomic
def save_sheet(*, actor, appraisal: Appraisal, sheet: Sheet, submit: bool = False) -> Appraisal:
    """Keep the appraiser's scores (a draft), or submit them for the director's approval:
    every sub-score within its bounds, the way the aided person's opinion was obtained,
    and what the Điều 6.1 breach was, if one is recorded."""
    appraisal = _lock_appraisal(appraisal)
    require(roles.can_score_appraisal(actor, _appraiser_ids(appraisal)))
    target = check_transition(
        APPRAISAL_TRANSITIONS, "submit" if submit else "score", appraisal.status
    )
    result = evaluate(appraisal.criteria_on, sheet)
    bad = {code: p for code, p in result.problems.items() if sheet.scores.get(code) is not None}
    if bad:
        code, problem = next(iter(bad.items()))
        raise BusinessRuleError(f"Tiêu chí {code}: {problem}", field=f"score_{code}")
    if sheet.breach_6_1 and not sheet.breach_note.strip():
        raise BusinessRuleError("Ghi rõ hành vi vi phạm Điều 6.1.", field="breach_note")
    if submit:
        if result.problems:
            missing = ", ".join(result.problems)
            raise BusinessRuleError(f"Chưa chấm đủ các tiêu chí: {missing}.")
        if not sheet.satisfaction_source:
            raise BusinessRuleError(
                "Ghi cách lấy ý kiến của người được TGPL.", field="satisfaction_source"
            )
    appraisal.scores = {k: (None if v is None else str(v)) for k, v in sheet.scores.items()}
    appraisal.breach_6_1 = sheet.breach_6_1
    appraisal.breach_note = sheet.breach_note.strip() if sheet.breach_6_1 else ""
    appraisal.satisfaction_source = sheet.satisfaction_source
    appraisal.satisfaction_note = sheet.satisfaction_note.strip()
    appraisal.opinion = sheet.opinion.strip()
    appraisal.total = result.total
    appraisal.grade = result.grade
    appraisal.status = target
    if submit:
        appraisal.submitted_by = actor
        appraisal.submitted_at = timezone.now()
    reason = "Gửi kết quả thẩm định" if submit else "Chấm điểm thẩm định"
    save(appraisal, actor=actor, reason=f"{reason}: {result.total} điểm")
    if submit:
        emit("appraisal_submitted", actor=actor, appraisal=appraisal.pk)
    return appraisal


@transaction.atomic
def record_written_opinion(*, actor, appraiser: Appraiser, opinion: str, file=None) -> Appraiser:
    """An appraiser's written opinion (an invited officer's or lawyer's, Điều 15)."""
    appraisal = _lock_appraisal(appraiser.appraisal)
    require(actor.pk == appraiser.user_id, "Chỉ người được phân công gửi ý kiến của mình.")
    check_transition(APPRAISAL_TRANSITIONS, "opinion", appraisal.status)
    if not opinion.strip() and not file:
        raise BusinessRuleError("Nhập ý kiến hoặc đính kèm văn bản.", field="opinion")
    appraiser.opinion = opinion.strip()
    if file:
        appraiser.opinion_file = file
    return save(appraiser, actor=actor, reason="Gửi ý kiến thẩm định bằng văn bản")


@transaction.atomic
def approve_appraisal(*, actor, appraisal: Appraisal, conclusion: str = "") -> Appraisal:
    """The director approves the conclusion: the result is kept in the case file and the
    appraisal report takes its number."""
    appraisal = _lock_appraisal(appraisal)
    require(roles.can_approve_appraisal(actor, appraisal.plan))
    appraisal.status = check_transition(APPRAISAL_TRANSITIONS, "approve", appraisal.status)
    if actor.pk in _appraiser_ids(appraisal):
        raise BusinessRuleError("Người thẩm định không tự duyệt kết luận của mình.")
    appraisal.approved_by = actor
    appraisal.approved_at = timezone.now()
    appraisal.conclusion = conclusion.strip()
    save(
        appraisal, actor=actor, reason=f"Duyệt kết luận thẩm định: {appraisal.get_grade_display()}"
    )
    case = Case.objects.select_for_update(of=("self",)).get(pk=appraisal.case_id)
    if REPORT_ITEM not in (case.file_items or []):
        case.file_items = [*(case.file_items or []), REPORT_ITEM]
        save(case, actor=actor, reason="Lưu kết quả thẩm định chất lượng vào hồ sơ")
    number_now(REPORT, appraisal, actor=actor, on=timezone.localdate())
    emit("appraisal_approved", actor=actor, appraisal=appraisal.pk)
    return appraisal


@transaction.atomic
def return_appraisal(*, actor, appraisal: Appraisal, note: str) -> Appraisal:
    appraisal = _lock_appraisal(appraisal)
    require(roles.can_approve_appraisal(actor, appraisal.plan))
    appraisal.status = check_transition(APPRAISAL_TRANSITIONS, "send_back", appraisal.status)
    if not note.strip():
        raise BusinessRuleError("Ghi lý do trả lại.", field="note")
    appraisal.conclusion = note.strip()
    return save(appraisal, actor=actor, reason="Trả lại kết quả thẩm định để chấm lại")


# --- checklists of a case (QĐ 1179/QĐ-BTP, TT 09/2018/TT-BTP) --------------------------


def checklist_on(case: Case) -> date:
    return local_date(case.ended_at) if case.ended_at else timezone.localdate()


@transaction.atomic
def record_case_checklist(*, actor, case: Case, catalogue: str, criteria: list) -> list:
    """Which criteria of a catalogue hold for the case (those in force when it ended)."""
    case = Case.objects.select_for_update(of=("self",)).select_related("department").get(pk=case.pk)
    require(roles.can_record_case_checklists(actor, case))
    if catalogue == CaseCriterion.Catalogue.SUCCESSFUL and case.form != Form.LITIGATION:
        raise BusinessRuleError("Tiêu chí thành công chỉ áp dụng cho vụ việc tham gia tố tụng.")
    on = checklist_on(case)
    allowed = set(
        CaseCriterion.objects.in_force(on).filter(catalogue=catalogue).values_list("pk", flat=True)
    )
    wanted = {c.pk for c in criteria}
    if wanted - allowed:
        raise BusinessRuleError(f"Có tiêu chí không áp dụng vào ngày {on:%d/%m/%Y}.")
    existing = {
        m.criterion_id: m
        for m in CaseCriterionMark.objects.filter(case=case, criterion__catalogue=catalogue)
    }
    for pk in set(existing) - wanted:
        delete(existing[pk], actor=actor, reason="Bỏ tiêu chí")
    now = timezone.now()
    new = [
        CaseCriterionMark(case=case, criterion_id=pk, recorded_by=actor, recorded_at=now)
        for pk in sorted(wanted - set(existing))
    ]
    bulk_create(CaseCriterionMark, new, actor=actor, reason="Ghi nhận tiêu chí của vụ việc")
    return list(CaseCriterionMark.objects.filter(case=case, criterion__catalogue=catalogue))


# --- time appraisal (Điều 12) -------------------------------------------------------------


@transaction.atomic
def assign_time_appraisal(
    *, actor, case: Case, checker, claimed_hours: Decimal, claimed_work: str
) -> TimeAppraisal:
    """A leader assigns a person to check the hours and work the performer claims."""
    case = Case.objects.select_for_update(of=("self",)).select_related("department").get(pk=case.pk)
    require(roles.can_assign_time_appraisal(actor, case))
    if not case.performer_id:
        raise BusinessRuleError("Vụ việc chưa có người thực hiện.")
    if checker.pk == case.performer_id:
        raise BusinessRuleError(rules.SELF_APPRAISAL, field="checker")
    if checker.centre_id != case.centre_id or not checker.is_active:
        raise BusinessRuleError("Người thẩm định thời gian phải thuộc Trung tâm.", field="checker")
    if claimed_hours <= 0:
        raise BusinessRuleError("Số giờ kê khai phải lớn hơn 0.", field="claimed_hours")
    return create(
        TimeAppraisal,
        actor=actor,
        reason=f"Phân công {checker.full_name} thẩm định thời gian",
        case=case,
        performer_id=case.performer_id,
        checker=checker,
        assigned_by=actor,
        assigned_at=timezone.now(),
        claimed_hours=claimed_hours,
        claimed_work=claimed_work.strip(),
    )


@transaction.atomic
def confirm_time_appraisal(
    *, actor, time_appraisal: TimeAppraisal, confirmed_hours: Decimal, note: str = ""
) -> TimeAppraisal:
    """The checker confirms the hours that are reasonable (kept for the payment)."""
    ta = TimeAppraisal.objects.select_for_update(of=("self",)).get(pk=time_appraisal.pk)
    require(actor.pk == ta.checker_id, "Chỉ người được phân công xác nhận thời gian.")
    ta.status = check_transition(TIME_APPRAISAL_TRANSITIONS, "confirm", ta.status)
    if confirmed_hours < 0 or confirmed_hours > ta.claimed_hours:
        raise BusinessRuleError("Số giờ xác nhận từ 0 đến số giờ kê khai.", field="confirmed_hours")
    if confirmed_hours < ta.claimed_hours and not note.strip():
        raise BusinessRuleError("Ghi lý do không xác nhận đủ số giờ kê khai.", field="note")
    ta.confirmed_hours = confirmed_hours
    ta.note = note.strip()
    ta.confirmed_at = timezone.now()
    return save(ta, actor=actor, reason=f"Xác nhận {confirmed_hours} giờ")
