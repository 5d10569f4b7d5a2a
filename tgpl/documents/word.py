"""A Document as a Word file (.docx) in the same layout as the PDF, for editing before signing.

Times New Roman throughout (every Word machine has it); the header is a table
without borders; lines are wrapped and rules sized with the metrics of the shipped
Liberation Serif, which has the same metrics as Times New Roman.
"""

from __future__ import annotations

import io
from functools import lru_cache

from django.contrib.staticfiles import finders
from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from fontTools.ttLib import TTFont

from . import formatting
from .content import Document, Heading, Item, Paragraph, Table
from .pdf import layout_context
from .word_tables import add_annex, add_table

FONT = "Times New Roman"
PAGE = {"width": 210, "height": 297, "top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH = PAGE["width"] - PAGE["left"] - PAGE["right"]  # mm
AGENCY_WIDTH = round(TEXT_WIDTH * 0.44, 1)  # as in document.css
NATION_WIDTH = TEXT_WIDTH - AGENCY_WIDTH
INDENT = Mm(10)
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def render_docx(doc: Document) -> bytes:
    ctx = layout_context(doc)
    word = new_docx()
    _setup(word, doc)
    if doc.form_code:
        _para(word, align=WD_ALIGN_PARAGRAPH.RIGHT, space=0).add_run(doc.form_code).font.size = Pt(
            12
        )
    _header(word, ctx)
    _title(word, doc)
    if doc.addressees:
        _addressees(word, doc)
    for block in doc.body:
        _block(word, block)
    _closing(word, doc, ctx)
    for annex in doc.annexes:
        add_annex(word, annex)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# --- page, styles ---------------------------------------------------------------------


def _setup(word, doc: Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(PAGE["width"]), Mm(PAGE["height"])
    section.top_margin, section.bottom_margin = Mm(PAGE["top"]), Mm(PAGE["bottom"])
    section.left_margin, section.right_margin = Mm(PAGE["left"]), Mm(PAGE["right"])
    section.header_distance = Mm(10)
    # Page numbers centred at the top from page 2: the first page has its own, empty header.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    _page_field(number)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(6), Pt(0), 1.0
    props = word.core_properties
    props.title = f"{doc.title_text} {doc.number_text}: {doc.subject}"[:250]
    props.author = formatting.issuer_name(doc.issuer, doc.parent_body)[:250]


def _page_field(paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "26")  # 13 pt
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _para(container, text: str = "", *, align=None, space: float = 6, indent=None, size=None):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(space)
    fmt.space_after = Pt(0)
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        fmt.first_line_indent = indent
    if text:
        run = paragraph.add_run(text)
        if size:
            run.font.size = Pt(size)
    return paragraph


def _run(paragraph, text: str, *, bold=False, italic=False, size=None, underline=False):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    if underline:
        run.underline = True
    if size:
        run.font.size = Pt(size)
    return run


def _rule(container, width_mm: float, box_mm: float) -> None:
    """A centred solid line `width_mm` long under the previous paragraph."""
    paragraph = _para(container, space=0)
    side = max(0.0, (box_mm - width_mm) / 2)
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Mm(side), Mm(side)
    fmt.line_spacing = Pt(6)  # clear of the descenders of the line above
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


# --- text metrics (Liberation Serif = Times New Roman metrics) ------------------------


@lru_cache(maxsize=4)
def _metrics(style: str) -> tuple[dict, dict, int]:
    font = TTFont(finders.find(f"fonts/LiberationSerif-{style}.ttf"), lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width(text: str, size: float, *, bold=False, italic=False) -> float:
    """Width in mm of `text` set in Times New Roman at `size` points."""
    style = ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular"
    cmap, advances, units = _metrics(style)
    total = sum(advances.get(cmap.get(ord(c), ""), (units // 2, 0))[0] for c in text)
    return total / units * size * 25.4 / 72


def wrap(text: str, width_mm: float, size: float, *, bold=False) -> list[str]:
    """Greedy line breaking, as Word would do it in a box `width_mm` wide."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width_mm:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


# --- parts of the layout ----------------------------------------------------------------


def _borderless(table) -> None:
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    props.append(borders)
    # No cell padding: text starts on the page margin, as Nơi nhận must.
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    props.append(margins)


def _table(word, widths_mm: list[float]):
    table = word.add_table(rows=0, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table


def _row(table, widths_mm: list[float]):
    row = table.add_row()
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    for cell, width in zip(row.cells, widths_mm, strict=True):
        cell.width = Mm(width)
    return row.cells


def _cell_lines(cell, lines: list[str], *, size: float, bold=False, italic=False, first=False):
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if first and index == 0 else cell.add_paragraph()
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, line, bold=bold, italic=italic, size=size)


def _header(word, ctx: dict) -> None:
    widths = [AGENCY_WIDTH, NATION_WIDTH]
    table = _table(word, widths)
    left, right = _row(table, widths)
    box = AGENCY_WIDTH - 2  # a little air on each side of the longest line
    if ctx["parent_body"]:
        _cell_lines(left, wrap(ctx["parent_body"], box, 12), size=12, first=True)
    issuer = wrap(ctx["issuer"], box, 12, bold=True)
    _cell_lines(left, issuer, size=12, bold=True, first=not ctx["parent_body"])
    longest = max(text_width(line, 12, bold=True) for line in issuer) if issuer else 0
    _rule(left, longest * 0.4, AGENCY_WIDTH)
    _cell_lines(right, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], size=12, bold=True, first=True)
    motto = right.add_paragraph()
    motto.alignment = CENTER
    motto.paragraph_format.space_before = Pt(0)
    _run(motto, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13, underline=True)
    number, date = _row(table, widths)
    for cell, text, italic in ((number, ctx["number_line"], False), (date, ctx["date_line"], True)):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_before = Pt(8)
        _run(paragraph, text, italic=italic, size=13)


def _title(word, doc: Document) -> None:
    _run(_para(word, align=CENTER, space=18), doc.title_text, bold=True)
    if not doc.subject:
        return
    lines = wrap(doc.subject, TEXT_WIDTH - 10, 14, bold=True)
    paragraph = _para(word, align=CENTER, space=0)
    for index, line in enumerate(lines):
        run = _run(paragraph, line, bold=True)
        if index < len(lines) - 1:
            run.add_break()
    longest = max(text_width(line, 14, bold=True) for line in lines)
    _rule(word, longest * 0.4, TEXT_WIDTH)


def _addressees(word, doc: Document) -> None:
    if len(doc.addressees) == 1:
        _para(word, f"Kính gửi: {doc.addressees[0]}", align=CENTER, space=12)
        return
    _para(word, "Kính gửi:", align=CENTER, space=12)
    for index, name in enumerate(doc.addressees):
        end = "." if index == len(doc.addressees) - 1 else ";"
        _para(word, f"- {name}{end}", align=CENTER, space=0)


def _block(word, block) -> None:
    if isinstance(block, Heading):
        paragraph = _para(word, align=CENTER if block.centred else JUSTIFY, indent=INDENT)
        if block.centred:
            paragraph.paragraph_format.first_line_indent = None
        text = f"{block.number} {block.text}" if block.number else block.text
        _run(paragraph, text, bold=True, italic=block.level >= 2)
        paragraph.paragraph_format.keep_with_next = True
    elif isinstance(block, Item):
        title = _para(word, align=JUSTIFY, indent=INDENT)
        _run(title, f"{block.number} {block.title}", bold=block.bold)
        title.paragraph_format.keep_with_next = bool(block.paragraphs or block.lines)
        for text in block.paragraphs:
            _para(word, text, align=JUSTIFY, indent=INDENT)
        for line in block.lines:
            paragraph = _para(word, align=JUSTIFY, indent=INDENT)
            _run(paragraph, "- ")
            _run(paragraph, f"{line.label}:", italic=True)
            _run(paragraph, f" {line.value}")
    elif isinstance(block, Table):
        add_table(word, block, TEXT_WIDTH)
    elif isinstance(block, Paragraph):
        paragraph = _para(
            word,
            align=CENTER if block.centred else JUSTIFY,
            indent=INDENT if block.indent and not block.centred else None,
        )
        if block.lead:
            _run(paragraph, f"{block.lead} ", bold=True)
        _run(paragraph, block.text, bold=block.bold, italic=block.italic)


def _closing(word, doc: Document, ctx: dict) -> None:
    widths = [round(TEXT_WIDTH * 0.48, 1), round(TEXT_WIDTH * 0.52, 1)]
    _para(word, space=6)
    table = _table(word, widths)
    left, right = _row(table, widths)
    if doc.recipients:
        label = left.paragraphs[0]
        label.paragraph_format.space_before = Pt(0)
        _run(label, "Nơi nhận:", bold=True, italic=True, size=12)
        for line in ctx["recipients"]:
            paragraph = left.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(0)
            _run(paragraph, line, size=11)
    lines = [line for line in (ctx["signer_authority"], ctx["signer_title"]) if line]
    _cell_lines(right, lines, size=14, bold=True, first=True)
    for _ in range(5):  # room for the signature and the seal
        right.add_paragraph().paragraph_format.space_before = Pt(0)
    _cell_lines(right, [doc.signer.name], size=14, bold=True)
