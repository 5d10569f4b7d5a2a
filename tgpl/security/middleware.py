"""The idle timeout, the account gate and the request size limit.

`IdleTimeoutMiddleware`: a session ends SESSION_COOKIE_AGE seconds (30 minutes) after
the user last did something. Requests to views marked `@passive` (the bell's poll, every
two minutes from each open tab) are not "doing something": they neither count as
activity nor save the session, so they do not renew its expiry (SESSION_SAVE_EVERY_REQUEST
is off; every other request writes the activity time, which saves the session).

`AccountGateMiddleware`: after the password, a user who needs two factors
(`roles.requires_two_factor`) sees only the enrolment or code page, and a user who must
change their password (`User.must_change_password`: demo accounts) only the password
change page, until done. Public pages and signing out stay open.

`RequestSizeLimitMiddleware`: a request announcing a body over REQUEST_MAX_MB gets the
Vietnamese 413 page before anything reads the body.
"""

from __future__ import annotations

import time
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import LazyObject, empty
from django.utils.http import urlencode

from tgpl import roles

ACTIVITY_KEY = "_tgpl_last_activity"
IDLE_ENDED_KEY = "tgpl_idle_ended"


@receiver(user_logged_in)
def _signed_in_is_activity(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[ACTIVITY_KEY] = int(time.time())


def passive(view):
    """Mark a view that the page calls by itself (polling): it is not user activity."""
    view.tgpl_passive = True
    return view


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _redirect(request, url: str) -> HttpResponse:
    """A redirect a browser follows, also from an htmx request (which would otherwise
    swap the target page into a fragment)."""
    if _is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


def _page_path(request) -> str:
    """The page the user is on: for an htmx request, the page that sent it."""
    if _is_htmx(request):
        current = urlparse(request.headers.get("HX-Current-URL", ""))
        return current.path or "/"
    return request.get_full_path()


def _session_expired(request) -> bool:
    """The browser sent a session cookie that names no live session: it expired (a
    sign-out deletes the cookie)."""
    session = getattr(request, "session", None)
    return (
        session is not None
        and settings.SESSION_COOKIE_NAME in request.COOKIES
        and not session.get(IDLE_ENDED_KEY)
        and session.is_empty()
    )


def _whole_page_login(request, response):
    """A signed-out tab's htmx request (the bell's poll) sends the whole page to the login
    page, instead of swapping the login form into the bell."""
    login = reverse(settings.LOGIN_URL)
    if (
        _is_htmx(request)
        and response.status_code == 302
        and response.get("Location", "").startswith(login)
    ):
        return _redirect(request, f"{login}?{urlencode({'next': _page_path(request)})}")
    return response


def _loaded_user(request):
    """The person of the request as the object itself, loaded once here.

    AuthenticationMiddleware hands the user over as a lazy object and OTPMiddleware
    wraps that in another; every attribute a page reads of it (its roles, centre,
    department and name: several hundred reads on a list page) then passes through
    both wrappers. Every page past this point reads the user anyway (the idle time-out
    here, LoginRequiredMiddleware next), so nothing is loaded that would not be.
    `login()` and `logout()` replace request.user with a plain object as before.
    """
    user = getattr(request, "user", None)
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    if user is not None:
        request.user = user
    return user


class IdleTimeoutMiddleware:
    """After AuthenticationMiddleware (and OTPMiddleware), before LoginRequiredMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = _loaded_user(request)
        if user is not None and user.is_authenticated:
            last = request.session.get(ACTIVITY_KEY)
            if last is not None and time.time() - last >= settings.SESSION_COOKIE_AGE:
                logout(request)
                request.session[IDLE_ENDED_KEY] = True  # the login page says why
        elif _session_expired(request):
            request.session[IDLE_ENDED_KEY] = True
        response = self.get_response(request)
        return _whole_page_login(request, response)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(view_func, "tgpl_passive", False):
            return None
        # Written when the last stamp is SESSION_ACTIVITY_SECONDS old (a minute): the
        # session's expiry is renewed with it, so the two never disagree, and a user
        # clicking through pages costs one session write a minute, not one a page (a
        # read, an UPDATE and a transaction; issue 18.5). So an idle session ends 29 to
        # 30 minutes after its last real request, never later than 30.
        now = int(time.time())
        last = request.session.get(ACTIVITY_KEY)
        if last is None or now - last >= settings.SESSION_ACTIVITY_SECONDS:
            request.session[ACTIVITY_KEY] = now
        return None


# Pages a user held at the gate may still open (URL names).
_ALWAYS_OPEN = frozenset({"logout", "admin:logout"})
_TWO_FACTOR_PAGES = frozenset({"two_factor_enrol", "two_factor_verify"})
_PASSWORD_PAGES = frozenset({"password_change", "password_change_done"})


class AccountGateMiddleware:
    """After LoginRequiredMiddleware: a signed-in user finishes signing in first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not getattr(view_func, "login_required", True):
            return None  # public pages: login, health, calendar feeds
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in _ALWAYS_OPEN:
            return None
        if needs_second_factor(user):
            if name in _TWO_FACTOR_PAGES:
                return None
            from .two_factor import is_enrolled

            target = "two_factor_verify" if is_enrolled(user) else "two_factor_enrol"
            return _redirect(
                request, f"{reverse(target)}?{urlencode({'next': _page_path(request)})}"
            )
        if user.must_change_password and name not in _PASSWORD_PAGES:
            return _redirect(request, reverse("password_change"))
        return None


def needs_second_factor(user) -> bool:
    """Required and not yet given in this session."""
    if not settings.TWO_FACTOR_REQUIRED or not roles.requires_two_factor(user):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified())


class RequestSizeLimitMiddleware:
    """First in the chain: refuse an announced body over REQUEST_MAX_MB with a 413."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_MB * 1024 * 1024:
            from tgpl.error_views import request_too_large

            return request_too_large(request)
        return self.get_response(request)
