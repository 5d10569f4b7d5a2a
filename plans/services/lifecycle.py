"""A plan's life: draft → approved → closed; saving, copying to next year."""

import datetime
from collections.abc import Mapping

from django.db import models, transaction
from django.utils import timezone

from plans.models import Milestone, Plan, PlanItem, PlanItemUnit, QuantityTarget
from plans.models_budget import BudgetLine
from plans.rules.years import BLANK_CITATION, shift_plan_years
from plans.states import PLAN_TRANSITIONS
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, check_transition, emit, save
from tgpl.models import User
from tgpl.search import search_key
from tgpl.timeframes import parse_timeframe

from .issuing import take_number
from .periods import replace_periods

S = Plan.Status


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().get(pk=plan.pk)


@transaction.atomic
def save_plan(*, plan: Plan, actor: User) -> Plan:
    """Save a plan's header (new or edited). Only drafts are edited."""
    if not roles.can_draft_plans(actor, plan.centre):
        raise BusinessRuleError("Bạn không có quyền sửa kế hoạch của Trung tâm này.")
    if plan.pk:
        stored = Plan.objects.filter(pk=plan.pk).values_list("status", flat=True).get()
        check_transition(PLAN_TRANSITIONS, "edit", stored)
    else:
        plan.created_by = actor
        plan.status = S.DRAFT
    duplicate = Plan.objects.filter(
        centre=plan.centre, year=plan.year, number=plan.number, symbol=plan.symbol
    ).exclude(pk=plan.pk)
    if plan.number and duplicate.exists():
        raise BusinessRuleError(
            f"Đã có kế hoạch số {plan.number_text} năm {plan.year}.", field="number"
        )
    reason = "Sửa kế hoạch" if plan.pk else "Tạo kế hoạch"
    plan.search_key = search_key(plan.number_text, plan.title)
    save(plan, actor=actor, reason=reason)
    return plan


def _require_cited_documents(plan: Plan) -> None:
    """A copied plan's yearly documents left blank (plans.rules.years) are filled in before
    the plan goes to the director: a plan is not signed citing "Kế hoạch số …"."""
    if BLANK_CITATION in plan.legal_bases or BLANK_CITATION in plan.budget_section:
        raise BusinessRuleError(
            "Phần căn cứ hoặc kinh phí còn văn bản chưa ghi số, ngày (…): sửa thông tin "
            f"chung, ghi văn bản năm {plan.year} được thực hiện."
        )


@transaction.atomic
def submit_plan(*, plan: Plan, actor: User) -> Plan:
    """Send a draft to the director for approval (it stays a draft until approved)."""
    plan = _locked(plan)
    if not roles.can_draft_plans(actor, plan.centre):
        raise BusinessRuleError("Bạn không có quyền trình kế hoạch của Trung tâm này.")
    check_transition(PLAN_TRANSITIONS, "submit", plan.status)
    if not plan.items.filter(kind=PlanItem.Kind.TASK).exists():
        raise BusinessRuleError("Kế hoạch chưa có nhiệm vụ nào: chưa trình phê duyệt được.")
    _require_cited_documents(plan)
    plan.submitted_by, plan.submitted_at = actor, timezone.now()
    save(plan, actor=actor, reason="Trình Giám đốc phê duyệt")
    emit("plan_submitted", actor=actor, plan=plan.pk)
    return plan


@transaction.atomic
def approve_plan(*, plan: Plan, actor: User, number: bool = True) -> Plan:
    """The director approves a draft. With `number` ("Phê duyệt và cấp số") the plan takes
    the next number of the register in this same transaction, dated today, so a failed
    approval uses no number; without it ("Phê duyệt", numbered later) it stays "Dự thảo"
    until the văn thư gives it its number (issue_plan, "Cấp số"). A plan entered with
    its number (imported) keeps it."""
    plan = Plan.objects.select_for_update().select_related("centre").get(pk=plan.pk)
    if not roles.can_approve_plans(actor, plan.centre):
        raise BusinessRuleError("Chỉ Giám đốc Trung tâm phê duyệt kế hoạch.")
    if not plan.items.filter(kind=PlanItem.Kind.TASK).exists():
        raise BusinessRuleError("Kế hoạch chưa có nhiệm vụ nào: không thể phê duyệt.")
    _require_cited_documents(plan)
    plan.status = check_transition(PLAN_TRANSITIONS, "approve", plan.status)
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    reason = "Phê duyệt kế hoạch"
    if number and not plan.number:
        issued = take_number(plan, actor=actor)
        reason = f"Phê duyệt và cấp số {issued.number_text}"
    save(plan, actor=actor, reason=reason)
    emit("plan_approved", actor=actor, plan=plan.pk)
    return plan


