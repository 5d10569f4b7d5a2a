"""Reports in the back office: reports and their review steps read-only (they change only
through the services), the hand-over columns a catalogue of the system administrator, and
each centre's reporting settings (due dates, narrative template) kept by its
administrator, scoped to the centre, saved with history through the organisation service."""

from django.contrib import admin

from tgpl.admin import CatalogueAdmin, OrganisationAdmin, ReadOnlyAdmin

from .models import HandoverColumn, Report, ReportSettings, ReviewStep


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["title", "centre", "kind", "status", "version", "due"]
    list_filter = ["kind", "status", "year"]
    readonly_fields = [f.name for f in Report._meta.fields]


@admin.register(ReviewStep)
class ReviewStepAdmin(ReadOnlyAdmin):
    centre_field = "report__centre"
    list_display = ["report", "version", "action", "person", "at"]
    list_filter = ["action"]
    readonly_fields = [f.name for f in ReviewStep._meta.fields]


@admin.register(HandoverColumn)
class HandoverColumnAdmin(CatalogueAdmin):
    list_display = ["position", "title", "field", "is_active"]
    list_editable = ["is_active"]
    ordering = ["position", "pk"]


@admin.register(ReportSettings)
class ReportSettingsAdmin(OrganisationAdmin):
    list_display = ["centre", "six_month_due_day", "annual_due_day", "workdays_after_cutoff"]
    fieldsets = [
        (None, {"fields": ["centre"]}),
        (
            "Hạn gửi báo cáo thống kê (TT 03/2019)",
            {
                "fields": [
                    ("six_month_due_day", "six_month_due_month"),
                    ("annual_due_day", "annual_due_month"),
                    ("official_annual_due_day", "official_annual_due_month"),
                ]
            },
        ),
        ("Báo cáo định kỳ (NĐ 09/2019)", {"fields": ["workdays_after_cutoff"]}),
        ("Mẫu nội dung báo cáo (Mẫu 12-TP-TGPL)", {"fields": ["narrative"]}),
    ]
