"""Checks every service makes: who may, what was typed, when it happened."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from tgpl.errors import BusinessRuleError

NOT_ALLOWED = "Bạn không có quyền thực hiện thao tác này với hồ sơ này."
# A moment typed on a form may run a few minutes ahead of the server's clock.
FUTURE_TOLERANCE = timedelta(minutes=5)


def require(allowed: bool, message: str = NOT_ALLOWED) -> None:
    """Refuse with a Vietnamese message unless `allowed` (a roles.py predicate)."""
    if not allowed:
        raise BusinessRuleError(message)


def require_text(value: str, message: str, field: str) -> str:
    """The stripped text, or a BusinessRuleError on `field` when it is empty."""
    value = (value or "").strip()
    if not value:
        raise BusinessRuleError(message, field=field)
    return value


def now_or(at: datetime | None) -> datetime:
    """The moment an action happened: now, or a given aware moment not in the future."""
    moment = at or timezone.now()
    if timezone.is_naive(moment):
        raise ValueError("aware datetime expected")
    if moment > timezone.now() + FUTURE_TOLERANCE:
        raise BusinessRuleError("Thời điểm không được ở tương lai.")
    return timezone.localtime(moment)  # limits count Vietnamese days (due_moment)


def local_date(moment: datetime) -> date:
    """The calendar date of a moment in Vietnam (Asia/Ho_Chi_Minh), never its UTC date."""
    return timezone.localtime(moment).date()
