"""Fees of the performers (NĐ 144/2017/NĐ-CP Điều 12-15; TT 02/2021/TT-BTP). Pure Python.

Every amount is a coefficient of the base salary (mức lương cơ sở, dated data): a
contracted lawyer's litigation session (half a day) is 0.38 × base, at most 30 sessions
a case; out-of-court representation 0.31 × base, at most 20 sessions; a legal-aid officer
gets 40 % (litigation) or 20 % (representation) of the lawyer's rate; a written advice
0.08–0.15 × base; a lump sum (khoán chi) 3–10 × base a case, and for two performers on
one case at most 130 % of it and never more than 10 × base (TT 02/2021 Điều 10).
Amounts are rounded to the đồng, half up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

LITIGATION, ADVICE, REPRESENTATION = "litigation", "advice", "representation"
LEGAL_AID_OFFICER, CONTRACTED_LAWYER, COLLABORATOR = (
    "legal_aid_officer",
    "contracted_lawyer",
    "collaborator",
)

ADVICE_MIN, ADVICE_MAX = Decimal("0.08"), Decimal("0.15")
LUMP_MIN, LUMP_MAX = Decimal(3), Decimal(10)
TWO_PERFORMERS = Decimal("1.3")


class FeeError(ValueError):
    """A figure outside what the decree allows (the message is Vietnamese)."""


def vnd(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Rate:
    """A per-session rate: coefficient × percent % × base, at most max_sessions a case."""

    valid_from: date
    form: str
    performer_kind: str
    coefficient: Decimal
    percent: int = 100
    max_sessions: int | None = None
    source: str = ""

    def unit(self, base: int) -> int:
        return vnd(Decimal(base) * self.coefficient * self.percent / 100)


DEFAULT_RATES = (
    Rate(date(2018, 1, 1), LITIGATION, CONTRACTED_LAWYER, Decimal("0.38"), 100, 30,
         "NĐ 144/2017 Điều 12; TT 02/2021"),
    Rate(date(2018, 1, 1), REPRESENTATION, CONTRACTED_LAWYER, Decimal("0.31"), 100, 20,
         "NĐ 144/2017 Điều 12; TT 02/2021"),
    Rate(date(2018, 1, 1), LITIGATION, LEGAL_AID_OFFICER, Decimal("0.38"), 40, 30,
         "NĐ 144/2017 Điều 13: 40 % mức của luật sư"),
    Rate(date(2018, 1, 1), REPRESENTATION, LEGAL_AID_OFFICER, Decimal("0.31"), 20, 20,
         "NĐ 144/2017 Điều 13: 20 % mức của luật sư"),
)  # fmt: skip

DEFAULT_BASE_SALARIES = (
    (date(2019, 7, 1), 1_490_000, "NĐ 38/2019/NĐ-CP"),
    (date(2023, 7, 1), 1_800_000, "NĐ 24/2023/NĐ-CP"),
    (date(2024, 7, 1), 2_340_000, "NĐ 73/2024/NĐ-CP"),
)


def in_force(rows: Iterable, on: date, key=lambda r: r.valid_from):
    """The row with the latest valid_from on or before `on` (None if none)."""
    valid = [r for r in rows if key(r) <= on]
    return max(valid, key=key) if valid else None


@dataclass(frozen=True)
class SessionFee:
    sessions: int  # confirmed this period
    counted: int  # within the case's ceiling
    unit: int
    amount: int
    capped: bool


def session_fee(base: int, rate: Rate, sessions: int, already_counted: int = 0) -> SessionFee:
    """Sessions of this period, after `already_counted` sessions of the same case were
    paid: the ceiling of the case applies to all of them together."""
    if sessions < 0 or already_counted < 0:
        raise FeeError("Số buổi không hợp lệ.")
    room = sessions
    if rate.max_sessions is not None:
        room = max(0, min(sessions, rate.max_sessions - already_counted))
    unit = rate.unit(base)
    return SessionFee(sessions, room, unit, unit * room, room < sessions)


def advice_fee(base: int, coefficient: Decimal) -> int:
    if not ADVICE_MIN <= coefficient <= ADVICE_MAX:
        raise FeeError("Mức chi văn bản tư vấn từ 0,08 đến 0,15 lần mức lương cơ sở.")
    return vnd(Decimal(base) * coefficient)


def lump_sum(base: int, coefficient: Decimal, performers: int = 1) -> int:
    """Khoán chi a case; two performers: ≤ 130 % and ≤ 10 × base (TT 02/2021 Điều 10)."""
    if not LUMP_MIN <= coefficient <= LUMP_MAX:
        raise FeeError("Mức khoán chi từ 3 đến 10 lần mức lương cơ sở một vụ việc.")
    if performers not in (1, 2):
        raise FeeError("Khoán chi tính cho một hoặc hai người thực hiện.")
    single = Decimal(base) * coefficient
    if performers == 1:
        return vnd(single)
    return vnd(min(single * TWO_PERFORMERS, Decimal(base) * LUMP_MAX))


def lump_sum_share(base: int, coefficient: Decimal, performers: int, share_percent: int) -> int:
    """One performer's part of a case's lump sum: the case's sum (above) × their share."""
    if not 0 < share_percent <= 100:
        raise FeeError("Phần khoán chi của một người từ 1 % đến 100 %.")
    if performers == 1 and share_percent != 100:
        raise FeeError("Một người thực hiện hưởng toàn bộ mức khoán chi.")
    case_sum = Decimal(lump_sum(base, coefficient, performers))
    return vnd(case_sum * share_percent / 100)
