"""The yearly review of the communes (ĐBKK, border, poor, ethnic composition) and the
grassroots contacts in each commune."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from outreach.models import CommuneContact, CommuneYear
from tgpl import geography, roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, create, require, require_text, save


def _check_commune(centre, commune_code: int) -> None:
    if centre.province_code and not geography.commune_in_province(
        commune_code, centre.province_code
    ):
        raise BusinessRuleError("Xã, phường không thuộc tỉnh của Trung tâm.", field="commune_code")


@transaction.atomic
def save_commune_year(*, actor, commune_code: int, year: int, fields: dict) -> CommuneYear:
    """Record (or correct) what the centre knows of a commune for a year."""
    centre = actor.centre
    require(roles.can_review_communes(actor, centre))
    _check_commune(centre, commune_code)
    unknown = set(fields) - set(CommuneYear.ANNOTATIONS) - {"note"}
    if unknown:
        raise ValueError(f"unknown commune fields: {sorted(unknown)}")
    row = (
        CommuneYear.objects.select_for_update()
        .filter(centre=centre, commune_code=commune_code, year=year)
        .first()
    ) or CommuneYear(centre=centre, commune_code=commune_code, year=year)
    for name, value in fields.items():
        setattr(row, name, value)
    if row.disadvantaged and not row.disadvantaged_basis.strip():
        raise BusinessRuleError(
            "Ghi căn cứ xác định xã đặc biệt khó khăn (số, ngày quyết định).",
            field="disadvantaged_basis",
        )
    if not row.disadvantaged:
        row.designated_from = row.designated_until = None
    for bound in (row.designated_from, row.designated_until):
        if bound and bound.year != year:
            raise BusinessRuleError(
                f"Ngày hiệu lực phải trong năm {year}.", field="designated_from"
            )
    if row.designated_from and row.designated_until and row.designated_until < row.designated_from:
        raise BusinessRuleError("Ngày kết thúc trước ngày bắt đầu.", field="designated_until")
    row.reviewed_by = actor
    row.reviewed_on = timezone.localdate()
    return save(row, actor=actor, reason=f"Rà soát thông tin xã năm {year}")


@transaction.atomic
def review_year(*, actor, year: int) -> int:
    """Start a year's review from the year before: every commune of the province gets a
    row for `year`, copied from its row of `year - 1` (or blank). Rows already there are
    kept. Returns how many rows were added."""
    centre = actor.centre
    require(roles.can_review_communes(actor, centre))
    existing = set(
        CommuneYear.objects.filter(centre=centre, year=year).values_list("commune_code", flat=True)
    )
    before = {r.commune_code: r for r in CommuneYear.objects.filter(centre=centre, year=year - 1)}
    rows = []
    for code, _name in geography.commune_choices(centre.province_code):
        if code in existing:
            continue
        previous = before.get(code)
        row = CommuneYear(centre=centre, commune_code=code, year=year)
        if previous is not None:
            for name in ("disadvantaged", "disadvantaged_basis", "border", "poor",
                         "ethnic_composition"):  # fmt: skip
                setattr(row, name, getattr(previous, name))
        rows.append(row)
    bulk_create(CommuneYear, rows, actor=actor, reason=f"Mở rà soát thông tin xã năm {year}")
    return len(rows)


@transaction.atomic
def add_contact(
    *,
    actor,
    commune_code: int,
    name: str,
    role: str,
    phone: str = "",
    consent_on: date,
    consent_note: str = "",
) -> CommuneContact:
    centre = actor.centre
    require(roles.can_manage_commune_contacts(actor, centre))
    _check_commune(centre, commune_code)
    if consent_on is None:
        raise BusinessRuleError("Ghi ngày người này đồng ý cho lưu thông tin.", field="consent_on")
    if consent_on > timezone.localdate():
        raise BusinessRuleError("Ngày đồng ý không được ở tương lai.", field="consent_on")
    return create(
        CommuneContact,
        actor=actor,
        reason="Ghi nhận cộng tác viên, đầu mối cơ sở",
        centre=centre,
        commune_code=commune_code,
        name=require_text(name, "Nhập họ và tên.", "name"),
        role=require_text(role, "Nhập vai trò, chức vụ.", "role"),
        phone=phone.strip(),
        consent_on=consent_on,
        consent_note=consent_note,
    )


@transaction.atomic
def end_contact(*, actor, contact: CommuneContact) -> CommuneContact:
    """Stop keeping a contact (they withdrew consent or left): the row is kept inactive,
    its phone erased."""
    require(roles.can_manage_commune_contacts(actor, contact.centre))
    contact.is_active = False
    contact.phone = ""
    return save(contact, actor=actor, reason="Thôi liên hệ, xóa số điện thoại")
