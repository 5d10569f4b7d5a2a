"""Build .docx plans the way Word writes them, for the reader's tests (python-docx).

Lists are real Word lists: ``w:abstractNum`` definitions (levels with ``w:start``,
``w:numFmt``, ``w:lvlText``), ``w:num`` instances (with ``w:lvlOverride`` /
``w:startOverride`` where Word's "Restart at 1" puts them) and paragraphs that carry
``w:numPr`` (``w:ilvl``, ``w:numId``) and no number in their text. The letterhead and the
signer block are borderless two-column tables, as offices lay them out.
"""

from __future__ import annotations

import io
import itertools

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

_ids = itertools.count(100)


class WordPlan:
    def __init__(self):
        self.doc = docx.Document()
        self.numbering = self.doc.part.numbering_part.element

    # numbering.xml ----------------------------------------------------------------------

    def abstract(self, *levels: tuple[str, str] | tuple[str, str, int]) -> str:
        """A list definition: one (numFmt, lvlText[, start]) per level, ilvl 0 first."""
        abstract_id = str(next(_ids))
        xml = [
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">',
            f'<w:nsid w:val="{int(abstract_id):08X}"/>',
            '<w:multiLevelType w:val="multilevel"/>',
        ]
        for ilvl, level in enumerate(levels):
            fmt, text, start = (*level, 1) if len(level) == 2 else level
            indent = 360 * (ilvl + 1)
            xml.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
                f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/>'
                "</w:pPr></w:lvl>"
            )
        xml.append("</w:abstractNum>")
        element = parse_xml("".join(xml))
        first_num = self.numbering.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num"
        )
        if first_num is not None:  # every abstractNum comes before the first num
            first_num.addprevious(element)
        else:
            self.numbering.append(element)
        return abstract_id

    def num(self, abstract_id: str, restart: dict[int, int] | None = None) -> str:
        """A list instance; ``restart`` {ilvl: start} is what "Restart at 1" writes."""
        num_id = str(next(_ids))
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for ilvl, start in (restart or {}).items()
        )
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
            )
        )
        return num_id

    def link_style(self, style_name: str, num_id: str, ilvl: int = 0) -> None:
        """Number a paragraph style by a list, as Word links "Heading 1" to a multilevel
        list: the style's ``w:pPr`` holds the ``w:numPr``, the paragraphs none."""
        style = self.doc.styles[style_name]
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = int(num_id)

    def heading(self, text: str, style_name: str):
        paragraph = self.doc.add_paragraph(text, style=style_name)
        return paragraph

    # body -------------------------------------------------------------------------------

    def para(
        self,
        text: str = "",
        *,
        num: str | None = None,
        ilvl: int = 0,
        bold: bool = False,
        italic: bool = False,
        container=None,
    ):
        target = container if container is not None else self.doc
        paragraph = target.add_paragraph()
        if num is not None:
            paragraph.style = self.doc.styles["List Paragraph"]
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = ilvl
            num_pr.get_or_add_numId().val = int(num)
        for i, line in enumerate(text.split("\n")):
            run = paragraph.add_run(line)
            run.bold, run.italic = bold or None, italic or None
            if i < len(text.split("\n")) - 1:
                run.add_break()
        return paragraph

    def table(self, rows: list[list], borders: bool = False):
        """A table; a cell is a string (lines by "\\n") or a callable filling the cell."""
        table = self.doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        if borders:
            table.style = self.doc.styles["Table Grid"]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                if callable(value):
                    value(cell)
                else:
                    for line in str(value).split("\n"):
                        cell.add_paragraph(line)
            if len(row) == 1 and table.columns and len(table.columns) > 1:
                table.cell(r, 0).merge(table.cell(r, len(table.columns) - 1))
        return table

    def letterhead(self, left: str, number: str, place_date: str) -> None:
        """The NĐ 30/2020 header: agency names | Quốc hiệu, then Số | place and date."""
        self.table(
            [
                [left, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                [f"Số: {number}", place_date],
            ]
        )

    def signature(self, recipients: list[str], signer: list[str]) -> None:
        self.table([["Nơi nhận:\n" + "\n".join(recipients), "\n".join(signer)]])

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
