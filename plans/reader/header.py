"""The header and the signer block of a plan: number, place and date, the letterhead,
the signer and the recipients. Pure Python."""

from __future__ import annotations

import datetime as dt
import re

from .contract import ParsedPlan, ParsedSigner
from .lines import (
    AUTH_RE,
    DATE_RE,
    NATIONAL_RE,
    PLAN_TYPE_RE,
    SIGN_NOISE_RE,
    SO_RE,
    Para,
    first_letter,
    is_signer_line,
    is_upper,
)

# --- Header and signer ---------------------------------------------------------------

# An agency's name starts with one of these; an upper-case line that does not ("TỈNH LẠNG
# SƠN" under "ỦY BAN NHÂN DÂN", "NHÀ NƯỚC" under "TRUNG TÂM TRỢ GIÚP PHÁP LÝ") goes on.
_AGENCY_HEAD_RE = re.compile(
    r"^(?:ỦY|UỶ|UBND|HĐND|HỘI|SỞ|TRUNG\s+TÂM|PHÒNG|CHI\s+NHÁNH|BAN|CỤC|BỘ|VỤ|VĂN\s+PHÒNG"
    r"|TÒA|TOÀ|VIỆN|CÔNG\s+AN|ĐOÀN|ĐẢNG|MẶT\s+TRẬN|THANH\s+TRA)\b"
)
_BLANK_DATE_RE = re.compile(r",\s*ngày[\s.…_]*tháng[\s.…_]*năm[\s.…_]*$", re.I)


def parse_header(paras: list[Para], plan: ParsedPlan) -> int | None:
    """Fill number/symbol/place/date/issuer from the lines above "KẾ HOẠCH"; return the year
    written on the date line, even when the day is left blank."""
    date_year = None
    agencies: list[str] = []
    for para in paras:
        text = para.text
        so = SO_RE.search(text)
        if so and plan.symbol is None:
            plan.number = int(so["num"]) if so["num"] else None
            plan.symbol = re.sub(r"\s*[-–]\s*", "-", so["sym"])
            plan.number_text = f"{so['num'] or ''}/{plan.symbol}"
            text = text[: so.start()] + "\n" + text[so.end() :]
        text = NATIONAL_RE.sub("\n", text)
        for segment in text.split("\n"):
            m = DATE_RE.search(segment)
            if m and date_year is None:
                date_year = int(m["y"])
                place = segment[: m.start()].strip(" |:-–")
                place = " ".join(place.split()[-6:])
                plan.place = place if first_letter(place).isupper() else None
                try:
                    plan.date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
                except (TypeError, ValueError):
                    plan.date = None
                continue
            blank = _BLANK_DATE_RE.search(segment)
            if blank and plan.place is None:  # "Lạng Sơn, ngày    tháng    năm"
                place = segment[: blank.start()].strip(" |:-–")
                plan.place = place if first_letter(place).isupper() else None
                continue
            segment = segment.strip(" |")
            if is_upper(segment) and not PLAN_TYPE_RE.match(segment) and not m:
                if agencies and not _AGENCY_HEAD_RE.match(segment):
                    agencies[-1] = f"{agencies[-1]} {segment}"
                else:
                    agencies.append(segment)
    if agencies:
        plan.issuer = agencies[-1]
        plan.parent_agency = " ".join(agencies[:-1]) or None
    return date_year


def parse_signer(lines: list[str]) -> ParsedSigner:
    lines = [line for line in lines if not SIGN_NOISE_RE.match(line)]
    signer = ParsedSigner()
    if not lines:
        return signer
    if not is_signer_line(lines[-1]):
        signer.name = lines.pop()
    auth = [line for line in lines if AUTH_RE.match(line)]
    if auth:
        signer.on_behalf = "\n".join(re.sub(r"^(\w+)\s*\.\s*", r"\1. ", line) for line in auth)
        after = lines[lines.index(auth[-1]) + 1 :]
    else:
        after = lines
    titles = [line for line in after if is_upper(line) and not AUTH_RE.match(line)]
    signer.title = titles[0] if titles else None
    return signer


def clean_recipient(text: str) -> str:
    text = re.sub(r"^[-–+•]\s*", "", text.strip())
    return re.sub(r"[\s;.,]+$", "", text.replace("./.", "")).strip()
