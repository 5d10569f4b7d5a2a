from django.apps import AppConfig


class CasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cases"
    verbose_name = "Yêu cầu và vụ việc TGPL"

    def ready(self):
        from tgpl.notifications.deadlines import register_provider

        from .reminders import case_deadlines

        register_provider(case_deadlines)
