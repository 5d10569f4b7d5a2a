"""Registers as .xlsx (django-import-export): exports scoped to the user, no live formulas.

Imports go row by row through `services.receive_request` in one transaction: any row
error rolls everything back and the errors are shown with their row numbers.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from import_export import fields, resources

from cases import services
from cases.models import Case, EligibilityCategory, LegalAidRequest, LegalField, ProofDocument
from cases.states import Form, Sex
from tgpl.errors import BusinessRuleError
from tgpl.spreadsheets import FormulaSafeMixin


def _f(attribute, header):
    return fields.Field(attribute=attribute, column_name=header)


class RequestResource(FormulaSafeMixin, resources.Resource):
    """Sổ tiếp nhận: the columns anyone allowed to see the register may see."""

    id = _f("pk", "Số yêu cầu")
    received_at = fields.Field(column_name="Thời điểm tiếp nhận")
    channel = _f("get_channel_display", "Hình thức tiếp nhận")
    legal_field = _f("legal_field__name", "Lĩnh vực")
    form = _f("get_form_display", "Hình thức TGPL")
    status = _f("get_status_display", "Trạng thái")
    code = fields.Field(column_name="Mã vụ việc")
    sex = _f("get_sex_display", "Giới tính")
    birth_year = _f("birth_year", "Năm sinh")
    ethnicity = _f("ethnicity", "Dân tộc")

    class Meta:
        model = LegalAidRequest

    def dehydrate_received_at(self, obj):
        return timezone.localtime(obj.received_at).strftime("%d/%m/%Y %H:%M")

    def dehydrate_code(self, obj):
        case = getattr(obj, "case", None)
        return case.code if case else ""


class RequestPersonalResource(RequestResource):
    """Adds the applicant's personal data, for centre staff only."""

    full_name = _f("full_name", "Họ và tên")
    identity_number = _f("identity_number", "Số CCCD")
    phone = _f("phone", "Điện thoại")
    address = _f("address", "Địa chỉ")
    summary = _f("summary", "Nội dung vụ việc")


class CaseResource(FormulaSafeMixin, resources.Resource):
    code = _f("code", "Mã vụ việc")
    register = fields.Field(column_name="Số thụ lý")
    accepted_at = fields.Field(column_name="Ngày thụ lý")
    form = _f("get_form_display", "Hình thức")
    legal_field = _f("request__legal_field__name", "Lĩnh vực")
    department = _f("department__name", "Phòng, chi nhánh")
    performer = _f("performer__full_name", "Người thực hiện")
    status = _f("get_status_display", "Trạng thái")
    outcome = _f("get_outcome_display", "Kết quả")

    class Meta:
        model = Case

    def dehydrate_register(self, obj):
        return f"{obj.register_number:02d}/{obj.register_year}"

    def dehydrate_accepted_at(self, obj):
        return timezone.localtime(obj.accepted_at).strftime("%d/%m/%Y")


class CasePersonalResource(CaseResource):
    full_name = _f("request__full_name", "Người được TGPL")
    identity_number = _f("request__identity_number", "Số CCCD")
    summary = _f("request__summary", "Nội dung vụ việc")


# --- import ---------------------------------------------------------------------------------

IMPORT_COLUMNS = [
    ("Thời điểm tiếp nhận", "dd/mm/yyyy hh:mm"),
    ("Họ và tên", "bắt buộc"),
    ("Giới tính", "Nam / Nữ"),
    ("Năm sinh", "yyyy"),
    ("Dân tộc", "mặc định Kinh"),
    ("Số CCCD", "12 chữ số"),
    ("Điện thoại", ""),
    ("Địa chỉ", ""),
    ("Diện", "ký hiệu Điều 7, ngăn cách bằng dấu phẩy: 2, 7d"),
    ("Giấy tờ", "mã giấy tờ, ngăn cách bằng dấu phẩy: ho_ngheo"),
    ("Lĩnh vực", "mã hoặc tên lĩnh vực"),
    ("Hình thức", "Tư vấn pháp luật / Tham gia tố tụng / Đại diện ngoài tố tụng"),
    ("Nội dung", "bắt buộc"),
]


