"""Reports in the back office: reports and their review steps read-only (they change only
through the services), the hand-over columns a catalogue of the system administrator."""

from django.contrib import admin

from tgpl.admin import CatalogueAdmin, ReadOnlyAdmin

from .models import HandoverColumn, Report, ReviewStep


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
