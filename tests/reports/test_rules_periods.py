"""Reporting periods: NĐ 09/2019 cut-offs, TT 03/2019 statistical periods and due dates."""

from datetime import date

import pytest

from reports.rules import periods as P
from reports.rules.periods import Kind
from tgpl.workdays import WorkCalendar


@pytest.mark.parametrize(
    ("kind", "year", "number", "start", "end", "article"),
    [
        (Kind.QUARTERLY, 2026, 1, date(2025, 12, 15), date(2026, 3, 14), "NĐ 09 Điều 12.1.b: Q1"),
        (Kind.QUARTERLY, 2026, 2, date(2026, 3, 15), date(2026, 6, 14), "NĐ 09 Điều 12.1.b: Q2"),
        (Kind.QUARTERLY, 2026, 3, date(2026, 6, 15), date(2026, 9, 14), "NĐ 09 Điều 12.1.b: Q3"),
        (Kind.QUARTERLY, 2026, 4, date(2026, 9, 15), date(2026, 12, 14), "NĐ 09 Điều 12.1.b: Q4"),
        (Kind.MONTHLY, 2026, 1, date(2025, 12, 15), date(2026, 1, 14), "NĐ 09 Điều 12.1.a"),
        (Kind.MONTHLY, 2024, 3, date(2024, 2, 15), date(2024, 3, 14), "NĐ 09 Điều 12.1.a"),
        (Kind.HALF_YEAR_MANAGEMENT, 2026, 1, date(2025, 12, 15), date(2026, 6, 14), "Điều 12.1.c"),
        (Kind.NINE_MONTHS_MANAGEMENT, 2026, 1, date(2025, 12, 15), date(2026, 9, 14), "tỉnh"),
        (Kind.YEAR_MANAGEMENT, 2026, 1, date(2025, 12, 15), date(2026, 12, 14), "Điều 12.1.d"),
        (Kind.CALENDAR_QUARTER, 2026, 1, date(2026, 1, 1), date(2026, 3, 31), "quý dương lịch"),
        (Kind.CALENDAR_QUARTER, 2024, 2, date(2024, 4, 1), date(2024, 6, 30), "quý dương lịch"),
        (Kind.SIX_MONTH, 2026, 1, date(2026, 1, 1), date(2026, 5, 31), "TT 03/2019: đến 31/05"),
        (Kind.ANNUAL, 2026, 1, date(2026, 1, 1), date(2026, 10, 31), "TT 03/2019: đến 31/10"),
        (Kind.OFFICIAL_ANNUAL, 2026, 1, date(2026, 1, 1), date(2026, 12, 31), "năm chính thức"),
    ],
)
def test_period_runs_from_its_start_to_its_cut_off(kind, year, number, start, end, article):
    p = P.period(kind, year, number)
    assert (p.start, p.end) == (start, end), article


@pytest.mark.parametrize(
    ("day", "expected_key", "why"),
    [
        (date(2025, 12, 15), "quarterly-2026-1", "15/12 opens Q1 of the next year"),
        (date(2025, 12, 14), "quarterly-2025-4", "14/12 is the last day of Q4"),
        (date(2026, 3, 14), "quarterly-2026-1", "a case accepted on the cut-off day is in Q1"),
        (date(2026, 3, 15), "quarterly-2026-2", "the day after the cut-off is in Q2"),
        (date(2026, 12, 31), "quarterly-2027-1", "the year change: 31/12 is in Q1 of next year"),
        (date(2027, 1, 1), "quarterly-2027-1", "the year change: 01/01 too"),
    ],
)
def test_a_day_falls_in_one_nd09_quarter(day, expected_key, why):
    assert P.period_containing(Kind.QUARTERLY, day).key == expected_key, why


def test_leap_year_february_belongs_to_the_march_month_and_q1():
    march = P.period(Kind.MONTHLY, 2024, 3)
    assert march.contains(date(2024, 2, 29))
    assert (march.end - march.start).days + 1 == 29  # 15/02 → 14/03 of a leap year
    assert P.period(Kind.MONTHLY, 2025, 3).end - P.period(Kind.MONTHLY, 2025, 3).start == (
        date(2025, 3, 14) - date(2025, 2, 15)
    )
    assert P.period_containing(Kind.QUARTERLY, date(2024, 2, 29)).key == "quarterly-2024-1"


def test_leap_year_calendar_quarter_ends_on_the_last_day_of_the_month():
    assert P.period(Kind.CALENDAR_QUARTER, 2024, 1).end == date(2024, 3, 31)
    assert P.period(Kind.MONTHLY, 2024, 3).start == date(2024, 2, 15)


@pytest.mark.parametrize(
    ("kind", "covers_to", "due", "article"),
    [
        (Kind.SIX_MONTH, date(2026, 6, 30), date(2026, 6, 6), "TT 03/2019: Sở nhận 06/06"),
        (Kind.ANNUAL, date(2026, 12, 31), date(2026, 11, 7), "TT 03/2019: Sở nhận 07/11"),
        (Kind.OFFICIAL_ANNUAL, date(2026, 12, 31), date(2027, 1, 20), "20/01 năm sau"),
    ],
)
def test_statistical_reports_cover_their_span_and_are_due_on_the_forms_date(
    kind, covers_to, due, article
):
    p = P.period(kind, 2026)
    assert (p.covers_to, p.due) == (covers_to, due), article


