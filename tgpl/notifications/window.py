"""What a scan still has to send, filtered in SQL (issue 18.4).

A provider that stores its due moments as a column asks `ScanWindow.pending(...)` for a
filter: "the due moment is within the reminder window AND no reminder row exists yet for
(what, deadline, due moment, the step due now)". The step due now is computed in SQL with
the same rules as `steps_for` (the working-day boundaries of the "before" steps are
computed here, in Python, for today only), so a rescan with nothing new reads nothing:
the NOT EXISTS runs on the reminder table's unique index.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BigIntegerField,
    CharField,
    Exists,
    Func,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models import Case as SqlCase
from django.db.models.functions import Cast, Concat, Mod
from django.db.models.lookups import LessThan, LessThanOrEqual
from django.utils import timezone

from tgpl.workdays import WorkCalendar

from .deadlines import workdays_before
from .models import Reminder

DAY = 86400
LOOK_AHEAD_DAYS = 45  # the scan's horizon (scan.SCAN_HORIZON)


class Epoch(Func):
    """Seconds since 1970 of an aware datetime column, as an integer (floored)."""

    output_field = BigIntegerField()
    template = "CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)"

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(FLOOR(EXTRACT(EPOCH FROM %(expressions)s)) AS BIGINT)",
            **extra,
        )


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _day_end(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


@dataclass
class ScanWindow:
    """Today's reminder rules for SQL: made once per scan."""

    now: datetime.datetime
    today: datetime.date
    calendar: WorkCalendar
    days_before: list[int]
    overdue_repeat_days: int
    hours_before: int
    unit: str | None = None
    _content_types: dict = field(default_factory=dict)

    # --- "days" deadlines: before-n, due, overdue-k -------------------------------------

    def before_runs(self) -> list[tuple[datetime.date, datetime.date, str]]:
        """(first day, last day, step) of the due days a "before" step has come for."""
        runs: list[tuple[datetime.date, datetime.date, str]] = []
        for ahead in range(1, LOOK_AHEAD_DAYS + 1):
            day = self.today + datetime.timedelta(days=ahead)
            step = next(
                (
                    f"before-{n}"
                    for n in sorted(self.days_before)
                    if workdays_before(self.calendar, day, n) <= self.today
                ),
                None,
            )
            if step is None:
                break  # later days are further from today: no step either
            if runs and runs[-1][2] == step:
                runs[-1] = (runs[-1][0], day, step)
            else:
                runs.append((day, day, step))
        return runs

    def days_horizon(self) -> datetime.datetime:
        runs = self.before_runs()
        return _day_end(runs[-1][1] if runs else self.today)

    def day_step(self, due):
        """The step `steps_for` gives a "days" deadline due at `due` (an expression)."""
        offset = int(timezone.localtime(self.now).utcoffset().total_seconds())
        today_number = (
            int(_day_start(self.today).timestamp()) + offset
        ) // DAY  # local day numbers
        due_number = (Epoch(due) + Value(offset)) / Value(DAY)
        late = Value(today_number - 1) - due_number
        repeat = max(1, self.overdue_repeat_days)
        # SQLite's MOD() answers a REAL (6 - MOD(6, 7) is 0.0, "overdue-0.0"): the step
        # number goes through an integer before it becomes text, as in steps_for().
        number = Cast(late - Mod(late, Value(repeat)), output_field=BigIntegerField())
        overdue = Concat(
            Value("overdue-"), Cast(number, output_field=CharField()), output_field=CharField()
        )
        whens = [
            When(LessThan(due, Value(_day_start(self.today))), then=overdue),
            When(LessThanOrEqual(due, Value(_day_end(self.today))), then=Value("due")),
        ]
        whens += [
            When(LessThanOrEqual(due, Value(_day_end(last))), then=Value(step))
            for _first, last, step in self.before_runs()
        ]
        return SqlCase(*whens, default=Value(""), output_field=CharField())

    # --- "hours" deadlines: before-Nh, overdue-days -------------------------------------

    def hours_horizon(self) -> datetime.datetime:
        return self.now + datetime.timedelta(hours=self.hours_before)

    def hour_step(self, due):
        late = Cast(
            (Value(int(self.now.timestamp())) - Epoch(due)) / Value(DAY),
            output_field=BigIntegerField(),
        )
        overdue = Concat(
            Value("overdue-"), Cast(late, output_field=CharField()), output_field=CharField()
        )
        return SqlCase(
            When(LessThanOrEqual(due, Value(self.now)), then=overdue),
            default=Value(f"before-{self.hours_before}h"),
            output_field=CharField(),
        )

    # --- the filter -----------------------------------------------------------------------

    def content_type(self, model) -> ContentType:
        if model not in self._content_types:
            self._content_types[model] = ContentType.objects.get_for_model(model)
        return self._content_types[model]

    def pending(
        self,
        *,
        model,
        object_ref: str,
        due: str,
        unit: str = "days",
        deadline: str | None = None,
        deadline_ref: str | None = None,
    ) -> Q:
        """Rows whose deadline (due at the column `due`) needs a reminder now that none
        has had. `model` is the reminders' subject, `object_ref` the column holding its
        pk; the deadline's code is `deadline`, or the column `deadline_ref` holds it."""
        if self.unit and unit != self.unit:
            return Q(pk__in=[])
        if unit == "hours":
            horizon, step = self.hours_horizon(), self.hour_step(OuterRef(due))
        else:
            horizon, step = self.days_horizon(), self.day_step(OuterRef(due))
        sent = Reminder.objects.filter(
            content_type=self.content_type(model),
            object_id=OuterRef(object_ref),
            deadline=OuterRef(deadline_ref) if deadline_ref else deadline,
            due_at=OuterRef(due),
            step=step,
        )
        return Q(**{f"{due}__lte": horizon}) & ~Exists(sent)
