"""The hand-over spreadsheet to the national TGPL software: the period's new and ended
cases, one row each, with the columns the administrator maps (HandoverColumn), so staff
stop typing cases twice. Four queries whatever the number of cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import tablib
from django.utils import timezone

from cases.models import Case
from tgpl import days
from tgpl.spreadsheets import safe_cell

from .models import HandoverColumn, Report


def _date(value) -> str:
    return f"{timezone.localtime(value):%d/%m/%Y}" if value else ""


def _performer_kind(case: Case) -> str:
    profile = getattr(case.performer, "performer", None) if case.performer else None
    return profile.kind if profile else ""


def _birth_year(case: Case):
    req = case.request
    return req.birth_year or (req.birth_date.year if req.birth_date else "")


FIELDS: dict[str, tuple[str, Callable[[Case], object]]] = {
    "code": ("Mã vụ việc", lambda c: c.code),
    "register_number": ("Số thụ lý", lambda c: c.register_number),
    "accepted_on": ("Ngày thụ lý", lambda c: _date(c.accepted_at)),
    "form": ("Hình thức", lambda c: c.form),
    "legal_field": ("Lĩnh vực", lambda c: c.request.legal_field.code),
    "status": ("Trạng thái", lambda c: c.status),
    "outcome": ("Kết quả", lambda c: c.outcome),
    "ended_on": ("Ngày kết thúc", lambda c: _date(c.ended_at)),
    "department": ("Phòng, chi nhánh", lambda c: c.department.name),
    "performer": ("Người thực hiện", lambda c: c.performer.full_name if c.performer else ""),
    "performer_kind": (
        "Loại người thực hiện",
        lambda c: _performer_kind(c),
    ),
    "full_name": ("Họ tên người được TGPL", lambda c: c.request.full_name),
    "sex": ("Giới tính", lambda c: c.request.sex),
    "birth_year": ("Năm sinh", lambda c: _birth_year(c)),
    "ethnicity": ("Dân tộc", lambda c: c.request.ethnicity),
    "identity_number": ("Số định danh", lambda c: c.request.identity_number),
    "address": ("Địa chỉ", lambda c: c.request.address),
    "commune": ("Xã, phường", lambda c: c.request.commune_name),
    "categories": ("Diện người được TGPL",
                   lambda c: "; ".join(sorted(x.code for x in c.request.categories.all()))),
}  # fmt: skip


@dataclass(frozen=True)
class Mapped:
    field: str
    title: str
    values: dict


DEFAULT = [Mapped(k, label, {}) for k, (label, _) in FIELDS.items()]


def columns() -> list[Mapped]:
    rows = [
        Mapped(c.field, c.title, c.values or {})
        for c in HandoverColumn.objects.filter(is_active=True).order_by("position", "pk")
        if c.field in FIELDS
    ]
    return rows or DEFAULT


def handover_cases(report: Report):
    new = days.on_days("accepted_at", report.start, report.end)
    ended = days.on_days("ended_at", report.start, report.end)
    return (
        Case.objects.filter(new | ended, centre_id=report.centre_id)
        .select_related("request__legal_field", "department", "performer__performer")
        .prefetch_related("request__categories")
        .order_by("accepted_at", "pk")
    )


def handover_dataset(report: Report) -> tablib.Dataset:
    mapped = columns()
    data = tablib.Dataset(headers=[m.title for m in mapped], title="Vu viec")
    for case in handover_cases(report):
        row = []
        for m in mapped:
            value = FIELDS[m.field][1](case)
            value = m.values.get(str(value), value) if m.values else value
            row.append(safe_cell(value))
        data.append(row)
    return data
