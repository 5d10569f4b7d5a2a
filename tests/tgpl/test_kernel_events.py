"""Side effects through the outbox: only after commit, never lost, never twice."""

import pytest
from django.db import transaction

from tgpl.celery import app as celery_app
from tgpl.kernel import emit, events, subscribe
from tgpl.models import OutboxMessage

pytestmark = pytest.mark.django_db
TOPIC = "test_something_happened"


@pytest.fixture
def received(monkeypatch):
    seen = []
    monkeypatch.setitem(events._subscribers, TOPIC, [])
    subscribe(TOPIC, lambda event: seen.append((event.topic, event.payload, event.actor_id)))
    return seen


def test_an_event_is_handled_after_commit_with_its_actor(
    received, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        emit(TOPIC, actor=staff, case=7)
        assert received == []  # not before the change commits
    assert received == [(TOPIC, {"case": 7}, staff.pk)]
    assert OutboxMessage.objects.get(topic=TOPIC).processed_at is not None


def test_a_rolled_back_change_sends_nothing(received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                emit(TOPIC, case=7)
                raise RuntimeError("the service failed")
        except RuntimeError:
            pass
    assert received == []
    assert not OutboxMessage.objects.filter(topic=TOPIC).exists()


def test_a_message_is_handled_once_however_often_it_is_delivered(received):
    message = emit(TOPIC, case=7)
    assert events.deliver(message.pk) is True
    assert events.deliver(message.pk) is False
    assert events.flush() == 0
    assert len(received) == 1


def test_a_failing_subscriber_keeps_the_message_and_backs_off(monkeypatch):
    calls = []

    def flaky(event):
        calls.append(event.id)
        if len(calls) == 1:
            raise OSError("mail server down")

    monkeypatch.setitem(events._subscribers, TOPIC, [flaky])
    message = emit(TOPIC)
    assert events.deliver(message.pk) is False
    message.refresh_from_db()
    assert (message.processed_at, message.attempts) == (None, 1)
    assert "mail server down" in message.last_error
    OutboxMessage.objects.filter(pk=message.pk).update(available_at=message.created_at)
    assert events.flush() >= 1
    message.refresh_from_db()
    assert message.processed_at is not None
    assert calls == [message.pk, message.pk]


def test_with_the_broker_unreachable_the_change_succeeds_and_the_flush_delivers(
    received, django_capture_on_commit_callbacks, settings
):
    """Point Celery at a closed port: publishing fails at once, the row waits, and the
    periodic flush (running where the broker is back) handles it."""
    previous = (celery_app.conf.task_always_eager, celery_app.conf.broker_url)
    celery_app.close()  # drop pooled connections to the real broker, so the port applies
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        with django_capture_on_commit_callbacks(execute=True):
            emit(TOPIC, case=7)
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url = previous
        # close() closes *and forgets* the pools; force_close_all() alone leaves a closed
        # pool behind, and every later publish in this process fails ("closed pool").
        celery_app.close()
    assert received == []
    assert OutboxMessage.objects.get(topic=TOPIC).processed_at is None
    events.flush()
    assert received == [(TOPIC, {"case": 7}, None)]
