"""Back office of plans: read-only. Plans, their items, units, targets, milestones and
progress reports change only through the plans' services (the pages), which check the
state, the role and record who did it."""

from django.contrib import admin

from tgpl.admin import ReadOnlyAccess, ReadOnlyAdmin, ReadOnlyInline

from .models import (
    Milestone,
    Plan,
    PlanItem,
    PlanItemPeriod,
    PlanItemUnit,
    ProgressUpdate,
    QuantityTarget,
)


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["number_text", "title", "kind", "year", "status", "centre"]
    list_filter = ["kind", "status", "year", "centre"]
    search_fields = ["title", "search_key"]
    list_select_related = ["centre"]


class UnitInline(ReadOnlyInline):
    model = PlanItemUnit
    centre_field = "item__plan__centre"


class PeriodInline(ReadOnlyInline):
    """Read from the time frame text ("Quý II, IV"): shown, changed only with the text."""

    model = PlanItemPeriod
    centre_field = "item__plan__centre"


@admin.register(PlanItem)
class PlanItemAdmin(ReadOnlyAdmin):
    centre_field = "plan__centre"
    list_display = ["path", "title", "plan", "kind", "due", "status", "percent"]
    list_filter = ["kind", "status", "plan__year"]
    search_fields = ["title", "path"]
    list_select_related = ["plan"]
    inlines = [UnitInline, PeriodInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyAccess, admin.ModelAdmin):
    centre_field = "item__plan__centre"
    list_display = ["item", "date", "author", "percent"]
    list_select_related = ["item", "author"]


@admin.register(QuantityTarget, Milestone)
class ItemPartAdmin(ReadOnlyAdmin):
    centre_field = "item__plan__centre"
