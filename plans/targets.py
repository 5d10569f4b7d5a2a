"""Plans in the kernel's target registry (tgpl.targets): the tasks other apps may link
their work to, and the work they recorded shown against the tasks' quantity targets.

A quantity target shows what was reported by hand (progress reports, `achieved`) and what
was recorded elsewhere (`recorded`, e.g. outreach activities linked to the task); it is
reached by the larger of the two, never their sum, so the same work reported both ways
is not counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.urls import reverse

from tgpl import targets

from .models import Plan, PlanItem


def _ref(item: PlanItem) -> targets.TaskRef:
    return targets.TaskRef(
        id=item.pk,
        label=f"{item.plan.number_text} — {item.path}. {item.title[:100]}",
        url=reverse("plans:item", args=[item.pk]),
    )


def linkable(user, year: int) -> list[targets.TaskRef]:
    """Tasks of the user's centre's approved plans of that year."""
    if not getattr(user, "centre_id", None):
        return []
    items = (
        PlanItem.objects.visible_to(user)
        .tasks()
        .filter(plan__centre_id=user.centre_id, plan__year=year, plan__status=Plan.Status.APPROVED)
        .select_related("plan")
        .order_by("plan__date", "plan_id", "position")
    )
    return [_ref(item) for item in items]


def describe(ids: Sequence[int]) -> dict[int, targets.TaskRef]:
    items = PlanItem.objects.filter(pk__in=ids).select_related("plan")
    return {item.pk: _ref(item) for item in items}


SOURCE = targets.TaskSource(linkable=linkable, describe=describe)


def attach_recorded(items: Iterable[PlanItem]) -> targets.Achievement:
    """Set `recorded` on the prefetched quantity targets of these items from every
    contribution provider (one call, a fixed number of queries); returns the achievement
    (its `overall` counts each record once across the items)."""
    items = list(items)
    achievement = targets.achieved_for(item.pk for item in items if item.is_task)
    for item in items:
        for quantity in item.quantities.all():
            quantity.recorded = achievement.of(item.pk, targets.unit_of(quantity.label))
    return achievement


def overall_lines(achievement: targets.Achievement) -> list[tuple[str, int]]:
    """The plan's totals of recorded work, each record once: [(unit label, amount)]."""
    return [
        (targets.UNIT_LABELS.get(unit, unit), amount)
        for unit, amount in sorted(achievement.overall.items())
        if amount
    ]
