from django.urls import path

from tgpl.documents.urls import document_urls

from . import views, views_trainings

app_name = "outreach"

urlpatterns = [
    path("", views.index, name="index"),
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
