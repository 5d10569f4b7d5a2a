"""Quotas of legal-aid officers (domain.md 2.5) on a table computed by hand.

Tiers of Công văn 5008/BTP-TGPL: < 3 years 6/12/16, 3 – < 5 years 10/15/21, ≥ 5 years
13/21/27 (đạt/khá/tốt); Công văn 4958/BTP-TGPL: exempt when absent more than 8 months
or appointed fewer than 4 months; leaders at 50% of an officer's levels [unconfirmed],
pro rata by the months of the year.
"""

from datetime import date
from fractions import Fraction

import pytest

from cases.rules import quotas as q
from cases.rules.catalogue import QUOTA_TIERS_2022
from cases.rules.quota import QuotaTier

TIERS = [QuotaTier(*row) for row in QUOTA_TIERS_2022]
RULES = q.QuotaRules()
F = Fraction


@pytest.mark.parametrize(
    ("officer", "levels", "why"),
    [
        (q.OfficerYear(2026, date(2020, 1, 1)), (13, 21, 27), "≥ 5 năm"),
        (q.OfficerYear(2026, date(2023, 5, 1)), (10, 15, 21), "3 – < 5 năm"),
        (q.OfficerYear(2026, date(2024, 3, 1)), (6, 12, 16), "< 3 năm"),
        (q.OfficerYear(2026, date(2026, 7, 1)), (3, 6, 8), "bổ nhiệm 01/07: 6/12 của 6/12/16"),
        (q.OfficerYear(2026, date(2026, 9, 1)), (2, 4, 6), "4 tháng: 2, 4, 5,33 → 6"),
        (
            q.OfficerYear(2026, date(2015, 1, 1), leader_from=date(2026, 7, 1)),
            (10, 16, 21),
            "lãnh đạo từ 01/07: (6 + 6 × 50%)/12 = 0,75 × 13/21/27 = 9,75/15,75/20,25",
        ),
        (
            q.OfficerYear(2026, date(2015, 1, 1), leader_from=date(2019, 1, 1)),
            (7, 11, 14),
            "lãnh đạo cả năm: 50% của 13/21/27 = 6,5/10,5/13,5",
        ),
        (q.OfficerYear(2026, date(2020, 1, 1), absent_months=8), (13, 21, 27), "vắng 8 tháng"),
    ],
)
def test_quota_levels_on_a_hand_computed_table(officer, levels, why):
    target = q.officer_target(officer, TIERS, RULES)
    assert not target.exempt, why
    assert (target.pass_from, target.good_from, target.excellent_from) == levels, why


@pytest.mark.parametrize(
    ("officer", "reason"),
    [
        (q.OfficerYear(2026, date(2020, 1, 1), absent_months=9), "Vắng mặt trên 8 tháng"),
        (q.OfficerYear(2026, date(2026, 10, 1)), "chưa đủ 4 tháng"),
        (q.OfficerYear(2026, date(2026, 12, 1)), "chưa đủ 4 tháng"),
    ],
)
def test_exemptions_of_the_yearly_letter(officer, reason):
    target = q.officer_target(officer, TIERS, RULES)
    assert target.exempt
    assert reason in target.exempt_reason
    assert q.expected_level(F(30), target) is None


@pytest.mark.parametrize(
    ("count", "level"),
    [
        (F(12), q.NOT_MET),
        (F(13), q.PASS),
        (F(41, 2), q.PASS),
        (F(21), q.GOOD),
        (F(27), q.EXCELLENT),
    ],
)
def test_expected_tier_from_the_count(count, level):
    target = q.officer_target(q.OfficerYear(2026, date(2020, 1, 1)), TIERS, RULES)
    assert q.expected_level(count, target) == level


def test_shared_cases_count_as_fractions():
    counts = q.case_shares({1: [10, 11], 2: [10], 3: [10, 11, 12], 4: [11, 11]})
    assert counts == {10: F(1, 2) + 1 + F(1, 3), 11: F(1, 2) + F(1, 3) + 1, 12: F(1, 3)}


@pytest.mark.parametrize(("value", "text"), [(F(419, 2), "209,5"), (F(7), "7"), (F(1, 3), "0,33")])
def test_counts_are_written_with_a_comma(value, text):
    assert q.fraction_text(value) == text
