"""Paths of the inter-agency council on legal aid in proceedings (issue 17.4); appended to
cases/urls.py."""

from django.urls import path

from .views import council

urlpatterns = [
    path("council/", council.council_home, name="council"),
    path("council/members/new/", council.member_create, name="council_member_create"),
    path("council/members/<int:pk>/end/", council.member_end, name="council_member_end"),
    path("council/meetings/new/", council.meeting_create, name="council_meeting_create"),
    path("council/meetings/<int:pk>/", council.meeting_detail, name="council_meeting"),
    path("council/meetings/<int:pk>/edit/", council.meeting_edit, name="council_meeting_edit"),
    path(
        "council/meetings/<int:pk>/delete/", council.meeting_delete, name="council_meeting_delete"
    ),
    path(
        "council/meetings/<int:pk>/minutes/",
        council.meeting_minutes,
        name="council_meeting_minutes",
    ),
    path(
        "council/reports/<int:year>/<int:round_>/",
        council.report_prepare,
        name="council_report_prepare",
    ),
    path("council/reports/<int:pk>/", council.report_detail, name="council_report"),
    path("council/reports/<int:pk>/figures.xlsx", council.report_xlsx, name="council_report_xlsx"),
]