def test_six_month_and_annual_have_an_estimated_part_the_official_annual_none():
    assert P.period(Kind.SIX_MONTH, 2026).estimate_start == date(2026, 6, 1)
    assert P.period(Kind.ANNUAL, 2026).estimate_start == date(2026, 11, 1)
    assert not P.period(Kind.OFFICIAL_ANNUAL, 2026).has_estimate
    assert not P.period(Kind.QUARTERLY, 2026, 2).has_estimate


@pytest.mark.parametrize(
    ("number", "due", "why"),
    [
        (1, date(2026, 3, 16), "cut-off Saturday 14/03: due Monday 16/03"),
        (2, date(2026, 6, 15), "cut-off Sunday 14/06: due Monday 15/06"),
        (3, date(2026, 9, 15), "cut-off Monday 14/09: due Tuesday 15/09"),
        (4, date(2026, 12, 15), "cut-off Monday 14/12: due Tuesday 15/12"),
    ],
)
def test_management_report_is_due_a_working_day_after_its_cut_off(number, due, why):
    p = P.period(Kind.QUARTERLY, 2026, number, workdays=WorkCalendar())
    assert p.due == due, why


def test_management_due_date_skips_public_holidays():
    # monthly report of April 2026: cut-off Tuesday 14/04; a province giving 2 working days
    p = P.period(Kind.MONTHLY, 2026, 4, schedule=P.Schedule(workdays_after_cutoff=2))
    assert p.due == date(2026, 4, 16)
    # August 2026: cut-off Friday 14/08, due Monday 17/08
    august = P.period(Kind.MONTHLY, 2026, 8, workdays=WorkCalendar())
    assert (august.end, august.due) == (date(2026, 8, 14), date(2026, 8, 17))
    # Tết 2026 (14/02 – 22/02): the February report, cut-off Saturday 14/02, is due 23/02
    tet = P.period(Kind.MONTHLY, 2026, 2, workdays=WorkCalendar())
    assert tet.due == date(2026, 2, 23)


def test_a_province_may_set_other_due_dates():
    schedule = P.Schedule(statistical_due={**P.Schedule().statistical_due, Kind.SIX_MONTH: (5, 6)})
    assert P.period(Kind.SIX_MONTH, 2026, schedule=schedule).due == date(2026, 6, 5)


def test_no_due_date_on_the_cut_off_day_itself():
    with pytest.raises(ValueError, match=r"Điều 8\.5"):
        P.Schedule(workdays_after_cutoff=0)


def test_ad_hoc_report_takes_the_dates_the_doj_sets():
    p = P.ad_hoc(date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 10))
    assert (p.kind, p.due) == (Kind.AD_HOC, date(2026, 10, 10))
    with pytest.raises(ValueError, match="phải sau ngày bắt đầu"):
        P.ad_hoc(date(2026, 7, 1), date(2026, 6, 30), date(2026, 10, 10))


def test_period_numbers_are_checked():
    with pytest.raises(ValueError, match="kỳ số 5 không có"):
        P.period(Kind.QUARTERLY, 2026, 5)


def test_previous_and_same_period_last_year_cross_the_year():
    q1 = P.period(Kind.QUARTERLY, 2026, 1)
    assert P.previous(q1).key == "quarterly-2025-4"
    assert P.same_period_last_year(q1).key == "quarterly-2025-1"


@pytest.mark.parametrize(
    ("full", "part", "actual", "expected", "why"),
    [
        (120, 100, 110, 22, "last June 20, this year 10% more so far"),
        (120, 100, 100, 20, "same pace as last year"),
        (30, 0, 7, 30, "no data last year for the span: last year's rest as it was"),
        (10, 12, 5, 0, "never below zero"),
    ],
)
def test_estimate_is_last_years_rest_pro_rata(full, part, actual, expected, why):
    assert P.estimate_pro_rata(full, part, actual) == expected, why


def test_estimate_by_days_carries_the_daily_rate_over_the_estimated_days():
    p = P.period(Kind.SIX_MONTH, 2026)  # 151 actual days, 30 estimated
    assert P.estimate_by_days(151, p) == 30


def test_labels_are_vietnamese():
    assert P.period(Kind.QUARTERLY, 2026, 3).label == "Quý III năm 2026"
    assert P.period(Kind.MONTHLY, 2026, 3).label == "Tháng 03 năm 2026"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 1), (Kind.ANNUAL, 2026)),  # the data to 31/10 are all in
        (date(2026, 10, 31), (Kind.SIX_MONTH, 2026)),
        (date(2026, 6, 1), (Kind.SIX_MONTH, 2026)),
        (date(2026, 5, 31), (Kind.ANNUAL, 2025)),
        (date(2026, 1, 2), (Kind.ANNUAL, 2025)),
    ],
)
def test_the_latest_period_with_an_estimate_is_the_last_whose_data_are_in(today, expected):
    p = P.latest_with_estimate(today)
    assert (p.kind, p.year) == expected
