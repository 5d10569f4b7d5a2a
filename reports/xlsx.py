"""The report's tables as an .xlsx workbook in the layout of the Ministry's forms: the
reporting and receiving units top left, the form's name and period centred, the unit of
count, two header rows (groups merged over their columns), the rows, and the signature
lines (Người lập biểu, Giám đốc) under the table; landscape A4."""

from __future__ import annotations

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from tgpl.spreadsheets import safe_cell

from .figures import Section
from .models import Report

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(name="Times New Roman", bold=True, size=12)
PLAIN = Font(name="Times New Roman", size=11)
ITALIC = Font(name="Times New Roman", italic=True, size=11)
ITALIC_BOLD = Font(name="Times New Roman", italic=True, bold=True, size=11)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _sheet_title(section: Section) -> str:
    return section.key.upper()[:31]


def _write_table(ws, section: Section, top: int, *, estimated: bool = False) -> int:
    """Two header rows at `top` (a group spans its columns, a lone column both rows), the
    column numbers as the forms print them, then the rows; returns the next free row. An
    estimate's figures are italic and marked * in their number format."""
    width = len(section.columns) + 1
    sub = top + 1
    ws.merge_cells(start_row=top, start_column=1, end_row=sub, end_column=1)
    ws.cell(row=top, column=1, value="Nội dung")
    col = 2
    for group, span in section.groups:
        if group:
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + span - 1)
            ws.cell(row=top, column=col, value=safe_cell(group))
            for i in range(span):
                ws.cell(
                    row=sub, column=col + i, value=safe_cell(section.columns[col - 2 + i].label)
                )
        else:
            ws.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
            ws.cell(row=top, column=col, value=safe_cell(section.columns[col - 2].label))
        col += span
    for r in (top, sub):
        for c in range(1, width + 1):
            cell = ws.cell(row=r, column=c)
            cell.font, cell.alignment, cell.border = BOLD, CENTRE, BOX
    ws.row_dimensions[sub].height = 75
    numbers = sub + 1
    ws.cell(row=numbers, column=1, value="A")
    for c in range(2, width + 1):
        ws.cell(row=numbers, column=c, value=f"({c - 1})")
    for c in range(1, width + 1):
        cell = ws.cell(row=numbers, column=c)
        cell.font, cell.alignment, cell.border = ITALIC, CENTRE, BOX
    r = numbers + 1
    for row in section.rows:
        label = ws.cell(
            row=r, column=1, value=safe_cell(("    " * max(0, row.level - 1)) + row.label)
        )
        label.font = BOLD if row.level < 2 else (ITALIC if estimated else PLAIN)
        label.alignment, label.border = LEFT, BOX
        for i, value in enumerate(row.cells, start=2):
            cell = ws.cell(row=r, column=i, value=value)
            cell.font = ITALIC_BOLD if estimated and row.level < 2 else (
                ITALIC if estimated else BOLD if row.level < 2 else PLAIN
            )  # fmt: skip
            cell.alignment, cell.border = CENTRE, BOX
            cell.number_format = '#,##0"*"' if estimated else "#,##0"
        r += 1
    return r


def _write_section(ws, report: Report, section: Section, estimate: Section | None) -> None:
    width = max(len(section.columns), len(estimate.columns) if estimate else 0) + 1
    last = get_column_letter(width)
    centre = report.centre
    doj = centre.parent_agency.name if centre.parent_agency_id else "Sở Tư pháp"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws["A1"] = safe_cell(f"Đơn vị báo cáo: {centre.name}")
    ws["A2"] = safe_cell(f"Đơn vị nhận báo cáo: {doj}")
    for cell in ("A1", "A2"):
        ws[cell].font = PLAIN
    ws.merge_cells(f"A4:{last}4")
    ws["A4"] = safe_cell(section.title.upper())
    ws["A4"].font, ws["A4"].alignment = BOLD, CENTRE
    ws.merge_cells(f"A5:{last}5")
    ws["A5"] = safe_cell(
        f"Kỳ báo cáo: {report.period.label} (số liệu từ {report.start:%d/%m/%Y} "
        f"đến {report.end:%d/%m/%Y})"
    )
    ws["A5"].font, ws["A5"].alignment = ITALIC, CENTRE
    ws.cell(row=6, column=width, value=safe_cell(f"Đơn vị tính: {section.unit}")).font = ITALIC
    r = _write_table(ws, section, 7)
    if estimate is not None:
        r += 1
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        head = ws.cell(row=r, column=1, value=safe_cell(f"{estimate.title.upper()} (*)"))
        head.font, head.alignment = ITALIC_BOLD, CENTRE
        r = _write_table(ws, estimate, r + 1, estimated=True)
        ws.cell(row=r, column=1, value=safe_cell(f"(*) {estimate.note}")).font = ITALIC
    ws.column_dimensions["A"].width = 46
    for c in range(2, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 11
    # signature lines: the form's preparer left, the head of the unit right
    r += 2
    right = max(2, width - 3)
    day = timezone.localdate(report.sent_at) if report.sent_at else None
    dated = f"ngày {day:%d} tháng {day:%m} năm {day:%Y}" if day else "ngày .... tháng .... năm ...."
    ws.cell(row=r, column=right, value=safe_cell(dated)).font = ITALIC
    r += 1
    ws.cell(row=r, column=1, value="NGƯỜI LẬP BIỂU").font = BOLD
    ws.cell(row=r, column=right, value="GIÁM ĐỐC").font = BOLD
    r += 1
    ws.cell(row=r, column=1, value="(Ký, ghi rõ họ tên)").font = ITALIC
    ws.cell(row=r, column=right, value="(Ký, họ tên, đóng dấu)").font = ITALIC
    r += 4
    ws.cell(row=r, column=1, value=safe_cell(report.prepared_by.full_name)).font = BOLD
    if report.signed_off_by_id:
        ws.cell(row=r, column=right, value=safe_cell(report.signed_off_by.full_name)).font = BOLD


def workbook(report: Report, sections: list[Section], estimates: dict) -> bytes:
    """A sheet per section; `estimates` by section key (reports/figures/estimates.py)."""
    book = Workbook()
    book.remove(book.active)
    for section in sections:
        estimate = estimates[section.key].section if section.key in estimates else None
        _write_section(book.create_sheet(_sheet_title(section)), report, section, estimate)
    out = BytesIO()
    book.save(out)
    return out.getvalue()
