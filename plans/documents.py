"""A plan as an official document (Kế hoạch, Nghị định 30/2020 Mẫu 1.4).

Every item keeps its number as in the original ("I.", "1.", "2.1.", "a)"); a task
prints its lines "- Thực hiện:" (or "- Chủ trì:" when it has partners),
"- Phối hợp:", "- Thời gian thực hiện:", "- Kết quả:" and "- Kinh phí:".
"""

from __future__ import annotations

import re

from django.urls import reverse

from tgpl.documents import Document, Heading, Item, Line, Paragraph, Signer
from tgpl.documents.content import with_end_mark
from tgpl.documents.formatting import place_name, vnd
from tgpl.documents.kinds import DocumentKind, NotFound
from tgpl.documents.registry import register
from tgpl.search import normalize

from .models import Plan, PlanItem, PlanItemUnit
from .selectors import units_prefetch

# Plan sections kept in their own fields, and how a top-level item that holds them reads.
SECTIONS = (
    ("purpose", "MỤC ĐÍCH, YÊU CẦU", "muc dich"),
    ("budget_section", "KINH PHÍ THỰC HIỆN", "kinh phi"),
    ("organisation_section", "TỔ CHỨC THỰC HIỆN", "to chuc thuc hien"),
)


def plan_document(plan: Plan) -> Document:
    """The plan laid out as the Kế hoạch it is (two queries: items, their units)."""
    centre = plan.centre
    items = list(plan.items.order_by("position").prefetch_related(units_prefetch()))
    top_titles = [normalize(i.title) for i in items if i.parent_id is None]

    def section(field: str, title: str, key: str) -> list:
        text = getattr(plan, field)
        if not text.strip() or any(key in t for t in top_titles):
            return []
        return [Heading(text=title, level=0), *(Paragraph(p) for p in _paragraphs(text))]

    purpose, budget, organisation = (section(*s) for s in SECTIONS)
    body = [
        *(Paragraph(p) for p in _paragraphs(plan.legal_bases)),
        *purpose,
        *(item_block(item) for item in items),
        *budget,
        *organisation,
    ]
    return Document(
        kind="KH",
        subject=plan.title,
        parent_body=centre.parent_agency.name,
        issuer=plan.issuing_body or centre.name,
        # an unnumbered plan reads "Số: Dự thảo" under a "DỰ THẢO" mark, never "/KH-TGPL"
        number_text=plan.number_text,
        form_code="" if plan.number else DRAFT_MARK,
        place=plan.place or place_name(centre.province_name),
        date=plan.date,
        year=plan.year,
        body=with_end_mark(body),
        signer=Signer(
            name=plan.signer_name, title=plan.signer_title, authority=plan.signer_on_behalf
        ),
        recipients=tuple(plan.recipient_list()),
    )


DRAFT_MARK = "DỰ THẢO"


def plan_file_name(doc: Document) -> str:
    """Named by its number: "KH-19-KH-TGPL-2026"; an unnumbered one "KH-du-thao-2027"."""
    year = doc.date.year if doc.date else doc.year
    serial, _, symbol = doc.number_text.partition("/")
    parts = ["KH", serial, normalize(symbol).upper()] if symbol else ["KH", "du-thao"]
    if year:
        parts.append(str(year))
    return "-".join(re.sub(r"[^A-Za-z0-9]+", "-", p).strip("-") for p in parts)


def number_label(number: str) -> str:
    """ "II" -> "II.", "2.1" -> "2.1.", "a" -> "a)"; a label with its mark is kept."""
    number = number.strip()
    if not number or number[-1] in ".)":
        return number
    if re.fullmatch(r"[a-zđ]", number):
        return f"{number})"
    return f"{number}."


def item_block(item: PlanItem) -> Item:
    """A heading, or a task with its lines, is bold at the first two levels; a bare
    numbered paragraph ("1. Căn cứ nội dung công việc được giao, ...") is not."""
    paragraphs, lines = tuple(_paragraphs(item.body)), tuple(item_lines(item))
    return Item(
        number=number_label(item.number),
        title=item.title,
        level=item.level,
        paragraphs=paragraphs,
        lines=lines,
        bold=item.level <= 1 and (not item.is_task or bool(paragraphs or lines)),
    )


def item_lines(item: PlanItem) -> list[Line]:
    leads, partners = item.lead_units(), item.partner_units()
    lines = []
    lead_text = _units_text(leads)
    if item.note:
        lead_text = f"{lead_text} ({item.note})" if lead_text else item.note
    if lead_text:
        lines.append(Line("Chủ trì" if partners else "Thực hiện", lead_text))
    if partners:
        lines.append(Line("Phối hợp", _units_text(partners)))
    if item.timeframe_text:
        lines.append(Line("Thời gian thực hiện", item.timeframe_text))
    if item.expected_result:
        lines.append(Line("Kết quả", item.expected_result))
    if item.budget_vnd is not None and "kinh phi" not in normalize(item.body):
        lines.append(Line("Kinh phí", vnd(item.budget_vnd)))
    return lines


def _units_text(units: list[PlanItemUnit]) -> str:
    """ "Phòng Hành chính – Tổng hợp, các Trợ giúp viên pháp lý": "Các" lower after a comma."""
    names = [u.display_name for u in units]
    return ", ".join(
        n if i == 0 or not n.startswith("Các ") else "các" + n[3:] for i, n in enumerate(names)
    )


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def find_plan(identifier: str, *, year: int | None = None) -> Plan:
    """A plan by id ("12") or by number ("19/KH-TGPL", with `year` when it repeats)."""
    identifier = identifier.strip()
    plans = Plan.objects.select_related("centre__parent_agency")
    if identifier.isdigit():
        found = plans.filter(pk=int(identifier))
    else:
        serial, _, symbol = identifier.partition("/")
        if not serial.isdigit() or not symbol:
            raise NotFound(f"“{identifier}” không phải mã hay số, ký hiệu của kế hoạch.")
        found = plans.filter(number=int(serial), symbol=symbol.strip())
        if year:
            found = found.filter(year=year)
    matches = list(found[:5])
    if not matches:
        raise NotFound(f"Không tìm thấy kế hoạch “{identifier}”.")
    if len(matches) > 1:
        listed = "; ".join(f"mã {p.pk}: năm {p.year}, {p.centre}" for p in matches)
        raise NotFound(f"Có nhiều kế hoạch số “{identifier}” ({listed}): chỉ rõ năm hoặc mã.")
    return matches[0]


PLAN = register(
    DocumentKind(
        name="plan",
        label="kế hoạch",
        model=Plan,
        number_kind="KH",
        visible_to=lambda user: Plan.objects.visible_to(user),
        build=plan_document,
        subject=lambda plan: plan.title,
        find=find_plan,
        page=lambda plan: reverse("plans:detail", args=[plan.pk]),
        related=("centre__parent_agency",),
        file_name=plan_file_name,
    )
)
