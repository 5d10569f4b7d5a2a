"""Table blocks and phụ lục in the Word file: ruled tables with merged header cells
(repeated on each page) and numbers on the right, and each annex in a section of its
own, on landscape pages when it is wide."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from .content import Annex, Cell, Heading, Table

PORTRAIT = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}
LANDSCAPE = {"width": 297, "height": 210, "top": 15, "bottom": 15, "left": 20, "right": 15}
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
}


def text_width(page: dict) -> float:
    return page["width"] - page["left"] - page["right"]


def _para(container, text: str, *, align="left", bold=False, italic=False, size=14, space=6):
    paragraph = container.add_paragraph()
    paragraph.alignment = ALIGN[align]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.first_line_indent = Pt(space), Pt(0), None
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        run.font.size = Pt(size)
    return paragraph


def _fill(cell, c: Cell, *, size: float, header: bool) -> None:
    paragraph = cell.paragraphs[0]
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after, fmt.first_line_indent = Pt(1), Pt(1), None
    if header:
        paragraph.alignment = ALIGN["center"]
    elif c.numeric:
        paragraph.alignment = ALIGN["right"]
    else:
        paragraph.alignment = ALIGN["left"]
        if c.level:
            fmt.left_indent = Mm(2 * c.level)
    run = paragraph.add_run(c.text)
    run.bold = (header or c.bold) or None
    run.font.size = Pt(size)


def _repeat_as_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:tblHeader"))
    props.append(OxmlElement("w:cantSplit"))


def add_table(word, table: Table, width_mm: float) -> None:
    """The table across `width_mm`: header rows placed on a grid (a cell goes to the next
    free column of its row; merged cells take their colspan × rowspan)."""
    size = 9 if table.wide else 11
    if table.title:
        _para(word, table.title, bold=True, size=13, space=10)
    if table.unit:
        _para(word, f"Đơn vị tính: {table.unit}", align="right", italic=True, size=11, space=2)
    lines = [*table.head, *table.rows]
    grid = word.add_table(rows=len(lines), cols=table.columns)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = [Mm(width_mm * w) for w in table.column_widths]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    rows = grid.rows
    taken: set[tuple[int, int]] = set()
    for r, line in enumerate(lines):
        header = r < len(table.head)
        if header:
            _repeat_as_header(rows[r])
        cells = rows[r].cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        col = 0
        for c in line:
            while (r, col) in taken:
                col += 1
            target = cells[col]
            if c.colspan > 1 or c.rowspan > 1:
                target = target.merge(grid.cell(r + c.rowspan - 1, col + c.colspan - 1))
            for dr in range(c.rowspan):
                for dc in range(c.colspan):
                    taken.add((r + dr, col + dc))
            _fill(target, c, size=size, header=header)
            col += c.colspan
    if table.note:
        _para(word, table.note, italic=True, size=11, space=3)


def _page(section, page: dict) -> None:
    landscape = page["width"] > page["height"]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
    section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
    section.left_margin, section.right_margin = Mm(page["left"]), Mm(page["right"])
    section.different_first_page_header_footer = False  # numbered on, as the pages before


def add_annex(word, annex: Annex) -> None:
    """A phụ lục in a new section (a new page), landscape when the annex says so."""
    page = LANDSCAPE if annex.landscape else PORTRAIT
    _page(word.add_section(WD_SECTION.NEW_PAGE), page)
    _para(word, annex.label, align="center", bold=True, space=0)
    _para(word, annex.title, align="center", bold=True, space=2)
    if annex.attached_to:
        _para(word, f"({annex.attached_to})", align="center", italic=True, space=2)
    for block in annex.blocks:
        if isinstance(block, Table):
            add_table(word, block, text_width(page))
        elif isinstance(block, Heading):
            _para(word, block.text, bold=True, space=10)
        else:
            _para(word, getattr(block, "text", ""), space=6)
