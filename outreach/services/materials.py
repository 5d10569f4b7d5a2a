"""Materials produced, placed at communes and agencies, and inspected."""

from __future__ import annotations

import calendar
from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from outreach.models import Inspection, Material, Placement
from tgpl import geography, roles, targets
from tgpl.errors import BusinessRuleError
from tgpl.kernel import create, require, require_text, save

MATERIAL_FIELDS = {
    "kind", "title", "language", "quantity_produced", "produced_on", "cost_vnd",
    "inspection_months", "note",
}  # fmt: skip


def placed_quantity(material: Material) -> int:
    return material.placements.aggregate(n=Sum("quantity"))["n"] or 0


def add_months(on: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day)."""
    index = on.month - 1 + months
    year, month = on.year + index // 12, index % 12 + 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def next_inspection(material: Material, on: date) -> date | None:
    """Boards and boxes are checked `inspection_months` after they were placed or last
    inspected; other materials are not inspected."""
    if not material.is_inspected or not material.inspection_months:
        return None
    return add_months(on, material.inspection_months)


@transaction.atomic
def record_material(*, actor, fields: dict) -> Material:
    require(roles.can_record_outreach(actor))
    unknown = set(fields) - MATERIAL_FIELDS
    if unknown:
        raise ValueError(f"unknown material fields: {sorted(unknown)}")
    material = Material(centre=actor.centre, **fields)
    require_text(material.title, "Nhập tên tài liệu.", "title")
    if material.produced_on > timezone.localdate():
        raise BusinessRuleError("Ngày nhận không được ở tương lai.", field="produced_on")
    return save(material, actor=actor, reason="Ghi nhận tài liệu truyền thông")


@transaction.atomic
def place_material(
    *,
    actor,
    material: Material,
    on: date,
    quantity: int,
    received_by: str,
    commune_code: int | None = None,
    agency=None,
    place_text: str = "",
    plan_item_id: int | None = None,
) -> Placement:
    """Place some of a material; refused beyond the stock left (produced − placed)."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    require(roles.can_record_outreach(actor, material.centre))
    if quantity is None or quantity < 1:
        raise BusinessRuleError("Số lượng phải lớn hơn 0.", field="quantity")
    if on < material.produced_on:
        raise BusinessRuleError(
            f"Ngày cấp phát trước ngày nhận tài liệu ({material.produced_on:%d/%m/%Y}).",
            field="on",
        )
    if on > timezone.localdate():
        raise BusinessRuleError("Ngày cấp phát không được ở tương lai.", field="on")
    if not (commune_code or agency):
        raise BusinessRuleError("Chọn xã, phường hoặc cơ quan nhận.", field="commune_code")
    province = material.centre.province_code
    if commune_code and province and not geography.commune_in_province(commune_code, province):
        raise BusinessRuleError("Xã, phường không thuộc tỉnh của Trung tâm.", field="commune_code")
    received_by = require_text(received_by, "Ghi người nhận.", "received_by")
    left = material.quantity_produced - placed_quantity(material)
    if quantity > left:
        raise BusinessRuleError(
            f"Chỉ còn {left:,} trong kho, không đủ {quantity:,}.".replace(",", "."),
            field="quantity",
        )
    if plan_item_id is not None:
        linkable = {t.id for t in targets.linkable_tasks(actor, on.year)}
        if plan_item_id not in linkable:
            raise BusinessRuleError(
                "Chỉ gắn với nhiệm vụ của kế hoạch đã phê duyệt cùng năm của Trung tâm.",
                field="plan_item_id",
            )
    return create(
        Placement,
        actor=actor,
        reason="Cấp phát, lắp đặt tài liệu truyền thông",
        material=material,
        on=on,
        quantity=quantity,
        commune_code=commune_code,
        agency=agency,
        place_text=place_text,
        received_by=received_by,
        plan_item_id=plan_item_id,
        next_inspection_on=next_inspection(material, on),
        created_by=actor,
    )


@transaction.atomic
def record_inspection(
    *, actor, placement: Placement, on: date, result: str, note: str = ""
) -> Inspection:
    """A check of a board or box: the next one falls `inspection_months` later (none once
    it is removed)."""
    placement = (
        Placement.objects.select_for_update().select_related("material").get(pk=placement.pk)
    )
    require(roles.can_record_outreach(actor, placement.material.centre))
    if not placement.material.is_inspected:
        raise BusinessRuleError("Chỉ bảng thông tin, hộp tin được kiểm tra, thay thế.")
    if on < placement.on or on > timezone.localdate():
        raise BusinessRuleError("Ngày kiểm tra phải từ ngày lắp đặt đến hôm nay.", field="on")
    if result not in Inspection.Result.values:
        raise BusinessRuleError("Chọn kết quả kiểm tra.", field="result")
    inspection = create(
        Inspection,
        actor=actor,
        reason="Kiểm tra, thay thế bảng, hộp tin",
        placement=placement,
        on=on,
        result=result,
        note=note,
        inspected_by=actor,
    )
    placement.next_inspection_on = (
        None if result == Inspection.Result.REMOVED else next_inspection(placement.material, on)
    )
    save(
        placement,
        actor=actor,
        reason="Hạn kiểm tra tiếp theo",
        update_fields=["next_inspection_on"],
    )
    return inspection
