"""Paths of coordination in proceedings, conflicts, complaints, rosters and fees
(issue 17); appended to cases/urls.py."""

from django.urls import path

from .views import complaints, conflicts, fees, proceedings, rosters

urlpatterns = [
    path("notices/", proceedings.notice_list, name="notice_list"),
    path("notices/new/", proceedings.notice_create, name="notice_create"),
    path("notices/register/<int:year>/", proceedings.notice_register, name="notice_register"),
    path("notices/<int:pk>/", proceedings.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/<slug:action>/", proceedings.notice_action, name="notice_action"),
    path(
        "<int:pk>/proceedings/registrations/<int:registration_pk>/outcome/",
        proceedings.registration_outcome,
        name="registration_outcome",
    ),
    path(
        "<int:pk>/proceedings/<slug:action>/",
        proceedings.case_proceedings_action,
        name="case_proceedings_action",
    ),
    path("conflicts/requests/<int:pk>/", conflicts.conflict_check, name="conflict_check"),
    path("complaints/", complaints.complaint_list, name="complaint_list"),
    path("complaints/new/", complaints.complaint_create, name="complaint_create"),
    path("complaints/<int:pk>/", complaints.complaint_detail, name="complaint_detail"),
    path(
        "complaints/<int:pk>/<slug:action>/",
        complaints.complaint_action,
        name="complaint_action",
    ),
    path("rosters/", rosters.roster_list, name="roster_list"),
    path("rosters/leave/", rosters.leave_create, name="leave_create"),
    path("rosters/<int:pk>/", rosters.roster_detail, name="roster_detail"),
    path("rosters/<int:pk>/<slug:action>/", rosters.roster_action, name="roster_action"),
    path("fees/", fees.payment, name="payment"),
    path("fees/file.<slug:fmt>", fees.payment_file, name="payment_file"),
    path("sessions/cases/<int:pk>/", fees.case_sessions, name="case_sessions"),
    path(
        "sessions/cases/<int:pk>/<slug:action>/",
        fees.case_sessions_action,
        name="case_sessions_action",
    ),
    path("handovers/", rosters.handovers, name="handovers"),
]
