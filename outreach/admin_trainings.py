"""Back office of trainings: the minimum and the reasons of exemption are catalogues every
centre shares (system administrator); sessions, attendance and exemptions are read-only
here, changed through the pages' services."""

from django.contrib import admin

from tgpl.admin.scoping import CatalogueAdmin, ReadOnlyAdmin

from .models import Exemption, ExemptionReason, TrainingMinimum, TrainingSession


@admin.register(TrainingMinimum)
class TrainingMinimumAdmin(CatalogueAdmin):
    list_display = ["hours", "valid_from", "valid_to", "legal_basis"]


@admin.register(ExemptionReason)
class ExemptionReasonAdmin(CatalogueAdmin):
    list_display = ["code", "name", "min_months", "valid_from", "valid_to", "legal_basis"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyAdmin):
    list_display = ["title", "starts_on", "ends_on", "hours", "organiser"]
    list_filter = ["form", "held_by_centre"]
    date_hierarchy = "starts_on"


@admin.register(Exemption)
class ExemptionAdmin(ReadOnlyAdmin):
    list_display = ["person", "reason", "starts_on", "ends_on"]
    list_select_related = ["person", "reason"]
