"""A .pdf with a text layer (as plans are published on the provinces' portals) as text.
Pure Python (pypdf; no Django).

The text comes page by page, line by line; the lines a PDF broke are joined again by the
parser (:func:`plans.reader.lines.paragraphs`), page numbers dropped. The work is
bounded: at most :data:`MAX_PAGES` pages and :data:`MAX_CHARS` characters. A PDF with no
text (a scan or a photo) gets a Vietnamese message saying so.
"""

from __future__ import annotations

import io
import logging

from .errors import PlanParseError
from .text import normalize_text

logger = logging.getLogger(__name__)

MAX_PAGES = 100
MAX_CHARS = 2_000_000
MIN_LETTERS = 40  # fewer letters than this on every page: there is no text layer

BROKEN = "Tệp không đọc được: tệp .pdf bị hỏng hoặc không phải tài liệu PDF."
SCANNED = (
    "Tệp PDF này không có lớp chữ (có thể là bản scan hoặc ảnh chụp) nên không đọc được "
    "nội dung. Hãy tải lên bản .docx, hoặc bản PDF được xuất trực tiếp từ Word."
)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PlanParseError(BROKEN)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PlanParseError("Tệp PDF được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lên lại.")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise PlanParseError(
                f"Tệp PDF có {len(pages)} trang, nhiều hơn {MAX_PAGES} trang: "
                "hãy tải lên riêng phần kế hoạch."
            )
        texts, total = [], 0
        for page in pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_CHARS:
                raise PlanParseError("Tệp PDF quá nhiều chữ để đọc như một kế hoạch.")
            texts.append(text)
    except PlanParseError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        logger.info("unreadable PDF: %s", exc)
        raise PlanParseError(BROKEN) from exc
    text = normalize_text("\n\n".join(texts))
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise PlanParseError(SCANNED)
    return text
