from django.apps import AppConfig


class CasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cases"
    verbose_name = "Yêu cầu và vụ việc TGPL"

    def ready(self):
        from tgpl import demo
        from tgpl.notifications.deadlines import register_provider
        from tgpl.operations import retention

        from . import home, notifications
        from .demo import seed_demo_cases
        from .reminders import case_deadlines
        from .retention import anonymise_closed_case_history

        register_provider(case_deadlines)
        demo.register("cases", seed_demo_cases, after=["plans"])
        retention.register("closed_case_history", anonymise_closed_case_history)
        notifications.register()
        home.register()
        # issue 17: every request is in the conflict-of-interest index from reception
        from tgpl.kernel import subscribe

        from .services.conflicts import index_request_event

        subscribe("request_received", index_request_event)
