"""Pages of sign-in security: two-factor enrolment and check, the password change."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from tgpl import roles
from tgpl.actions import submit

from . import two_factor
from .durations import duration_vi
from .forms import CodeForm, PasswordChangeForm
from .middleware import IDLE_ENDED_KEY


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("dashboard")


def _with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': target})}"


def enrol(request):
    """First sign-in of a user who needs two factors: scan the QR code, type a code."""
    user = request.user
    if two_factor.is_enrolled(user):
        return redirect(_with_next("two_factor_verify", _next_url(request)))
    device = two_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and submit(
        request,
        form,
        lambda data: two_factor.confirm_enrolment(request=request, code=data["code"]),
        success="Đã bật xác thực hai lớp. Lần đăng nhập sau, nhập mã trên ứng dụng.",
    ):
        return redirect(_next_url(request))
    return render(
        request,
        "registration/two_factor_enrol.html",
        {
            "title": "Đăng ký xác thực hai lớp",
            "form": form,
            "qr": two_factor.qr_data_uri(device),
            "secret": two_factor.secret_of(device),
            "next": _next_url(request),
            "required": roles.requires_two_factor(user),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def verify(request):
    """Every sign-in of an enrolled user: the code from the app."""
    if not two_factor.is_enrolled(request.user):
        return redirect(_with_next("two_factor_enrol", _next_url(request)))
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and submit(
        request, form, lambda data: two_factor.verify(request=request, code=data["code"])
    ):
        return redirect(_next_url(request))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"title": "Xác thực hai lớp", "form": form, "next": _next_url(request)},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view with the form above (which also lifts `must_change_password`)."""

    form_class = PasswordChangeForm


class LoginView(auth_views.LoginView):
    """Django's login view; says so when the last session ended for lack of activity."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.session.pop(IDLE_ENDED_KEY, False):
            context["idle_ended"] = duration_vi(timedelta(seconds=settings.SESSION_COOKIE_AGE))
        return context
