"""A report as an official document (Báo cáo, Nghị định 30/2020 Mẫu 1.4): the narrative
of Mẫu 12-TP-TGPL with its figures filled in, then its tables as phụ lục after the
signature: Biểu 24 and Biểu 25 each on landscape pages, the other figures together (on
landscape pages too when one of them is wide), each table followed by its estimate for a
report with an estimated part (every figure marked *). The same tables go as .xlsx
(xlsx.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from tgpl.documents import Annex, Cell, Document, Heading, Paragraph, Signer, Table
from tgpl.documents.content import with_end_mark
from tgpl.documents.formatting import place_name
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.registry import register

from .figures import Section
from .models import Report
from .narrative import filled
from .selectors import report_estimates, report_figures


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _number(value) -> str:
    return f"{value:,}".replace(",", ".")


def section_table(section: Section, *, title: bool = True, estimated: bool = False) -> Table:
    """A section of figures as a Table block: "Nội dung", then the columns, a group's
    label spanning its columns over a second header row; an estimate's figures marked *."""
    mark = "*" if estimated else ""
    grouped = section.has_groups
    top: list[Cell] = [Cell("Nội dung", rowspan=2 if grouped else 1)]
    sub: list[Cell] = []
    index = 0
    for group, span in section.groups:
        if group:
            top.append(Cell(group, colspan=span))
            sub.extend(Cell(c.label) for c in section.columns[index : index + span])
        else:
            top.append(Cell(section.columns[index].label, rowspan=2 if grouped else 1))
        index += span
    rows = tuple(
        (
            Cell(r.label, bold=r.level < 2, level=r.level),
            *(Cell(_number(v) + mark, numeric=True, bold=r.level == 0) for v in r.cells),
        )
        for r in section.rows
    )
    return Table(
        head=(tuple(top), tuple(sub)) if grouped else (tuple(top),),
        rows=rows,
        title=section.title if title else "",
        unit=section.unit,
        note=f"(*) {section.note}" if estimated else section.note,
    )


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
OWN_ANNEX = ("b24", "b25")  # each Biểu on landscape pages of its own


def _tables(section: Section, estimates: dict, *, title: bool) -> list[Table]:
    tables = [section_table(section, title=title)]
    if section.key in estimates:
        tables.append(section_table(estimates[section.key].section, estimated=True))
    return tables


def annexes(sections: list[Section], attached_to: str, estimates: dict) -> tuple[Annex, ...]:
    own = [s for s in sections if s.key in OWN_ANNEX]
    rest = [s for s in sections if s.key not in OWN_ANNEX]
    groups = [(s.title, _tables(s, estimates, title=False)) for s in own]
    if rest:
        groups.append(
            (
                "SỐ LIỆU KHÁC VỀ CÔNG TÁC TRỢ GIÚP PHÁP LÝ",
                [t for s in rest for t in _tables(s, estimates, title=True)],
            )
        )
    return tuple(
        Annex(
            label=f"Phụ lục {ROMAN[i]}",
            title=title.upper() if i >= len(own) else title,
            blocks=tuple(tables),
            attached_to=attached_to,
            landscape=any(t.columns > 7 for t in tables),
        )
        for i, (title, tables) in enumerate(groups)
    )


def report_document(report: Report) -> Document:
    sections = report_figures(report)
    estimates = report_estimates(report)
    centre = report.centre
    subject = report.title.removeprefix("Báo cáo ").strip()
    body: list = []
    for _key, title, text in filled(report.narrative, sections, estimates):
        if not text.strip():
            continue
        body.append(Heading(text=title, level=0))
        body.extend(Paragraph(p) for p in _paragraphs(text))
    if sections:
        body.append(Paragraph("Số liệu chi tiết tại các Phụ lục kèm theo Báo cáo này."))
    signer = report.signed_off_by
    day = timezone.localdate(report.sent_at) if report.sent_at else None
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
        annexes=annexes(sections, f"Kèm theo Báo cáo {subject} của {centre.name}", estimates),
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
