"""End to end with a real Celery worker on the real Redis (CI): a reminder becomes an
e-mail (file backend) and an in-app notification."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.notifications.conftest import at
from tgpl.models import Notification, Reminder

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker(tmp_path):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip("needs PostgreSQL and REDIS_URL (CI)")
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        {
            "DEBUG": "true",
            "DATABASE_URL": "postgres://{}@{}:{}/{}".format(
                db["USER"], db["HOST"] or "127.0.0.1", db["PORT"] or 5432, db["NAME"]
            ),
            "REDIS_URL": settings.REDIS_URL,
            "EMAIL_URL": f"filemail:///{tmp_path / 'mail'}",  # environ drops one slash
        }
    )
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "tgpl",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield tmp_path / "mail"
    process.terminate()
    process.wait(timeout=30)


def test_worker_turns_the_scan_into_an_email_and_a_notification(worker, approved_plan, staff):
    import datetime

    from tgpl.celery import app

    staff.email = "nam@tgpl.local"
    staff.save()
    from tgpl.notifications import scan

    app.conf.task_always_eager = False  # e-mails go through Redis to the worker
    try:
        scan.run_scan(now=at(datetime.date(2026, 6, 30)))
    finally:
        app.conf.task_always_eager = True
    assert Notification.objects.filter(recipient=staff).exists()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        sent = Reminder.objects.filter(recipient=staff, email_sent_at__isnull=False).exists()
        if sent and worker.exists() and any(worker.iterdir()):
            break
        time.sleep(0.5)
    assert Reminder.objects.get(recipient=staff).email_sent_at is not None
    (message,) = [p.read_text(encoding="utf-8") for p in worker.iterdir()]
    assert "nam@tgpl.local" in message
