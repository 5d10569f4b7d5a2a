from django.urls import path

from tgpl.documents.urls import document_urls

from . import urls_appraisal, views
from .urls_council import urlpatterns as council_urls
from .urls_proceedings import urlpatterns as proceedings_urls
from .views import online

app_name = "cases"

urlpatterns = [
    path("", views.request_list, name="index"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/eligibility/", views.eligibility_check, name="eligibility_check"),
    path("requests/export/", views.request_export, name="request_export"),
    path("requests/import/", views.request_import, name="request_import"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path(
        "requests/<int:pk>/attachments/<int:attachment_pk>/",
        views.request_attachment,
        name="request_attachment",
    ),
    path("requests/<int:pk>/<slug:action>/", views.request_action, name="request_action"),
    path(
        "<int:pk>/log/<int:entry_pk>/attachment/",
        views.case_log_attachment,
        name="case_log_attachment",
    ),
    path("list/", views.case_list, name="case_list"),
    path("list/export/", views.case_export, name="case_export"),
    path("list/import/", views.case_import, name="case_import"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/export/", views.statistics_export, name="statistics_export"),
    path("inbox/", views.inbox, name="inbox"),
    path("performers/", views.performer_list, name="performer_list"),
    path(
        "assignments/<int:pk>/<slug:decision>/", views.decide_assignment, name="decide_assignment"
    ),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    *document_urls("cases", number=views.number_document),
    path("change-requests/<int:pk>/answer/", views.change_answer, name="change_answer"),
    path("<int:pk>/", views.case_detail, name="case_detail"),
    path("<int:pk>/<slug:action>/", views.case_action, name="case_action"),
    *urls_appraisal.urlpatterns,
    # --- online submissions, reception's side (issue 12.8) ---
    path("online/", online.queue, name="online_queue"),
    path("online/<int:pk>/", online.detail, name="online_detail"),
    path("online/<int:pk>/record/", online.record, name="online_record"),
    path("online/<int:pk>/decline/", online.decline, name="online_decline"),
    *proceedings_urls,  # issue 17
    *council_urls,  # issue 17.4
]
