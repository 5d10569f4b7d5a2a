"""An admin action for the user admin: reset a user's two-factor device (lost phone).

To be listed in the user admin's `actions`; it calls the service, which checks that the
administrator manages the user's centre and records the reset in the user's history.
"""

from __future__ import annotations

from django.contrib import admin, messages

from tgpl.errors import BusinessRuleError

from .two_factor import reset_two_factor

REASON = "quản trị hệ thống đặt lại từ trang quản trị (mất hoặc đổi điện thoại)"


@admin.action(description="Đặt lại xác thực hai lớp (đăng ký lại ở lần đăng nhập sau)")
def reset_two_factor_action(modeladmin, request, queryset):
    done = 0
    for user in queryset:
        try:
            reset_two_factor(user=user, actor=request.user, reason=REASON)
        except BusinessRuleError as exc:
            modeladmin.message_user(request, f"{user}: {exc.message}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request, f"Đã đặt lại xác thực hai lớp cho {done} người dùng.", messages.SUCCESS
        )
