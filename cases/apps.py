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

        from tgpl.kernel import subscribe

        from .services.uploads import DISCARDED, delete_discarded_files, discard_stale_uploads

        retention.register("held_intake_uploads", discard_stale_uploads)
        subscribe(DISCARDED, delete_discarded_files)

        from . import home_appraisal, notifications_appraisal
        from .demo_appraisal import seed_demo_appraisal

        notifications_appraisal.register()
        home_appraisal.register()
        demo.register("appraisal", seed_demo_appraisal, after=["cases"])

        from tgpl.references import register_request_source

        from .references import SOURCE

        register_request_source(SOURCE)

        from . import home_online, online_notices
        from .demo_online import seed_demo_online
        from .retention_online import anonymise_handled_online_submissions

        online_notices.register()  # issue 12.8
        home_online.register()
        demo.register("cases_online", seed_demo_online, after=["cases"])
        retention.register("online_submissions", anonymise_handled_online_submissions)

        # issue 17: every request is in the conflict-of-interest index from reception
        from tgpl.kernel import subscribe

        from .services.conflicts import index_request_event

        subscribe("request_received", index_request_event)

        from .demo_proceedings import seed_demo_proceedings

        demo.register("cases_proceedings", seed_demo_proceedings, after=["cases"])

        from .exports import register_exports  # issue 18.3: registers as background jobs

        register_exports()
