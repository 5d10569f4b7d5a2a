"""Failed sign-ins: three limits, one Vietnamese lockout page.

1. django-axes locks a (username, address) pair after AXES_FAILURE_LIMIT failures, so
   one office address does not lock colleagues out.
2. Password spraying tries a few passwords on many accounts, under that limit for each
   pair: one address is refused after LOGIN_ADDRESS_FAILURE_LIMIT failures across all
   accounts, and
3. one account after LOGIN_ACCOUNT_FAILURE_LIMIT failures from all addresses, except
   from an address where that account signed in successfully in the last
   LOGIN_KNOWN_ADDRESS_DAYS days (so an attacker cannot lock the real user out of the
   machine they always use).

django-axes has one failure limit for all its parameter combinations, so limits 2 and
3 are counted here, from axes' own table of failed attempts (AccessAttempt) within the
cool-off period: no second store, the same addresses (django-ipware, settings
AXES_IPWARE_*), and unlocking in axes (deleting the attempts, as the admin does) lifts
them too. `SprayingLimitBackend` refuses before any password is checked, as axes' own
backend does; the refused attempt counts as a failure, so an attack that goes on stays
refused.
"""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from .durations import duration_vi

ADDRESS = "address"
ACCOUNT = "account"
PAIR = "pair"


def username_of(request, credentials=None) -> str | None:
    """The username as axes records it: stripped and lower case (usernames are lower case,
    so "GiamDoc" and "giamdoc" are one account to count)."""
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return value.strip().lower() if isinstance(value, str) else value


def _cool_off(request=None) -> timedelta:
    return get_cool_off(request) or timedelta(hours=1)


def _failures(request, **filters) -> int:
    since = timezone.now() - _cool_off(request)
    total = AccessAttempt.objects.filter(attempt_time__gt=since, **filters).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return total or 0


def _known_address(username: str, address: str | None) -> bool:
    if not address:
        return False
    since = timezone.now() - timedelta(days=settings.LOGIN_KNOWN_ADDRESS_DAYS)
    return AccessLog.objects.filter(
        username=username, ip_address=address, attempt_time__gte=since
    ).exists()


def spraying_limit(request, username: str | None) -> str | None:
    """ADDRESS or ACCOUNT when that limit is reached, else None."""
    address = get_client_ip_address(request)
    if address and _failures(request, ip_address=address) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
        return ADDRESS
    if (
        username
        and _failures(request, username=username) >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT
        and not _known_address(username, address)
    ):
        return ACCOUNT
    return None


class SprayingLimitBackend:
    """Refuses a sign-in while its address or its account is over the spraying limit.

    Placed after axes' backend and before ModelBackend; never authenticates anyone.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        limit = spraying_limit(request, username_of(request, {"username": username}))
        if limit is None:
            return None
        request.tgpl_lockout = limit
        request.axes_locked_out = True  # AxesMiddleware answers with `lockout_response`
        raise PermissionDenied("Sign-in refused: spraying limit reached")

    # No get_user: this backend never holds a session (force_login and the session
    # machinery pick the first backend that has one).


MESSAGES = {
    PAIR: "Đã nhập sai mật khẩu quá nhiều lần cho tài khoản này từ máy này.",
    ADDRESS: "Máy này đã đăng nhập sai quá nhiều lần (trên nhiều tài khoản).",
    ACCOUNT: "Tài khoản này đã bị đăng nhập sai quá nhiều lần từ nhiều máy khác nhau.",
}


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (AXES_LOCKOUT_CALLABLE), for the three limits, 429."""
    kind = getattr(request, "tgpl_lockout", PAIR)
    context = {"reason": MESSAGES[kind], "duration": duration_vi(_cool_off(request))}
    return render(request, "registration/locked_out.html", context, status=429)
