"""Texts of the Nghị định 30/2020 format (Phụ lục I): number line, date line, names, money.

Shared by the PDF and the Word renderers so that both print the same words.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from tgpl.search import normalize

if TYPE_CHECKING:  # pragma: no cover
    from .content import Document

# Room left for the number and the day, written by hand until the document is issued.
BLANK = "\u00a0" * 6


def number_text(serial: int, kind: str, symbol: str) -> str:
    """05/QĐ-TGPL: numbers under 10 get a leading zero (Phụ lục I, mục II.3)."""
    return f"{serial:02d}/{kind}-{symbol}"


def number_line(number: str) -> str:
    """ "Số: 19/KH-TGPL"; an unnumbered draft keeps room before the "/"."""
    number = number.strip()
    if number.startswith("/"):
        return f"Số:{BLANK}{number}"
    return f"Số: {number}"


def date_line(place: str, on: datetime.date | None, year: int | None = None) -> str:
    """ "Lạng Sơn, ngày 05 tháng 01 năm 2026": days under 10 and months 1, 2 get a 0."""
    place = place.strip()
    prefix = f"{place}, " if place else ""
    if on is None:
        return f"{prefix}ngày{BLANK}tháng{BLANK}năm {year or BLANK}"
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{prefix}ngày {on.day:02d} tháng {month} năm {on.year}"


def vnd(amount: int | None) -> str:
    """177400000 -> "177.400.000đ", as the plans write amounts."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + "đ"


def upper(text: str) -> str:
    """Upper case that keeps Vietnamese letters ("đ" -> "Đ"), spaces collapsed."""
    return " ".join(text.split()).upper()


_LOCALITY = re.compile(r"\s+((?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+.+)$", re.I)


def issuer_name(issuer: str, parent_body: str) -> str:
    """The issuing body as printed under its parent: the shared locality is not repeated.

    "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn" under "Sở Tư pháp tỉnh Lạng Sơn"
    is printed "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC".
    """
    issuer = " ".join(issuer.split())
    match = _LOCALITY.search(issuer)
    if match and normalize(parent_body).endswith(normalize(match.group(1))):
        return issuer[: match.start()]
    return issuer


def file_stem(doc: Document) -> str:
    """An ASCII file name: "KH-19-2021", "QD-05-2026", "KH-du-thao" before numbering."""
    kind = normalize(doc.kind).upper()
    serial = doc.number_text.split("/", 1)[0].strip()
    when = doc.date.year if doc.date else doc.year
    parts = [kind, serial or "du-thao"]
    if when:
        parts.append(str(when))
    return "-".join(re.sub(r"[^A-Za-z0-9]+", "-", p).strip("-") for p in parts)


def recipient_lines(recipients: tuple[str, ...] | list[str]) -> list[str]:
    """ "- Sở Tư pháp;" one a line, the last ending with "." (Phụ lục I, mục II.9)."""
    cleaned = [r.strip().lstrip("-–+• ").rstrip(" ;.,") for r in recipients]
    cleaned = [r for r in cleaned if r]
    return [f"- {r}{'.' if i == len(cleaned) - 1 else ';'}" for i, r in enumerate(cleaned)]


def place_name(province_name: str) -> str:
    """The địa danh of a provincial body: "Tỉnh Lạng Sơn" -> "Lạng Sơn"."""
    return re.sub(r"^(tỉnh|thành phố)\s+", "", province_name.strip(), flags=re.I)
