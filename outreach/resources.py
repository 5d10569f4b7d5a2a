"""Registers of activities, broadcasts and placements as .xlsx (no live formulas), and the
all-or-nothing import of placements (row errors in Vietnamese, with their line numbers)."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from import_export import fields, resources

from tgpl import geography
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency
from tgpl.search import normalize
from tgpl.spreadsheets import FormulaSafeMixin

from . import services
from .models import Activity, Material, Placement


def _f(attribute, header):
    return fields.Field(attribute=attribute, column_name=header)


class ActivityResource(FormulaSafeMixin, resources.Resource):
    starts_at = fields.Field(column_name="Thời gian")
    kind = _f("get_kind_display", "Hình thức")
    title = _f("title", "Nội dung")
    place = _f("place", "Địa điểm, kênh")
    department = _f("department__name", "Đơn vị thực hiện")
    languages = fields.Field(column_name="Ngôn ngữ")
    male = _f("participants_male", "Nam")
    female = _f("participants_female", "Nữ")
    ethnic = _f("ethnic_minority", "Dân tộc thiểu số")
    poor = _f("poor_households", "Hộ nghèo")
    disabled = _f("disabled", "Người khuyết tật")
    children = _f("children", "Trẻ em")
    dv = _f("domestic_violence_victims", "Nạn nhân BLGĐ")
    trafficking = _f("trafficking_victims", "Nạn nhân mua bán người")
    requests = _f("request_count", "Yêu cầu TGPL tiếp nhận")
    cost = _f("cost_vnd", "Kinh phí (đồng)")
    contract = _f("contract__number", "Hợp đồng")
    link = _f("link", "Đường dẫn")

    class Meta:
        model = Activity

    def dehydrate_starts_at(self, obj):
        return timezone.localtime(obj.starts_at).strftime("%d/%m/%Y %H:%M")

    def dehydrate_languages(self, obj):
        return ", ".join(lang.name for lang in obj.languages.all())


class PlacementResource(FormulaSafeMixin, resources.Resource):
    on = fields.Field(column_name="Ngày")
    kind = _f("material__get_kind_display", "Loại tài liệu")
    material = _f("material__title", "Tài liệu")
    quantity = _f("quantity", "Số lượng")
    commune = fields.Field(column_name="Xã, phường")
    agency = _f("agency__name", "Cơ quan, đơn vị")
    place_text = _f("place_text", "Vị trí")
    received_by = _f("received_by", "Người nhận")
    next_inspection_on = fields.Field(column_name="Hạn kiểm tra")

    class Meta:
        model = Placement

    def dehydrate_on(self, obj):
        return obj.on.strftime("%d/%m/%Y")

    def dehydrate_commune(self, obj):
        return geography.commune_name(obj.commune_code)

    def dehydrate_next_inspection_on(self, obj):
        return obj.next_inspection_on.strftime("%d/%m/%Y") if obj.next_inspection_on else ""


# --- import of placements -------------------------------------------------------------------

IMPORT_COLUMNS = ["Ngày", "Mã tài liệu", "Số lượng", "Xã, phường", "Cơ quan, đơn vị", "Vị trí",
                  "Người nhận"]  # fmt: skip


def _text(row, name) -> str:
    value = row.get(name)
    return "" if value is None else str(value).strip()


def _date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        day, month, year = (int(part) for part in str(value).strip().split("/"))
        return date(year, month, day)
    except ValueError:
        raise BusinessRuleError(f"Ngày không hợp lệ: “{value}” (dd/mm/yyyy).") from None


def _quantity(value) -> int:
    try:
        number = int(str(value).replace(".", "").strip())
    except ValueError:
        raise BusinessRuleError(f"Số lượng không hợp lệ: “{value}”.") from None
    if number < 1:
        raise BusinessRuleError("Số lượng phải lớn hơn 0.")
    return number


def _commune(name: str, province: int | None) -> int | None:
    if not name:
        return None
    wanted = normalize(name)
    for code, label in geography.commune_choices(province):
        if normalize(label) == wanted or normalize(label).split(" ", 1)[-1] == wanted:
            return code
    raise BusinessRuleError(f"Không có xã, phường “{name}” trong tỉnh.")


def _agency(name: str):
    if not name:
        return None
    wanted = normalize(name)
    for agency in Agency.objects.filter(is_active=True):
        if normalize(agency.name) == wanted or normalize(agency.short_name) == wanted:
            return agency
    raise BusinessRuleError(f"Không có cơ quan “{name}” trong danh mục.")


def _placement_row(actor, row, materials: dict[int, Material]) -> None:
    missing = [c for c in ("Ngày", "Mã tài liệu", "Số lượng", "Người nhận") if not _text(row, c)]
    if missing:
        raise BusinessRuleError("Thiếu: " + ", ".join(missing) + ".")
    try:
        material = materials[int(_text(row, "Mã tài liệu"))]
    except (KeyError, ValueError):
        raise BusinessRuleError(
            f"Không có tài liệu mã “{_text(row, 'Mã tài liệu')}” của Trung tâm."
        ) from None
    services.place_material(
        actor=actor,
        material=material,
        on=_date(row.get("Ngày")),
        quantity=_quantity(row.get("Số lượng")),
        commune_code=_commune(_text(row, "Xã, phường"), actor.centre.province_code),
        agency=_agency(_text(row, "Cơ quan, đơn vị")),
        place_text=_text(row, "Vị trí"),
        received_by=_text(row, "Người nhận"),
    )


def import_placements(*, actor, dataset) -> tuple[int, list[tuple[int, str]]]:
    """All or nothing: (rows imported, [(row number, error)]); the header is line 1."""
    headers = set(dataset.headers or [])
    absent = [c for c in ("Ngày", "Mã tài liệu", "Số lượng", "Người nhận") if c not in headers]
    if absent:
        return 0, [(1, "Thiếu cột: " + ", ".join(absent) + ".")]
    materials = {m.pk: m for m in Material.objects.filter(centre_id=actor.centre_id)}
    errors: list[tuple[int, str]] = []
    count = 0
    with transaction.atomic():
        for index, row in enumerate(dataset.dict, start=2):
            if not any(str(v or "").strip() for v in row.values()):
                continue
            try:
                with transaction.atomic():
                    _placement_row(actor, row, materials)
                count += 1
            except BusinessRuleError as exc:
                errors.append((index, exc.message))
        if errors:
            transaction.set_rollback(True)
            return 0, errors
    return count, errors
