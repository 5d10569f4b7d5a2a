from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tgpl.admin import CentreScopedAdmin, RoleAdminMixin

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
class PlanAdmin(CentreScopedAdmin):
    list_display = ["number_text", "title", "kind", "year", "status", "centre"]
    list_filter = ["kind", "status", "year", "centre"]
    search_fields = ["title", "search_key"]
    readonly_fields = ["status", "approved_by", "approved_at", "closed_at", "created_by"]
    filter_horizontal = ["implements"]


class UnitInline(admin.TabularInline):
    model = PlanItemUnit
    extra = 0


class PeriodInline(admin.TabularInline):
    """Read from the time frame text ("Quý II, IV"): shown, changed only with the text."""

    model = PlanItemPeriod
    extra = 0
    can_delete = False
    readonly_fields = ["position", "start", "due"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PlanItem)
class PlanItemAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    list_display = ["path", "title", "plan", "kind", "due", "status", "percent"]
    list_filter = ["kind", "status", "plan__year"]
    search_fields = ["title", "path"]
    list_select_related = ["plan"]
    inlines = [UnitInline, PeriodInline]
    raw_id_fields = ["plan", "parent"]

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["item", "date", "author", "percent"]
    raw_id_fields = ["item", "quantity"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(item__in=PlanItem.objects.visible_to(request.user))
        )


@admin.register(QuantityTarget, Milestone)
class ItemPartAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    raw_id_fields = ["item"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(item__in=PlanItem.objects.visible_to(request.user))
        )
