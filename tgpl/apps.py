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
