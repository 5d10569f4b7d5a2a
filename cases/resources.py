"""Registers as .xlsx (django-import-export): exports scoped to the user, no live formulas.

Imports go row by row through the services (`receive_request` for the request
register, `import_accepted_case` for the old Sổ thụ lý) in one transaction: any row
error rolls everything back and the errors are shown with their row numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from import_export import fields, resources

from cases import selectors, services
from cases.models import Case, EligibilityCategory, LegalAidRequest, LegalField, ProofDocument
from cases.states import CaseStatus, Form, Sex
from tgpl.errors import BusinessRuleError
from tgpl.models import Department
from tgpl.spreadsheets import FormulaSafeMixin


def _f(attribute, header):
    return fields.Field(attribute=attribute, column_name=header)


class RequestResource(FormulaSafeMixin, resources.Resource):
    """Sổ tiếp nhận, the columns of the request; the register exported is
    RequestPersonalResource (a row per person: centre people only, never the Sở
    reviewer, who exports counts, cases/views/statistics.py)."""

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
    """Sổ thụ lý, the columns of the case; exported as CasePersonalResource."""

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


def _moment(value, label: str = "Thời điểm tiếp nhận"):
    if isinstance(value, datetime):
        return timezone.make_aware(value) if timezone.is_naive(value) else value
    text = str(value or "").strip()
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            return timezone.make_aware(datetime.strptime(text, fmt))  # noqa: DTZ007
        except ValueError:
            continue
    raise BusinessRuleError(f"{label} “{text}” không đúng dạng dd/mm/yyyy hh:mm.")


def _choice(row, column: str, choices):
    """A choice written as its value or its label (any case)."""
    text = _text(row, column).lower()
    value = next((v for v, label in choices.choices if text in (v, label.lower())), None)
    if value is None:
        raise BusinessRuleError(f"{column} “{_text(row, column)}” không hợp lệ.")
    return value


def _legal_field(row) -> LegalField:
    text = _text(row, "Lĩnh vực")
    legal_field = (
        LegalField.objects.filter(code=text).first()
        or LegalField.objects.filter(name__iexact=text).first()
    )
    if legal_field is None:
        raise BusinessRuleError(f"Lĩnh vực “{text}” không có trong danh mục.")
    return legal_field


def _categories(row, received_at) -> list:
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
    return categories


def _name_and_sex(row) -> tuple[str, str]:
    name = _text(row, "Họ và tên")
    if not name:
        raise BusinessRuleError("Thiếu họ và tên.")
    sex = {"nam": Sex.MALE, "nữ": Sex.FEMALE, "nu": Sex.FEMALE}.get(_text(row, "Giới tính").lower())
    if sex is None:
        raise BusinessRuleError("Giới tính phải là Nam hoặc Nữ.")
    return name, sex


def _birth_year(row) -> int | None:
    text = _text(row, "Năm sinh")
    try:
        return int(float(text)) if text else None
    except ValueError:
        raise BusinessRuleError(f"Năm sinh “{text}” không hợp lệ.") from None


def _row_fields(row) -> tuple[dict, list, list]:
    name, sex = _name_and_sex(row)
    form = _choice(row, "Hình thức", Form)
    legal_field = _legal_field(row)
    received_at = _moment(row.get("Thời điểm tiếp nhận"))
    categories = _categories(row, received_at)
    proof_codes = [c.strip() for c in _text(row, "Giấy tờ").split(",") if c.strip()]
    proofs = list(ProofDocument.objects.filter(code__in=proof_codes))
    if len(proofs) != len(set(proof_codes)):
        raise BusinessRuleError("Có mã giấy tờ không có trong danh mục.")
    data = {
        "received_at": received_at,
        "channel": "in_person",
        "full_name": name,
        "sex": sex,
        "birth_year": _birth_year(row),
        "ethnicity": _text(row, "Dân tộc") or "Kinh",
        "identity_number": _text(row, "Số CCCD"),
        "phone": _text(row, "Điện thoại"),
        "address": _text(row, "Địa chỉ"),
        "legal_field": legal_field,
        "form": form,
        "summary": _text(row, "Nội dung"),
    }
    return data, categories, proofs


@dataclass
class ImportOutcome:
    """What an import did: rows saved, row errors (nothing saved), row warnings (a person
    who may already be known); with warnings and no confirmation nothing is saved either:
    the page is a preview to confirm."""

    count: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    confirmed: bool = False

    @property
    def saved(self) -> bool:
        return not self.errors and (self.confirmed or not self.warnings)


def _known_warning(actor, row) -> str | None:
    """Earlier requests of the row's person (selectors.known_person_requests): the rows
    already read from the same file count too."""
    try:
        birth_year = _birth_year(row)
    except BusinessRuleError:
        birth_year = None
    known = selectors.known_person_requests(
        actor,
        identity_number=_text(row, "Số CCCD"),
        full_name=_text(row, "Họ và tên"),
        birth_year=birth_year,
    )
    if not known:
        return None
    listed = "; ".join(
        f"yêu cầu #{k.request.pk}"
        + (f" (vụ việc {k.case.code})" if k.case else "")
        + f" — {k.reason}"
        for k in known
    )
    return f"Người “{_text(row, 'Họ và tên')}” có thể đã có: {listed}."


def _import_rows(dataset, import_row, *, actor, confirmed: bool) -> ImportOutcome:
    """Run `import_row` on every row in one transaction; any error rolls back them all,
    and so do warnings not yet confirmed (the preview).

    Each row runs in its own savepoint so that every failing row (not only the
    first) is reported, with its Excel line number (the header is line 1).
    """
    outcome = ImportOutcome(confirmed=confirmed)
    with transaction.atomic():
        for index, row in enumerate(dataset.dict, start=2):
            warning = _known_warning(actor, row)
            if warning:
                outcome.warnings.append((index, warning))
            try:
                with transaction.atomic():
                    import_row(row)
                outcome.count += 1
            except BusinessRuleError as exc:
                outcome.errors.append((index, exc.message))
            except (ValueError, TypeError) as exc:
                outcome.errors.append((index, f"Dữ liệu không hợp lệ: {exc}"))
        if not outcome.saved:
            transaction.set_rollback(True)
            outcome.count = 0
    return outcome


def _import_request_row(actor, row) -> None:
    data, categories, proofs = _row_fields(row)
    if not data["summary"]:
        raise BusinessRuleError("Thiếu nội dung vụ việc.")
    services.receive_request(actor=actor, fields=data, categories=categories, proofs=proofs)


def import_requests(*, actor, dataset, confirmed: bool = False) -> ImportOutcome:
    """All or nothing: every row saved, or the row errors (and warnings) to show."""
    return _import_rows(
        dataset, lambda row: _import_request_row(actor, row), actor=actor, confirmed=confirmed
    )


# --- import of the old intake register (Sổ thụ lý) -----------------------------------

CASE_IMPORT_COLUMNS = [
    ("Năm thụ lý", "yyyy"),
    ("Số thụ lý", "số thứ tự trong sổ của năm"),
    ("Mã vụ việc", "giữ nguyên như trong sổ: TT.TV.01.2024"),
    ("Hình thức", "Tư vấn pháp luật / Tham gia tố tụng / Đại diện ngoài tố tụng"),
    ("Lĩnh vực", "mã hoặc tên lĩnh vực"),
    ("Phòng, chi nhánh", "mã viết tắt: NV, CN1"),
    ("Họ và tên", "người được TGPL, bắt buộc"),
    ("Giới tính", "Nam / Nữ"),
    ("Năm sinh", "yyyy"),
    ("Số CCCD", "12 chữ số, có thể để trống"),
    ("Ngày tiếp nhận", "dd/mm/yyyy"),
    ("Ngày thụ lý", "dd/mm/yyyy"),
    ("Người thực hiện", "tên đăng nhập, có thể để trống"),
    ("Trạng thái", "Chờ cử người / Đã cử người / Đang thực hiện"),
    ("Diện", "không bắt buộc: ký hiệu Điều 7, ngăn cách bằng dấu phẩy"),
    ("Nội dung", "không bắt buộc"),
]


def _whole_number(row, column: str) -> int:
    text = _text(row, column)
    try:
        number = float(text)
    except ValueError:
        raise BusinessRuleError(f"{column} “{text}” phải là một số.") from None
    if not number.is_integer():
        raise BusinessRuleError(f"{column} “{text}” phải là số nguyên.")
    return int(number)


def _case_row(row, actor) -> dict:
    """The keyword arguments of services.import_accepted_case for one register row."""
    from django.contrib.auth import get_user_model

    name, sex = _name_and_sex(row)
    form = _choice(row, "Hình thức", Form)
    legal_field = _legal_field(row)
    short_code = _text(row, "Phòng, chi nhánh")
    department = Department.objects.filter(
        centre_id=actor.centre_id, short_code__iexact=short_code, is_active=True
    ).first()
    if department is None:
        raise BusinessRuleError(f"Không có phòng, chi nhánh mã “{short_code}” trong Trung tâm.")
    received_at = _moment(row.get("Ngày tiếp nhận"), "Ngày tiếp nhận")
    accepted_at = _moment(row.get("Ngày thụ lý"), "Ngày thụ lý")
    username = _text(row, "Người thực hiện")
    performer = None
    if username:
        performer = (
            get_user_model()
            .objects.filter(centre_id=actor.centre_id, username__iexact=username)
            .first()
        )
        if performer is None:
            raise BusinessRuleError(f"Không tìm thấy người thực hiện “{username}” trong Trung tâm.")
    status_text = _text(row, "Trạng thái")
    status = (
        _choice(row, "Trạng thái", CaseStatus) if status_text else CaseStatus.AWAITING_ASSIGNMENT
    )
    fields = {
        "received_at": received_at,
        "channel": "in_person",
        "full_name": name,
        "sex": sex,
        "birth_year": _birth_year(row),
        "identity_number": _text(row, "Số CCCD"),
        "legal_field": legal_field,
        "form": form,
        "summary": _text(row, "Nội dung") or "Nhập từ sổ thụ lý cũ.",
    }
    return {
        "fields": fields,
        "categories": _categories(row, received_at),
        "department": department,
        "register_year": _whole_number(row, "Năm thụ lý"),
        "register_number": _whole_number(row, "Số thụ lý"),
        "code": _text(row, "Mã vụ việc"),
        "accepted_at": accepted_at,
        "status": status,
        "performer": performer,
    }


def import_cases(*, actor, dataset, confirmed: bool = False) -> ImportOutcome:
    """All or nothing, like the request register."""
    return _import_rows(
        dataset,
        lambda row: services.import_accepted_case(actor=actor, **_case_row(row, actor)),
        actor=actor,
        confirmed=confirmed,
    )
