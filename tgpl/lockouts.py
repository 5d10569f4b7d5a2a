"""Login lockouts (django-axes) as the back office sees them: who is locked out now.

Axes locks a (user, address) pair after too many failed logins; the pair is free again
after the cool-off time, or when an administrator lifts the lock
(`tgpl.services.unlock_account`).
"""

from __future__ import annotations

from axes.conf import settings as axes_settings
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone


def failure_limit() -> int | None:
    """The failures that lock a pair, when it is a plain number (the project's setting)."""
    limit = axes_settings.AXES_FAILURE_LIMIT
    return limit if isinstance(limit, int) else None


def locking_attempts() -> QuerySet[AccessAttempt]:
    """Attempt rows that lock someone out at this moment."""
    attempts = AccessAttempt.objects.all()
    limit = failure_limit()
    if limit is not None:
        attempts = attempts.filter(failures_since_start__gte=limit)
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


def with_lockout_flag(users: QuerySet) -> QuerySet:
    """Users annotated with `is_locked_out` (one subquery, no query per row)."""
    return users.annotate(
        is_locked_out=Exists(locking_attempts().filter(username=OuterRef("username")))
    )
