"""The yearly litigation quota of a legal-aid officer (domain.md 2.5): the tier by
seniority (cases/rules/quota.py), pro rata for part of the year, exemptions, and cases
shared between officers counted as fractions ("209,5 vụ việc").

Pure Python; the tiers and the rules of a year are data (QuotaTier, QuotaRules), set by
the MOJ letter of that year.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from .quota import EXCELLENT, GOOD, NOT_MET, PASS, QuotaTier, seniority_years, tier_for

__all__ = [
    "EXCELLENT",
    "GOOD",
    "NOT_MET",
    "PASS",
    "OfficerYear",
    "QuotaRules",
    "Target",
    "case_shares",
    "expected_level",
    "officer_target",
    "seniority_years",
]

ABSENT_EXEMPTION = "Vắng mặt trên {months} tháng trong năm (học tập, ốm đau, thai sản, lý do khác)"
NEW_EXEMPTION = "Được bổ nhiệm Trợ giúp viên pháp lý chưa đủ {months} tháng trong năm"


@dataclass(frozen=True)
class QuotaRules:
    """The rules of one year's letter (Công văn 4958/BTP-TGPL for 2021)."""

    absent_over_months: int = 8  # exempt when absent more than this
    appointed_under_months: int = 4  # exempt when appointed for fewer months than this
    leader_share: Fraction = Fraction(1, 2)  # a leader's quota against an officer's [unconfirmed]


@dataclass(frozen=True)
class OfficerYear:
    """What the quota of one officer in one year depends on."""

    year: int
    appointed_on: date | None
    leader_from: date | None = None  # made a leader (director, deputy, head) on this day
    absent_months: int = 0


@dataclass(frozen=True)
class Target:
    seniority: int
    tier: QuotaTier | None
    exempt_reason: str = ""
    pass_from: Fraction = Fraction(0)
    good_from: Fraction = Fraction(0)
    excellent_from: Fraction = Fraction(0)

    @property
    def exempt(self) -> bool:
        return bool(self.exempt_reason)


def months_from(day: date, year: int) -> int:
    """Whole months of `year` from `day` to 31/12 (a month begun counts)."""
    if day.year < year:
        return 12
    if day.year > year:
        return 0
    return 12 - day.month + 1


def _whole_cases(value: Fraction) -> Fraction:
    """Targets are whole cases: a pro rata of 5,25 asks for 6."""
    return Fraction(math.ceil(value))


def officer_target(officer: OfficerYear, tiers: Iterable[QuotaTier], rules: QuotaRules) -> Target:
    """The officer's levels for the year: the tier of their seniority on 31/12, pro rata for
    the months appointed and the months as a leader (at `rules.leader_share`), unless an
    exemption applies."""
    year = officer.year
    seniority = seniority_years(officer.appointed_on.year if officer.appointed_on else None, year)
    tier = tier_for(list(tiers), seniority)
    if officer.absent_months > rules.absent_over_months:
        return Target(seniority, tier, ABSENT_EXEMPTION.format(months=rules.absent_over_months))
    months = months_from(officer.appointed_on, year) if officer.appointed_on else 12
    if months < rules.appointed_under_months:
        return Target(seniority, tier, NEW_EXEMPTION.format(months=rules.appointed_under_months))
    if tier is None:
        return Target(seniority, None)
    leader_months = months_from(officer.leader_from, year) if officer.leader_from else 0
    leader_months = min(leader_months, months)
    weight = (Fraction(months - leader_months) + leader_months * rules.leader_share) / 12
    return Target(
        seniority,
        tier,
        pass_from=_whole_cases(tier.pass_from * weight),
        good_from=_whole_cases(tier.good_from * weight),
        excellent_from=_whole_cases(tier.excellent_from * weight),
    )


def expected_level(count: Fraction, target: Target) -> str | None:
    """The level reached with `count` cases (None when exempt or no tier applies)."""
    if target.exempt or target.tier is None:
        return None
    if count >= target.excellent_from:
        return EXCELLENT
    if count >= target.good_from:
        return GOOD
    if count >= target.pass_from:
        return PASS
    return NOT_MET


def case_shares(performers_of_cases: Mapping[int, Iterable[int]]) -> dict[int, Fraction]:
    """Each officer's count of cases: a case done by n officers counts 1/n for each
    (two officers on one case: 0,5 each)."""
    counts: dict[int, Fraction] = {}
    for people in performers_of_cases.values():
        unique = sorted(set(people))
        if not unique:
            continue
        share = Fraction(1, len(unique))
        for person in unique:
            counts[person] = counts.get(person, Fraction(0)) + share
    return counts


def fraction_text(value: Fraction) -> str:
    """209,5 — a count written the Vietnamese way (comma for the decimal)."""
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
