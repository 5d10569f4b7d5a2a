"""Getting a password back: by e-mail (Django's own reset flow) or from the administrator.

By e-mail: Django's PasswordResetView, in Vietnamese, which answers the same whether an
address is known or not (it sends only to an active account with that address), limited
per client address like the login (`ratelimit`); the link is built from SITE_URL, the
address people open. The new password follows the password rules and lifts
`must_change_password`.

By the administrator: `set_temporary_password` gives a random temporary password that the
person must change at the next sign-in (AccountGateMiddleware), recorded in the user's
history; the admin action shows it once, on its own page.
"""

from __future__ import annotations

import secrets

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.urls import reverse_lazy

from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.forms import FormMixin
from tgpl.kernel import save

from . import ratelimit

# Words easy to read aloud or dictate over the phone (no l/1, o/0 look-alikes).
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def temporary_password() -> str:
    """Four groups of four characters: long enough for the password rules."""
    groups = ("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(4))
    return "-".join(groups)


@transaction.atomic
def set_temporary_password(*, user, actor, reason: str = "") -> str:
    """Give `user` a temporary password to change at the next sign-in; returns it."""
    if not roles.can_reset_password_of(actor, user):
        raise BusinessRuleError("Bạn không có quyền cấp lại mật khẩu cho người này.")
    password = temporary_password()
    user.set_password(password)
    user.must_change_password = True
    note = " ".join((reason or "").split())
    save(
        user,
        actor=actor,
        reason="Quản trị cấp mật khẩu tạm thời" + (f": {note}" if note else ""),
    )
    return password


class PasswordResetForm(FormMixin, auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="Thư điện tử của tài khoản",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"invalid": "Địa chỉ thư điện tử không hợp lệ."},
    )


class SetPasswordForm(FormMixin, auth_forms.SetPasswordForm):
    error_messages = {"password_mismatch": "Hai lần nhập mật khẩu mới không khớp."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.fields["new_password2"].help_text = "Nhập lại đúng mật khẩu mới để kiểm tra."

    def save(self, commit=True):
        self.user.set_password(self.cleaned_data["new_password1"])
        self.user.must_change_password = False
        if commit:
            save(self.user, actor=self.user, reason="Đặt lại mật khẩu qua thư điện tử")
        return self.user


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        if not ratelimit.allow(
            request,
            "password_reset",
            limit=settings.PASSWORD_RESET_LIMIT,
            window=settings.PASSWORD_RESET_WINDOW_SECONDS,
        ):
            form = self.get_form()
            form.is_valid()
            form.add_error(
                None, "Máy này đã yêu cầu đặt lại mật khẩu quá nhiều lần. Vui lòng thử lại sau."
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.extra_email_context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "site_name": settings.SITE_NAME,
        }
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"
