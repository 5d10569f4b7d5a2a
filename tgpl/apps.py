from django.apps import AppConfig


class TgplConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tgpl"
    verbose_name = "Tổ chức"
