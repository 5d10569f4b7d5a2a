"""Read the free-text "thời gian thực hiện" (timeframe) column of Vietnamese plans.

Pure Python (stdlib only, no Django imports).

``parse_timeframe(text, default_year=None)`` turns phrases such as "Quý II - III năm 2021"
or "Hằng tháng" into a :class:`Timeframe`: a date span, a recurrence and the concrete
periods. It never raises: text it cannot read comes back with no dates.

Supported forms (case-insensitive; composed or decomposed Unicode; "-", "–" or "—";
extra spaces; trailing dots; leading zeros; "năm 2021" or "/2021" before the year):

* whole years ..... "Cả năm 2021", "Năm 2024", "Trong năm 2022", "Cả năm" (default year)
* year ranges ..... "Giai đoạn 2021 - 2025", "2021-2025", "Từ năm 2021 đến năm 2025"
* months .......... "Tháng 01/2021", "Tháng 3 năm 2024", "Tháng 11 và tháng 12 năm 2017",
                    "Từ tháng 3 đến tháng 5 năm 2024", "Tháng 3, 4/2022",
                    "Tháng 10 - 12/2021", "03/2022", "tháng 6" (default year)
* quarters ........ "Quý I/2025", "Quý 2 năm 2023", "Quý II - III năm 2021", "Quý II, IV",
                    "Quý III và Quý IV năm 2024" (Roman I-IV or Arabic 1-4)
* part of a year .. "6 tháng đầu năm", "6 tháng cuối năm 2022", "9 tháng đầu năm 2024"
* days ............ "Ngày 15/01/2021", "ngày 15 tháng 3 năm 2025", "trước ngày 15/3",
                    "Từ ngày 01/3/2021 đến ngày 30/4/2021"
* deadlines ....... "trước ngày 15/3/2025", "chậm nhất ngày 20/12/2025", "hạn chót ...",
                    "Từ nay đến 30/6/2025": no start, end = the date. A deadline on a
                    month, quarter or year means "by the end of it"; with no date written
                    ("Trước ngày 15 hằng tháng") the recurrence rule below applies.
* recurrence ...... "Hằng/Hàng tháng", "(Định kỳ) hằng quý", "Hằng năm", "Thường xuyên",
                    "Hằng tháng, năm 2021"; "hằng ngày/tuần" count as continuous. The span
                    is the period written in the text, else ``default_year``, else none;
                    ``periods`` lists the months/quarters/years inside the span.
* open-ended ...... "Từ năm 2022", "Thực hiện thường xuyên từ năm 2018",
                    "Năm 2021 và những năm tiếp theo": end None and no periods.

Rules: the first kind of date found wins, in the order days, quarters, part of a year,
months, years. A year written in the text beats ``default_year``. An item without a year
takes the year of the next one ("tháng 11 và tháng 12 năm 2017"), a year earlier when a
range wraps ("tháng 11 - 2/2022"). Items joined by "-", "đến" or "tới" make one period;
items joined by ",", "và" make separate periods. An impossible date ("31/2/2025",
"tháng 13", "quý V") makes the whole text unreadable rather than guessed at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["RECURRENCES", "RECURRENCE_CHOICES", "Timeframe", "parse_timeframe"]

RECURRENCE_CHOICES = [
    ("none", "Không lặp"),
    ("monthly", "Hằng tháng"),
    ("quarterly", "Hằng quý"),
    ("yearly", "Hằng năm"),
    ("continuous", "Thường xuyên"),
]
RECURRENCES = frozenset(code for code, _ in RECURRENCE_CHOICES)

# A recurring span that would expand into more occurrences than this keeps its base periods.
MAX_PERIODS = 600

Period = tuple[date, date]


@dataclass(frozen=True)
class Timeframe:
    text: str
    start: date | None = None
    end: date | None = None
    recurrence: str = "none"
    periods: tuple[Period, ...] = ()

    @property
    def parsed(self) -> bool:
        """True when a date was understood or a recurrence recognised."""
        return self.start is not None or self.end is not None or self.recurrence != "none"

    def to_dict(self) -> dict[str, str | None]:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "recurrence": self.recurrence,
        }


class _Unreadable(Exception):
    """An impossible date: the whole text is treated as unreadable."""


@dataclass
class _Item:
    """One date-like token: where it is, what it names (month, quarter...) and its year."""

    pos: int
    endpos: int
    key: int | tuple[int, int]
    year: int | None


# --- Regular expressions (applied to the normalised, lower-case text) -------------------

_YEAR = r"(\d{4})(?!\d)"
_ITEM_YEAR = rf"(?:\s*(?:/|,?\s*năm\s*){_YEAR})?"  # "/2021", " năm 2021", ", năm 2021"
_SEP = r"\s*(?:,|;|&|-|\bvà\b|\bhoặc\b|\bđến\b|\btới\b)\s*"
_RANGE_SEP = re.compile(r"-|\bđến\b|\btới\b")

_MONTH_N = r"\d{1,2}(?!\d)"
_MONTH_ITEM = re.compile(rf"(?<!\d)({_MONTH_N}){_ITEM_YEAR}")
_MONTH_LIST = re.compile(
    rf"(?:\btháng\s*|(?<![\d/])(?=\d{{1,2}}/\d{{4}}(?!\d)))"  # "tháng 3" or a bare "03/2022"
    rf"{_MONTH_N}{_ITEM_YEAR}(?:{_SEP}(?:tháng\s*)?{_MONTH_N}{_ITEM_YEAR})*"
)
_QUARTER_N = r"(?:(?<!\d)\d{1,2}(?!\d)|\b[ivx]+\b)"
_QUARTER_ITEM = re.compile(rf"({_QUARTER_N}){_ITEM_YEAR}")
_QUARTER_LIST = re.compile(
    rf"\bquý\s*{_QUARTER_N}{_ITEM_YEAR}(?:{_SEP}(?:quý\s*)?{_QUARTER_N}{_ITEM_YEAR})*"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PART_OF_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s*tháng\s*(đầu|cuối)\s*năm(?:\s*/?\s*{_YEAR})?")
_DAY = re.compile(
    r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])"  # 15/3/2025, 15/3
    rf"|\bngày\s*(\d{{1,2}})\s*tháng\s*(\d{{1,2}})(?:\s*(?:năm\s*|/){_YEAR})?"
)
_YEAR_TOKEN = re.compile(r"(?<!\d)(\d{4})(?![\d/])")
_THIS_YEAR = re.compile(r"\b(?:cả|trong|suốt)\s*năm\b")

_EACH = r"\b(?:hằng|hàng|mỗi)\s*"
_RECURRENCE_PATTERNS = [  # the first that matches wins
    ("monthly", re.compile(rf"{_EACH}tháng\b")),
    ("quarterly", re.compile(rf"{_EACH}quý\b")),
    ("yearly", re.compile(rf"{_EACH}năm\b|\b(?:những|các)\s*năm\s*(?:tiếp\s*theo|sau)\b")),
    ("continuous", re.compile(rf"\bthường\s*xuyên\b|\bliên\s*tục\b|{_EACH}(?:ngày|tuần)\b")),
]
_DEADLINE = re.compile(
    r"\btrước\b|\b(?:chậm|muộn)\s*nhất\b|\bhạn\s*chót\b|\bkhông\s*muộn\s*hơn\b"
    r"|^(?:đến|tới)\b|\btừ\s*nay\s*(?:đến|tới)\b"
)
_FROM = re.compile(r"\btừ\b(?!\s*nay)")
_OPEN_END = re.compile(r"\b(?:tiếp\s*theo|trở\s*đi|về\s*sau)\b")


# --- Dates -----------------------------------------------------------------------------


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError) as exc:
        raise _Unreadable from exc


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return _date(year, 12, 31)
    return _date(year, month + 1, 1) - timedelta(days=1)


def _months(year: int, first: int, last: int) -> Period:
    """From the 1st of month ``first`` to the last day of month ``last``."""
    if not 1 <= first <= last <= 12:
        raise _Unreadable
    return _date(year, first, 1), _month_end(year, last)


def _quarter(year: int, quarter: int) -> Period:
    if not 1 <= quarter <= 4:
        raise _Unreadable
    return _months(year, 3 * quarter - 2, 3 * quarter)


# --- Finding items ---------------------------------------------------------------------


def _optional_int(text: str | None) -> int | None:
    return int(text) if text else None


def _list_items(s: str, list_re: re.Pattern, item_re: re.Pattern, number: Callable) -> list:
    """Items of every "tháng 3, 4/2022"-like list: the keyword, then numbers and separators."""
    return [
        _Item(item.start(), item.end(), number(item.group(1)), _optional_int(item.group(2)))
        for found in list_re.finditer(s)
        for item in item_re.finditer(s, found.start(), found.end())
    ]


def _day_items(s: str) -> list[_Item]:
    items = []
    for m in _DAY.finditer(s):
        if s[: m.start()].rstrip().endswith(("tháng", "quý")):
            continue  # "tháng 3/24" is not a day
        day, month, year = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
        items.append(_Item(m.start(), m.end(), (int(month), int(day)), _optional_int(year)))
    return items


def _part_of_year_items(s: str) -> list[_Item]:
    items = []
    for m in _PART_OF_YEAR.finditer(s):
        n = int(m.group(1))
        if not 1 <= n <= 12:
            raise _Unreadable
        key = (1, n) if m.group(2) == "đầu" else (13 - n, 12)
        items.append(_Item(m.start(), m.end(), key, _optional_int(m.group(3))))
    return items


def _year_items(s: str) -> list[_Item]:
    return [_Item(m.start(), m.end(), 0, int(m.group(1))) for m in _YEAR_TOKEN.finditer(s)]


def _fill_years(items: list[_Item], s: str, default_year: int | None) -> None:
    """Give every item a year: its own, the next item's, any year in the text, the default."""
    first = _YEAR_TOKEN.search(s)
    carry = int(first.group(1)) if first else default_year
    for i in reversed(range(len(items))):
        item = items[i]
        if item.year is None and carry is not None:
            item.year = carry
            after = items[i + 1] if i + 1 < len(items) else None
            if after and item.key > after.key and _RANGE_SEP.search(s[item.endpos : after.pos]):
                item.year = carry - 1  # "tháng 11 - 2/2022" starts in 2021
        carry = item.year


