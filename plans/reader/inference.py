"""What a plan does not state in its header, read from the rest of the text. Pure Python.

* :func:`body_year` — the year of a plan whose header is blank ("Số: /KH-UBND", "ngày
  tháng năm"): the year its tasks run in ("Tháng 11 năm 2017"), else the year its body
  names most. Never today's year: a plan that names no year has none.
* :func:`issuing_body` — the body the document names: "Ủy ban nhân dân tỉnh Lạng Sơn ban
  hành Kế hoạch", else the letterhead ("SỞ TƯ PHÁP" under "UBND TỈNH HÀ TĨNH" is "Sở Tư
  pháp tỉnh Hà Tĩnh").
* :func:`guess_kind` — the kind of plan, the one rule the command line and the web share.
* :func:`referenced_plans` — plans named by the legal bases ("Kế hoạch số 08/KH-STP ngày
  12/01/2021"), to be linked to plans already in the system.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from .contract import PlanReference

# --- The year ----------------------------------------------------------------------------

# A year as dates write it: "năm 2017", "/2017", "Quý I/2018", "2021 - 2025".
_YEAR_RE = re.compile(r"(?:\bnăm\s+|/\s*|\b)(20\d\d|19\d\d)(?!\d)", re.I)


def _years(texts: Iterable[str]) -> Counter:
    found: Counter = Counter()
    for text in texts:
        for m in _YEAR_RE.finditer(text or ""):
            year = int(m.group(1))
            if 1990 <= year <= 2100:
                found[year] += 1
    return found


def body_year(timeframes: Iterable[str], body: Iterable[str]) -> int | None:
    """The year a plan runs in, from its tasks' time frames first, then its body text.

    The most named year wins; between years named as often, the earliest (a plan for
    2017-2018 starts in 2017).
    """
    for texts in (timeframes, body):
        found = _years(texts)
        if found:
            best = max(found.values())
            return min(year for year, count in found.items() if count == best)
    return None


# --- The issuing body --------------------------------------------------------------------

_BODY_HEADS = (
    r"Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|UBND|Sở\s+Tư\s+pháp|Sở\s+[A-ZĐ]\w*"
    r"|Trung\s+tâm\s+Trợ\s+giúp\s+pháp\s+lý|Hội\s+đồng\s+phối\s+hợp\s+liên\s+ngành"
    r"|Chi\s+nhánh|Ban\s+Chỉ\s+đạo|Cục\s+Trợ\s+giúp\s+pháp\s+lý|Bộ\s+Tư\s+pháp"
)
_HEAD_RE = re.compile(rf"(?:{_BODY_HEADS})")
_ISSUES_RE = re.compile(
    r"\s+(?:ban\s+hành|xây\s+dựng|triển\s+khai|thống\s+nhất\s+ban\s+hành)\s+"
    r"(?:Kế\s+hoạch|kế\s+hoạch)\b"
)
_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
_PLACE_RE = re.compile(r"\b(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã)\s+\S.*$", re.I)
# After these words the next word starts with a capital: "Sở Tư pháp", "Trung tâm Trợ giúp".
_NAMED_AFTER = ("sở", "trung tâm", "cục", "bộ", "chi cục", "vụ")


def sentence_case(name: str) -> str:
    """ "SỞ TƯ PHÁP TỈNH HÀ TĨNH" -> "Sở Tư pháp tỉnh Hà Tĩnh"; a name in mixed case stays."""
    name = re.sub(r"\s+", " ", name).strip()
    if any(ch.islower() for ch in name):
        return name
    name = re.sub(r"\bUBND\b", "ỦY BAN NHÂN DÂN", re.sub(r"\bHĐND\b", "HỘI ĐỒNG NHÂN DÂN", name))
    words = name.lower().split(" ")
    out: list[str] = []
    capital_run = False  # inside a place name: every word capitalised
    for i, word in enumerate(words):
        before = " ".join(words[max(0, i - 2) : i])
        previous = words[i - 1] if i else ""
        named = previous in _NAMED_AFTER or before in _NAMED_AFTER or previous in ("-", "–")
        if i == 0 or capital_run or named:
            word = word[:1].upper() + word[1:]
        out.append(word)
        joined = " ".join(words[max(0, i - 1) : i + 1])
        if word.lower() in _PLACE_WORDS or joined in _PLACE_WORDS:
            capital_run = True
    return " ".join(out)


def _expand(name: str) -> str:
    return re.sub(r"^UBND\b", "Ủy ban nhân dân", name.strip())


def _same_body(a: str, b: str) -> bool:
    a, b = _expand(a).casefold(), _expand(b).casefold()
    return a.startswith(b) or b.startswith(a)


def _named_issuer(text: str) -> str | None:
    """ "..., Trung tâm Trợ giúp pháp lý nhà nước xây dựng Kế hoạch" -> the body's name."""
    for verb in _ISSUES_RE.finditer(text):
        sentence = re.split(r"[.;:,()]", text[: verb.start()])[-1]
        heads = list(_HEAD_RE.finditer(sentence))
        if heads:
            return _expand(sentence[heads[-1].start() :]).strip()
    return None


