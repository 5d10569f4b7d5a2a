from django.apps import AppConfig


class PlansConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "plans"
    verbose_name = "Kế hoạch"

    def ready(self):
        from tgpl import demo
        from tgpl.notifications.deadlines import register_provider

        from . import home, notifications
        from .demo import close_past_demo_plans, seed_demo_plans
        from .reminders import plan_deadlines

        register_provider(plan_deadlines)
        demo.register("plans", seed_demo_plans, after=[])
        # closing the past year's plan waits for the work recorded against it
        demo.register("plans.closing", close_past_demo_plans, after=["plans", "outreach"])
        notifications.register()
        home.register()

        from tgpl import targets as kernel_targets

        from .targets import SOURCE

        kernel_targets.register_task_source(SOURCE)

        from .demo_budget import seed_demo_budget

        demo.register("plans.budget", seed_demo_budget, after=["plans"])
