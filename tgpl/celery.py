"""The Celery application. All beat schedules live here, in one place.

With REDIS_URL unset, settings make every task run eagerly in-process, so the
development server and the tests need no broker.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tgpl.settings")

app = Celery("tgpl")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Beat schedule: later issues add the reminder scans here.
app.conf.beat_schedule = {}
