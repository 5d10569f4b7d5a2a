"""Two scans racing on PostgreSQL: every reminder exists once and is notified once."""

import datetime
import threading

import pytest
from django.db import connection, connections

from tests.notifications.conftest import at
from tgpl.models import Notification, Reminder
from tgpl.notifications import scan

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (runs in CI, where DATABASE_URL points at it)")


def test_concurrent_scans_send_each_reminder_once(approved_plan, admin_office):
    from tests.notifications.conftest import add_tasks

    add_tasks(approved_plan, admin_office, 40, due=datetime.date(2026, 6, 30))
    barrier = threading.Barrier(4)
    errors = []

    def worker():
        try:
            barrier.wait()
            scan.run_scan(now=at(datetime.date(2026, 6, 30)))
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    reminders = Reminder.objects.count()
    assert reminders == 41 * 2  # 41 tasks, a member and a head each
    # one notice per reminder (the plan's approval in the fixture sends notices of its own)
    assert Notification.objects.filter(reminder__isnull=False).count() == reminders
    assert not Reminder.objects.filter(notified_at__isnull=True).exists()
