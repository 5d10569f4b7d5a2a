from django.urls import path

from tgpl.documents.urls import document_urls

from . import views, views_communes, views_materials, views_trainings

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

# --- trainings (issue 14.5) ---
# `document_urls("outreach")` must appear once in this file: keep one when merging.
urlpatterns += [
    path("trainings/", views_trainings.training_list, name="training_list"),
    path("trainings/new/", views_trainings.training_create, name="training_create"),
    path("trainings/mine/", views_trainings.my_trainings, name="training_mine"),
    path("trainings/compliance/", views_trainings.compliance, name="training_compliance"),
    path(
        "trainings/compliance/export/",
        views_trainings.compliance_export,
        name="training_compliance_export",
    ),
    path(
        "trainings/compliance/prepare/",
        views_trainings.compliance_prepare,
        name="training_compliance_prepare",
    ),
    path("trainings/exemptions/new/", views_trainings.exemption_record, name="training_exemption"),
    path(
        "trainings/exemptions/<int:pk>/remove/",
        views_trainings.exemption_remove,
        name="training_exemption_remove",
    ),
    path("trainings/<int:pk>/", views_trainings.training_detail, name="training_detail"),
    path("trainings/<int:pk>/edit/", views_trainings.training_edit, name="training_edit"),
    path(
        "trainings/<int:pk>/attendance/",
        views_trainings.attendance_record,
        name="training_attendance",
    ),
    path(
        "trainings/<int:pk>/attendance/<int:attendance_pk>/remove/",
        views_trainings.attendance_remove,
        name="training_attendance_remove",
    ),
    path(
        "trainings/<int:pk>/attendance/<int:attendance_pk>/certificate/",
        views_trainings.attendance_certificate,
        name="training_certificate",
    ),
    path("trainings/<int:pk>/nominate/", views_trainings.nominate, name="training_nominate"),
    *document_urls("outreach"),
]
