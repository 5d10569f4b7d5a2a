from django.apps import AppConfig


class TgplConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tgpl"
    verbose_name = "Tổ chức"

    def ready(self):
        from tgpl.kernel import subscribe
        from tgpl.notifications.delivery import (
            NOTIFICATION_EMAILS,
            REMINDER_EMAILS,
            send_notification_emails,
            send_reminder_emails,
        )

        subscribe(REMINDER_EMAILS, send_reminder_emails)
        subscribe(NOTIFICATION_EMAILS, send_notification_emails)

        from tgpl.exports.services import EXPORT_REQUESTED, schedule_export

        subscribe(EXPORT_REQUESTED, schedule_export)

        # django-otp's device admin lists every centre's devices and shows their keys: an
        # administrator resets a user's device with tgpl.security.admin_actions instead.
        from django.contrib import admin
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from .security import middleware  # noqa: F401 - its user_logged_in receiver

        if admin.site.is_registered(TOTPDevice):
            admin.site.unregister(TOTPDevice)

        # issue 18.5: what every page shows of the organisation is kept in the cache
        from django.db.models.signals import post_migrate

        from . import catalogues
        from .models import Agency, Centre, Department, User

        catalogues.watch([Agency, Centre, Department, User])
        post_migrate.connect(catalogues.renew_after_migrate, dispatch_uid="tgpl.catalogues")
