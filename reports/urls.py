from django.urls import path

from tgpl.documents.urls import document_urls

from . import views, views_estimates, views_figures

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.open_report, name="open"),
    path("province/", views_figures.province, name="province"),
    path("dashboard/", views_figures.dashboard, name="dashboard"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/estimates/propose/", views_estimates.propose_again, name="propose_estimates"),
    path("<int:pk>/estimates/<str:section>/", views_estimates.edit_estimate, name="estimate"),
    path("<int:pk>/comment/", views.comment, name="comment"),
    path("<int:pk>/sign-off/", views.act, {"action": "sign_off"}, name="sign_off"),
    path("<int:pk>/send/", views.act, {"action": "send"}, name="send"),
    path("<int:pk>/return/", views.decide, {"action": "return"}, name="return"),
    path("<int:pk>/accept/", views.decide, {"action": "accept"}, name="accept"),
    path("<int:pk>/versions/<int:number>/", views.version, name="version"),
    path("<int:pk>/drill/<str:section>/", views_figures.drill, name="drill"),
    path("<int:pk>/export.xlsx", views_figures.export, name="export"),
    path("<int:pk>/handover.xlsx", views_figures.handover, name="handover"),
    *document_urls("reports"),
]
