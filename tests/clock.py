"""The one clock of the test suite: the instant every test runs at, and named moments.

Every test starts frozen at `NOW` (tests/conftest.py, `_frozen_clock`): Python's
`time.time()`, `datetime.now()`, `date.today()` and so Django's `timezone.now()` /
`timezone.localdate()` all read it, whatever the machine's clock says. A test that
needs another moment travels there by name: `travel_to("new_year_vn")`.

A date in a test is either relative to this clock (`TODAY - timedelta(days=3)`,
`vn_date(TODAY)`) or to a named moment, or a fixed historical date whose meaning does
not depend on the clock (a 2021 plan, a table of holidays).

The database keeps its own clock (time-machine cannot move it): app code takes the
time from Python (`django.utils.timezone.now`), never from SQL `Now()` or
`CURRENT_TIMESTAMP`; CI runs the date-sensitive tests again with the machine's clock
moved by libfaketime (.ci/run) to show nothing reads the real clock.
"""

import datetime as dt
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A wall-clock moment in Vietnam (UTC+7, no daylight saving)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


#: The instant of the whole suite: Wednesday 18/11/2026, 09:00 in Vietnam. A plain
#: working day of the demo year: Monday 16 to Friday 20 November are all working days,
#: the next holiday (24/11, Ngày Văn hóa Việt Nam) is a week away, and it is neither a
#: month's nor a quarter's end.
NOW = vn(2026, 11, 18, 9, 0)
TODAY = NOW.date()

#: Moments where dates are hard, for the tests that must run there.
MOMENTS: dict[str, dt.datetime] = {
    "working_day": NOW,
    # The year has turned in Vietnam but not in UTC (17:30 UTC on 31/12/2026): the
    # register year, case codes and document numbers must follow Vietnam's year.
    "new_year_vn": vn(2027, 1, 1, 0, 30),
    # Wednesday 03/02/2027, 16:00: the last working day before Tết Nguyên đán 2027
    # (06/02). The break runs Thursday 04/02 (29 Tết) to Wednesday 10/02.
    "last_workday_before_tet_2027": vn(2027, 2, 3, 16, 0),
    # Monday 15/06/2026, 09:00: a week of five working days, no holiday before 31/08.
    "plain_monday": vn(2026, 6, 15, 9, 0),
    # Friday 20/11/2026, 09:00: the week before the first Ngày Văn hóa Việt Nam
    # (Tuesday 24/11/2026, a day off from 2026 on).
    "before_culture_day_2026": vn(2026, 11, 20, 9, 0),
    # Wednesday 30/09/2026, 16:30: the last working day of the third quarter.
    "quarter_end": vn(2026, 9, 30, 16, 30),
}


def moment(name: str) -> dt.datetime:
    try:
        return MOMENTS[name]
    except KeyError:
        raise KeyError(f"no moment named {name!r}; known: {', '.join(MOMENTS)}") from None


def vn_date(day: dt.date) -> str:
    """A date as the forms take it: dd/mm/yyyy."""
    return f"{day:%d/%m/%Y}"


def vn_datetime(moment: dt.datetime) -> str:
    """A moment as the forms take it: dd/mm/yyyy HH:MM, in Vietnam's time."""
    return f"{moment.astimezone(VN):%d/%m/%Y %H:%M}"
