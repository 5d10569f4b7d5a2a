"""The organisation in the back office: the centre, its departments, agencies, staff, roles."""

import copy

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from simple_history.admin import SimpleHistoryAdmin

from tgpl import lockouts, roles, services
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency, Centre, Department, User
from tgpl.roles import Role
from tgpl.security.admin_actions import reset_two_factor_action, set_temporary_password_action

from .scoping import BackOffice, OrganisationAdmin

admin.site.unregister(Group)


@admin.register(Agency)
class AgencyAdmin(BackOffice, SimpleHistoryAdmin):
    """Shared by the centres of a province: Sở Tư pháp rows (and the ministry's) are
    catalogues of the system administrator; the other agencies of the province are kept
    by the centres' administrators (roles.can_manage_agency decides, row by row)."""

    centre_field = None
    list_display = ["name", "kind", "short_name", "phone", "is_active"]
    list_filter = ["kind", "is_active", "province_code"]
    search_fields = ["name", "short_name", "aliases", "search_key"]

    def may_view(self, request) -> bool:
        return roles.can_use_admin(request.user)

    def may_add(self, request) -> bool:
        return roles.can_manage_agency(request.user, None)

    def may_change(self, request, obj=None) -> bool:
        return roles.can_manage_agency(request.user, obj)

    def may_delete(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def check_record(self, request, form, obj) -> None:
        services.check_agency_change(agency=obj, actor=request.user)

    def save_record(self, request, obj) -> None:
        services.save_agency(agency=obj, actor=request.user)

    def delete_record(self, request, obj) -> None:
        services.delete_organisation_record(obj=obj, actor=request.user, centre_of=lambda a: None)


@admin.register(Centre)
class CentreAdmin(OrganisationAdmin):
    centre_field = "pk"
    list_display = ["name", "parent_agency", "province_code", "hotline", "document_symbol"]
    search_fields = ["name", "short_name"]

    def may_add(self, request) -> bool:
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["parent_agency", "province_code", "is_active"]
        return readonly


@admin.register(Department)
class DepartmentAdmin(OrganisationAdmin):
    list_display = ["name", "kind", "short_code", "centre", "head", "is_active"]
    list_filter = ["kind", "is_active", "centre"]
    search_fields = ["name", "short_code", "aliases"]
    list_select_related = ["centre", "head"]

    def get_changeform_initial_data(self, request):
        return {"centre": request.user.centre_id, **super().get_changeform_initial_data(request)}


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


class LockedOutFilter(admin.SimpleListFilter):
    title = "khóa đăng nhập"
    parameter_name = "locked_out"

    def lookups(self, request, model_admin):
        return [("yes", "Đang bị tạm khóa")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(is_locked_out=True)
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
class UserAdmin(OrganisationAdmin, DjangoUserAdmin):
    form = TgplUserChangeForm
    add_form = TgplUserCreationForm
    list_display = [
        "username",
        "full_name",
        "centre",
        "department",
        "role_list",
        "is_active",
        "locked_out",
    ]
    list_filter = ["is_active", RoleFilter, LockedOutFilter, "centre", "department"]
    search_fields = ["username", "full_name", "email", "search_key"]
    ordering = ["full_name"]
    list_select_related = ["centre", "department"]
    filter_horizontal = []
    actions = ["unlock_accounts", reset_two_factor_action, set_temporary_password_action]
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
        return lockouts.with_lockout_flag(super().get_queryset(request).prefetch_related("groups"))

    @admin.display(description="Vai trò")
    def role_list(self, obj):
        return ", ".join(roles.role_labels(obj))

    @admin.display(boolean=True, description="Đang bị tạm khóa")
    def locked_out(self, obj):
        return bool(getattr(obj, "is_locked_out", False))

    def get_changeform_initial_data(self, request):
        return {"centre": request.user.centre_id, **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "roles" in form.base_fields:
            field = copy.deepcopy(form.base_fields["roles"])
            field.choices = [
                (code, label)
                for code, label in Role.choices
                if roles.can_give_roles(request.user, [code])
            ]
            if obj is not None:
                field.initial = sorted(roles.roles_of(obj))
            form.base_fields["roles"] = field
        return form

    def check_record(self, request, form, obj) -> None:
        super().check_record(request, form, obj)
        if "roles" in form.cleaned_data:
            services.check_roles_given(
                user=obj, new_roles=form.cleaned_data["roles"], actor=request.user
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.set_user_roles(
            user=form.instance, new_roles=form.cleaned_data.get("roles", []), actor=request.user
        )

    @admin.action(description="Mở khóa đăng nhập cho người đã chọn")
    def unlock_accounts(self, request, queryset):
        from .accounts import unlock_and_report

        unlock_and_report(self, request, queryset)