def _combine(items: list[_Item], s: str, make: Callable[[int, object], Period]) -> list[Period]:
    """Periods of the items; items joined by a range separator merge into one period."""
    periods: list[Period] = []
    previous = None
    for item in items:
        if item.year is None:
            continue
        start, end = make(item.year, item.key)
        if previous is not None and _RANGE_SEP.search(s[previous.endpos : item.pos]):
            first_start, first_end = periods[-1]
            periods[-1] = (min(first_start, start), max(first_end, end))
        else:
            periods.append((start, end))
        previous = item
    return sorted(set(periods))


def _find_periods(s: str, default_year: int | None) -> list[Period]:
    finders: list[tuple[Callable[[], list[_Item]], Callable[[int, object], Period]]] = [
        (lambda: _day_items(s), lambda y, k: (_date(y, *k),) * 2),
        (lambda: _list_items(s, _QUARTER_LIST, _QUARTER_ITEM, _quarter_number), _quarter),
        (lambda: _part_of_year_items(s), lambda y, k: _months(y, *k)),
        (lambda: _list_items(s, _MONTH_LIST, _MONTH_ITEM, int), lambda y, k: _months(y, k, k)),
        (lambda: _year_items(s), lambda y, _: _months(y, 1, 12)),
    ]
    for find_items, make in finders:
        items = find_items()
        _fill_years(items, s, default_year)
        periods = _combine(items, s, make)
        if periods:
            return periods
    return []


