"""Tasks of a plan: editing them in a draft, reporting progress once approved."""

from datetime import date

from django.db import transaction

from plans.models import (
    Milestone,
    Plan,
    PlanItem,
    PlanItemUnit,
    ProgressUpdate,
    QuantityTarget,
    collectives_cover,
)
from plans.rules.progress import percent_from_targets, shortfalls
from plans.states import PLAN_TRANSITIONS
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, delete, save
from tgpl.models import Department, User
from tgpl.timeframes import parse_timeframe

from .periods import replace_periods
from .units import build_units, unit_catalogue

T = PlanItem.Status


def owner_departments(item: PlanItem) -> list[Department]:
    """The departments that lead a task, collectives ("Các Phòng, Chi nhánh") expanded and
    people ("Các Trợ giúp viên pháp lý") standing for the departments they work in.

    Uses `item.units` (prefetch it, with `department`) and the plan's centre departments.
    """
    departments: dict[int, Department] = {}
    leads = [u for u in item.units.all() if u.role == PlanItemUnit.Role.LEAD]
    collectives = {u.collective for u in leads if u.collective}
    for unit in leads:
        if unit.department_id and unit.department is not None:
            departments[unit.department_id] = unit.department
    if collectives:
        for dept in Department.objects.filter(centre_id=item.plan.centre_id, is_active=True):
            if collectives_cover(collectives, dept.kind):
                departments[dept.pk] = dept
    people = {u.people for u in leads if u.people}
    if people:  # "Các Trợ giúp viên pháp lý": the departments those people work in
        centre_departments = Department.objects.filter(
            centre_id=item.plan.centre_id, is_active=True
        )
        for dept in roles.departments_of_people(centre_departments, people):
            departments.setdefault(dept.pk, dept)
    return list(departments.values())


def can_update(user: User, item: PlanItem) -> bool:
    return roles.can_update_task_of(user, owner_departments(item), item.plan.centre)


@transaction.atomic
def save_item(
    *, item: PlanItem, actor: User, lead: list[str] | None = None, partners: list[str] | None = None
) -> PlanItem:
    """Create or edit an item of a draft plan; the time frame text is parsed again."""
    plan = Plan.objects.select_for_update().get(pk=item.plan_id)
    if not roles.can_draft_plans(actor, plan.centre):
        raise BusinessRuleError("Bạn không có quyền sửa kế hoạch này.")
    if not PLAN_TRANSITIONS.can("edit", plan.status):
        raise BusinessRuleError("Kế hoạch đã phê duyệt: không sửa nội dung nhiệm vụ được nữa.")
    clash = PlanItem.objects.filter(plan=plan, path=item.path).exclude(pk=item.pk)
    if clash.exists():
        raise BusinessRuleError(f"Đã có mục ở vị trí “{item.path}”.", field="path")
    parsed = parse_timeframe(item.timeframe_text, default_year=plan.year)
    item.start, item.due, item.recurrence = parsed.start, parsed.end, parsed.recurrence
    item.level = item.path.count(".")
    if not item.pk:
        last = plan.items.order_by("-position").values_list("position", flat=True).first()
        item.position = (last or 0) + 1
        parent_path = item.path.rsplit(".", 1)[0] if "." in item.path else None
        item.parent = plan.items.filter(path=parent_path).first() if parent_path else None
    save(item, actor=actor, reason="Sửa nhiệm vụ" if item.pk else "Thêm nhiệm vụ")
    replace_periods(item, plan.year)
    if lead is not None or partners is not None:
        set_item_units(item=item, lead=lead or [], partners=partners or [], actor=actor)
    return item


def set_item_units(*, item: PlanItem, lead: list[str], partners: list[str], actor: User) -> None:
    """Replace a task's owners and partners by these names (matched to known units)."""
    known = unit_catalogue(item.plan.centre)
    reason = "Sửa đơn vị chủ trì, phối hợp"
    for unit in item.units.all():
        delete(unit, actor=actor, reason=reason)
    rows = build_units(item, PlanItemUnit.Role.LEAD, lead, known)
    rows += build_units(item, PlanItemUnit.Role.PARTNER, partners, known)
    bulk_create(PlanItemUnit, rows, actor=actor, reason=reason)


