from django.apps import AppConfig


class OutreachConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "outreach"
    verbose_name = "Truyền thông"

    def ready(self):
        from tgpl import communes, targets

        from . import contributions, selectors

        targets.register_provider(contributions.PROVIDER)
        communes.register_designation_provider(selectors.designation_on)
