"""The training obligation as pure rules (TT 12/2018/TT-BTP Điều 4), by tables."""

import datetime as dt
from decimal import Decimal

import pytest

from outreach.rules.trainings import (
    ExemptionPeriod,
    MinimumRule,
    ReasonRule,
    Standing,
    account,
    add_months,
    hours_text,
    minimum_for,
    period_problem,
)

EIGHT = [MinimumRule(Decimal("8"), dt.date(2018, 10, 12), legal_basis="Điều 4.1")]
IN_FORCE = dt.date(2018, 10, 12)
REASONS = {
    "study": ReasonRule("4a-hoc-tap", "Được cử đi học tập", IN_FORCE, min_months=6),
    "sick": ReasonRule("4a-om-dau", "Bị ốm đau", IN_FORCE, min_months=6),
    "seconded": ReasonRule("4b-biet-phai", "Biệt phái", IN_FORCE),
    "maternity": ReasonRule("4c-thai-san", "Nghỉ thai sản", IN_FORCE),
    "child": ReasonRule("4c-nuoi-con", "Nuôi con dưới 12 tháng", IN_FORCE),
    "insurance": ReasonRule("4c-bhxh", "Luật BHXH Điều 34.4, 34.6", IN_FORCE),
}


@pytest.mark.parametrize(
    ("hours", "standing", "article"),
    [
        (["7.5"], Standing.SHORT, "Điều 4.1: 7,5 giờ < 08 giờ"),
        (["8"], Standing.COMPLIANT, "Điều 4.1: 08 giờ là đủ"),
        (["4", "3.5"], Standing.SHORT, "Điều 4.1: cộng các lớp, 7,5 giờ"),
        (["4", "4"], Standing.COMPLIANT, "Điều 4.1: cộng các lớp, 8 giờ"),
        ([], Standing.SHORT, "Điều 4.1: không tham dự lớp nào"),
        (["12"], Standing.COMPLIANT, "Điều 4.1: nhiều hơn mức tối thiểu"),
    ],
)
def test_hours_against_the_minimum_at_the_boundary(hours, standing, article):
    result = account(year=2026, hours=[Decimal(h) for h in hours], minimums=EIGHT)
    assert result.standing == standing, article
    assert result.compliant == (standing == Standing.COMPLIANT)


def test_shortfall_is_what_is_missing():
    result = account(year=2026, hours=[Decimal("6")], minimums=EIGHT)
    assert result.shortfall == Decimal("2")
    assert account(year=2026, hours=[Decimal("9")], minimums=EIGHT).shortfall == 0


@pytest.mark.parametrize(
    ("reason", "starts", "ends", "article"),
    [
        ("study", dt.date(2026, 1, 5), dt.date(2026, 7, 4), "Điều 4.4.a: học tập 06 tháng"),
        ("sick", dt.date(2026, 3, 1), dt.date(2026, 8, 31), "Điều 4.4.a: ốm đau 06 tháng"),
        ("seconded", dt.date(2026, 9, 1), dt.date(2027, 2, 28), "Điều 4.4.b: biệt phái"),
        ("maternity", dt.date(2026, 2, 2), dt.date(2026, 8, 1), "Điều 4.4.c: thai sản"),
        ("child", dt.date(2025, 8, 2), dt.date(2026, 8, 1), "Điều 4.4.c: nuôi con < 12 tháng"),
        ("insurance", dt.date(2026, 10, 1), dt.date(2026, 10, 20), "Điều 4.4.c: BHXH 34.4, 34.6"),
    ],
)
def test_each_exemption_makes_an_officer_with_no_hours_compliant(reason, starts, ends, article):
    period = ExemptionPeriod(REASONS[reason], starts, ends)
    result = account(year=2026, hours=[Decimal("2")], minimums=EIGHT, exemptions=[period])
    assert result.standing == Standing.EXEMPT, article
    assert result.compliant, article
    assert result.shortfall == 0


@pytest.mark.parametrize("reason", ["study", "sick"])
def test_study_or_sickness_shorter_than_six_months_does_not_exempt(reason):
    period = ExemptionPeriod(REASONS[reason], dt.date(2026, 1, 5), dt.date(2026, 7, 3))
    assert "06 tháng" in period_problem(period.reason, period.starts_on, period.ends_on)
    result = account(year=2026, hours=[], minimums=EIGHT, exemptions=[period])
    assert result.standing == Standing.SHORT


def test_an_exemption_counts_only_in_the_years_it_touches():
    period = ExemptionPeriod(REASONS["maternity"], dt.date(2025, 6, 1), dt.date(2025, 11, 30))
    assert account(year=2025, hours=[], minimums=EIGHT, exemptions=[period]).compliant
    assert not account(year=2026, hours=[], minimums=EIGHT, exemptions=[period]).compliant


def test_a_reason_not_in_force_when_the_period_starts_does_not_exempt():
    retired = ReasonRule("old", "Lý do cũ", IN_FORCE, valid_to=dt.date(2025, 12, 31))
    period = ExemptionPeriod(retired, dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    assert "không áp dụng" in period_problem(retired, period.starts_on, period.ends_on)
    assert account(year=2026, hours=[], minimums=EIGHT, exemptions=[period]).standing == (
        Standing.SHORT
    )


def test_the_minimum_in_force_on_the_last_day_of_the_year_counts():
    rules = [
        MinimumRule(Decimal("8"), dt.date(2018, 10, 12), valid_to=dt.date(2026, 6, 30)),
        MinimumRule(Decimal("12"), dt.date(2026, 7, 1)),
    ]
    assert minimum_for(rules, 2025) == Decimal("8")
    assert minimum_for(rules, 2026) == Decimal("12")
    assert minimum_for(rules, 2017) is None  # before TT 12/2018: no obligation recorded
    assert account(year=2026, hours=[Decimal("8")], minimums=rules).standing == Standing.SHORT


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 5), 6, dt.date(2026, 7, 5)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2027, 8, 31), 6, dt.date(2028, 2, 29)),
    ],
)
def test_months_are_counted_by_the_calendar(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [("8", "8"), ("8.0", "8"), ("7.5", "7,5"), ("12", "12"), ("0", "0"), ("2.5", "2,5")],
)
def test_hours_are_written_with_a_decimal_comma(value, text):
    assert hours_text(Decimal(value)) == text
