"""Tests for tgpl.workdays (pure Python; run with -p no:django)."""

from dataclasses import FrozenInstanceError
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tgpl.workdays import (
    EXTRA_DAY_OFF_NAME,
    Limit,
    WorkCalendar,
    due_moment,
)

CAL = WorkCalendar()
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
UTC7 = timezone(timedelta(hours=7))
END = time.max  # 23:59:59.999999


def naive(*args: int) -> datetime:
    """Naive datetime on purpose: due_moment must keep naive input naive."""
    return datetime(*args)  # noqa: DTZ001


# Make-up working Saturday of 2026: 31/08/2026 is off "thay cho ngày 22/08/2026".
MAKEUP_SATURDAY = date(2026, 8, 22)
EXTRA_DAY_OFF = date(2026, 3, 10)  # a Tuesday, e.g. a provincial decision
LOCAL_CAL = WorkCalendar(extra_days_off=[EXTRA_DAY_OFF], extra_workdays=[MAKEUP_SATURDAY])


# --------------------------------------------------------------------------------
# What the holidays package returns for VN 2026 (documentation / regression pin:
# if a new holidays release changes this, review it - legal deadlines depend on it).
# --------------------------------------------------------------------------------

VN_2026 = {
    date(2026, 1, 1): "Tết Dương lịch",
    date(2026, 2, 16): "Giao thừa Tết Nguyên Đán",
    date(2026, 2, 17): "Tết Nguyên Đán",
    date(2026, 2, 18): "Mùng hai Tết Nguyên Đán",
    date(2026, 2, 19): "Mùng ba Tết Nguyên Đán",
    date(2026, 2, 20): "Mùng bốn Tết Nguyên Đán",
    date(2026, 4, 26): "Ngày Giỗ Tổ Hùng Vương",
    date(2026, 4, 27): "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)",
    date(2026, 4, 30): "Ngày Chiến thắng",
    date(2026, 5, 1): "Ngày Quốc tế Lao động",
    date(2026, 8, 31): "Ngày nghỉ (thay cho ngày 22/08/2026)",
    date(2026, 9, 1): "Quốc khánh",
    date(2026, 9, 2): "Quốc khánh",
    date(2026, 11, 24): "Ngày Văn hóa Việt Nam",
}


def test_holidays_package_vn_2026_pinned():
    got = {
        d: CAL.holiday_name(d)
        for d in (date(2026, 1, 1) + timedelta(days=i) for i in range(365))
        if CAL.holiday_name(d)
    }
    assert got == VN_2026


# --------------------------------------------------------------------------------
# is_workday
# --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "d",
    # Tết Nguyên Đán 2026 (17/02/2026): official break Sat 14/02 - Sun 22/02/2026.
    [date(2026, 2, 14) + timedelta(days=i) for i in range(9)]
    + [
        date(2026, 1, 1),  # Tết Dương lịch (Thu)
        date(2026, 4, 27),  # Giỗ Tổ Hùng Vương 26/04 is a Sunday -> nghỉ bù Mon 27/04
        date(2025, 4, 7),  # Giỗ Tổ Hùng Vương 2025 (Mon)
        date(2026, 4, 30),  # 30/4 (Thu)
        date(2026, 5, 1),  # 1/5 (Fri)
        date(2025, 4, 30),  # 30/4/2025 (Wed)
        date(2025, 5, 1),  # 1/5/2025 (Thu)
        date(2025, 5, 2),  # 2025 swap: off Fri 2/5, worked Sat 26/4
        date(2026, 8, 31),  # 2026 swap: off Mon 31/8, worked Sat 22/8
        date(2026, 9, 1),  # Quốc khánh (Tue)
        date(2026, 9, 2),  # Quốc khánh 2/9 (Wed)
        date(2026, 11, 24),  # Ngày Văn hóa Việt Nam (from 2026)
        date(2026, 3, 7),  # Saturday
        date(2026, 3, 8),  # Sunday
        date(2026, 8, 22),  # make-up Saturday, but not declared in the default calendar
    ],
    ids=str,
)
def test_days_off(d):
    assert not CAL.is_workday(d)


