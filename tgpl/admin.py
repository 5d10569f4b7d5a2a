"""Back-office for administrators: the centre, its departments, agencies, staff, roles.

An administrator (role) manages their own centre; a superuser manages all.
Permissions come from tgpl/roles.py, not from Django's per-model permissions.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from simple_history.admin import SimpleHistoryAdmin

from . import roles, services
from .errors import BusinessRuleError
from .models import (
    Agency,
    Centre,
    Department,
    HolidayOverride,
    Reminder,
    ReminderSettings,
    User,
)
from .roles import Role

admin.site.unregister(Group)


class RoleAdminMixin:
    """Administrators may manage; everyone else is kept out by the site itself."""

    def has_module_permission(self, request):
        return roles.is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_administrator(request.user)

    def has_add_permission(self, request, obj=None):
        return roles.is_administrator(request.user)

    def has_change_permission(self, request, obj=None):
        return roles.is_administrator(request.user)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


class CentreScopedAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    centre_field = "centre"

    def get_queryset(self, request):
        return roles.scope_to_centres(
            super().get_queryset(request), request.user, self.centre_field
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            if db_field.name == "centre":
                kwargs["queryset"] = roles.visible_centres(request.user)
            elif db_field.name in {"department", "head"}:
                model = db_field.remote_field.model
                kwargs["queryset"] = roles.scope_to_centres(
                    model.objects.all(), request.user, "centre"
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Agency)
class AgencyAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "kind", "short_name", "phone", "is_active"]
    list_filter = ["kind", "is_active", "province_code"]
    search_fields = ["name", "short_name", "aliases", "search_key"]

    def save_model(self, request, obj, form, change):
        services.refresh_search_keys(obj)
        super().save_model(request, obj, form, change)


@admin.register(Centre)
class CentreAdmin(CentreScopedAdmin):
    centre_field = "pk"
    list_display = ["name", "parent_agency", "province_code", "hotline", "document_symbol"]
    search_fields = ["name", "short_name"]

    def get_queryset(self, request):
        return roles.visible_centres(request.user)

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0
    fields = ["kind", "name", "short_code", "head", "position", "is_active"]


@admin.register(Department)
class DepartmentAdmin(CentreScopedAdmin):
    list_display = ["name", "kind", "short_code", "centre", "head", "is_active"]
    list_filter = ["kind", "is_active", "centre"]
    search_fields = ["name", "short_code", "aliases"]
    list_select_related = ["centre", "head"]


class RoleFilter(admin.SimpleListFilter):
    """Filter people by role, with the Vietnamese names (roles are groups underneath)."""

    title = "vai trò"
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return Role.choices

    def queryset(self, request, queryset):
        if self.value() in Role.values:
            return queryset.filter(pk__in=roles.holders_of(self.value()))
        return queryset


class RolesFormMixin(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Vai trò",
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Một người có thể giữ nhiều vai trò.",
    )


class RolesCheckMixin:
    def clean(self):
        cleaned = super().clean()
        try:
            services.check_roles_fit(
                set(cleaned.get("roles") or []),
                centre=cleaned.get("centre"),
                agency=cleaned.get("agency"),
            )
        except BusinessRuleError as exc:
            self.add_error(exc.field if exc.field in self.fields else None, exc.message)
        return cleaned


class TgplUserChangeForm(RolesCheckMixin, RolesFormMixin, UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User
        fields = "__all__"


class TgplUserCreationForm(RolesCheckMixin, RolesFormMixin, AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ["username", "full_name", "email", "centre", "department", "agency"]


@admin.register(User)
class UserAdmin(CentreScopedAdmin, DjangoUserAdmin):
    form = TgplUserChangeForm
    add_form = TgplUserCreationForm
    list_display = ["username", "full_name", "centre", "department", "role_list", "is_active"]
    list_filter = ["is_active", RoleFilter, "centre", "department"]
    search_fields = ["username", "full_name", "email", "search_key"]
    ordering = ["full_name"]
    list_select_related = ["centre", "department"]
    filter_horizontal = []
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        ("Thông tin cá nhân", {"fields": ["full_name", "email", "phone", "job_title"]}),
        ("Công tác", {"fields": ["centre", "department", "agency", "roles"]}),
        ("Trạng thái", {"fields": ["is_active", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "username",
                    "full_name",
                    "email",
                    "centre",
                    "department",
                    "agency",
                    "roles",
                    "password1",
                    "password2",
                ],
            },
        )
    ]
    readonly_fields = ["last_login", "date_joined"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Vai trò")
    def role_list(self, obj):
        return ", ".join(roles.role_labels(obj))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None:
            form.base_fields["roles"].initial = sorted(roles.roles_of(obj))
        return form

    def save_model(self, request, obj, form, change):
        services.refresh_search_keys(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        try:
            services.set_user_roles(
                user=form.instance, new_roles=form.cleaned_data.get("roles", []), actor=request.user
            )
        except BusinessRuleError as exc:
            messages.error(request, exc.message)


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    date_hierarchy = "date"

    def has_delete_permission(self, request, obj=None):
        return roles.is_administrator(request.user)


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "daily_scan_time", "task_days_before", "overdue_repeat_days"]
    readonly_fields = ["last_daily_scan"]

    def has_add_permission(self, request, obj=None):
        return roles.is_administrator(request.user) and not ReminderSettings.objects.exists()


@admin.register(Reminder)
class ReminderAdmin(RoleAdminMixin, admin.ModelAdmin):
    """Every reminder sent, and e-mails that failed (with the error), for administrators."""

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

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(recipient__centre__in=roles.visible_centres(request.user))


from tgpl.audit import admin as _audit_admin  # noqa: E402, F401 - the read log, read only
