from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("reads/", views.read_log, name="reads"),
]