@pytest.mark.parametrize(
    "d",
    [
        date(2026, 2, 13),  # Fri before the Tết 2026 break
        date(2026, 2, 23),  # Mon after the Tết 2026 break
        date(2026, 3, 5),  # ordinary Thursday
        date(2026, 4, 28),  # Tue after Hùng Vương nghỉ bù
        date(2026, 4, 29),  # Wed before 30/4
        date(2026, 9, 3),  # Thu after Quốc khánh
        date(2026, 11, 25),
    ],
    ids=str,
)
def test_workdays(d):
    assert CAL.is_workday(d)


@pytest.mark.parametrize(
    ("d", "default", "local"),
    [
        (MAKEUP_SATURDAY, False, True),  # "làm bù" Saturday counts as a workday
        (EXTRA_DAY_OFF, True, False),  # extra day off decreed locally
        (date(2026, 3, 7), False, False),  # other Saturdays stay off
        (date(2026, 3, 11), True, True),
    ],
    ids=str,
)
def test_local_overrides(d, default, local):
    assert CAL.is_workday(d) is default
    assert LOCAL_CAL.is_workday(d) is local


def test_extra_workday_wins_over_package_holiday():
    cal = WorkCalendar(extra_workdays=[date(2026, 8, 31)])
    assert cal.is_workday(date(2026, 8, 31))
    assert cal.holiday_name(date(2026, 8, 31)) is None


def test_conflicting_overrides_rejected():
    with pytest.raises(ValueError, match="2026-03-10"):
        WorkCalendar(extra_days_off=[EXTRA_DAY_OFF], extra_workdays=[EXTRA_DAY_OFF])


@pytest.mark.parametrize(
    ("cal", "d", "name"),
    [
        (CAL, date(2026, 2, 17), "Tết Nguyên Đán"),
        (CAL, date(2026, 9, 2), "Quốc khánh"),
        (CAL, date(2026, 4, 26), "Ngày Giỗ Tổ Hùng Vương"),  # a Sunday, still named
        (CAL, date(2026, 3, 7), None),  # plain Saturday
        (CAL, date(2026, 3, 5), None),
        (LOCAL_CAL, EXTRA_DAY_OFF, EXTRA_DAY_OFF_NAME),
        (LOCAL_CAL, MAKEUP_SATURDAY, None),
    ],
    ids=str,
)
def test_holiday_name(cal, d, name):
    assert cal.holiday_name(d) == name


def test_datetime_rejected_where_date_expected():
    with pytest.raises(TypeError):
        CAL.is_workday(naive(2026, 2, 17, 9, 0))
    with pytest.raises(TypeError):
        WorkCalendar(extra_days_off=[naive(2026, 3, 10)])


# --------------------------------------------------------------------------------
# add_workdays / next_workday / workdays_between
# --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cal", "start", "n", "expected"),
    [
        (CAL, date(2026, 3, 5), 0, date(2026, 3, 5)),  # n == 0 -> start
        (CAL, date(2026, 3, 7), 0, date(2026, 3, 7)),  # even on a day off
        (CAL, date(2026, 3, 5), 1, date(2026, 3, 6)),  # counting starts the next day
        (CAL, date(2026, 3, 6), 1, date(2026, 3, 9)),  # Fri + 1 -> Mon (weekend)
        (CAL, date(2026, 3, 7), 1, date(2026, 3, 9)),  # from a Saturday
        (CAL, date(2026, 3, 5), 5, date(2026, 3, 12)),  # 5 workdays from a Thursday
        (CAL, date(2026, 3, 5), 3, date(2026, 3, 10)),  # 03 ngày làm việc
        (CAL, date(2026, 4, 29), 1, date(2026, 5, 4)),  # across 30/4, 1/5 + weekend
        (CAL, date(2026, 4, 24), 2, date(2026, 4, 29)),  # across Hùng Vương nghỉ bù
        (CAL, date(2026, 2, 13), 1, date(2026, 2, 23)),  # across the Tết 2026 break
        (CAL, date(2026, 2, 12), 5, date(2026, 2, 26)),  # Thursday before Tết
        (CAL, date(2026, 8, 28), 1, date(2026, 9, 3)),  # across 31/8, 1/9, 2/9
        (CAL, date(2025, 12, 31), 1, date(2026, 1, 2)),  # across the year and 1/1
        (LOCAL_CAL, date(2026, 8, 21), 1, MAKEUP_SATURDAY),  # làm bù Saturday counts
        (LOCAL_CAL, date(2026, 3, 9), 1, date(2026, 3, 11)),  # skips extra day off
        (LOCAL_CAL, date(2026, 3, 5), 5, date(2026, 3, 13)),
    ],
    ids=str,
)
def test_add_workdays(cal, start, n, expected):
    assert cal.add_workdays(start, n) == expected


