"""Reads of the register of issued documents (scoped by user)."""

from django.db.models import QuerySet

from .models import IssuedDocument


def register_entries(user, *, kind: str = "", year: int | None = None) -> QuerySet:
    entries = IssuedDocument.objects.visible_to(user).select_related(
        "centre", "issued_by", "content_type"
    )
    if kind:
        entries = entries.filter(kind=kind)
    if year:
        entries = entries.filter(year=year)
    return entries.order_by("-year", "-issued_at", "-pk")


def register_years(user) -> list[int]:
    return list(
        IssuedDocument.objects.visible_to(user)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
