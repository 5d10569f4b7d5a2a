"""A report as an official document (Báo cáo, Nghị định 30/2020 Mẫu 1.4): the narrative
of Mẫu 12-TP-TGPL with its figures filled in, then each table's totals as lines; the full
tables go with it as the .xlsx of the Biểu (reports/xlsx.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from tgpl.documents import Document, Heading, Item, Line, Paragraph, Signer
from tgpl.documents.content import with_end_mark
from tgpl.documents.formatting import place_name
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.registry import register

from .models import Report
from .narrative import filled
from .selectors import report_figures


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def report_document(report: Report) -> Document:
    sections = report_figures(report)
    centre = report.centre
    body: list = []
    for _key, title, text in filled(report.narrative, sections):
        if not text.strip():
            continue
        body.append(Heading(text=title, level=0))
        body.extend(Paragraph(p) for p in _paragraphs(text))
    body.append(Heading(text="PHỤ LỤC SỐ LIỆU", level=0))
    for number, s in enumerate(sections, start=1):
        total = s.rows[0]
        lines = tuple(
            Line(c.label, f"{v:,}".replace(",", ".") + f" {s.unit.lower()}")
            for c, v in zip(s.columns, total.cells, strict=True)
        )
        body.append(Item(number=f"{number}.", title=s.title, lines=lines, bold=True))
    signer = report.signed_off_by
    day = timezone.localdate(report.sent_at) if report.sent_at else None
    subject = report.title.removeprefix("Báo cáo ").strip()
    return Document(
        kind="BC",
        subject=subject,
        parent_body=centre.parent_agency.name if centre.parent_agency_id else "",
        issuer=centre.name,
        number_text=f"/BC-{centre.document_symbol or 'TGPL'}",
        place=place_name(centre.province_name),
        date=day,
        year=report.year,
        body=with_end_mark(body),
        signer=Signer(name=signer.full_name if signer else "", title="GIÁM ĐỐC"),
        recipients=(
            f"- {centre.parent_agency.name if centre.parent_agency_id else 'Sở Tư pháp'};",
            "- Lưu: VT.",
        ),
        addressees=(centre.parent_agency.name,) if centre.parent_agency_id else (),
    )


REPORT = register(
    DocumentKind(
        name="report",
        label="báo cáo",
        model=Report,
        number_kind="BC",
        visible_to=lambda user: Report.objects.visible_to(user),
        build=report_document,
        subject=lambda report: report.title,
        page=lambda report: reverse("reports:detail", args=[report.pk]),
        related=("centre__parent_agency", "signed_off_by"),
    )
)
