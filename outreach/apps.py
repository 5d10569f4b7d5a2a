from django.apps import AppConfig


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = "Truyền thông"

    def ready(self):
        # --- trainings (issue 14.5) ---
        from tgpl import demo

        from . import home_trainings
        from .demo import seed_demo_trainings

        demo.register("outreach.trainings", seed_demo_trainings)
        home_trainings.register()
