"""When a reminder is due for a deadline: a table of cases (pure rules, no database)."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from tgpl.notifications.deadlines import Deadline, steps_for, workdays_before
from tgpl.workdays import WorkCalendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar()
OWNER, HEAD = object(), object()


def deadline(due: datetime.datetime, unit="days"):
    return Deadline(
        subject=None,
        deadline="plan_task",
        label="Nhiệm vụ",
        title="x",
        due_at=due,
        owners=(OWNER,),
        escalate_to=(HEAD,),
        unit=unit,
    )


def at(day, hour=7):
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=VN)


DUE = datetime.date(2026, 6, 19)  # a Friday


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 6, 10), None),  # 7 working days before: nothing yet
        (datetime.date(2026, 6, 12), ("before", "before-5", OWNER)),  # Friday, 5 wd before
        (datetime.date(2026, 6, 15), ("before", "before-5", OWNER)),  # missed? still before-5
        (datetime.date(2026, 6, 18), ("before", "before-1", OWNER)),
        (datetime.date(2026, 6, 19), ("due", "due", OWNER)),
        (datetime.date(2026, 6, 20), ("overdue", "overdue-0", HEAD)),
        (datetime.date(2026, 6, 26), ("overdue", "overdue-0", HEAD)),  # same step within a week
        (datetime.date(2026, 6, 27), ("overdue", "overdue-7", HEAD)),  # then weekly
        (datetime.date(2026, 7, 4), ("overdue", "overdue-14", HEAD)),
    ],
)
def test_daily_steps(today, expected):
    steps = steps_for(
        deadline(at(DUE, 23)),
        now=at(today),
        today=today,
        calendar=CAL,
        days_before=[5, 1],
        overdue_repeat_days=7,
        hours_before=4,
    )
    if expected is None:
        assert steps == []
    else:
        (step,) = steps
        assert (step.kind, step.step, step.recipients[0]) == expected


def test_before_steps_skip_holidays():
    # 5 working days before Tuesday 05/05/2026 skip 1/5, 30/4, 27/4 (Giỗ Tổ, nghỉ bù), weekends.
    assert workdays_before(CAL, datetime.date(2026, 5, 5), 5) == datetime.date(2026, 4, 23)


@pytest.mark.parametrize(
    ("now_hour", "expected"),
    [(6, None), (9, "before-4h"), (12, "before-4h"), (13, "overdue-0")],
)
def test_hour_steps_for_the_twelve_hour_appointment(now_hour, expected):
    due = datetime.datetime(2026, 6, 19, 13, 0, tzinfo=VN)
    now = datetime.datetime(2026, 6, 19, now_hour, 0, tzinfo=VN)
    steps = steps_for(
        deadline(due, unit="hours"),
        now=now,
        today=now.date(),
        calendar=CAL,
        days_before=[5, 1],
        overdue_repeat_days=7,
        hours_before=4,
    )
    assert [s.step for s in steps] == ([expected] if expected else [])


def test_overdue_goes_to_owners_when_there_is_no_head():
    d = Deadline(
        subject=None,
        deadline="x",
        label="x",
        title="x",
        due_at=at(DUE, 23),
        owners=(OWNER,),
        escalate_to=(),
    )
    (step,) = steps_for(
        d,
        now=at(DUE + datetime.timedelta(days=2)),
        today=DUE + datetime.timedelta(days=2),
        calendar=CAL,
        days_before=[1],
        overdue_repeat_days=7,
        hours_before=4,
    )
    assert step.recipients == (OWNER,)
