from datetime import date

from django.db import migrations

# Make-up working Saturdays the `holidays` package does not know (domain.md part 7).
MAKEUP_SATURDAYS = [
    (date(2025, 4, 26), "Làm bù cho ngày nghỉ 02/05/2025"),
    (date(2026, 8, 22), "Làm bù cho ngày nghỉ 31/08/2026"),
]


def seed(apps, schema_editor):
    HolidayOverride = apps.get_model("tgpl", "HolidayOverride")
    for day, note in MAKEUP_SATURDAYS:
        HolidayOverride.objects.get_or_create(date=day, defaults={"kind": "workday", "note": note})


class Migration(migrations.Migration):
    dependencies = [("tgpl", "0003_holiday_override")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