class Outcome(models.TextChoices):
    """What becomes of a task still open when its plan is closed."""

    DONE = "done", "Đã hoàn thành"
    CARRIED = "carried", "Chuyển sang kế hoạch năm sau"
    DROPPED = "dropped", "Không thực hiện (ghi lý do)"


def closing_is_due(plan: Plan, today: datetime.date) -> bool:
    """A plan is offered for closing when its year ends: from 1 December of its year,
    and at once for a plan of a past year."""
    return plan.status == S.APPROVED and (
        plan.year < today.year or (plan.year == today.year and today.month == 12)
    )


@transaction.atomic
def close_plan(
    *, plan: Plan, actor: User, outcomes: Mapping[int, tuple[str, str]] | None = None
) -> Plan:
    """Kết thúc kế hoạch: every task still open is marked done, carried to the next
    year's plan, or dropped with a reason (`outcomes`: task id -> (Outcome, reason)).

    A closed plan's tasks are no longer overdue and leave the reminders and the boards.
    A task done with quantity targets keeps the percent its targets give.
    """
    plan = _locked(plan)
    if not roles.can_approve_plans(actor, plan.centre):
        raise BusinessRuleError("Chỉ Giám đốc Trung tâm kết thúc kế hoạch.")
    plan.status = check_transition(PLAN_TRANSITIONS, "close", plan.status)
    outcomes = outcomes or {}
    open_tasks = list(
        plan.items.filter(kind=PlanItem.Kind.TASK, status__in=PlanItem.OPEN_STATUSES)
        .order_by("position")
        .prefetch_related("quantities")
    )
    missing = [t.path for t in open_tasks if t.pk not in outcomes]
    if missing:
        raise BusinessRuleError(
            "Còn nhiệm vụ chưa hoàn thành: chọn kết quả cho mục " + ", ".join(missing) + "."
        )
    today = timezone.localdate()
    ended = min(today, datetime.date(plan.year, 12, 31))
    reason = f"Kết thúc kế hoạch {plan.number_text}"
    for task in open_tasks:
        outcome, note = outcomes[task.pk][0], " ".join(outcomes[task.pk][1].split())
        if outcome == Outcome.DONE:
            derived = task.target_percent()
            task.status, task.completed_at = PlanItem.Status.DONE, ended
            task.percent = 100 if derived is None else derived
        elif outcome == Outcome.CARRIED:
            task.status = PlanItem.Status.CARRIED
            note = note or f"Chuyển sang kế hoạch năm {plan.year + 1}."
        elif outcome == Outcome.DROPPED:
            if not note:
                raise BusinessRuleError(f"Ghi lý do không thực hiện nhiệm vụ mục {task.path}.")
            task.status = PlanItem.Status.DROPPED
        else:
            raise BusinessRuleError(f"Kết quả “{outcome}” của mục {task.path} không hợp lệ.")
        task.closing_note = note[:500]
        save(task, actor=actor, reason=reason)
    plan.closed_at = timezone.now()
    save(plan, actor=actor, reason="Kết thúc kế hoạch")
    return plan


@transaction.atomic
def reopen_plan(*, plan: Plan, actor: User) -> Plan:
    """Back to draft to correct it (the approval is withdrawn)."""
    plan = _locked(plan)
    if not roles.can_approve_plans(actor, plan.centre):
        raise BusinessRuleError("Chỉ Giám đốc Trung tâm trả kế hoạch về dự thảo.")
    if plan.items.filter(updates__isnull=False).exists():
        raise BusinessRuleError("Kế hoạch đã có báo cáo tiến độ: không thể trả về dự thảo.")
    plan.status = check_transition(PLAN_TRANSITIONS, "reopen", plan.status)
    plan.approved_by = None
    plan.approved_at = None
    save(plan, actor=actor, reason="Trả về dự thảo")
    return plan


