"""Catalogues every centre shares (the holiday calendar, the reminder settings), and the
reminders sent, in the back office."""

from django.contrib import admin

from tgpl.models import HolidayOverride, Reminder, ReminderSettings

from .scoping import CatalogueAdmin, ReadOnlyAccess


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(CatalogueAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(CatalogueAdmin):
    list_display = ["__str__", "daily_scan_time", "task_days_before", "overdue_repeat_days"]
    readonly_fields = ["last_daily_scan"]

    def may_add(self, request) -> bool:
        return super().may_add(request) and not ReminderSettings.objects.exists()

    def may_delete(self, request, obj=None) -> bool:
        return False  # the one row of settings stays


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAccess, admin.ModelAdmin):
    """Every reminder sent to people of the centre, and e-mails that failed (with the error)."""

    centre_field = "recipient__centre"
    list_display = [
        "title",
        "recipient",
        "kind",
        "due_at",
        "notified_at",
        "email_sent_at",
        "email_attempts",
        "has_error",
    ]
    list_filter = ["kind", "deadline", ("email_sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "recipient__full_name", "email_error"]
    list_select_related = ["recipient"]
    readonly_fields = [f.name for f in Reminder._meta.fields]

    @admin.display(boolean=True, description="Lỗi gửi thư")
    def has_error(self, obj):
        return bool(obj.email_error)
