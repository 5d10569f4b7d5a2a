"""Each performer's count of open cases (Performer.open_cases), kept where it changes.

A case counts for its performer while it is assigned or in progress (WORKING). The
services that change either — appointing or replacing the performer, closing,
discontinuing, entering a case from an old register — note the performer the case
counted for before the change (`working_performer`, read from the locked row) and call
`track_open_work` after saving, in the same transaction: the counts move with the case
or not at all. `recount_open_cases` rebuilds them from the cases (after a bulk load).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, F, Value
from django.db.models.functions import Greatest

from cases.models import Case, Performer
from cases.states import WORKING


def working_performer(case: Case) -> int | None:
    """The user whose open-case count includes this case, if any."""
    return case.performer_id if case.status in WORKING else None


def _add(user_id: int, delta: int) -> None:
    Performer.objects.filter(user_id=user_id).update(
        open_cases=Greatest(F("open_cases") + delta, Value(0))
    )


def track_open_work(case: Case, *, was: int | None) -> None:
    """Move the count from `was` (working_performer before the change) to the case's
    performer now; nothing when the case counts for the same person as before."""
    now = working_performer(case)
    if now == was:
        return
    if was is not None:
        _add(was, -1)
    if now is not None:
        _add(now, +1)


def recount_open_cases(user_ids: Iterable[int] | None = None) -> None:
    """Set the counts from the cases themselves (all performers, or these users)."""
    performers = Performer.objects.all()
    if user_ids is not None:
        performers = performers.filter(user_id__in=list(user_ids))
    counts = dict(
        Case.objects.filter(status__in=WORKING, performer__in=performers.values("user_id"))
        .order_by()
        .values_list("performer_id")
        .annotate(n=Count("pk"))
    )
    for performer in performers.only("pk", "user_id", "open_cases"):
        n = counts.get(performer.user_id, 0)
        if performer.open_cases != n:
            Performer.objects.filter(pk=performer.pk).update(open_cases=n)