def issuing_body(intro: Iterable[str], issuer: str | None, parent: str | None) -> str | None:
    """The issuing body as the document names it (see the module docstring)."""
    letterhead = None
    if issuer:
        letterhead = sentence_case(issuer)
        place = _PLACE_RE.search(sentence_case(parent)) if parent else None
        if place and not _PLACE_RE.search(letterhead):
            letterhead = f"{letterhead} {place.group(0)}"
    for text in intro:
        named = _named_issuer(text)
        if named:
            if letterhead and _same_body(named, letterhead):
                return letterhead if len(letterhead) >= len(named) else named
            return named
    return letterhead


# --- The kind ------------------------------------------------------------------------

_LAW_RE = re.compile(
    r"\b(?i:thi\s+hành|triển\s+khai(?:\s+thực\s+hiện)?|thực\s+hiện)\s+(?:các\s+)?Luật\b"
)
_POLICY_RE = re.compile(r"\bchính\s+sách\b|/QĐ-TTg\b|/NQ-CP\b", re.I)


def guess_kind(title: str | None, intro: Iterable[str] = ()) -> str:
    """One of :data:`plans.reader.contract.KINDS`, from the title and the "Thực hiện" intro.

    A thematic plan says "chuyên đề"; inter-agency coordination "phối hợp liên ngành" (or
    starts "Phối hợp"); a law-implementation plan implements a Luật ("triển khai thi hành
    Luật ..."); a policy plan implements a policy (Quyết định .../QĐ-TTg, "chính sách");
    a plan of the year's work ("công tác ... năm 2021") is annual; any other ("Truyền
    thông về trợ giúp pháp lý năm 2024") is "other".
    """
    title = re.sub(r"\s+", " ", title or "").strip()
    lowered = title.casefold()
    implementing = [
        t for t in intro if re.match(r"\s*(?:Thực\s+hiện|Triển\s+khai|Thi\s+hành)\b", t, re.I)
    ]
    if "chuyên đề" in lowered:
        return "thematic"
    if "liên ngành" in lowered or lowered.startswith("phối hợp"):
        return "coordination"
    if _LAW_RE.search(title):
        return "law"
    if _POLICY_RE.search(title):
        return "policy"
    if any("liên ngành" in t.casefold() for t in implementing):
        return "coordination"
    if any(_POLICY_RE.search(t) for t in implementing) and "công tác" not in lowered:
        return "policy"
    if any(_LAW_RE.search(t) for t in implementing) and "công tác" not in lowered:
        return "law"
    if "công tác" in lowered:
        return "annual"
    return "other"


# --- Plans named by the legal bases ----------------------------------------------------

_PLAN_REF_RE = re.compile(
    r"Kế\s+hoạch\s+(?:số\s+)?(?P<num>\d{1,4})\s*/\s*(?P<sym>KH(?:\s*-\s*[A-ZĐ0-9]+)+)"
    r"(?:\s+ngày\s+(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|\s+ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))?",
    re.I,
)


def referenced_plans(bases: Iterable[str]) -> list[PlanReference]:
    """Every "Kế hoạch số 08/KH-STP ngày 12/01/2021" the legal bases name."""
    found: list[PlanReference] = []
    for text in bases:
        for m in _PLAN_REF_RE.finditer(text):
            day, month, year = (m["d"], m["m"], m["y"]) if m["d"] else (m["d2"], m["m2"], m["y2"])
            date = None
            if year:
                try:
                    date = dt.date(int(year), int(month), int(day)).isoformat()
                except ValueError:
                    date = None
            symbol = re.sub(r"\s*-\s*", "-", m["sym"]).upper()
            ref: PlanReference = {
                "number": int(m["num"]),
                "symbol": symbol,
                "date": date,
                "year": int(year) if year else None,
                "text": text,
            }
            if not any(
                (r["number"], r["symbol"], r["year"]) == (ref["number"], symbol, ref["year"])
                for r in found
            ):
                found.append(ref)
    return found
