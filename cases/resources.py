"""Registers as .xlsx (django-import-export): exports scoped to the user, no live formulas.

Imports: the request register row by row through `receive_request` in one transaction;
the old Sổ thụ lý checked row by row and written in bulk (services.check_register_row,
save_register_rows: issue 18.7). Either way any row error saves nothing and the errors
are shown with their row numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from import_export import fields, resources

from cases import selectors, services
from cases.models import Case, EligibilityCategory, LegalAidRequest, LegalField, ProofDocument
from cases.states import CaseStatus, Form, Sex
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import NOT_ALLOWED
from tgpl.models import Department
from tgpl.search import normalize
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


class _Lookups:
    """The catalogue rows, departments and performers a register file names, read once
    for the whole file (the bulk import asks the database nothing per row)."""

    def __init__(self, actor):
        self.actor = actor
        self._fields: dict[str, LegalField] | None = None
        self._field_names: dict[str, LegalField] = {}
        self._categories: dict[str, list[EligibilityCategory]] | None = None
        self._departments: dict[str, Department] | None = None
        self._users: dict[str, object] = {}

    def legal_field(self, row) -> LegalField:
        if self._fields is None:
            found = list(LegalField.objects.all())
            self._fields = {f.code: f for f in found}
            self._field_names = {f.name.lower(): f for f in found}
        text = _text(row, "Lĩnh vực")
        legal_field = self._fields.get(text) or self._field_names.get(text.lower())
        if legal_field is None:
            raise BusinessRuleError(f"Lĩnh vực “{text}” không có trong danh mục.")
        return legal_field

    def categories(self, row, received_at) -> list:
        if self._categories is None:
            self._categories = {}
            for category in EligibilityCategory.objects.order_by("-valid_from"):
                self._categories.setdefault(category.code, []).append(category)
        on = timezone.localtime(received_at).date()
        found = []
        for code in (c.strip() for c in _text(row, "Diện").split(",")):
            if not code:
                continue
            versions = [c for c in self._categories.get(code, ()) if c.valid_from <= on]
            if not versions:
                raise BusinessRuleError(f"Diện “{code}” không có trong danh mục.")
            found.append(versions[0])
        return found

    def department(self, short_code: str) -> Department:
        if self._departments is None:
            self._departments = {
                d.short_code.lower(): d
                for d in Department.objects.filter(
                    centre_id=self.actor.centre_id, is_active=True
                ).select_related("centre")
            }
        department = self._departments.get(short_code.lower())
        if department is None:
            raise BusinessRuleError(f"Không có phòng, chi nhánh mã “{short_code}” trong Trung tâm.")
        return department

    def performer(self, username: str):
        key = username.lower()
        if key not in self._users:
            from django.contrib.auth import get_user_model

            self._users[key] = (
                get_user_model()
                .objects.filter(centre_id=self.actor.centre_id, username__iexact=username)
                .select_related("performer")
                .prefetch_related("performer__contracts")
                .first()
            )
        performer = self._users[key]
        if performer is None:
            raise BusinessRuleError(f"Không tìm thấy người thực hiện “{username}” trong Trung tâm.")
        return performer


def _case_row(row, lookups: _Lookups) -> dict:
    """The keyword arguments of services.import_accepted_case for one register row."""
    name, sex = _name_and_sex(row)
    form = _choice(row, "Hình thức", Form)
    legal_field = lookups.legal_field(row)
    department = lookups.department(_text(row, "Phòng, chi nhánh"))
    received_at = _moment(row.get("Ngày tiếp nhận"), "Ngày tiếp nhận")
    accepted_at = _moment(row.get("Ngày thụ lý"), "Ngày thụ lý")
    username = _text(row, "Người thực hiện")
    performer = lookups.performer(username) if username else None
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
        "categories": lookups.categories(row, received_at),
        "department": department,
        "register_year": _whole_number(row, "Năm thụ lý"),
        "register_number": _whole_number(row, "Số thụ lý"),
        "code": _text(row, "Mã vụ việc"),
        "accepted_at": accepted_at,
        "status": status,
        "performer": performer,
    }


def _row_error(exc: Exception) -> str:
    if isinstance(exc, BusinessRuleError):
        return exc.message
    return f"Dữ liệu không hợp lệ: {exc}"


def _person_keys(row) -> tuple[str, tuple[str, int] | None]:
    """(CCCD, (name without accents, birth year)) of a row, as known_person_requests
    matches them."""
    try:
        birth_year = _birth_year(row)
    except BusinessRuleError:
        birth_year = None
    name_key = normalize(_text(row, "Họ và tên"))[:255]
    return _text(row, "Số CCCD"), ((name_key, birth_year) if name_key and birth_year else None)


def _known_warnings(actor, lines: list[tuple[int, dict]], chunk: int = 500):
    """The warnings of `_known_warning`, a query per `chunk` rows instead of one per row:
    earlier requests of the centre (those the user may see), and earlier rows of the file."""
    if not getattr(actor, "centre_id", None):
        return []
    warnings = []
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[str, int], int] = {}
    for start in range(0, len(lines), chunk):
        part = [(line, row, *_person_keys(row)) for line, row in lines[start : start + chunk]]
        ids = {number for _, _, number, _ in part if number}
        names = {key for _, _, _, key in part if key}
        match = Q(identity_number__in=ids) if ids else Q(pk__in=[])
        if names:
            match |= Q(name_key__in={n for n, _ in names}, birth_year__in={y for _, y in names})
        by_id: dict[str, list] = {}
        by_name: dict[tuple[str, int], list] = {}
        if ids or names:
            qs = (
                LegalAidRequest.objects.visible_to(actor)
                .filter(match, centre_id=actor.centre_id)
                .select_related("case", "legal_field")
                .order_by("-received_at", "-pk")
            )
            for req in qs:
                by_id.setdefault(req.identity_number, []).append(req)
                by_name.setdefault((req.name_key, req.birth_year), []).append(req)
        for line, row, number, key in part:
            found = [selectors.KnownRequest(r, by_identity=True) for r in by_id.get(number, [])]
            same = {k.request.pk for k in found}
            found += [
                selectors.KnownRequest(r, by_identity=False)
                for r in (by_name.get(key, []) if key else [])
                if r.pk not in same
            ]
            found.sort(key=lambda k: (k.request.received_at, k.request.pk), reverse=True)
            listed = [
                f"yêu cầu #{k.request.pk}"
                + (f" (vụ việc {k.case.code})" if k.case else "")
                + f" — {k.reason}"
                for k in found[: selectors.KNOWN_LIMIT]
            ]
            earlier = (seen_ids.get(number) if number else None) or (
                seen_names.get(key) if key else None
            )
            if earlier:
                listed.append(f"dòng {earlier} của tệp này")
            if number:
                seen_ids.setdefault(number, line)
            if key:
                seen_names.setdefault(key, line)
            if listed:
                warnings.append(
                    (line, f"Người “{_text(row, 'Họ và tên')}” có thể đã có: {'; '.join(listed)}.")
                )
    return warnings


def import_cases(*, actor, dataset, confirmed: bool = False) -> ImportOutcome:
    """All or nothing, like the request register, in bulk (issue 18.7): every row is read
    and checked first (row errors, with their Excel line), the known-person warnings are
    found a query per 500 rows, then, if nothing stops it, every row is written at once
    with its history (services.save_register_rows)."""
    outcome = ImportOutcome(confirmed=confirmed)
    lines = list(enumerate(dataset.dict, start=2))
    if not roles.can_receive_requests(actor):
        outcome.errors = [(line, NOT_ALLOWED) for line, _ in lines]
        return outcome
    lookups = _Lookups(actor)
    read: list[tuple[int, dict]] = []
    for line, row in lines:
        try:
            read.append((line, _case_row(row, lookups)))
        except (BusinessRuleError, ValueError, TypeError) as exc:
            outcome.errors.append((line, _row_error(exc)))
    taken = services.RegisterTaken.of(
        actor.centre_id,
        [(kw["register_year"], kw["register_number"]) for _, kw in read],
        [" ".join(kw["code"].split()) for _, kw in read],
    )
    prepared = []
    for line, kwargs in read:
        try:
            prepared.append(services.check_register_row(actor=actor, taken=taken, **kwargs))
        except (BusinessRuleError, ValueError, TypeError) as exc:
            outcome.errors.append((line, _row_error(exc)))
    outcome.errors.sort(key=lambda e: e[0])
    outcome.warnings = _known_warnings(actor, lines)
    if outcome.saved:
        outcome.count = len(services.save_register_rows(actor=actor, rows=prepared))
    return outcome
