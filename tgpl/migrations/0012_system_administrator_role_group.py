"""The role above the centres: the system administrator who keeps shared catalogues."""

from django.db import migrations

CODE = "system_administrator"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=CODE)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("tgpl", "0011_read_log")]

    operations = [migrations.RunPython(create_group, remove_group)]
