"""The years of a plan copied to the next year.

A plan for 2027 copied from the 2026 one says "năm 2027" where the old one said
"năm 2026": its title, its bases (căn cứ), its tasks and their time frames. Some years
are facts that a copy must not touch:

- the year inside a document's number: "Nghị định 144/2017/NĐ-CP", "Luật số
  11/2017/QH14", "Thông tư 12/2018/TT-BTP";
- a period of several years: "giai đoạn 2021 - 2025", "2021–2030";
- in the bases, the date of a cited document ("Kế hoạch số 04/KH-STP ngày 08 tháng 01
  năm 2026 của Sở Tư pháp"): that document was signed that day.

A cited document of the bases that is about the plan's year ("Kế hoạch số 29/KH-TGPL
ngày 13/01/2026 về triển khai công tác trợ giúp pháp lý năm 2026") is a yearly one: the
new plan carries out next year's edition, whose number and date are not known yet. The
copy moves the year it is about and leaves its number and date blank for the drafter
("Kế hoạch số …/KH-TGPL ngày …/…/… về triển khai công tác trợ giúp pháp lý năm 2027"),
instead of citing last year's document for next year's work. A document whose number
holds its year (Luật số 11/2017/QH14, Nghị định 144/2017/NĐ-CP) is never yearly.

Task texts are the plan's own schedule: their dates move ("trước ngày 15/3/2026" ->
"15/3/2027", "Quý I/2026" -> "Quý I/2027").

The year before the plan's year moves too where it names the results the plan builds
on ("trên cơ sở kết quả công tác năm 2025" in the 2026 plan -> "năm 2026" in the
2027 one): only after a word of results or reporting (kết quả, tổng kết, sơ kết,
báo cáo, đánh giá) earlier in the same sentence, so "Luật ... năm 2025" stays.
"""

from __future__ import annotations

import re

YEAR = re.compile(r"(?<![\d/.\-–])(\d{4})(?![\d/])")
RANGE = re.compile(r"(?<!\d)\d{4}\s*[-–]\s*\d{4}(?!\d)")
# the year of a date: "15/3/2026", "15.3.2026", "ngày 08 tháng 01 năm 2026"
DATE_YEAR = re.compile(
    r"(?<!\d)(\d{1,2}[/.]\d{1,2}[/.])(\d{4})(?![\d/])"
    r"|(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)(\d{4})(?!\d)",
    re.IGNORECASE,
)
# "Quý I/2026", "Tháng 01/2026", "tháng 3/2026": a period of the plan, not a date
PERIOD_YEAR = re.compile(r"((?:quý|tháng)\s+[IVX\d]{1,4}\s*/\s*)(\d{4})(?![\d/])", re.IGNORECASE)
# a cited document "số 29/KH-TGPL ngày 13/01/2026" whose number holds no year
CITED = re.compile(
    r"(số\s+)\d+(/(?!\d{4}/)[^\W\d_][\w.\-–]*)(\s+ngày\s+)"
    r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{4}(?![\d/])|(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}(?!\d)))",
    re.IGNORECASE,
)
BLANK_CITATION = "số …/"  # what a blanked citation starts with
CLAUSE_END = re.compile(r"[,;\n]|\.\s")
RESULT_WORDS = re.compile(r"kết quả|tổng kết|sơ kết|báo cáo|đánh giá", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.;:!?\n]")


def shift_plan_years(text: str, old: int, *, basis: bool = False) -> str:
    """`text` of the plan of year `old`, as it reads in the plan of `old + 1`.

    `basis`: the text is the plan's bases (căn cứ), where dates are those of cited
    documents and are kept.
    """
    if not text:
        return text or ""
    new = old + 1
    kept: dict[str, str] = {}

    def hold(value: str) -> str:
        key = f"\x00{len(kept)}\x00"
        kept[key] = value
        return key

    def date_year(match: re.Match) -> str:
        prefix = match.group(1) or match.group(3)
        year = int(match.group(2) or match.group(4))
        if basis or year != old:
            return hold(match.group(0))
        return hold(f"{prefix}{new}")

    def period_year(match: re.Match) -> str:
        year = int(match.group(2))
        return hold(f"{match.group(1)}{new}" if year == old else match.group(0))

    if basis:
        text = CITED.sub(lambda match: _yearly_blank(match, old), text)
    text = RANGE.sub(lambda match: hold(match.group(0)), text)
    # The period form first: "Tháng 01/2026" is read as a month of the plan, not a date.
    text = PERIOD_YEAR.sub(period_year, text)
    text = DATE_YEAR.sub(date_year, text)

    def bare_year(match: re.Match) -> str:
        year = int(match.group(1))
        if year == old:
            return str(new)
        if year == old - 1 and _after_result_word(match.string, match.start()):
            return str(old)
        return match.group(0)

    text = YEAR.sub(bare_year, text)
    for key, value in kept.items():
        text = text.replace(key, value)
    return text


def _after_result_word(text: str, position: int) -> bool:
    """Whether a word of results comes earlier in the sentence holding `position`."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, position)]
    start = ends[-1] if ends else 0
    return RESULT_WORDS.search(text, start, position) is not None


def _yearly_blank(match: re.Match, old: int) -> str:
    """The citation with its number and date left blank when the rest of its clause says
    it is about the year `old` (a yearly document: next year's edition is another one)."""
    text, end = match.string, match.end()
    stop = CLAUSE_END.search(text, end)
    clause = text[end : stop.start() if stop else len(text)]
    dates = [m.span() for m in DATE_YEAR.finditer(clause)]
    about = any(
        not any(a <= m.start() < b for a, b in dates)
        for m in re.finditer(rf"năm\s+{old}(?!\d)", clause, re.IGNORECASE)
    )
    if not about:
        return match.group(0)
    date = "… tháng … năm …" if match.group(4) else "…/…/…"
    return f"{match.group(1)}…{match.group(2)}{match.group(3)}{date}"
