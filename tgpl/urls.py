from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import health, views
from .forms import LoginForm
from .notifications import views as notification_views
from .security import reset
from .security import views as security_views

handler400 = "tgpl.error_views.bad_request"
handler403 = "tgpl.error_views.permission_denied"
handler404 = "tgpl.error_views.page_not_found"
handler500 = "tgpl.error_views.server_error"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("organisation/", views.organisation, name="organisation"),
    path("healthz/", health.healthz, name="healthz"),
    path("readyz/", health.readyz, name="readyz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("notifications/", notification_views.notification_list, name="notifications"),
    path("notifications/bell/", notification_views.bell, name="notifications_bell"),
    path("notifications/<int:pk>/read/", notification_views.mark_read, name="notification_read"),
    path(
        "notifications/read-all/", notification_views.mark_all_read, name="notifications_read_all"
    ),
    path("notifications/preferences/", notification_views.preferences, name="notification_prefs"),
    path(
        "notifications/feed/reset/", notification_views.reset_feed, name="notification_feed_reset"
    ),
    path("calendar/<str:token>.ics", notification_views.ics_feed, name="ics_feed"),
    path(
        "accounts/login/",
        security_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        security_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("accounts/two-factor/", security_views.enrol, name="two_factor_enrol"),
    # --- password reset by e-mail (issue 12.7) ---
    path("accounts/password/reset/", reset.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password/reset/sent/",
        reset.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        reset.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        reset.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/two-factor/verify/", security_views.verify, name="two_factor_verify"),
    path("plans/", include("plans.urls")),
    path("cases/", include("cases.urls")),
    path("online/", include("cases.urls_online")),  # the public online intake (issue 12.8)
    path("outreach/", include("outreach.urls")),
    path("reports/", include("reports.urls")),
    path("documents/", include("tgpl.documents.urls")),
    path("audit/", include("tgpl.audit.urls")),
    path("exports/", include("tgpl.exports.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
