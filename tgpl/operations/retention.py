"""Retention: what is kept only for a while is removed (or made anonymous) on schedule.

The kernel purges its own rows (expired sessions, old login records, handled outbox
messages); apps register their own purges (e.g. cases makes the history of long-closed
cases anonymous after the period each centre sets). A purge takes the moment `now`
and returns how many rows it touched; each is safe to run again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

Purge = Callable[[datetime], int]
_purges: dict[str, Purge] = {}


def register(name: str, purge: Purge) -> None:
    _purges[name] = purge


def purges() -> dict[str, Purge]:
    return dict(_purges)


def _days(name: str, default: int) -> timedelta:
    return timedelta(days=getattr(settings, name, default))


def expired_sessions(now: datetime) -> int:
    return Session.objects.filter(expire_date__lt=now).delete()[0]


def old_login_records(now: datetime) -> int:
    """django-axes keeps every failed and successful login; after the period, they go."""
    from axes.models import AccessFailureLog, AccessLog

    cutoff = now - _days("RETENTION_LOGIN_RECORDS_DAYS", 180)
    return (
        AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
        + AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    )


def handled_outbox_messages(now: datetime) -> int:
    from tgpl.kernel.outbox import OutboxMessage

    cutoff = now - _days("RETENTION_OUTBOX_DAYS", 90)
    return OutboxMessage.objects.filter(processed_at__lt=cutoff).delete()[0]


def old_read_logs(now: datetime) -> int:
    """Who read which applicant record is kept for the audit period, then goes."""
    from tgpl.audit.models import ReadLog

    cutoff = now - _days("RETENTION_READ_LOG_DAYS", 730)
    return ReadLog.objects.filter(created_at__lt=cutoff).delete()[0]


register("sessions", expired_sessions)
register("read_logs", old_read_logs)
register("login_records", old_login_records)
register("outbox", handled_outbox_messages)


def run_retention(now: datetime | None = None) -> dict[str, int]:
    """Every purge, once; what each removed."""
    now = now or timezone.now()
    return {name: purge(now) for name, purge in sorted(_purges.items())}
