"""Back office of outreach: the languages of outreach are a shared catalogue the system
administrator extends; the records are read-only here (they change through the pages'
services, which check the role and record who did it)."""

from django.contrib import admin

from tgpl.admin import CatalogueAdmin, ReadOnlyAdmin

from .models import Activity, CommuneYear, Language, Material, Placement


@admin.register(Language)
class LanguageAdmin(CatalogueAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["starts_at", "kind", "title", "commune_code", "centre"]
    list_filter = ["kind"]
    search_fields = ["title"]
    list_select_related = ["centre"]


@admin.register(Material)
class MaterialAdmin(ReadOnlyAdmin):
    list_display = ["kind", "title", "quantity_produced", "produced_on", "centre"]
    list_filter = ["kind"]


@admin.register(Placement)
class PlacementAdmin(ReadOnlyAdmin):
    centre_field = "material__centre"
    list_display = ["on", "material", "quantity", "commune_code", "next_inspection_on"]
    list_select_related = ["material"]


@admin.register(CommuneYear)
class CommuneYearAdmin(ReadOnlyAdmin):
    list_display = ["commune_code", "year", "disadvantaged", "border", "poor", "centre"]
    list_filter = ["year", "disadvantaged"]


from . import admin_trainings  # noqa: E402, F401 (trainings: one module per concept)
