"""A plan's life: draft → approved → closed; saving, copying to next year."""

import re

from django.db import transaction
from django.utils import timezone

from plans.models import Milestone, Plan, PlanItem, PlanItemUnit, QuantityTarget
from plans.states import PLAN_TRANSITIONS
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, check_transition, emit, save
from tgpl.models import User
from tgpl.search import search_key
from tgpl.timeframes import parse_timeframe

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


@transaction.atomic
def submit_plan(*, plan: Plan, actor: User) -> Plan:
    """Send a draft to the director for approval (it stays a draft until approved)."""
    plan = _locked(plan)
    if not roles.can_draft_plans(actor, plan.centre):
        raise BusinessRuleError("Bạn không có quyền trình kế hoạch của Trung tâm này.")
    check_transition(PLAN_TRANSITIONS, "submit", plan.status)
    if not plan.items.filter(kind=PlanItem.Kind.TASK).exists():
        raise BusinessRuleError("Kế hoạch chưa có nhiệm vụ nào: chưa trình phê duyệt được.")
    plan.submitted_by, plan.submitted_at = actor, timezone.now()
    save(plan, actor=actor, reason="Trình Giám đốc phê duyệt")
    emit("plan_submitted", actor=actor, plan=plan.pk)
    return plan


@transaction.atomic
def approve_plan(*, plan: Plan, actor: User) -> Plan:
    plan = _locked(plan)
    if not roles.can_approve_plans(actor, plan.centre):
        raise BusinessRuleError("Chỉ Giám đốc Trung tâm phê duyệt kế hoạch.")
    if not plan.items.filter(kind=PlanItem.Kind.TASK).exists():
        raise BusinessRuleError("Kế hoạch chưa có nhiệm vụ nào: không thể phê duyệt.")
    plan.status = check_transition(PLAN_TRANSITIONS, "approve", plan.status)
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    save(plan, actor=actor, reason="Phê duyệt kế hoạch")
    emit("plan_approved", actor=actor, plan=plan.pk)
    return plan


@transaction.atomic
def close_plan(*, plan: Plan, actor: User) -> Plan:
    plan = _locked(plan)
    if not roles.can_approve_plans(actor, plan.centre):
        raise BusinessRuleError("Chỉ Giám đốc Trung tâm kết thúc kế hoạch.")
    plan.status = check_transition(PLAN_TRANSITIONS, "close", plan.status)
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


def _shift_years(text: str, old: int, new: int) -> str:
    return re.sub(rf"(?<!\d){old}(?!\d)", str(new), text or "")


@transaction.atomic
def copy_plan_to_next_year(*, plan: Plan, actor: User) -> Plan:
    """A draft for next year with the same items, years in texts moved on, no progress."""
    if not roles.can_draft_plans(actor, plan.centre):
        raise BusinessRuleError("Bạn không có quyền tạo kế hoạch của Trung tâm này.")
    old, new = plan.year, plan.year + 1
    copy = Plan(
        centre=plan.centre,
        number=None,
        symbol=plan.symbol,
        kind=plan.kind,
        issuing_body=plan.issuing_body,
        place=plan.place,
        date=None,
        year=new,
        title=_shift_years(plan.title, old, new),
        legal_bases=plan.legal_bases,
        purpose=_shift_years(plan.purpose, old, new),
        budget_section=plan.budget_section,
        organisation_section=plan.organisation_section,
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
        text = _shift_years(item.timeframe_text, old, new)
        parsed = parse_timeframe(text, default_year=new) if text else None
        clone = PlanItem(
            plan=copy,
            parent=new_items.get(item.parent_id) if item.parent_id else None,
            path=item.path,
            number=item.number,
            level=item.level,
            position=item.position,
            kind=item.kind,
            title=_shift_years(item.title, old, new),
            body=_shift_years(item.body, old, new),
            note=item.note,
            timeframe_text=text,
            start=parsed.start if parsed else None,
            due=parsed.end if parsed else None,
            recurrence=parsed.recurrence if parsed else "none",
            expected_result=item.expected_result,
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
                    title=_shift_years(m.title, old, new),
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
    return copy