def _text(row, name) -> str:
    value = row.get(name)
    return "" if value is None else str(value).strip()


def _moment(value):
    if isinstance(value, datetime):
        return timezone.make_aware(value) if timezone.is_naive(value) else value
    text = str(value or "").strip()
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            return timezone.make_aware(datetime.strptime(text, fmt))  # noqa: DTZ007
        except ValueError:
            continue
    raise BusinessRuleError(f"Thời điểm tiếp nhận “{text}” không đúng dạng dd/mm/yyyy hh:mm.")


def _row_fields(row) -> tuple[dict, list, list]:
    name = _text(row, "Họ và tên")
    if not name:
        raise BusinessRuleError("Thiếu họ và tên.")
    sex = {"nam": Sex.MALE, "nữ": Sex.FEMALE, "nu": Sex.FEMALE}.get(_text(row, "Giới tính").lower())
    if sex is None:
        raise BusinessRuleError("Giới tính phải là Nam hoặc Nữ.")
    form_label = _text(row, "Hình thức").lower()
    form = next((v for v, label in Form.choices if form_label in (v, label.lower())), None)
    if form is None:
        raise BusinessRuleError(f"Hình thức “{_text(row, 'Hình thức')}” không hợp lệ.")
    field_text = _text(row, "Lĩnh vực")
    legal_field = (
        LegalField.objects.filter(code=field_text).first()
        or LegalField.objects.filter(name__iexact=field_text).first()
    )
    if legal_field is None:
        raise BusinessRuleError(f"Lĩnh vực “{field_text}” không có trong danh mục.")
    year = _text(row, "Năm sinh")
    received_at = _moment(row.get("Thời điểm tiếp nhận"))
    codes = [c.strip() for c in _text(row, "Diện").split(",") if c.strip()]
    on = timezone.localtime(received_at).date()
    categories = []
    for code in codes:
        category = (
            EligibilityCategory.objects.filter(code=code, valid_from__lte=on)
            .order_by("-valid_from")
            .first()
        )
        if category is None:
            raise BusinessRuleError(f"Diện “{code}” không có trong danh mục.")
        categories.append(category)
    proof_codes = [c.strip() for c in _text(row, "Giấy tờ").split(",") if c.strip()]
    proofs = list(ProofDocument.objects.filter(code__in=proof_codes))
    if len(proofs) != len(set(proof_codes)):
        raise BusinessRuleError("Có mã giấy tờ không có trong danh mục.")
    data = {
        "received_at": received_at,
        "channel": "in_person",
        "full_name": name,
        "sex": sex,
        "birth_year": int(float(year)) if year else None,
        "ethnicity": _text(row, "Dân tộc") or "Kinh",
        "identity_number": _text(row, "Số CCCD"),
        "phone": _text(row, "Điện thoại"),
        "address": _text(row, "Địa chỉ"),
        "legal_field": legal_field,
        "form": form,
        "summary": _text(row, "Nội dung"),
    }
    return data, categories, proofs


def import_requests(*, actor, dataset) -> tuple[int, list[tuple[int, str]]]:
    """All or nothing: (rows imported, [(row number, error)])."""
    errors: list[tuple[int, str]] = []
    count = 0
    with transaction.atomic():
        for index, row in enumerate(dataset.dict, start=2):
            try:
                data, categories, proofs = _row_fields(row)
                if not data["summary"]:
                    raise BusinessRuleError("Thiếu nội dung vụ việc.")
                with transaction.atomic():
                    services.receive_request(
                        actor=actor, fields=data, categories=categories, proofs=proofs
                    )
                count += 1
            except BusinessRuleError as exc:
                errors.append((index, exc.message))
            except (ValueError, TypeError) as exc:
                errors.append((index, f"Dữ liệu không hợp lệ: {exc}"))
        if errors:
            transaction.set_rollback(True)
            return 0, errors
    return count, errors
