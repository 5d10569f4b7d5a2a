"""The Celery application. All beat schedules live here, in one place.

With REDIS_URL unset, settings make every task run eagerly in-process, so the
development server and the tests need no broker.
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tgpl.settings")

app = Celery("tgpl")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Every beat schedule of the application. The daily reminder scan runs from the
# tick at the time an administrator sets (ReminderSettings), so changing that time
# needs no restart; the tick also scans the limits counted in hours.
# BEAT_TICK_SECONDS (default 300) shortens the tick for the end-to-end test of `make run`.
TICK_SECONDS = float(int(os.environ.get("BEAT_TICK_SECONDS") or 300))
app.conf.beat_schedule = {
    "tick-every-5-minutes": {"task": "tgpl.tick", "schedule": TICK_SECONDS},
    "flush-outbox-every-minute": {"task": "tgpl.flush_outbox", "schedule": 60.0},
    "expire-exports-every-hour": {"task": "tgpl.expire_exports", "schedule": 3600.0},
    "retention-every-night": {
        "task": "tgpl.retention",
        "schedule": crontab(hour=2, minute=30),  # Asia/Ho_Chi_Minh (CELERY_TIMEZONE)
    },
}
