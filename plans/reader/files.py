"""Reading an uploaded plan into text: .txt (encodings), .docx (paragraphs, tables, Word's
automatic numbering) and .pdf with a text layer. Pure Python (no Django).

A .docx comes out in document order: bold runs are written ``**...**`` and italic runs
``*...*``; the number Word's list feature shows ("2.1.", "II.", "a)") is written before
the paragraph's text as if typed (see :mod:`plans.reader.numbering`); a table of tasks
(STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Kết quả) becomes numbered items with
labelled lines.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import PurePath

from .text import normalize_text

# --- Files -----------------------------------------------------------------------------


class PlanParseError(ValueError):
    """The file cannot be read; the message is in Vietnamese, for the user."""


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258, else Latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1258")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    if "\x00" in text or data.startswith(b"PK\x03\x04"):
        raise PlanParseError("Tệp không đọc được: nội dung không phải văn bản (.txt).")
    return normalize_text(text)


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


def _paragraph_lines(paragraph) -> list[str]:
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
    return out.split("\n")


def _cell_lines(cell) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for block in cell.iter_inner_content():
        lines += _table_lines(block) if isinstance(block, Table) else _paragraph_lines(block)
    return lines


def _unique_cells(row) -> list:
    seen, cells = set(), []
    for cell in row.cells:  # a merged cell comes once per grid column it spans
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _table_lines(table) -> list[str]:
    rows = [_unique_cells(row) for row in table.rows]
    if not rows:
        return []
    labels = [_column_label(" ".join(_cell_lines(c))) for c in rows[0]]
    if "title" in labels and len({lb for lb in labels if lb} - {"title", "number"}) >= 2:
        return _task_table_lines(rows, labels)
    lines: list[str] = []
    for row in rows:
        for cell in row:
            lines += _cell_lines(cell)
            lines.append("")
    return lines


def _task_table_lines(rows: list[list], labels: list[str | None]) -> list[str]:
    """STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Kết quả -> "1. ..." + "- Chủ trì: ..."."""
    lines: list[str] = []
    header = None
    for row in rows:
        cells = {}
        for label, cell in zip(labels, row, strict=False):
            if label:
                text = [line.strip() for line in _cell_lines(cell) if line.strip()]
                cells[label] = text
        flat = {k: " ".join(v) for k, v in cells.items()}
        if header is None:
            header = flat
            continue
        if flat == header or not any(flat.values()):
            continue
        number = flat.get("number", "").strip().rstrip(".")
        title = cells.get("title") or [""]
        if number and re.fullmatch(r"[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ]", number):
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


def docx_text(data: bytes, max_unpacked: int = 200 * 1024 * 1024) -> str:
    """The text of a .docx: paragraphs and tables in document order (see the module docstring)."""
    import docx
    from docx.table import Table

    broken = "Tệp không đọc được: tệp .docx bị hỏng hoặc không phải tài liệu Word."
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > max_unpacked:
                raise PlanParseError("Tệp không đọc được: nội dung .docx quá lớn.")
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines += ["", *_table_lines(block), ""]
            else:
                lines += _paragraph_lines(block)
    except PlanParseError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile raise many kinds of error
        raise PlanParseError(broken) from exc
    return normalize_text("\n".join(lines))


MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024

UNSUPPORTED = "Tệp không đọc được: chỉ nhận .docx hoặc .txt."


def read_plan_text(data: bytes, filename: str) -> str:
    """The text of an uploaded plan (.txt or .docx); :class:`PlanParseError` otherwise."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix == ".doc":
        raise PlanParseError(
            "Tệp .doc (Word 97-2003) không đọc được: hãy lưu lại thành .docx rồi tải lên."
        )
    if suffix not in (".txt", ".docx"):
        raise PlanParseError(UNSUPPORTED)
    if not data:
        raise PlanParseError("Tệp không đọc được: tệp rỗng.")
    if len(data) > MAX_FILE_BYTES:
        raise PlanParseError("Tệp không đọc được: tệp lớn hơn 20 MB.")
    if suffix == ".txt":
        return decode_text(data)
    return docx_text(data, max_unpacked=MAX_DOCX_UNPACKED_BYTES)
