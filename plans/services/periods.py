"""The separate periods of a task ("Quý II, IV"), kept as rows with their own due dates."""

from datetime import date

from plans.models import PlanItem, PlanItemPeriod
from plans.reader import read_timeframe


def periods_for(item: PlanItem, year: int | None) -> list[PlanItemPeriod]:
    """Unsaved period rows for the item's time frame text; none for a single period."""
    _frame, periods = read_timeframe(item.timeframe_text, year)
    return [
        PlanItemPeriod(
            item=item,
            position=n,
            start=date.fromisoformat(p["start"]),
            due=date.fromisoformat(p["end"]),
        )
        for n, p in enumerate(periods)
    ]


def replace_periods(item: PlanItem, year: int | None) -> None:
    """After the time frame text changed: the periods it names now."""
    PlanItemPeriod.objects.filter(item=item).delete()
    PlanItemPeriod.objects.bulk_create(periods_for(item, year))