@transaction.atomic
def copy_plan_to_next_year(*, plan: Plan, actor: User) -> Plan:
    """A draft for next year with the same items and budget lines, no progress, no funding
    or spending, and the years of its texts moved on where they are the plan's year
    (plans.rules.years: cited documents' numbers and dates stay, a yearly one's are left
    blank)."""
    if not roles.can_draft_plans(actor, plan.centre):
        raise BusinessRuleError("Bạn không có quyền tạo kế hoạch của Trung tâm này.")
    old, new = plan.year, plan.year + 1

    def shift(text: str) -> str:
        return shift_plan_years(text, old)

    copy = Plan(
        centre=plan.centre,
        number=None,
        symbol=plan.symbol,
        kind=plan.kind,
        issuing_body=plan.issuing_body,
        place=plan.place,
        date=None,
        year=new,
        title=shift(plan.title),
        legal_bases=shift_plan_years(plan.legal_bases, old, basis=True),
        purpose=shift(plan.purpose),
        budget_section=shift_plan_years(plan.budget_section, old, basis=True),
        organisation_section=shift(plan.organisation_section),
        recipients=plan.recipients,
        signer_name=plan.signer_name,
        signer_title=plan.signer_title,
        signer_on_behalf=plan.signer_on_behalf,
        copied_from=plan,
        created_by=actor,
    )
    copy.search_key = search_key(copy.title)
    reason = f"Sao chép từ kế hoạch năm {old}"
    save(copy, actor=actor, reason=reason)
    items = list(
        plan.items.order_by("position").prefetch_related("units", "quantities", "milestones")
    )
    new_items: dict[int, PlanItem] = {}
    for item in items:
        text = shift(item.timeframe_text)
        parsed = parse_timeframe(text, default_year=new) if text else None
        clone = PlanItem(
            plan=copy,
            parent=new_items.get(item.parent_id) if item.parent_id else None,
            path=item.path,
            number=item.number,
            level=item.level,
            position=item.position,
            kind=item.kind,
            title=shift(item.title),
            body=shift(item.body),
            note=item.note,
            timeframe_text=text,
            start=parsed.start if parsed else None,
            due=parsed.end if parsed else None,
            recurrence=parsed.recurrence if parsed else "none",
            expected_result=shift(item.expected_result),
            budget_vnd=item.budget_vnd,
        )
        save(clone, actor=actor, reason=reason)
        replace_periods(clone, new)
        new_items[item.pk] = clone
        bulk_create(
            PlanItemUnit,
            [
                PlanItemUnit(
                    item=clone,
                    role=u.role,
                    position=u.position,
                    department_id=u.department_id,
                    agency_id=u.agency_id,
                    collective=u.collective,
                    people=u.people,
                    name=u.name,
                )
                for u in item.units.all()
            ],
            actor=actor,
            reason=reason,
        )
        bulk_create(
            QuantityTarget,
            [
                QuantityTarget(item=clone, label=q.label, target=q.target)
                for q in item.quantities.all()
            ],
            actor=actor,
            reason=reason,
        )
        bulk_create(
            Milestone,
            [
                Milestone(
                    item=clone,
                    position=m.position,
                    title=shift(m.title),
                    owner_department_id=m.owner_department_id,
                    owner_text=m.owner_text,
                    due=m.due.replace(year=m.due.year + 1)
                    if m.due and not (m.due.month == 2 and m.due.day == 29)
                    else None,
                )
                for m in item.milestones.all()
            ],
            actor=actor,
            reason=reason,
        )
    # the budget lines as planned (issue 17.8), on the copied tasks; funding decisions,
    # commitments and payments belong to their year and stay behind
    bulk_create(
        BudgetLine,
        [
            BudgetLine(
                plan=copy,
                item=new_items.get(x.item_id) if x.item_id else None,
                position=x.position,
                label=shift(x.label),
                kind=x.kind,
                planned_vnd=x.planned_vnd,
            )
            for x in plan.budget_lines.all()
        ],
        actor=actor,
        reason=reason,
    )
    return copy
