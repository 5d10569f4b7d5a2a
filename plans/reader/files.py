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
from pathlib import PurePath

from .errors import PlanParseError
from .pdf import pdf_text
from .text import normalize_text
from .word import docx_text


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


MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024

UNSUPPORTED = "Tệp không đọc được: chỉ nhận .docx, .pdf hoặc .txt."


def read_plan_text(data: bytes, filename: str) -> str:
    """The text of an uploaded plan (.txt, .docx or .pdf); :class:`PlanParseError` otherwise."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix == ".doc":
        raise PlanParseError(
            "Tệp .doc (Word 97-2003) không đọc được: hãy lưu lại thành .docx rồi tải lên."
        )
    if suffix not in (".txt", ".docx", ".pdf"):
        raise PlanParseError(UNSUPPORTED)
    if not data:
        raise PlanParseError("Tệp không đọc được: tệp rỗng.")
    if len(data) > MAX_FILE_BYTES:
        raise PlanParseError("Tệp không đọc được: tệp lớn hơn 20 MB.")
    if suffix == ".txt":
        return decode_text(data)
    if suffix == ".pdf":
        return pdf_text(data)
    return docx_text(data, max_unpacked=MAX_DOCX_UNPACKED_BYTES)
