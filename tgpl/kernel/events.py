"""Side effects after commit, through the outbox.

A service calls `emit("assignment_proposed", actor=..., assignment=assignment.pk)` inside
its transaction. The row is committed with the change; after commit it is handed to a
worker (or, with no broker, handled in-process). Subscribers, registered by the apps in
their AppConfig.ready, do the work: create in-app notices, queue e-mails. A subscriber
must be safe to run twice for the same message (a retry after a crash): key what it
creates on the message id.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from tgpl.history import display_moment

from .outbox import OutboxMessage

logger = logging.getLogger("tgpl.outbox")

STALE_CLAIM = timedelta(minutes=10)
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class Event:
    """What a subscriber receives."""

    id: int
    topic: str
    payload: dict[str, Any]
    actor_id: int | None
    created_at: datetime


Handler = Callable[[Event], None]
_subscribers: dict[str, list[Handler]] = defaultdict(list)


def subscribe(topic: str, handler: Handler) -> None:
    """Run `handler` for every committed event of `topic` (idempotent registration)."""
    if handler not in _subscribers[topic]:
        _subscribers[topic].append(handler)


def subscribers(topic: str) -> list[Handler]:
    return list(_subscribers.get(topic, ()))


def after_commit(effect: Callable[[], None], *, using: str | None = None) -> None:
    """An effect that stays inside the application and must follow the data, run once the
    transaction commits (at once outside one): a cache renewed (tgpl/catalogues.py).
    Nothing leaves the process, so it needs no outbox row; anything that does leave (an
    e-mail, a notification, a task) goes through `emit`."""
    transaction.on_commit(effect, using=using)


def emit(topic: str, *, actor=None, **payload: Any) -> OutboxMessage:
    """Record a side effect of the current change; it runs only if the change commits."""
    message = OutboxMessage.objects.create(
        topic=topic, payload=payload, actor=actor if getattr(actor, "pk", None) else None
    )
    transaction.on_commit(lambda: publish(message.pk))
    return message


def publish(message_id: int) -> None:
    """Hand a committed message to a worker; if the broker is unreachable, leave it for
    the periodic flush (the user's action has already succeeded)."""
    from tgpl.tasks import deliver_outbox_message, enqueue

    enqueue(deliver_outbox_message, message_id)


def _claim(message_id: int, now: datetime) -> bool:
    return bool(
        OutboxMessage.objects.filter(
            Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM),
            pk=message_id,
            processed_at__isnull=True,
        ).update(claimed_at=now, attempts=F("attempts") + 1)
    )


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 6 * 3600))


def deliver(message_id: int) -> bool:
    """Run the subscribers of one message, once. False if someone else has it or it is done."""
    now = timezone.now()
    if not _claim(message_id, now):
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    event = Event(
        id=message.pk,
        topic=message.topic,
        payload=dict(message.payload),
        actor_id=message.actor_id,
        created_at=message.created_at,
    )
    try:
        with transaction.atomic():
            for handler in subscribers(message.topic):
                handler(event)
            OutboxMessage.objects.filter(pk=message_id).update(
                processed_at=timezone.now(), claimed_at=None, last_error=""
            )
    except Exception as exc:
        logger.exception("Outbox message %s (%s) failed", message_id, message.topic)
        OutboxMessage.objects.filter(pk=message_id).update(
            claimed_at=None,
            last_error=f"{display_moment(timezone.now())}: {exc}"[:2000],
            available_at=timezone.now() + _backoff(message.attempts + 1),
        )
        return False
    return True


def waiting(now: datetime | None = None):
    """Messages due for handling: not done, not given up on, not held by a live claim."""
    now = now or timezone.now()
    return (
        OutboxMessage.objects.filter(
            processed_at__isnull=True, available_at__lte=now, attempts__lt=MAX_ATTEMPTS
        )
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM))
        .order_by("available_at", "pk")
    )


def flush(*, limit: int = 500) -> int:
    """Handle what is waiting (the periodic task). Returns how many were handled."""
    done = 0
    for message_id in list(waiting().values_list("pk", flat=True)[:limit]):
        done += deliver(message_id)
    return done
