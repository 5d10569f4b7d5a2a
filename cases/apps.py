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

        # issue 18.4: the due moments of the reminder scan follow the holiday calendar
        from tgpl.calendar import CALENDAR_CHANGED

        from .due import recompute_after_calendar_change

        subscribe(CALENDAR_CHANGED, recompute_after_calendar_change)

        from .demo_proceedings import seed_demo_proceedings

        demo.register("cases_proceedings", seed_demo_proceedings, after=["cases"])

        # issue 17.4: the inter-agency council
        from .demo_council import seed_demo_council
        from .services.council import MINUTES_DELETED, delete_minutes_files

        subscribe(MINUTES_DELETED, delete_minutes_files)

        demo.register("cases_council", seed_demo_council, after=["cases_proceedings"])

        # issue 17.8: the fees paid are spending of the plan's budget
        from tgpl import spending

        from .spending import SOURCE as FEES_SPENDING

        spending.register_source(FEES_SPENDING)

        from .exports import register_exports  # issue 18.3: registers as background jobs

        register_exports()

        # issue 18.5: the list filters' choices are kept in the cache (tgpl/catalogues.py)
        from tgpl import catalogues

        from .models import EligibilityCategory, LegalField, Performer

        catalogues.watch([EligibilityCategory, LegalField, Performer])
