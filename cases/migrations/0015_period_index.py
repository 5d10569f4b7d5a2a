"""Issue 18: indexes for the counts of a period. A period's filters compare moments with
the first moment of a local day (tgpl.days), so these ranges can use them:

- cases a period deals with (still open, or ended since its start): (centre, ended_at);
- requests received in a period, counted by state from the index alone, without reading
  a row: (centre, received_at) INCLUDE (status), PostgreSQL only (SQLite has no INCLUDE;
  there the year's range is searched in the list's (centre, received_at) index).
"""

from django.conf import settings
from django.db import migrations, models

COVERING = (
    "request_centre_received_cover",
    "CREATE INDEX IF NOT EXISTS request_centre_received_cover "
    "ON cases_legalaidrequest (centre_id, received_at) INCLUDE (status)",
)


def add_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(COVERING[1])


def drop_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {COVERING[0]}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0014_scope_columns"),
        ("tgpl", "0014_export_jobs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["centre", "ended_at"], name="case_centre_ended"),
        ),
        migrations.RunPython(add_covering_index, drop_covering_index),
    ]
