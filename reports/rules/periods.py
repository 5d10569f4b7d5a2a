"""Reporting periods (kỳ báo cáo): what each report covers, its cut-off and its due date.

Pure Python (no Django): the rules of domain.md part 5, as data a province may change.

- NĐ 09/2019/NĐ-CP Điều 12 (management reports, *báo cáo định kỳ*): the data of a month
  run from the 15th of the month before to the 14th; of a quarter from the 15th of the
  month before the quarter to the 14th of its last month (Q1 = 15/12 → 14/03); of six
  months 15/12 → 14/06, of nine months 15/12 → 14/09, of a year 15/12 → 14/12. The
  report is due at least one working day after the cut-off (Điều 8.5).
- TT 03/2019/TT-BTP (statistical reports): the 6-month report covers 01/01 – 30/06 with
  actual data to 31/05 and an estimate for June, due at the Sở on 06/06; the annual
  report covers the year with actual data to 31/10 and an estimate for the rest, due
  07/11; the official annual report is all of 01/01 – 31/12, due 20/01 of the next year.
- Calendar quarters (01/01 – 31/03 …) for those who report quarters as the statistics do.
- Thematic and ad-hoc reports: dates and due date set by the Sở (`ad_hoc`).

`Schedule` holds what a province may set differently (the due days of the statistical
reports, the working days after a cut-off); `DEFAULT_SCHEDULE` is the law's.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol


class Kind(StrEnum):
    MONTHLY = "monthly"  # NĐ 09 Điều 12.1.a
    QUARTERLY = "quarterly"  # NĐ 09 Điều 12.1.b
    CALENDAR_QUARTER = "calendar_quarter"
    HALF_YEAR_MANAGEMENT = "half_year_management"  # NĐ 09 Điều 12.1.c
    NINE_MONTHS_MANAGEMENT = "nine_months_management"  # as provinces apply NĐ 09
    YEAR_MANAGEMENT = "year_management"  # NĐ 09 Điều 12.1.d
    SIX_MONTH = "six_month"  # TT 03/2019, actual to 31/05 + estimate
    ANNUAL = "annual"  # TT 03/2019, actual to 31/10 + estimate
    OFFICIAL_ANNUAL = "official_annual"  # TT 03/2019, 01/01 – 31/12
    AD_HOC = "ad_hoc"  # thematic / ad-hoc: the Sở sets dates and due date


LABELS: dict[Kind, str] = {
    Kind.MONTHLY: "Báo cáo tháng",
    Kind.QUARTERLY: "Báo cáo quý (NĐ 09/2019)",
    Kind.CALENDAR_QUARTER: "Báo cáo quý (theo quý dương lịch)",
    Kind.HALF_YEAR_MANAGEMENT: "Báo cáo 6 tháng (NĐ 09/2019)",
    Kind.NINE_MONTHS_MANAGEMENT: "Báo cáo 9 tháng (NĐ 09/2019)",
    Kind.YEAR_MANAGEMENT: "Báo cáo năm (NĐ 09/2019)",
    Kind.SIX_MONTH: "Báo cáo thống kê 6 tháng (TT 03/2019)",
    Kind.ANNUAL: "Báo cáo thống kê năm (TT 03/2019)",
    Kind.OFFICIAL_ANNUAL: "Báo cáo thống kê năm chính thức (TT 03/2019)",
    Kind.AD_HOC: "Báo cáo chuyên đề, đột xuất",
}

#: how many periods a kind has in a year (months, quarters, or one)
NUMBERS: dict[Kind, int] = {Kind.MONTHLY: 12, Kind.QUARTERLY: 4, Kind.CALENDAR_QUARTER: 4}

MANAGEMENT = frozenset(
    {
        Kind.MONTHLY,
        Kind.QUARTERLY,
        Kind.CALENDAR_QUARTER,
        Kind.HALF_YEAR_MANAGEMENT,
        Kind.NINE_MONTHS_MANAGEMENT,
        Kind.YEAR_MANAGEMENT,
    }
)
STATISTICAL = frozenset({Kind.SIX_MONTH, Kind.ANNUAL, Kind.OFFICIAL_ANNUAL})


class Workdays(Protocol):
    def add_workdays(self, start: date, n: int) -> date: ...


@dataclass(frozen=True)
class Schedule:
    """What a province may set: the due (day, month) at the Sở of each statistical report
    (the official annual one falls in the next year) and the working days a management
    report is due after its cut-off (at least 1, NĐ 09 Điều 8.5)."""

    statistical_due: dict[Kind, tuple[int, int]] = field(
        default_factory=lambda: {
            Kind.SIX_MONTH: (6, 6),
            Kind.ANNUAL: (7, 11),
            Kind.OFFICIAL_ANNUAL: (20, 1),
        }
    )
    workdays_after_cutoff: int = 1
    cutoff_day: int = 14  # NĐ 09 Điều 12: data to the 14th, from the 15th

    def __post_init__(self):
        if self.workdays_after_cutoff < 1:
            raise ValueError("NĐ 09/2019 Điều 8.5: ít nhất 01 ngày làm việc sau ngày chốt số liệu")
        if not 1 <= self.cutoff_day <= 27:
            raise ValueError("ngày chốt số liệu phải từ 1 đến 27")


DEFAULT_SCHEDULE = Schedule()


@dataclass(frozen=True)
class Period:
    kind: Kind
    year: int
    number: int  # month (1–12), quarter (1–4), or 1
    start: date  # first day of actual data
    end: date  # last day of actual data (the cut-off)
    covers_to: date  # last day the report speaks of (after `end`: the estimated part)
    due: date  # due at the Sở

    @property
    def has_estimate(self) -> bool:
        return self.covers_to > self.end

    @property
    def estimate_start(self) -> date | None:
        return self.end + timedelta(days=1) if self.has_estimate else None

    def contains(self, day: date) -> bool:
        """A record of `day` is in the actual data of the period (both ends included)."""
        return self.start <= day <= self.end

    @property
    def key(self) -> str:
        """A stable name of the period, e.g. "quarterly-2026-1"."""
        return f"{self.kind}-{self.year}-{self.number}"

    @property
    def label(self) -> str:
        if self.kind == Kind.MONTHLY:
            return f"Tháng {self.number:02d} năm {self.year}"
        if self.kind in (Kind.QUARTERLY, Kind.CALENDAR_QUARTER):
            return f"Quý {ROMAN[self.number]} năm {self.year}"
        if self.kind in (Kind.SIX_MONTH, Kind.HALF_YEAR_MANAGEMENT):
            return f"6 tháng đầu năm {self.year}"
        if self.kind == Kind.NINE_MONTHS_MANAGEMENT:
            return f"9 tháng đầu năm {self.year}"
        if self.kind == Kind.OFFICIAL_ANNUAL:
            return f"Năm {self.year} (chính thức)"
        if self.kind == Kind.AD_HOC:
            return f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"
        return f"Năm {self.year}"


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _last_day(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def _from_previous_month(year: int, month: int, day: int) -> date:
    """The day after the cut-off of the month before (year, month): 15/12 of last year
    for January."""
    return date(year - 1, 12, day + 1) if month == 1 else date(year, month - 1, day + 1)


def _management_due(end: date, schedule: Schedule, workdays: Workdays | None) -> date:
    n = schedule.workdays_after_cutoff
    if workdays is None:  # without a calendar: n days, skipping Saturdays and Sundays
        day = end
        while n:
            day += timedelta(days=1)
            if day.weekday() < 5:
                n -= 1
        return day
    return workdays.add_workdays(end, n)


def period(
    kind: Kind | str,
    year: int,
    number: int = 1,
    *,
    schedule: Schedule = DEFAULT_SCHEDULE,
    workdays: Workdays | None = None,
) -> Period:
    """The period `number` (month, quarter, or 1) of `year` of this kind."""
    kind = Kind(kind)
    limit = NUMBERS.get(kind, 1)
    if not 1 <= number <= limit:
        raise ValueError(f"{LABELS[kind]}: kỳ số {number} không có (1–{limit})")
    if kind == Kind.AD_HOC:
        raise ValueError("Báo cáo chuyên đề, đột xuất: ngày bắt đầu, kết thúc và hạn do Sở đặt")
    cut = schedule.cutoff_day
    if kind in STATISTICAL:
        day, month = schedule.statistical_due[kind]
        if kind == Kind.SIX_MONTH:
            start, end, covers = date(year, 1, 1), date(year, 5, 31), date(year, 6, 30)
        elif kind == Kind.ANNUAL:
            start, end, covers = date(year, 1, 1), date(year, 10, 31), date(year, 12, 31)
        else:
            start, end = date(year, 1, 1), date(year, 12, 31)
            covers = end
        due_year = year + 1 if kind == Kind.OFFICIAL_ANNUAL else year
        return Period(kind, year, number, start, end, covers, date(due_year, month, day))
    if kind == Kind.MONTHLY:
        start, end = _from_previous_month(year, number, cut), date(year, number, cut)
    elif kind == Kind.QUARTERLY:
        first, last = 3 * number - 2, 3 * number
        start, end = _from_previous_month(year, first, cut), date(year, last, cut)
    elif kind == Kind.CALENDAR_QUARTER:
        start, end = date(year, 3 * number - 2, 1), _last_day(year, 3 * number)
    else:
        last = {
            Kind.HALF_YEAR_MANAGEMENT: 6,
            Kind.NINE_MONTHS_MANAGEMENT: 9,
            Kind.YEAR_MANAGEMENT: 12,
        }[kind]
        start, end = _from_previous_month(year, 1, cut), date(year, last, cut)
    return Period(kind, year, number, start, end, end, _management_due(end, schedule, workdays))


def ad_hoc(start: date, end: date, due: date) -> Period:
    """A thematic or ad-hoc report: the Sở names its dates and due date."""
    if end < start:
        raise ValueError("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu")
    if due < end:
        raise ValueError("Hạn gửi báo cáo phải sau ngày kết thúc kỳ báo cáo")
    return Period(Kind.AD_HOC, end.year, 1, start, end, end, due)


def periods_of_year(
    kind: Kind | str,
    year: int,
    *,
    schedule: Schedule = DEFAULT_SCHEDULE,
    workdays: Workdays | None = None,
) -> list[Period]:
    kind = Kind(kind)
    return [
        period(kind, year, n, schedule=schedule, workdays=workdays)
        for n in range(1, NUMBERS.get(kind, 1) + 1)
    ]


def period_containing(
    kind: Kind | str,
    day: date,
    *,
    schedule: Schedule = DEFAULT_SCHEDULE,
    workdays: Workdays | None = None,
) -> Period:
    """The period of this kind whose actual data include `day` (from 15/12 a NĐ 09
    period belongs to the next year). For the statistical kinds, the one of that year."""
    kind = Kind(kind)
    for year in (day.year, day.year + 1):
        for p in periods_of_year(kind, year, schedule=schedule, workdays=workdays):
            if p.contains(day):
                return p
    return period(kind, day.year, 1, schedule=schedule, workdays=workdays)


def previous(p: Period, *, schedule: Schedule = DEFAULT_SCHEDULE, workdays=None) -> Period:
    """The period before `p` (the last quarter of last year before Q1)."""
    if p.number > 1:
        return period(p.kind, p.year, p.number - 1, schedule=schedule, workdays=workdays)
    last = NUMBERS.get(p.kind, 1)
    return period(p.kind, p.year - 1, last, schedule=schedule, workdays=workdays)


def same_period_last_year(
    p: Period, *, schedule: Schedule = DEFAULT_SCHEDULE, workdays=None
) -> Period:
    return period(p.kind, p.year - 1, p.number, schedule=schedule, workdays=workdays)


def latest_with_estimate(today: date) -> Period:
    """The most recent statistical period with an estimated part whose actual data are all
    in by `today`: the annual report from 01/11, the 6-month report from 01/06, else last
    year's annual report."""
    annual = period(Kind.ANNUAL, today.year)
    if today > annual.end:
        return annual
    six_month = period(Kind.SIX_MONTH, today.year)
    if today > six_month.end:
        return six_month
    return period(Kind.ANNUAL, today.year - 1)


def estimate_pro_rata(actual_last_year_full: int, actual_last_year_part: int, actual: int) -> int:
    """The estimate of the part of a period not yet covered by data: last year's figure for
    that part, scaled by how this year's actual data compare with last year's same span.

    With no data last year for the span, last year's remaining part is taken as it was.
    Rounded half up; never below zero."""
    remaining_last_year = max(0, actual_last_year_full - actual_last_year_part)
    if actual_last_year_part <= 0:
        return remaining_last_year
    scaled = remaining_last_year * actual / actual_last_year_part
    return max(0, int(scaled + 0.5))


def estimate_by_days(actual: int, p: Period) -> int:
    """Without last year's figures: the actual figure carried over the estimated days at
    the same daily rate (rounded half up)."""
    if not p.has_estimate:
        return 0
    actual_days = (p.end - p.start).days + 1
    estimated_days = (p.covers_to - p.end).days
    return int(actual * estimated_days / actual_days + 0.5)
