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


@admin.action(description="Cấp mật khẩu tạm thời (phải đổi ở lần đăng nhập sau)")
def set_temporary_password_action(modeladmin, request, queryset):
    """Give each selected person a temporary password, shown once on the page that
    follows (never kept in a message or a log); recorded in their history."""
    from django.template.response import TemplateResponse

    from .reset import set_temporary_password

    given = []
    for user in queryset:
        try:
            password = set_temporary_password(
                user=user, actor=request.user, reason="cấp lại từ trang quản trị"
            )
        except BusinessRuleError as exc:
            modeladmin.message_user(request, f"{user}: {exc.message}", messages.ERROR)
        else:
            given.append((user, password))
    if not given:
        return None
    response = TemplateResponse(
        request,
        "admin/temporary_passwords.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Mật khẩu tạm thời",
            "given": given,
            "opts": modeladmin.model._meta,
        },
    )
    response["Cache-Control"] = "no-store"
    return response
