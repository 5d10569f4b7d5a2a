"""The training obligation of legal-aid officers (TT 12/2018/TT-BTP Điều 4, as amended by
TT 03/2021/TT-BTP), as plain Python over data with validity dates.

- Khoản 1: at least the minimum number of hours a year (08 hours since 2018); the
  minimum is data (`MinimumRule`), the one in force on 31 December of the year counts,
  so a circular changing it during a year applies to that year's account.
- Khoản 4: an officer is exempt that year when, during the year, they were sent to study
  or sick for 06 months or more (điểm a), seconded to a unit without legal-aid duties
  (điểm b), on maternity leave, raising a child under 12 months, or in a case of Luật
  BHXH Điều 34.4, 34.6 (điểm c). The reasons are data (`ReasonRule`) with their dates and
  the least length of the period they need (6 months for điểm a); an exemption counts
  for each year its period touches, when its reason was in force on its first day.
- An exempt officer is compliant whatever their hours (khoản 4); the others are compliant
  when their hours of the year reach the minimum (7,5 < 8 ≤ 8).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal("0")


@dataclass(frozen=True)
class MinimumRule:
    """The least hours a year (khoản 1), in force from `valid_from` to `valid_to`."""

    hours: Decimal
    valid_from: datetime.date
    valid_to: datetime.date | None = None
    legal_basis: str = ""

    def in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ReasonRule:
    """A reason of exemption (khoản 4) with its dates and the least length it needs."""

    code: str
    name: str
    valid_from: datetime.date
    valid_to: datetime.date | None = None
    min_months: int = 0
    legal_basis: str = ""

    def in_force_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class ExemptionPeriod:
    reason: ReasonRule
    starts_on: datetime.date
    ends_on: datetime.date


class Standing(StrEnum):
    COMPLIANT = "compliant"
    EXEMPT = "exempt"
    SHORT = "short"


STANDING_LABELS = {
    Standing.COMPLIANT: "Đạt",
    Standing.EXEMPT: "Được miễn",
    Standing.SHORT: "Chưa đủ số giờ",
}


@dataclass(frozen=True)
class Account:
    """An officer's year: hours attended, the minimum, the exemption that applies."""

    year: int
    hours: Decimal
    minimum: Decimal | None
    exemption: ExemptionPeriod | None = None

    @property
    def standing(self) -> Standing:
        if self.exemption is not None:
            return Standing.EXEMPT
        if self.minimum is None or self.hours >= self.minimum:
            return Standing.COMPLIANT
        return Standing.SHORT

    @property
    def compliant(self) -> bool:
        """Exempt officers are compliant (khoản 4)."""
        return self.standing != Standing.SHORT

    @property
    def shortfall(self) -> Decimal:
        if self.standing != Standing.SHORT or self.minimum is None:
            return ZERO
        return self.minimum - self.hours

    @property
    def label(self) -> str:
        return STANDING_LABELS[self.standing]


def last_day(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def first_day(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


def minimum_for(rules: Iterable[MinimumRule], year: int) -> Decimal | None:
    """The least hours of `year`: the rule in force on 31 December (None: no rule)."""
    day = last_day(year)
    found = [r for r in rules if r.in_force_on(day)]
    return max(found, key=lambda r: r.valid_from).hours if found else None


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the last day of a shorter month)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 exists in every month


def period_problem(reason: ReasonRule, starts_on: datetime.date, ends_on: datetime.date) -> str:
    """Why this period cannot exempt an officer ("" if it can), in Vietnamese."""
    if ends_on < starts_on:
        return "Ngày kết thúc phải sau ngày bắt đầu."
    if not reason.in_force_on(starts_on):
        return f"Lý do “{reason.name}” không áp dụng vào ngày {starts_on:%d/%m/%Y}."
    if reason.min_months and add_months(
        starts_on, reason.min_months
    ) > ends_on + datetime.timedelta(days=1):
        return (
            f"Lý do “{reason.name}” chỉ được miễn khi kéo dài từ "
            f"{reason.min_months:02d} tháng trở lên ({reason.legal_basis})."
        )
    return ""


def applies_in(period: ExemptionPeriod, year: int) -> bool:
    """The exemption counts for `year`: its period touches the year and is valid."""
    if period.starts_on > last_day(year) or period.ends_on < first_day(year):
        return False
    return not period_problem(period.reason, period.starts_on, period.ends_on)


def account(
    *,
    year: int,
    hours: Iterable[Decimal],
    minimums: Iterable[MinimumRule],
    exemptions: Iterable[ExemptionPeriod] = (),
) -> Account:
    """An officer's year from the hours of each session attended in that year."""
    applying = [e for e in exemptions if applies_in(e, year)]
    return Account(
        year=year,
        hours=sum(hours, ZERO),
        minimum=minimum_for(minimums, year),
        exemption=min(applying, key=lambda e: e.starts_on) if applying else None,
    )


def hours_text(value: Decimal | None) -> str:
    """8 -> "8", 7.5 -> "7,5" (Vietnamese decimal comma)."""
    if value is None:
        return ""
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}".rstrip("0")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
