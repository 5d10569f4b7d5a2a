"""Working-day arithmetic with Vietnamese public holidays, for legal time limits.

Pure Python (no Django imports).

Counting rules
--------------
* "trong thời hạn 05 ngày làm việc kể từ ngày ..." — counting starts the day
  *after* the start date; the deadline is the n-th working day after it
  (:meth:`WorkCalendar.add_workdays`).
* Calendar-day limits follow the Civil Code 2015 (Bộ luật Dân sự), Điều 147-148:
  counting starts the next day, the limit ends at the end (24:00) of the last day,
  and if that last day is a weekend day or a public holiday the limit ends at the
  end of the next working day (Điều 148 khoản 5). See :func:`due_moment`.

Source of public holidays
-------------------------
``holidays.country_holidays("VN", years=..., language="vi")`` (package ``holidays``,
checked with version 0.109). It returns, per year, the statutory days off of the
Labour Code 2019 Điều 112 as they fall on *weekdays*, including:

* the Tết Nguyên Đán days (giao thừa, mùng 1-4) plus the day(s) moved onto
  weekdays when a Tết day falls on a weekend ("29 Tết", "Mùng năm/sáu");
* observed days ("nghỉ bù") when a holiday falls on a weekend;
* the government's day swaps ("Ngày nghỉ (thay cho ngày dd/mm/yyyy)") — but only
  the day *off*; the Saturday worked in exchange ("làm bù") is **not** returned.

For 2026 it returns: 01/01 Tết Dương lịch; 16/02 giao thừa, 17/02 Tết Nguyên Đán,
18-20/02 mùng 2-4 (with the surrounding weekends this is the official break
14/02-22/02/2026); 26/04 Giỗ Tổ Hùng Vương (a Sunday) and 27/04 nghỉ bù;
30/04 Ngày Chiến thắng; 01/05 Quốc tế Lao động; 31/08 ngày nghỉ thay cho
22/08/2026; 01/09 and 02/09 Quốc khánh; 24/11 Ngày Văn hóa Việt Nam (from 2026).
For 2025: 01/01; 27/01-01/02 Tết (the official break was 25/01-02/02);
07/04 Hùng Vương; 30/04; 01/05; 02/05 (thay cho 26/04/2025); 01/09 and 02/09.

So make-up working Saturdays (e.g. 26/04/2025, 22/08/2026) and any extra day off
decreed later by the government or the province must be supplied by the caller
through ``extra_workdays`` / ``extra_days_off``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import holidays

__all__ = [
    "DAYS",
    "EXTRA_DAY_OFF_NAME",
    "HOURS",
    "UNITS",
    "WORKDAYS",
    "Limit",
    "WorkCalendar",
    "due_moment",
]

WORKDAYS = "workdays"
DAYS = "days"
HOURS = "hours"
UNITS = frozenset({WORKDAYS, DAYS, HOURS})

#: Name returned by :meth:`WorkCalendar.holiday_name` for a day in ``extra_days_off``.
EXTRA_DAY_OFF_NAME = "Ngày nghỉ bổ sung"

_UNIT_LABELS = {WORKDAYS: "ngày làm việc", DAYS: "ngày", HOURS: "giờ"}
_ONE_DAY = timedelta(days=1)


def _as_date(value: date, name: str = "d") -> date:
    # datetime is a subclass of date, but datetime(2026, 2, 17) != date(2026, 2, 17),
    # so silently accepting one would make set look-ups miss.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(f"{name} must be a datetime.date (not datetime), got {value!r}")
    return value


def _as_count(value: int, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
    return value


class WorkCalendar:
    """Vietnamese working-day calendar (Monday-Friday minus public holidays).

    ``extra_days_off``: extra days off decreed by the government or the province.
    ``extra_workdays``: make-up working days ("làm bù", usually Saturdays); these
    win over weekends and over the ``holidays`` package. A date may not be in both.
    """

    def __init__(
        self,
        extra_days_off: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self.extra_days_off: frozenset[date] = frozenset(
            _as_date(d, "extra_days_off item") for d in extra_days_off
        )
        self.extra_workdays: frozenset[date] = frozenset(
            _as_date(d, "extra_workdays item") for d in extra_workdays
        )
        both = self.extra_days_off & self.extra_workdays
        if both:
            listed = ", ".join(d.isoformat() for d in sorted(both))
            raise ValueError(f"dates both in extra_days_off and extra_workdays: {listed}")
        self._holidays_by_year: dict[int, dict[date, str]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(extra_days_off={sorted(self.extra_days_off)!r}, "
            f"extra_workdays={sorted(self.extra_workdays)!r})"
        )

    # -- public holidays (lazy, cached per year) ---------------------------------

    def _public_holidays(self, year: int) -> dict[date, str]:
        cached = self._holidays_by_year.get(year)
        if cached is None:
            with self._lock:
                cached = self._holidays_by_year.get(year)
                if cached is None:
                    vn = holidays.country_holidays("VN", years=year, language="vi")
                    cached = {d: name for d, name in vn.items() if d.year == year}
                    self._holidays_by_year[year] = cached
        return cached

    # -- queries -----------------------------------------------------------------

    def holiday_name(self, d: date) -> str | None:
        """Name of the public holiday / extra day off on ``d``, else ``None``.

        Plain weekends and make-up working days return ``None``.
        """
        d = _as_date(d)
        if d in self.extra_workdays:
            return None
        if d in self.extra_days_off:
            return EXTRA_DAY_OFF_NAME
        return self._public_holidays(d.year).get(d)

    def is_workday(self, d: date) -> bool:
        d = _as_date(d)
        if d in self.extra_workdays:
            return True
        if d in self.extra_days_off or d.weekday() >= 5:
            return False
        return d not in self._public_holidays(d.year)

    def next_workday(self, d: date) -> date:
        """First working day strictly after ``d``."""
        d = _as_date(d) + _ONE_DAY
        while not self.is_workday(d):
            d += _ONE_DAY
        return d

    def add_workdays(self, start: date, n: int) -> date:
        """Deadline date of a limit of ``n`` working days "kể từ ngày" ``start``.

        Counting starts the day after ``start``; returns the n-th working day after
        ``start`` (``start`` itself when ``n == 0``).
        """
        d = _as_date(start, "start")
        for _ in range(_as_count(n, "n")):
            d = self.next_workday(d)
        return d

    def workdays_between(self, a: date, b: date) -> int:
        """Number of working days in ``(a, b]``; negative (-count in ``(b, a]``) if b < a."""
        a = _as_date(a, "a")
        b = _as_date(b, "b")
        if b < a:
            return -self.workdays_between(b, a)
        count = 0
        d = a + _ONE_DAY
        while d <= b:
            if self.is_workday(d):
                count += 1
            d += _ONE_DAY
        return count


# -- time limits ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Limit:
    """A legal time limit, e.g. ``Limit(5, "workdays")``, ``Limit(10, "days")``,
    ``Limit(12, "hours")``.
    """

    amount: int
    unit: str

    def __post_init__(self) -> None:
        _as_count(self.amount, "amount")
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {sorted(UNITS)}, got {self.unit!r}")

    @property
    def label(self) -> str:
        """Vietnamese label, amount zero-padded: "05 ngày làm việc", "10 ngày", "12 giờ"."""
        return f"{self.amount:02d} {_UNIT_LABELS[self.unit]}"

    def __str__(self) -> str:
        return self.label


def _end_of_day(d: date, like: datetime) -> datetime:
    """23:59:59.999999 on ``d`` with the same tzinfo as ``like`` (naive stays naive)."""
    naive = datetime.combine(d, time.max)
    tz = like.tzinfo
    if tz is None:
        return naive
    localize = getattr(tz, "localize", None)  # pytz-style tzinfo
    if callable(localize):
        return localize(naive)
    return naive.replace(tzinfo=tz)


def due_moment(start: datetime, limit: Limit, calendar: WorkCalendar) -> datetime:
    """Moment at which ``limit``, counted from ``start``, expires.

    * hours: ``start + amount`` hours (elapsed time; for aware ``start`` computed in
      UTC and converted back to ``start``'s tz);
    * days: end of ``start.date() + amount``; if that day is not a working day, end
      of the next working day (BLDS 2015 Điều 148 khoản 5);
    * workdays: end of ``calendar.add_workdays(start.date(), amount)``.

    An aware ``start`` gives a result in the same tz; the date used is ``start``'s
    local date, so pass local Vietnamese time (e.g. ``timezone.localtime(...)``).
    """
    if not isinstance(start, datetime):
        raise TypeError(f"start must be a datetime, got {start!r}")
    if limit.unit == HOURS:
        delta = timedelta(hours=limit.amount)
        if start.utcoffset() is None:
            return start + delta
        return (start.astimezone(UTC) + delta).astimezone(start.tzinfo)
    if limit.unit == DAYS:
        last = start.date() + timedelta(days=limit.amount)
        if not calendar.is_workday(last):
            last = calendar.next_workday(last)
        return _end_of_day(last, start)
    if limit.unit == WORKDAYS:
        return _end_of_day(calendar.add_workdays(start.date(), limit.amount), start)
    raise ValueError(f"unknown unit {limit.unit!r}")  # pragma: no cover - Limit validates
