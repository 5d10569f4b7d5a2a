"""A .docx as the text the parser reads. Pure Python (python-docx; no Django).

Paragraphs and tables come in document order (the "Số:" / place-date header and the
"Nơi nhận" | "GIÁM ĐỐC" signer block are borderless two-column tables); bold runs are
written ``**...**`` and italic runs ``*...*``; the number Word's list feature shows
("II.", "2.1.", "a)", see :mod:`plans.reader.numbering`) is written before the text as if
typed; a table of tasks (STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Kết quả)
becomes numbered items with labelled lines, and a row merged across the table (a
section heading) stays a line of its own.
"""

from __future__ import annotations

import io
import re
import zipfile

from .errors import PlanParseError
from .numbering import WordNumbering
from .text import normalize_text

# Column headings of a table of tasks -> the label the parser reads, by how they start
# ("Kết quả thực hiện" is a result even though it says "thực hiện").
_COLUMN_LABELS = (
    ("title", ("nội dung", "nhiệm vụ", "hoạt động", "công việc", "tên nhiệm vụ")),
    ("Phối hợp", ("phối hợp", "cơ quan phối hợp", "đơn vị phối hợp")),
    ("Thời gian", ("thời gian", "thời hạn", "tiến độ")),
    ("Kết quả", ("kết quả", "sản phẩm")),
    ("Kinh phí", ("kinh phí", "dự toán", "nguồn kinh phí")),
    ("Ghi chú", ("ghi chú",)),
    ("Chủ trì", ("chủ trì", "cơ quan", "đơn vị", "thực hiện", "phân công", "người", "bộ phận")),
)
_NUMBER_COLUMNS = ("stt", "tt", "số tt", "số thứ tự", "mục")
_ITEM_NUMBER_RE = re.compile(r"[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ]")


def _column_label(heading: str) -> str | None:
    heading = re.sub(r"[\s*]+", " ", heading).strip(" .:").casefold()
    if heading in _NUMBER_COLUMNS:
        return "number"
    for label, starts in _COLUMN_LABELS:
        if heading.startswith(starts):
            return label
    if "phối hợp" in heading:  # "Cơ quan, đơn vị phối hợp"
        return "Phối hợp"
    return "Chủ trì" if "chủ trì" in heading else None


def _run_is_bold(run, paragraph) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    for style in (getattr(run, "style", None), getattr(paragraph, "style", None)):
        bold = getattr(getattr(style, "font", None), "bold", None)
        if bold is not None:
            return bool(bold)
    return False


def _unique_cells(row) -> list:
    seen, cells = set(), []
    for cell in row.cells:  # a merged cell comes once per grid column it spans
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


class _DocxReader:
    def __init__(self, document):
        part = document.part
        numbering = None
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError):  # a document without numbering.xml
            numbering = None
        styles = getattr(getattr(part, "styles", None), "element", None)
        self.numbering = WordNumbering(numbering, styles)
        # Per w:p element, counted once (a table's cells are read more than once). Keyed by
        # the element itself: holding it keeps lxml's proxy alive, whereas an id() of a
        # proxy that was freed can come back for another paragraph.
        self.labels: dict[object, str | None] = {}

    def label(self, paragraph) -> str | None:
        element = paragraph._p
        if element not in self.labels:
            self.labels[element] = self.numbering.label(element)
        return self.labels[element]

    def paragraph_lines(self, paragraph) -> list[str]:
        """A Word paragraph as lines of text; bold runs as **...**, italic runs as *...*."""
        from docx.text.hyperlink import Hyperlink

        pieces: list[list] = []  # [text, bold, italic]
        for inner in paragraph.iter_inner_content():
            for run in inner.runs if isinstance(inner, Hyperlink) else [inner]:
                style = [_run_is_bold(run, paragraph), bool(run.italic)]
                if pieces and pieces[-1][1:] == style:
                    pieces[-1][0] += run.text
                else:
                    pieces.append([run.text, *style])
        out = ""
        for text, bold, italic in pieces:
            mark = ("**" if bold else "") + ("*" if italic else "")
            for i, part in enumerate(text.split("\n")):
                if i:
                    out += "\n"
                core = part.strip()
                if mark and core:
                    lead = part[: len(part) - len(part.lstrip())]
                    trail = part[len(part.rstrip()) :]
                    out += f"{lead}{mark}{core}{mark[::-1]}{trail}"
                else:
                    out += part
        lines = out.split("\n")
        number = self.label(paragraph)
        if number and (lines[0].strip() or len(lines) == 1):
            first = lines[0].lstrip()
            marks = re.match(r"^\*{1,3}", first)  # "II." inside the bold: "**II. MỤC ĐÍCH**"
            cut = marks.end() if marks and number != "-" else 0
            lines[0] = f"{first[:cut]}{number} {first[cut:]}".rstrip()
        return lines

    def cell_lines(self, cell) -> list[str]:
        from docx.table import Table

        lines: list[str] = []
        for block in cell.iter_inner_content():
            if isinstance(block, Table):
                lines += self.table_lines(block)
            else:
                lines += self.paragraph_lines(block)
        return lines

    def table_lines(self, table) -> list[str]:
        rows = [_unique_cells(row) for row in table.rows]
        if not rows:
            return []
        cells = [[self.cell_lines(cell) for cell in row] for row in rows]
        labels = [_column_label(" ".join(lines)) for lines in cells[0]]
        if "title" in labels and len({lb for lb in labels if lb} - {"title", "number"}) >= 2:
            return self._task_table_lines(cells, labels)
        lines: list[str] = []
        for row in cells:
            for cell in row:
                lines += [*cell, ""]
        return lines

    @staticmethod
    def _task_table_lines(rows: list[list[list[str]]], labels: list[str | None]) -> list[str]:
        """STT | Nội dung | Chủ trì | ... -> "1. ..." + "- Chủ trì: ..."."""
        lines: list[str] = []
        header = None
        for row in rows:
            if header is not None and len(row) == 1:  # merged across: a heading row
                lines += [*(line for line in row[0] if line.strip()), ""]
                continue
            cells = {}
            for label, cell in zip(labels, row, strict=False):
                if label:
                    cells[label] = [line.strip() for line in cell if line.strip()]
            flat = {k: " ".join(v) for k, v in cells.items()}
            if header is None:
                header = flat
                continue
            if flat == header or not any(flat.values()):
                continue
            number = flat.get("number", "").strip().rstrip(".)")
            title = cells.get("title") or [""]
            if number and _ITEM_NUMBER_RE.fullmatch(number):
                end = ")" if number.islower() else "."
                lines.append(f"{number}{end} {title[0]}".rstrip())
            else:
                lines.append(title[0])
            lines += title[1:]
            for label, value in flat.items():
                if label not in ("number", "title") and value:
                    lines.append(f"- {label}: {value}")
            lines.append("")
        return lines

    def text(self, document) -> str:
        from docx.table import Table

        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines += ["", *self.table_lines(block), ""]
            else:
                lines += self.paragraph_lines(block)
        return normalize_text("\n".join(lines))


def docx_text(data: bytes, max_unpacked: int = 200 * 1024 * 1024) -> str:
    """The text of a .docx (see the module docstring); :class:`PlanParseError` if broken."""
    import docx

    broken = "Tệp không đọc được: tệp .docx bị hỏng hoặc không phải tài liệu Word."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > max_unpacked:
                raise PlanParseError("Tệp không đọc được: nội dung .docx quá lớn.")
        document = docx.Document(io.BytesIO(data))
        return _DocxReader(document).text(document)
    except PlanParseError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile raise many kinds of error
        raise PlanParseError(broken) from exc
