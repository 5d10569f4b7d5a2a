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
            segment = segment.strip(" |")
            if is_upper(segment) and not PLAN_TYPE_RE.match(segment) and not m:
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
