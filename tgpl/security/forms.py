"""Forms of sign-in security, in the application's one form style."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordChangeForm as DjangoPasswordChangeForm

from tgpl.forms import FormMixin
from tgpl.kernel import save


class CodeForm(FormMixin, forms.Form):
    code = forms.CharField(
        label="Mã xác thực (6 chữ số)",
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "pattern": "[0-9 ]*",
            }
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("Mã xác thực gồm đúng 6 chữ số.")
        return code


class PasswordChangeForm(FormMixin, DjangoPasswordChangeForm):
    """Django's form with Vietnamese labels; the new password must differ from the old."""

    error_messages = {
        **DjangoPasswordChangeForm.error_messages,
        "password_incorrect": "Mật khẩu hiện tại không đúng.",
        "password_mismatch": "Hai lần nhập mật khẩu mới không khớp.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mật khẩu hiện tại"
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.fields["new_password2"].help_text = "Nhập lại đúng mật khẩu mới để kiểm tra."

    def clean_new_password1(self):
        new = self.cleaned_data.get("new_password1")
        if new and new == self.data.get("old_password"):
            raise forms.ValidationError("Mật khẩu mới phải khác mật khẩu hiện tại.")
        return new

    def save(self, commit=True):
        """Set the password and lift the must-change flag, recorded in the user's history."""
        self.user.set_password(self.cleaned_data["new_password1"])
        self.user.must_change_password = False
        if commit:
            save(self.user, actor=self.user, reason="Đổi mật khẩu")
        return self.user
