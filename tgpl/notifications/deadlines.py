"""What falls due: deadlines from every app, and when to remind about each (pure rules).

Apps register providers with `register_provider(fn)` in their AppConfig.ready():
`fn(today, now, until=None, centre_ids=None) -> Iterable[Deadline]`; `until` (a date)
lets the scan skip what falls due too far ahead to need a reminder (the calendar feed
wants all); `centre_ids` keeps to those centres (a person's feed and home page).
A provider must use a fixed number of queries whatever the number of tasks or cases
(the scan's query count is tested).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tgpl.workdays import WorkCalendar


@dataclass(frozen=True)
class Deadline:
    subject: object  # the model instance the deadline belongs to
    deadline: str  # a code: "plan_task", "milestone", "proof", "appointment" ...
    label: str  # Vietnamese name of the deadline: "Nhiệm vụ kế hoạch"
    title: str  # what it is about, for the message
    due_at: datetime  # aware
    owners: tuple = ()  # users (or user ids) reminded before and on the day
    escalate_to: tuple = ()  # users (or ids) told when it is overdue (department heads)
    url: str = ""
    unit: str = "days"  # "days" (daily scan) or "hours" (frequent scan)
    next_step: str = ""  # what happens after the deadline, in Vietnamese


@dataclass(frozen=True)
class Step:
    kind: str  # Reminder.Kind value
    step: str  # unique name of this reminder for this deadline: before-5, due, overdue-7
    recipients: tuple = field(default=())


Provider = Callable[[date, datetime], Iterable[Deadline]]
_PROVIDERS: list[Provider] = []


def register_provider(provider: Provider) -> None:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def providers() -> list[Provider]:
    return list(_PROVIDERS)


def person_id(person) -> int | None:
    """Providers may name people by User or by id (cheaper over many rows)."""
    if person is None:
        return None
    return person if isinstance(person, int) else person.pk


def workdays_before(calendar: WorkCalendar, day: date, n: int) -> date:
    """The date n working days before `day` (n = 0 gives `day`)."""
    current, left = day, n
    while left > 0:
        current -= timedelta(days=1)
        if calendar.is_workday(current):
            left -= 1
    return current


def steps_for(
    deadline: Deadline,
    *,
    now: datetime,
    today: date,
    calendar: WorkCalendar,
    days_before: list[int],
    overdue_repeat_days: int,
    hours_before: int,
) -> list[Step]:
    """Which reminder is due now for this deadline (at most one step, the latest)."""
    owners = tuple(deadline.owners)
    heads = tuple(deadline.escalate_to) or owners
    if deadline.unit == "hours":
        if now >= deadline.due_at:
            late_days = (now - deadline.due_at).days
            return [Step("overdue", f"overdue-{late_days}", heads)]
        if now >= deadline.due_at - timedelta(hours=hours_before):
            return [Step("before", f"before-{hours_before}h", owners)]
        return []
    due_day = deadline.due_at.date() if deadline.due_at.tzinfo is None else _local(deadline.due_at)
    if today == due_day:
        return [Step("due", "due", owners)]
    if today > due_day:
        late = (today - due_day).days - 1
        repeat = max(1, overdue_repeat_days)
        return [Step("overdue", f"overdue-{late - late % repeat}", heads)]
    for n in sorted(days_before):  # the nearest step that has come
        if workdays_before(calendar, due_day, n) <= today:
            return [Step("before", f"before-{n}", owners)]
    return []


def _local(moment: datetime) -> date:
    from django.utils import timezone

    return timezone.localtime(moment).date()
