"""URLs of quality appraisal, time appraisal and quotas (included by cases/urls.py)."""

from django.urls import path

from .views import appraisal as views
from .views import quotas

urlpatterns = [
    path("appraisal/plans/", views.plan_list, name="appraisal_plans"),
    path("appraisal/plans/new/", views.plan_create, name="appraisal_plan_create"),
    path("appraisal/plans/<int:pk>/", views.plan_detail, name="appraisal_plan"),
    path(
        "appraisal/plans/<int:pk>/<slug:action>/", views.plan_action, name="appraisal_plan_action"
    ),
    path("appraisal/mine/", views.my_appraisals, name="my_appraisals"),
    path("appraisal/results/", views.appraisal_results, name="appraisal_results"),
    path("appraisal/<int:pk>/", views.appraisal_detail, name="appraisal_detail"),
    path("appraisal/<int:pk>/sheet/", views.appraisal_sheet, name="appraisal_sheet"),
    path("appraisal/<int:pk>/preview/", views.appraisal_preview, name="appraisal_preview"),
    path("appraisal/<int:pk>/opinion/", views.appraisal_opinion, name="appraisal_opinion"),
    path("appraisal/<int:pk>/appraisers/", views.appraiser_add, name="appraiser_add"),
    path(
        "appraisal/<int:pk>/appraisers/<int:appraiser_pk>/remove/",
        views.appraiser_remove,
        name="appraiser_remove",
    ),
    path(
        "appraisal/<int:pk>/decide/<slug:decision>/",
        views.appraisal_decide,
        name="appraisal_decide",
    ),
    path(
        "appraisal/case/<int:pk>/checklist/<slug:catalogue>/",
        views.case_checklist,
        name="case_checklist",
    ),
    path("appraisal/case/<int:pk>/time/", views.time_assign, name="time_assign"),
    path("appraisal/case/<int:pk>/co-performers/", views.co_performer_add, name="co_performer_add"),
    path("appraisal/time/", views.time_checks, name="time_checks"),
    path("appraisal/time/<int:pk>/confirm/", views.time_confirm, name="time_confirm"),
    path("quotas/", quotas.quota_page, name="quotas"),
    path("quotas/<int:year>/", quotas.quota_page, name="quota_decision"),
    path("quotas/<int:year>/prepare/", quotas.quota_prepare, name="quota_prepare"),
    path("quotas/<int:year>/issue/", quotas.quota_issue, name="quota_issue"),
    path("quotas/lines/<int:pk>/", quotas.quota_line, name="quota_line"),
]
