"""The Celery application. All beat schedules live here, in one place.

With REDIS_URL unset, settings make every task run eagerly in-process, so the
development server and the tests need no broker.
"""

import logging
import os
import uuid

from celery import Celery
from celery.beat import PersistentScheduler
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


logger = logging.getLogger("tgpl.beat")

# Take the lock if it is free, or renew it if it is ours; 1 if held, 0 if another has it.
_HOLD = """
local holder = redis.call('get', KEYS[1])
if holder == ARGV[1] then
  redis.call('pexpire', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


class SingleBeatScheduler(PersistentScheduler):
    """Beat that sends only while it holds a lock in Redis (several web nodes, issue 18.6).

    Every node may start its worker with beat; one of them holds the lock `tgpl:beat` and
    sends the scheduled tasks, the others wait. Each tick first takes or renews the lock
    (an atomic Redis script, a random token per beat, LOCK_SECONDS to live) and sends only
    when it is held; ticks come at least every LOCK_SECONDS / 3, so a live holder always
    renews before its lock could expire, and a beat that stops (or its machine) frees the
    lock within LOCK_SECONDS: another beat takes over. With no REDIS_URL (`make run`, one
    machine, one beat) it is Celery's usual scheduler.
    """

    LOCK_KEY = "tgpl:beat"
    LOCK_SECONDS = 30.0

    def __init__(self, *args, **kwargs):
        self.token = uuid.uuid4().hex
        self.holding = False
        self._client = None
        super().__init__(*args, **kwargs)
        if self._redis_url():
            self.max_interval = min(self.max_interval, self.LOCK_SECONDS / 3)

    @staticmethod
    def _redis_url() -> str:
        from django.conf import settings

        return settings.REDIS_URL

    def _redis(self):
        if self._client is None:
            import redis

            self._client = redis.Redis.from_url(self._redis_url(), socket_timeout=5)
        return self._client

    def hold(self) -> bool:
        """Take or renew the lock; False when another beat holds it or Redis is away."""
        try:
            held = self._redis().eval(
                _HOLD, 1, self.LOCK_KEY, self.token, int(self.LOCK_SECONDS * 1000)
            )
        except Exception:  # Redis down: the broker is too, nothing could be sent
            logger.exception("Beat could not reach Redis for its lock")
            held = 0
        if bool(held) != self.holding:
            self.holding = bool(held)
            if self.holding:
                logger.info("Beat %s holds the lock and sends the schedule", self.token)
            else:
                logger.warning("Beat %s does not hold the lock: it waits", self.token)
        return self.holding

    def tick(self, *args, **kwargs):
        if not self._redis_url():
            return super().tick(*args, **kwargs)
        if not self.hold():
            return self.LOCK_SECONDS / 3
        return min(super().tick(*args, **kwargs), self.LOCK_SECONDS / 3)

    def close(self):
        try:
            if self.holding:
                self._redis().eval(_RELEASE, 1, self.LOCK_KEY, self.token)
                self.holding = False
        except Exception:
            logger.exception("Beat could not release its lock")
        super().close()


app.conf.beat_scheduler = "tgpl.celery:SingleBeatScheduler"
