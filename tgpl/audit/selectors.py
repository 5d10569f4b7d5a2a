"""Reads of the read log, scoped: the director's and the administrator's own centre."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from tgpl import days

from .models import ReadLog


@dataclass
class ReadFilters:
    user: int | None = None  # who read
    date_from: date | None = None
    date_to: date | None = None
    record: str = ""  # a request's number ("12", "#12") or a case code ("TT.TV.01.2026")
    kind: str = ""


def read_entries(viewer, f: ReadFilters) -> QuerySet:
    """The reads `viewer` may see, newest first, filtered."""
    qs = ReadLog.objects.visible_to(viewer).select_related("user", "content_type")
    if f.user:
        qs = qs.filter(user_id=f.user)
    if f.date_from:
        qs = qs.filter(days.since("created_at", f.date_from))
    if f.date_to:
        qs = qs.filter(days.until("created_at", f.date_to))
    record = f.record.strip().lstrip("#").strip()
    if record.isdigit():
        qs = qs.filter(record_id=int(record))
    elif record:
        qs = qs.filter(label__icontains=record)
    if f.kind:
        qs = qs.filter(kind=f.kind)
    return qs.order_by("-created_at", "-pk")


def reads_of(viewer, record, limit: int = 30) -> list[ReadLog]:
    """The latest reads of an applicant's record (a request): "Ai đã xem hồ sơ này", for
    those who may see the read log of its centre (nobody else: an empty list)."""
    from tgpl import roles

    if record is None or not roles.can_see_read_log(viewer, record.centre_id):
        return []
    return list(
        ReadLog.objects.filter(
            record_type=ContentType.objects.get_for_model(record), record_id=record.pk
        )
        .select_related("user", "content_type")
        .order_by("-created_at", "-pk")[:limit]
    )