@transaction.atomic
def record_progress(
    *,
    item: PlanItem,
    actor: User,
    on: date,
    note: str,
    percent: int | None = None,
    quantity: QuantityTarget | None = None,
    quantity_achieved: int | None = None,
    evidence_number: str = "",
    evidence_file=None,
    done: bool = False,
) -> ProgressUpdate:
    """Report progress on a task of an approved plan, by its owner departments or leaders.

    A task with quantity targets takes its percent from them (plans.rules.progress): a
    typed percent is refused, and "done" only when every target is met.
    """
    item = PlanItem.objects.select_for_update().select_related("plan__centre").get(pk=item.pk)
    if not PLAN_TRANSITIONS.can("report_progress", item.plan.status):
        raise BusinessRuleError(
            "Chỉ báo cáo tiến độ cho kế hoạch đã được phê duyệt và chưa kết thúc."
        )
    if not item.is_task:
        raise BusinessRuleError("Đây là mục tiêu đề, không phải nhiệm vụ: báo cáo ở nhiệm vụ con.")
    if not can_update(actor, item):
        raise BusinessRuleError(
            "Chỉ phòng chủ trì nhiệm vụ (hoặc Lãnh đạo Trung tâm) báo cáo tiến độ."
        )
    if not note.strip():
        raise BusinessRuleError("Ghi rõ nội dung đã thực hiện.", field="note")
    if percent is not None and not 0 <= percent <= 100:
        raise BusinessRuleError("Tiến độ phải từ 0 đến 100%.", field="percent")
    if quantity is not None and quantity.item_id != item.pk:
        raise BusinessRuleError("Chỉ tiêu không thuộc nhiệm vụ này.", field="quantity")
    if (quantity is None) != (quantity_achieved in (None, 0)):
        raise BusinessRuleError(
            "Chọn chỉ tiêu và nhập số lượng đạt thêm cùng nhau.", field="quantity"
        )
    has_targets = item.quantities.exists()
    if has_targets and percent is not None:
        raise BusinessRuleError(
            "Nhiệm vụ có chỉ tiêu số lượng: tiến độ được tính từ số lượng đã thực hiện, "
            "không nhập tay.",
            field="percent",
        )
    update = ProgressUpdate.objects.create(
        item=item,
        date=on,
        note=note.strip(),
        percent=percent,
        quantity=quantity,
        quantity_achieved=quantity_achieved or None,
        evidence_number=evidence_number.strip(),
        evidence_file=evidence_file or "",
        author=actor,
    )
    if quantity is not None:
        target = QuantityTarget.objects.select_for_update().get(pk=quantity.pk)
        target.achieved += quantity_achieved or 0
        save(target, actor=actor, reason=f"Báo cáo tiến độ ngày {on:%d/%m/%Y}")
    if has_targets:
        targets = list(item.quantities.all())
        missing = shortfalls((q.label, q.achieved, q.target) for q in targets)
        if done and missing:
            raise BusinessRuleError(
                "Chưa đạt chỉ tiêu (" + "; ".join(missing) + "): ghi số lượng đã thực hiện "
                "trước khi báo hoàn thành.",
                field="done",
            )
        percent = percent_from_targets((q.achieved, q.target) for q in targets)
    elif done:
        percent = 100
    if percent is not None:
        item.percent = percent
    if item.percent >= 100:
        item.status, item.completed_at = T.DONE, item.completed_at or on
    elif item.percent > 0 or item.status == T.NOT_STARTED:
        item.status, item.completed_at = T.IN_PROGRESS, None
    save(item, actor=actor, reason=f"Báo cáo tiến độ ngày {on:%d/%m/%Y}")
    return update


@transaction.atomic
def complete_milestone(*, milestone: Milestone, actor: User, on: date) -> Milestone:
    milestone = (
        Milestone.objects.select_for_update()
        .select_related("item__plan__centre")
        .get(pk=milestone.pk)
    )
    item = milestone.item
    if not PLAN_TRANSITIONS.can("report_progress", item.plan.status):
        raise BusinessRuleError("Kế hoạch chưa được phê duyệt hoặc đã kết thúc.")
    owners = owner_departments(item)
    if milestone.owner_department is not None:
        owners = [*owners, milestone.owner_department]
    if not roles.can_update_task_of(actor, owners, item.plan.centre):
        raise BusinessRuleError("Chỉ đơn vị được giao (hoặc Lãnh đạo Trung tâm) xác nhận mốc này.")
    if milestone.done_at:
        raise BusinessRuleError("Mốc này đã được xác nhận hoàn thành.")
    milestone.done_at = on
    milestone.done_by = actor
    save(milestone, actor=actor, reason="Xác nhận hoàn thành mốc")
    return milestone
