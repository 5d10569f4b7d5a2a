"""The read log in the admin: read only, scoped to the administrator's centre.

Imported from tgpl/admin with one line; read-only like every record the pages write.
"""

from django.contrib import admin

from tgpl import roles
from tgpl.admin.scoping import ReadOnlyAccess

from .models import ReadLog


@admin.register(ReadLog)
class ReadLogAdmin(ReadOnlyAccess, admin.ModelAdmin):
    list_display = ("created_at", "user", "kind", "label", "content_type", "object_id", "rows",
                    "address")  # fmt: skip
    list_filter = ("kind", "created_at")
    search_fields = ("label", "user__username", "user__full_name", "address")
    date_hierarchy = "created_at"
    list_select_related = ("user", "content_type")
    readonly_fields = [f.name for f in ReadLog._meta.fields]
    show_full_result_count = False

    def may_view(self, request) -> bool:
        return roles.can_see_read_log(request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)