def test_add_workdays_rejects_negative():
    with pytest.raises(ValueError, match="n must be >= 0"):
        CAL.add_workdays(date(2026, 3, 5), -1)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 3, 5), date(2026, 3, 6)),  # strictly after, even from a workday
        (date(2026, 3, 6), date(2026, 3, 9)),
        (date(2026, 2, 17), date(2026, 2, 23)),
        (date(2026, 4, 25), date(2026, 4, 28)),
    ],
    ids=str,
)
def test_next_workday(d, expected):
    assert CAL.next_workday(d) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2026, 3, 5), date(2026, 3, 5), 0),
        (date(2026, 3, 6), date(2026, 3, 9), 1),  # (Fri, Mon]
        (date(2026, 3, 6), date(2026, 3, 8), 0),  # only the weekend
        (date(2026, 3, 5), date(2026, 3, 12), 5),
        (date(2026, 3, 12), date(2026, 3, 5), -5),
        (date(2026, 2, 13), date(2026, 2, 23), 1),  # Tết break
        # 260 weekdays in (1/1, 31/12] minus 12 weekday holidays after 1/1
        (date(2026, 1, 1), date(2026, 12, 31), 248),
    ],
    ids=str,
)
def test_workdays_between(a, b, expected):
    assert CAL.workdays_between(a, b) == expected


# --------------------------------------------------------------------------------
# Limit and due_moment
# --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "label"),
    [
        (Limit(5, "workdays"), "05 ngày làm việc"),
        (Limit(3, "workdays"), "03 ngày làm việc"),
        (Limit(10, "days"), "10 ngày"),
        (Limit(12, "hours"), "12 giờ"),
        (Limit(0, "days"), "00 ngày"),
        (Limit(100, "days"), "100 ngày"),
    ],
    ids=str,
)
def test_limit_label(limit, label):
    assert limit.label == label
    assert str(limit) == label


@pytest.mark.parametrize(
    ("amount", "unit", "error"),
    [
        (5, "weeks", ValueError),
        (-1, "days", ValueError),
        (1.5, "days", TypeError),
        (True, "days", TypeError),
    ],
)
def test_limit_validation(amount, unit, error):
    with pytest.raises(error):
        Limit(amount, unit)


