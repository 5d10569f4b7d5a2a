"""The suite's clock (tests/clock.py, tests/conftest.py): frozen at one instant, moved by name."""

import datetime as dt
import time

import pytest
from django.utils import timezone
from hypothesis import settings

from tests import clock


def test_every_test_starts_at_the_suites_instant_and_the_clock_stands_still():
    assert timezone.now() == clock.NOW
    assert timezone.localdate() == clock.TODAY == dt.date(2026, 11, 18)
    assert dt.date.today() == clock.TODAY  # noqa: DTZ011 - the naive clock is frozen too
    first = time.time()
    time.sleep(0.01)
    assert time.time() == first == clock.NOW.timestamp()


def test_the_suites_instant_is_a_plain_working_day():
    from tgpl.workdays import WorkCalendar

    calendar = WorkCalendar()
    week = [clock.TODAY + dt.timedelta(days=n) for n in range(-2, 3)]  # Monday to Friday
    assert [d.weekday() for d in week] == [0, 1, 2, 3, 4]
    assert all(calendar.is_workday(d) for d in week)


def test_travel_moves_python_and_django_together(travel_to):
    when = travel_to("new_year_vn")
    assert timezone.now() == when
    assert timezone.localdate() == dt.date(2027, 1, 1)
    assert dt.datetime.now(dt.UTC).date() == dt.date(2026, 12, 31)  # UTC is still in 2026
    assert time.time() == when.timestamp()


def test_the_last_working_day_before_tet_2027_is_named_right(travel_to):
    from tgpl.workdays import WorkCalendar

    calendar = WorkCalendar()
    eve = travel_to("last_workday_before_tet_2027").date()
    assert calendar.is_workday(eve)
    assert calendar.next_workday(eve) == dt.date(2027, 2, 11)  # the break is 04/02-10/02
    assert all(not calendar.is_workday(eve + dt.timedelta(days=n)) for n in range(1, 8))


def test_an_unknown_moment_names_the_known_ones(travel_to):
    with pytest.raises(KeyError, match="new_year_vn"):
        travel_to("tet_2099")


def test_one_hypothesis_profile_where_speed_never_fails_a_test():
    profile = settings.default
    assert profile.deadline is None
    assert profile.derandomize is True  # the same examples every run
    assert profile.database is None
