"""The public pages of the online intake (mounted at /online/ by tgpl/urls.py): the only
pages of the application open without signing in, besides the sign-in itself."""

from django.urls import path

from .views import online

app_name = "online"

urlpatterns = [
    path("", online.request_page, name="request"),
    path("sent/", online.sent_page, name="sent"),
    path("status/", online.status_page, name="status"),
]
