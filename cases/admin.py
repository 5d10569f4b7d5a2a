"""Back office of cases: catalogues, performers and contracts; requests and cases read-only.

Requests and cases change only through the services (pages). The eligibility catalogue,
the legal fields, the proof documents and the quota tiers are shared by every centre:
the system administrator keeps them, a centre's administrator reads them.
"""

from django.contrib import admin

from tgpl.admin import (
    CatalogueAdmin,
    CatalogueInline,
    OrganisationAdmin,
    OrganisationInline,
    ReadOnlyAdmin,
)

from . import services
from .models import (
    AppraisalCriterion,
    AppraisalPlan,
    Case,
    CaseCriterion,
    CategoryProof,
    EligibilityCategory,
    GradeBand,
    LawyerContract,
    LegalAidRequest,
    LegalField,
    Performer,
    ProofDocument,
    QuotaRules,
    QuotaTier,
)


class CategoryProofInline(CatalogueInline):
    model = CategoryProof

    def save_record(self, request, obj) -> None:
        services.save_category_proof(link=obj, actor=request.user)

    def delete_record(self, request, obj) -> None:
        services.delete_category_proof(link=obj, actor=request.user)


@admin.register(EligibilityCategory)
class EligibilityCategoryAdmin(CatalogueAdmin):
    list_display = ["code", "name", "article", "valid_from", "valid_to", "min_age", "max_age"]
    inlines = [CategoryProofInline]


@admin.register(ProofDocument)
class ProofDocumentAdmin(CatalogueAdmin):
    list_display = ["code", "name"]


@admin.register(LegalField)
class LegalFieldAdmin(CatalogueAdmin):
    list_display = ["name", "code", "position", "is_active"]


@admin.register(QuotaTier)
class QuotaTierAdmin(CatalogueAdmin):
    list_display = ["year", "min_years", "max_years", "pass_from", "good_from", "excellent_from"]
    list_filter = ["year"]


class ContractInline(OrganisationInline):
    model = LawyerContract
    fk_name = "performer"
    centre_field = "performer__centre"

    def save_record(self, request, obj) -> None:
        services.save_lawyer_contract(contract=obj, actor=request.user)

    def delete_record(self, request, obj) -> None:
        services.delete_lawyer_contract(contract=obj, actor=request.user)

    def may_delete(self, request, obj=None) -> bool:
        return self.may_change(request, obj)


@admin.register(Performer)
class PerformerAdmin(OrganisationAdmin):
    list_display = ["user", "kind", "centre", "appointed_on", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["user", "centre"]
    inlines = [ContractInline]

    def save_record(self, request, obj) -> None:
        services.save_performer(performer=obj, actor=request.user)


# Applicants' personal data: the name, identity, contacts, the facts and the categories
# (which may say e.g. HIV) — the admin showing them is closed to anyone who may not see it.
REQUEST_PERSONAL_FIELDS = (
    "requester_name",
    "requester_relation",
    "requester_phone",
    "requester_address",
    "full_name",
    "sex",
    "birth_date",
    "birth_year",
    "ethnicity",
    "identity_number",
    "phone",
    "commune_code",
    "address",
    "categories",
    "proofs",
    "summary",
    "opposing_parties",
    "proof_note",
    "notice_text",
)


@admin.register(LegalAidRequest)
class LegalAidRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "received_at", "status", "form"]
    list_filter = ["status", "form"]
    personal_fields = REQUEST_PERSONAL_FIELDS


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["code", "status", "form", "department", "performer"]
    list_filter = ["status", "form"]
    list_select_related = ["department", "performer"]
    personal_fields = ("request", "outcome_note", "notice_text")


# --- appraisal catalogues and quota rules (issue 14): shared, with validity dates ------


@admin.register(AppraisalCriterion)
class AppraisalCriterionAdmin(CatalogueAdmin):
    list_display = ["code", "label", "group", "max_points", "valid_from", "valid_to"]
    list_filter = ["group", "valid_from"]


@admin.register(GradeBand)
class GradeBandAdmin(CatalogueAdmin):
    list_display = ["grade", "min_points", "valid_from", "valid_to"]


@admin.register(CaseCriterion)
class CaseCriterionAdmin(CatalogueAdmin):
    list_display = ["catalogue", "group", "code", "label", "valid_from", "valid_to"]
    list_filter = ["catalogue", "group"]


@admin.register(QuotaRules)
class QuotaRulesAdmin(CatalogueAdmin):
    list_display = [
        "year", "absent_over_months", "appointed_under_months", "leader_percent", "source",
    ]  # fmt: skip


@admin.register(AppraisalPlan)
class AppraisalPlanAdmin(ReadOnlyAdmin):
    list_display = ["title", "centre", "organiser", "period_start", "period_end", "status"]
    list_filter = ["status", "organiser"]
    list_select_related = ["centre"]


# --- issue 17: the fees' dated data (shared, kept by the system administrator) ----------

from .models import BaseSalary, FeeRate  # noqa: E402


@admin.register(BaseSalary)
class BaseSalaryAdmin(CatalogueAdmin):
    list_display = ["valid_from", "amount", "source"]


@admin.register(FeeRate)
class FeeRateAdmin(CatalogueAdmin):
    list_display = [
        "valid_from", "form", "performer_kind", "coefficient", "percent", "max_sessions", "source"
    ]  # fmt: skip
