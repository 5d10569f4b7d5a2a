from django.db import migrations


def create_settings(apps, schema_editor):
    ReminderSettings = apps.get_model("tgpl", "ReminderSettings")
    if not ReminderSettings.objects.exists():
        ReminderSettings.objects.create()


class Migration(migrations.Migration):
    dependencies = [("tgpl", "0006_notifications")]

    operations = [migrations.RunPython(create_settings, migrations.RunPython.noop)]
