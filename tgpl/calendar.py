"""The working-day calendar of the application: the `holidays` package plus the
administrators' overrides (`HolidayOverride`: extra days off, make-up Saturdays)."""

from functools import lru_cache

from tgpl.workdays import WorkCalendar

# Emitted (tgpl.kernel.emit) when the administrators change the overrides: the apps that
# keep due moments counted in working days recompute them (cases.due).
CALENDAR_CHANGED = "holiday_calendar_changed"


@lru_cache(maxsize=8)
def _calendar(days_off: frozenset, workdays: frozenset) -> WorkCalendar:
    # WorkCalendar caches the public holidays per year; keep one per set of overrides.
    return WorkCalendar(extra_days_off=days_off, extra_workdays=workdays)


def work_calendar() -> WorkCalendar:
    """A WorkCalendar with the current local overrides (one query)."""
    from tgpl.models import HolidayOverride

    days_off, workdays = set(), set()
    for day, kind in HolidayOverride.objects.values_list("date", "kind"):
        (days_off if kind == HolidayOverride.Kind.DAY_OFF else workdays).add(day)
    return _calendar(frozenset(days_off), frozenset(workdays))
