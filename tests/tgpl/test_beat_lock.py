"""Exactly one beat sends the schedule when every web node starts one (issue 18.6): the
lock in Redis of tgpl.celery.SingleBeatScheduler. Needs a real Redis (CI)."""

import datetime as dt
import uuid

import pytest
from django.conf import settings

from tgpl.celery import SingleBeatScheduler, app

pytestmark = pytest.mark.redis


@pytest.fixture
def beats(tmp_path):
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (CI)")
    key = f"tgpl:beat:test:{uuid.uuid4().hex}"
    made = []

    def beat(name):
        scheduler = SingleBeatScheduler(app=app, schedule_filename=str(tmp_path / name))
        scheduler.LOCK_KEY = key
        scheduler.sent = []
        scheduler.apply_entry = lambda entry, producer=None: scheduler.sent.append(entry.name)
        made.append(scheduler)
        return scheduler

    yield beat
    for scheduler in made:
        scheduler.close()
    made[0]._redis().delete(key)


def make_due(scheduler):
    """Every entry last ran long ago (the clock of the tests is frozen: nothing falls due)."""
    for entry in scheduler.schedule.values():
        entry.last_run_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def test_a_second_beat_sends_nothing_while_the_first_holds_the_lock(beats):
    first, second = beats("first"), beats("second")
    make_due(first)
    make_due(second)
    for _ in range(5):  # a tick sends one due entry
        first.tick()
        assert second.tick() == SingleBeatScheduler.LOCK_SECONDS / 3  # waits, tries again
    assert "tick-every-5-minutes" in first.sent
    assert second.sent == []
    assert first.holding
    assert not second.holding
    assert first.max_interval <= SingleBeatScheduler.LOCK_SECONDS / 3  # renews in time

    make_due(first)
    make_due(second)
    first.tick()  # renews its own lock
    second.tick()
    assert second.sent == []
    assert first.holding
    assert not second.holding


def test_the_waiting_beat_takes_over_when_the_first_stops(beats):
    first, second = beats("first"), beats("second")
    make_due(first)
    first.tick()
    first.close()  # a beat that stops frees the lock (a dead one: after LOCK_SECONDS)
    make_due(second)
    for _ in range(5):
        second.tick()
    assert second.holding
    assert "tick-every-5-minutes" in second.sent
