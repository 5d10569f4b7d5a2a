from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Báo cáo"

    def ready(self):
        from tgpl import demo
        from tgpl.notifications.deadlines import register_provider

        from . import figures, home, notifications  # noqa: F401  (figures registers sections)
        from .demo import seed_demo_reports
        from .reminders import report_deadlines

        register_provider(report_deadlines)
        demo.register("reports", seed_demo_reports, after=["cases", "plans"])
        notifications.register()
        home.register()
