"""Issue 18.2: indexes that serve each list's order within its scope, pg_trgm indexes on
the accent-free search keys (PostgreSQL only; nothing on SQLite), and the performers'
maintained count of open cases, filled from the cases as they are."""

from django.conf import settings
from django.db import migrations, models

OPEN_WORK = ["assigned", "in_progress"]

# (index name, table, expression): GIN trigram indexes for `search_key LIKE '%term%'`
# (the search: `search_key__contains` on the already accent-free, lower-case key) and
# for the case-code filter (`code__icontains`, which PostgreSQL runs as UPPER(code) LIKE).
TRIGRAM_INDEXES = [
    ("request_search_trgm", "cases_legalaidrequest", "search_key"),
    ("case_search_trgm", "cases_case", "search_key"),
    ("case_code_trgm", "cases_case", "UPPER(code::text)"),
    ("notice_search_trgm", "cases_proceduralnotice", "search_key"),
]


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({expression} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def count_open_cases(apps, schema_editor):
    Case = apps.get_model("cases", "Case")
    Performer = apps.get_model("cases", "Performer")
    counts = dict(
        Case.objects.filter(status__in=OPEN_WORK, performer__isnull=False)
        .order_by()
        .values_list("performer_id")
        .annotate(n=models.Count("pk"))
    )
    for performer in Performer.objects.filter(user_id__in=counts):
        performer.open_cases = counts[performer.user_id]
        performer.save(update_fields=["open_cases"])


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0009_council_and_conflict_clearance'),
        ('tgpl', '0013_user_must_change_password'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='performer',
            name='open_cases',
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name='số vụ việc đang thực hiện'),
        ),
        migrations.RunPython(count_open_cases, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
        migrations.AddIndex(
            model_name='assignment',
            index=models.Index(condition=models.Q(('status', 'proposed')), fields=['proposed_at', 'id'], name='assignment_pending_order'),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['centre', '-accepted_at', '-id'], name='case_centre_order'),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['department', '-accepted_at', '-id'], name='case_dept_order'),
        ),
        migrations.AddIndex(
            model_name='case',
            index=models.Index(fields=['performer', '-accepted_at', '-id'], name='case_performer_order'),
        ),
        migrations.AddIndex(
            model_name='legalaidrequest',
            index=models.Index(fields=['centre', '-received_at', '-id'], name='request_centre_order'),
        ),
        migrations.AddIndex(
            model_name='legalaidrequest',
            index=models.Index(fields=['department', '-received_at', '-id'], name='request_dept_order'),
        ),
        migrations.AddIndex(
            model_name='legalaidrequest',
            index=models.Index(fields=['received_by', '-received_at', '-id'], name='request_receiver_order'),
        ),
    ]
