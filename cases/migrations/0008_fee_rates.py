"""The base salary and the per-session rates of NĐ 144/2017 and TT 02/2021 as dated
data (editable by the system administrator)."""

from django.db import migrations


def seed(apps, schema_editor):
    from cases.rules import fees

    BaseSalary = apps.get_model("cases", "BaseSalary")
    FeeRate = apps.get_model("cases", "FeeRate")
    for valid_from, amount, source in fees.DEFAULT_BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            valid_from=valid_from, defaults={"amount": amount, "source": source}
        )
    for r in fees.DEFAULT_RATES:
        FeeRate.objects.get_or_create(
            valid_from=r.valid_from,
            form=r.form,
            performer_kind=r.performer_kind,
            defaults={
                "coefficient": r.coefficient,
                "percent": r.percent,
                "max_sessions": r.max_sessions,
                "source": r.source,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_proceedings")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
