"""The read log in the admin: read only, scoped to the administrator's centre.

Imported from tgpl/admin.py with one line; it leans on nothing else of that module.
"""

from django.contrib import admin

from tgpl import roles

from .models import ReadLog


@admin.register(ReadLog)
class ReadLogAdmin(admin.ModelAdmin):
    list_display = ("created_at", "user", "kind", "label", "content_type", "object_id", "rows",
                    "address")  # fmt: skip
    list_filter = ("kind", "created_at")
    search_fields = ("label", "user__username", "user__full_name", "address")
    date_hierarchy = "created_at"
    list_select_related = ("user", "content_type")
    readonly_fields = [f.name for f in ReadLog._meta.fields]
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_module_permission(self, request):
        return roles.can_see_read_log(request.user)

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return roles.can_see_read_log(request.user, obj.centre_id)
        return roles.can_see_read_log(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
