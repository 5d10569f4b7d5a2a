"""Back-office for administrators: catalogue, legal fields, performers, contracts, quota tiers.

Requests and cases change only through the services (pages); here they are read-only.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tgpl import roles
from tgpl.admin import CentreScopedAdmin, RoleAdminMixin

from .models import (
    Case,
    CategoryProof,
    EligibilityCategory,
    LawyerContract,
    LegalAidRequest,
    LegalField,
    Performer,
    ProofDocument,
    QuotaTier,
)


class CategoryProofInline(admin.TabularInline):
    model = CategoryProof
    extra = 0


@admin.register(EligibilityCategory)
class EligibilityCategoryAdmin(RoleAdminMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "article", "valid_from", "valid_to"]
    inlines = [CategoryProofInline]


@admin.register(ProofDocument)
class ProofDocumentAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name"]


@admin.register(LegalField)
class LegalFieldAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "position", "is_active"]


@admin.register(QuotaTier)
class QuotaTierAdmin(RoleAdminMixin, admin.ModelAdmin):
    list_display = ["year", "min_years", "max_years", "pass_from", "good_from", "excellent_from"]
    list_filter = ["year"]


class ContractInline(admin.TabularInline):
    model = LawyerContract
    fk_name = "performer"
    extra = 0


@admin.register(Performer)
class PerformerAdmin(CentreScopedAdmin):
    list_display = ["user", "kind", "centre", "appointed_on", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["user", "centre"]
    inlines = [ContractInline]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            from tgpl.models import User

            kwargs["queryset"] = User.objects.filter(centre_id=request.user.centre_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReadOnlyScoped(CentreScopedAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return roles.is_administrator(request.user)


@admin.register(LegalAidRequest)
class LegalAidRequestAdmin(ReadOnlyScoped):
    list_display = ["pk", "received_at", "status", "form"]
    list_filter = ["status", "form"]


@admin.register(Case)
class CaseAdmin(ReadOnlyScoped):
    list_display = ["code", "status", "form", "department", "performer"]
    list_filter = ["status", "form"]
    list_select_related = ["department", "performer"]
