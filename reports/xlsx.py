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
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _sheet_title(section: Section) -> str:
    return section.key.upper()[:31]


def _write_section(ws, report: Report, section: Section, estimates: dict) -> None:
    width = len(section.columns) + 1
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
    # two header rows: a group spans its columns on row 7, a lone column spans both rows
    top, sub = 7, 8
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
    # the column numbers under the header, as the forms print them
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
        label.font = BOLD if row.level < 2 else PLAIN
        label.alignment, label.border = LEFT, BOX
        for i, value in enumerate(row.cells, start=2):
            cell = ws.cell(row=r, column=i, value=value)
            cell.font = BOLD if row.level < 2 else PLAIN
            cell.alignment, cell.border = CENTRE, BOX
            cell.number_format = "#,##0"
        r += 1
    estimated = estimates.get(section.key)
    if estimated:
        label = ws.cell(row=r, column=1, value="Ước tính phần còn lại của kỳ (*)")
        label.font, label.border = ITALIC, BOX
        for i, c in enumerate(section.columns, start=2):
            cell = ws.cell(row=r, column=i, value=estimated.get(c.key, {}).get("value", 0))
            cell.font, cell.alignment, cell.border = ITALIC, CENTRE, BOX
        r += 1
        ws.cell(row=r, column=1, value="(*) Số liệu ước tính.").font = ITALIC
    ws.column_dimensions["A"].width = 46
    for c in range(2, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 11
    ws.row_dimensions[sub].height = 75
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


def workbook(report: Report, sections: list[Section]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for section in sections:
        _write_section(book.create_sheet(_sheet_title(section)), report, section,
                       report.estimates or {})  # fmt: skip
    out = BytesIO()
    book.save(out)
    return out.getvalue()
