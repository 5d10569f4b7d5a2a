from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_migrations_match_the_models():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # makemigrations --check exits 1 when something is missing
        pytest.fail(f"Models have changes without a migration:\n{out.getvalue()} ({exc})")


def test_a_head_who_could_not_decide_loses_her_department_with_a_history_record(
    head, admin_head, professional_office, admin_office
):
    """Migration 0015: a head locked (or stripped of the role) before the services kept
    the rule left her department waiting for her; the migration releases it."""
    import importlib

    from django.apps import apps

    release = importlib.import_module("tgpl.migrations.0015_release_heads_who_cannot_decide")
    head.is_active = False
    head.save(update_fields=["is_active"])
    release.release(apps, None)
    professional_office.refresh_from_db()
    admin_office.refresh_from_db()
    assert professional_office.head_id is None
    assert admin_office.head_id == admin_head.pk  # an active head with the role stays
    record = professional_office.history.latest()
    assert record.head_id is None
    assert record.history_change_reason.startswith(f"Bỏ trưởng phòng {head.full_name}:")
    assert admin_office.history.filter(history_change_reason__startswith="Bỏ").count() == 0
