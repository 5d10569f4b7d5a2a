"""Quality appraisal of a case (TT 12/2018 Điều 14–17, as amended by TT 03/2021): the
100-point sheet, its grade, the Điều 6.1 override, who may appraise, and the draw.

Pure Python: the criteria and bands in force on a date are data (cases/models/
appraisal.py, seeded from cases/rules/appraisal_catalogue.py); these functions take
them as plain values.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

EXCELLENT, GOOD, PASS, FAIL = "excellent", "good", "pass", "fail"
GRADE_LABELS = {
    EXCELLENT: "Chất lượng tốt",
    GOOD: "Chất lượng khá",
    PASS: "Đạt chất lượng",
    FAIL: "Không đạt chất lượng",
}
STEP = Decimal("0.5")  # sub-scores are given in half points


@dataclass(frozen=True)
class Criterion:
    """One line of the sheet: "2c) nghiên cứu và áp dụng đầy đủ quy định pháp luật (20)"."""

    code: str
    group: int  # 1 trách nhiệm nghề nghiệp, 2 thực hiện TGPL, 3 sự hài lòng
    label: str
    max_points: Decimal
    valid_from: date
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class Band:
    """A result category from its lowest total: tốt from 90, khá 70, đạt 50, không đạt 0."""

    grade: str
    min_points: Decimal
    valid_from: date
    valid_to: date | None = None

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


def in_force(items: Iterable, on: date) -> list:
    """The criteria (or bands, or checklist criteria) of the version in force on `on`."""
    return [i for i in items if i.in_force(on)]


def parse_score(raw) -> Decimal | None:
    """A typed score ("7,5", "8") as a Decimal; None when empty; ValueError when not a number."""
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw
    text = str(raw).strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError("Điểm phải là một số.") from None
    if not value.is_finite():
        raise ValueError("Điểm phải là một số.")
    return value


def score_problem(criterion: Criterion, value: Decimal | None) -> str | None:
    """Why a sub-score cannot stand (Điều 16: each criterion has its maximum)."""
    if value is None:
        return "Chưa chấm điểm tiêu chí này."
    if value < 0:
        return "Điểm không được âm."
    if value > criterion.max_points:
        return f"Điểm tối đa của tiêu chí này là {points_text(criterion.max_points)}."
    if value % STEP:
        return "Điểm chấm theo bậc 0,5."
    return None


def sheet_problems(
    criteria: Sequence[Criterion], scores: Mapping[str, Decimal | None]
) -> dict[str, str]:
    """The problem of each sub-score (by criterion code); empty when the sheet is complete."""
    problems = {}
    for c in criteria:
        problem = score_problem(c, scores.get(c.code))
        if problem:
            problems[c.code] = problem
    return problems


def total(criteria: Sequence[Criterion], scores: Mapping[str, Decimal | None]) -> Decimal:
    """The sum of the sub-scores given so far, each counted within its bounds."""
    points = Decimal(0)
    for c in criteria:
        value = scores.get(c.code)
        if value is not None and score_problem(c, value) is None:
            points += value
    return points


def group_totals(
    criteria: Sequence[Criterion], scores: Mapping[str, Decimal | None]
) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for c in criteria:
        totals.setdefault(c.group, Decimal(0))
        value = scores.get(c.code)
        if value is not None and score_problem(c, value) is None:
            totals[c.group] += value
    return totals


def grade(points: Decimal, bands: Sequence[Band], *, breach_6_1: bool = False) -> str:
    """The result category of a total (Điều 17): the highest band reached; "không đạt"
    whatever the score when the performer or the organisation breached Luật TGPL Điều 6.1."""
    if breach_6_1:
        return FAIL
    for band in sorted(bands, key=lambda b: b.min_points, reverse=True):
        if points >= band.min_points:
            return band.grade
    return FAIL


# --- who may appraise (Điều 15; the performer's independence) -------------------------

SELF_APPRAISAL = "Người thực hiện vụ việc không được thẩm định vụ việc của chính mình."
CHAIN_APPRAISAL = (
    "Người đã đề xuất hoặc duyệt việc cử người thực hiện vụ việc này không được thẩm định nó."
)


def appraiser_problem(
    appraiser_id: int,
    *,
    performer_ids: Iterable[int],
    chain_ids: Iterable[int],
) -> str | None:
    """Why this person may not appraise this case: its performer (now or before), or one
    who proposed or approved the assignment of its performer."""
    if appraiser_id in set(performer_ids):
        return SELF_APPRAISAL
    if appraiser_id in set(chain_ids):
        return CHAIN_APPRAISAL
    return None


# --- the draw (Điều 15: a share of cases, every performer covered) ----------------------


@dataclass(frozen=True)
class Candidate:
    case_id: int
    performer_id: int | None


def _rank(seed: str, case_id: int) -> str:
    return hashlib.sha256(f"{seed}:{case_id}".encode()).hexdigest()


def draw_size(count: int, share_percent: int | None, performers: int) -> int:
    """How many cases a draw takes: all (None), or the share rounded up, never fewer than
    one per performer."""
    if share_percent is None:
        return count
    wanted = math.ceil(count * share_percent / 100)
    return min(count, max(wanted, performers))


def draw(candidates: Sequence[Candidate], *, share_percent: int | None, seed: str) -> list[int]:
    """The cases drawn for appraisal, in the draw's order.

    Repeatable: the order is a hash of the plan's seed and each case id, so the same plan
    over the same cases draws the same cases. Covering: the first case of each performer
    in that order is taken before any second one (Điều 15: every performer has a case
    appraised).
    """
    ordered = sorted(candidates, key=lambda c: _rank(seed, c.case_id))
    performers = {c.performer_id for c in ordered if c.performer_id is not None}
    size = draw_size(len(ordered), share_percent, len(performers))
    chosen: list[int] = []
    covered: set[int] = set()
    for c in ordered:
        if c.performer_id is not None and c.performer_id not in covered:
            covered.add(c.performer_id)
            chosen.append(c.case_id)
    for c in ordered:
        if len(chosen) >= size:
            break
        if c.case_id not in chosen:
            chosen.append(c.case_id)
    rank = {c.case_id: i for i, c in enumerate(ordered)}
    return sorted(chosen, key=rank.__getitem__)


def points_text(value: Decimal) -> str:
    """7,5 — points written the Vietnamese way."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")
