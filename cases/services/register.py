"""The intake register (Sổ thụ lý): gap-free yearly serials per centre or branch book."""

from __future__ import annotations

from django.db import transaction

from cases.models import RegisterCounter


def next_register_number(*, centre, book: str, year: int) -> int:
    """Reserve the next serial of a register book, holding a lock until commit.

    The counter row is locked with SELECT ... FOR UPDATE, so two acceptances in
    parallel get consecutive numbers; if the acceptance rolls back, so does the
    reservation, leaving no gap.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_register_number must run inside a transaction")
    counter, _ = RegisterCounter.objects.select_for_update().get_or_create(
        centre=centre, book=book, year=year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number
