from django.apps import AppConfig


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = "Truyền thông"

    def ready(self):
        from tgpl import communes, demo, targets

        from . import contributions, home, selectors
        from .demo import seed_demo_outreach

        targets.register_provider(contributions.PROVIDER)
        communes.register_designation_provider(selectors.designation_on)
        demo.register("outreach", seed_demo_outreach, after=["plans", "cases"])
        home.register()

        # --- trainings (issue 14.5) ---
        from tgpl import demo

        from . import home_trainings
        from .demo_trainings import seed_demo_trainings

        demo.register("outreach.trainings", seed_demo_trainings)
        home_trainings.register()

        # --- issue 17.8: outreach costs are spending of the plan's budget ---
        from tgpl import spending

        from .spending import SOURCE as OUTREACH_SPENDING

        spending.register_source(OUTREACH_SPENDING)
