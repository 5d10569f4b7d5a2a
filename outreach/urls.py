from django.urls import path

from . import views, views_communes, views_materials

app_name = "outreach"

urlpatterns = [
    path("", views.index, name="index"),
    # activities, broadcasts and articles (issue 15)
    path("activities/", views.activity_list, name="activities"),
    path("activities/new/", views.activity_create, name="activity_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<int:pk>/requests/", views.activity_requests, name="activity_requests"),
    path("activities/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("broadcasts/", views.broadcast_list, name="broadcasts"),
    path("contracts/", views.contract_list, name="contracts"),
    path("recurring/", views.recurring_list, name="recurring_list"),
    path("recurring/<int:pk>/", views.recurring_detail, name="recurring"),
    # materials and placements
    path("materials/", views_materials.material_list, name="materials"),
    path("materials/new/", views_materials.material_create, name="material_create"),
    path("materials/<int:pk>/", views_materials.material_detail, name="material"),
    path("materials/<int:pk>/place/", views_materials.placement_create, name="placement_create"),
    path("placements/<int:pk>/inspect/", views_materials.inspection_create, name="inspect"),
    path("placements/export/", views_materials.placement_export, name="placement_export"),
    path("placements/import/", views_materials.placement_import, name="placement_import"),
    path("inspections/", views_materials.inspections_due, name="inspections_due"),
    # communes
    path("communes/", views_communes.commune_list, name="communes"),
    path("communes/review/", views_communes.review_changes, name="review_changes"),
    path("communes/review/open/", views_communes.review_open, name="review_open"),
    path("communes/<int:code>/", views_communes.commune_detail, name="commune"),
    path("communes/<int:code>/edit/", views_communes.commune_edit, name="commune_edit"),
    path("communes/<int:code>/contacts/", views_communes.contact_add, name="contact_add"),
    path("contacts/<int:pk>/end/", views_communes.contact_end, name="contact_end"),
]