def _quarter_number(token: str) -> int:
    return _ROMAN.get(token, 0) if token.isalpha() else int(token)


# --- Recurrence ------------------------------------------------------------------------


def _recurrence(s: str) -> str:
    return next((code for code, pattern in _RECURRENCE_PATTERNS if pattern.search(s)), "none")


def _occurrences(start: date, end: date, months: int) -> Iterator[Period]:
    """Calendar-aligned blocks of ``months`` months covering [start, end], clipped to it."""
    current = start
    while True:
        first_month = (current.month - 1) // months * months + 1
        block_end = _month_end(current.year, first_month + months - 1)
        yield current, min(block_end, end)
        if block_end >= end:
            return
        current = block_end + timedelta(days=1)


def _expand(periods: Iterable[Period], recurrence: str) -> tuple[Period, ...]:
    periods = tuple(periods)
    months = {"monthly": 1, "quarterly": 3, "yearly": 12}.get(recurrence)
    if months is None:
        return periods
    expanded: set[Period] = set()
    for start, end in periods:
        for occurrence in _occurrences(start, end, months):
            expanded.add(occurrence)
            if len(expanded) > MAX_PERIODS:
                return periods
    return tuple(sorted(expanded))


# --- Public API ------------------------------------------------------------------------


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).lower())
    s = s.replace("ð", "đ")  # legacy fonts type "Ð" (eth) for "Đ"
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)  # hyphens, en/em dashes, minus sign
    s = re.sub(r"\s*/\s*", "/", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .;,")


def parse_timeframe(text: str, default_year: int | None = None) -> Timeframe:
    """Parse a Vietnamese timeframe phrase; see the module docstring. Never raises."""
    raw = "" if text is None else str(text).strip()
    if not (isinstance(default_year, int) and 1 <= default_year <= 9999):
        default_year = None
    s = _normalise(raw)
    recurrence = _recurrence(s)
    try:
        periods = _find_periods(s, default_year)
    except _Unreadable:
        return Timeframe(raw)
    if not periods:
        if not (default_year and (recurrence != "none" or _THIS_YEAR.search(s))):
            return Timeframe(raw, recurrence=recurrence)
        whole_year = _months(default_year, 1, 12)  # "Hằng tháng", "Cả năm": the default year
        return Timeframe(raw, *whole_year, recurrence, _expand([whole_year], recurrence))
    start, end = periods[0][0], max(period_end for _, period_end in periods)
    if _OPEN_END.search(s) or (_FROM.search(s) and not _RANGE_SEP.search(s)):
        return Timeframe(raw, start, None, recurrence)
    if _DEADLINE.search(s) and not _FROM.search(s):
        return Timeframe(raw, None, end, recurrence)
    return Timeframe(raw, start, end, recurrence, _expand(periods, recurrence))
