"""Yearly litigation quota of legal-aid officers (domain.md 2.5), tiers per year."""

from __future__ import annotations

from dataclasses import dataclass

NOT_MET, PASS, GOOD, EXCELLENT = "not_met", "pass", "good", "excellent"
LEVEL_LABELS = {NOT_MET: "Chưa đạt", PASS: "Đạt", GOOD: "Khá", EXCELLENT: "Tốt"}


@dataclass(frozen=True)
class QuotaTier:
    min_years: int
    max_years: int | None  # exclusive
    pass_from: int
    good_from: int
    excellent_from: int

    def covers(self, seniority_years: int) -> bool:
        return self.min_years <= seniority_years and (
            self.max_years is None or seniority_years < self.max_years
        )


def tier_for(tiers, seniority_years: int) -> QuotaTier | None:
    return next((t for t in tiers if t.covers(seniority_years)), None)


def quota_level(count: float, seniority_years: int, tiers) -> str | None:
    """Level reached with `count` litigation cases; None when no tier applies."""
    tier = tier_for(tiers, seniority_years)
    if tier is None:
        return None
    if count >= tier.excellent_from:
        return EXCELLENT
    if count >= tier.good_from:
        return GOOD
    if count >= tier.pass_from:
        return PASS
    return NOT_MET


def seniority_years(appointed_year: int | None, year: int) -> int:
    return 0 if appointed_year is None else max(0, year - appointed_year)