def test_limit_is_frozen_and_hashable():
    limit = Limit(5, "workdays")
    with pytest.raises(FrozenInstanceError):
        limit.amount = 6  # type: ignore[misc]
    assert {limit, Limit(5, "workdays")} == {limit}


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # hours: 12 giờ, plain elapsed time (crosses midnight into a Saturday)
        (
            datetime(2026, 3, 6, 16, 30, tzinfo=VN_TZ),
            Limit(12, "hours"),
            datetime(2026, 3, 7, 4, 30, tzinfo=VN_TZ),
        ),
        (naive(2026, 3, 6, 16, 30), Limit(12, "hours"), naive(2026, 3, 7, 4, 30)),
        (
            datetime(2026, 2, 16, 8, 0, tzinfo=UTC7),
            Limit(24, "hours"),
            datetime(2026, 2, 17, 8, 0, tzinfo=UTC7),
        ),
        # days: last day a Sunday 15/03 -> end of Monday 16/03 (BLDS 2015 Điều 148.5)
        (
            datetime(2026, 3, 5, 10, 0, tzinfo=VN_TZ),
            Limit(10, "days"),
            datetime.combine(date(2026, 3, 16), END, tzinfo=VN_TZ),
        ),
        # days: last day a Saturday -> Monday
        (
            naive(2026, 3, 4, 10, 0),
            Limit(10, "days"),
            datetime.combine(date(2026, 3, 16), END),
        ),
        # days: last day a workday -> end of that day
        (
            datetime(2026, 3, 5, 10, 0, tzinfo=VN_TZ),
            Limit(7, "days"),
            datetime.combine(date(2026, 3, 12), END, tzinfo=VN_TZ),
        ),
        # days: last day 30/4 -> 1/5, weekend -> end of Mon 4/5
        (
            datetime(2026, 4, 20, 15, 0, tzinfo=VN_TZ),
            Limit(10, "days"),
            datetime.combine(date(2026, 5, 4), END, tzinfo=VN_TZ),
        ),
        # days: last day inside the Tết 2026 break -> end of Mon 23/02
        (
            datetime(2026, 2, 10, 9, 0, tzinfo=VN_TZ),
            Limit(5, "days"),
            datetime.combine(date(2026, 2, 23), END, tzinfo=VN_TZ),
        ),
        # workdays: 05 ngày làm việc from a Thursday
        (
            datetime(2026, 3, 5, 9, 0, tzinfo=VN_TZ),
            Limit(5, "workdays"),
            datetime.combine(date(2026, 3, 12), END, tzinfo=VN_TZ),
        ),
        # workdays: 03 ngày làm việc across the Tết break
        (
            datetime(2026, 2, 12, 14, 0, tzinfo=UTC7),
            Limit(3, "workdays"),
            datetime.combine(date(2026, 2, 24), END, tzinfo=UTC7),
        ),
        (
            naive(2026, 3, 5, 9, 0),
            Limit(0, "workdays"),
            datetime.combine(date(2026, 3, 5), END),
        ),
    ],
    ids=str,
)
def test_due_moment(start, limit, expected):
    got = due_moment(start, limit, CAL)
    assert got == expected
    assert got.tzinfo is start.tzinfo  # keeps tz-awareness (and the same tz object)


def test_due_moment_uses_local_overrides():
    start = datetime(2026, 8, 20, 9, 0, tzinfo=VN_TZ)  # Thursday
    limit = Limit(2, "workdays")
    assert due_moment(start, limit, CAL).date() == date(2026, 8, 24)
    assert due_moment(start, limit, LOCAL_CAL).date() == MAKEUP_SATURDAY


def test_due_moment_rejects_plain_date():
    with pytest.raises(TypeError):
        due_moment(date(2026, 3, 5), Limit(1, "days"), CAL)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------

dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=60)


@given(d=dates, n=counts)
def test_add_workdays_properties(d, n):
    for cal in (CAL, LOCAL_CAL):
        deadline = cal.add_workdays(d, n)
        if n >= 1:
            assert cal.is_workday(deadline)
            assert deadline > d
        else:
            assert deadline == d
        assert cal.workdays_between(d, deadline) == n
        assert cal.workdays_between(deadline, d) == -n


@given(d=dates, amount=st.integers(min_value=0, max_value=60))
def test_due_moment_days_property(d, amount):
    start = datetime.combine(d, time(8, 0), tzinfo=VN_TZ)
    due = due_moment(start, Limit(amount, "days"), CAL)
    assert due.time() == END
    assert due.tzinfo is VN_TZ
    assert CAL.is_workday(due.date())
    nominal = d + timedelta(days=amount)
    assert due.date() >= nominal
    # only days off lie between the nominal last day and the actual one
    assert CAL.workdays_between(nominal, due.date()) == (0 if due.date() == nominal else 1)
