"""Helpers shared by the services: history, time, permission and side effects."""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from tgpl.errors import BusinessRuleError

logger = logging.getLogger("cases")

NOT_ALLOWED = "Bạn không có quyền thực hiện thao tác này với hồ sơ này."


REASON_MAX = 100  # simple-history's history_change_reason is a varchar(100)


def _fit(reason: str) -> str:
    return reason if len(reason) <= REASON_MAX else reason[: REASON_MAX - 1] + "…"


def save(obj, *, actor, reason: str, update_fields=None) -> None:
    """Save with the history record's user and change reason (django-simple-history)."""
    obj._history_user = actor
    obj._change_reason = _fit(reason)
    obj.save(update_fields=update_fields)


def create(model, *, actor, reason: str, **fields):
    obj = model(**fields)
    save(obj, actor=actor, reason=reason)
    return obj


def now_or(at: datetime | None) -> datetime:
    moment = at or timezone.now()
    if timezone.is_naive(moment):
        raise ValueError("aware datetime expected")
    if moment > timezone.now() + timezone.timedelta(minutes=5):
        raise BusinessRuleError("Thời điểm không được ở tương lai.")
    return timezone.localtime(moment)  # limits count Vietnamese days (due_moment)


def local_date(moment: datetime):
    return timezone.localtime(moment).date()


def require(allowed: bool, message: str = NOT_ALLOWED) -> None:
    if not allowed:
        raise BusinessRuleError(message)


def require_text(value: str, message: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise BusinessRuleError(message, field=field)
    return value


def after_commit(event: str, **data) -> None:
    """Side effects (notifications, reminders) leave only once the change is committed."""
    transaction.on_commit(lambda: logger.debug("%s %s", event, data))
