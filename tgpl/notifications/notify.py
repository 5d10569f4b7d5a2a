"""Notices of events, in the bell and by e-mail for those who want it.

An app's outbox subscriber decides who must know and calls `notify` with the event, so
a retried event creates no notice twice (unique per event key and recipient). The
e-mails leave through the outbox too: one message with the ids of the notices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from tgpl.kernel import emit
from tgpl.kernel.events import Event

from .delivery import NOTIFICATION_EMAILS
from .models import Notification, NotificationPreference


@dataclass(frozen=True)
class Notice:
    title: str
    body: str
    url: str


def notify(event: Event, kind: str, recipients: Iterable, notice: Notice, *, actor_id=None):
    """Tell each recipient (users or ids; the actor is left out: they know) once."""
    ids = {getattr(r, "pk", r) for r in recipients if r is not None} - {None, actor_id}
    if not ids:
        return []
    key = f"{event.id}:{kind}"[:96]
    existing = set(
        Notification.objects.filter(event_key=key, recipient_id__in=ids).values_list(
            "recipient_id", flat=True
        )
    )
    silent = set(
        NotificationPreference.objects.filter(user_id__in=ids, email_enabled=False).values_list(
            "user_id", flat=True
        )
    )
    from tgpl.models import User

    emails = dict(User.objects.filter(pk__in=ids, is_active=True).values_list("pk", "email"))
    now = timezone.now()
    created = Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=user_id,
                title=notice.title[:255],
                body=notice.body,
                url=notice.url[:255],
                created_at=now,
                event_key=key,
                email_wanted=bool(emails.get(user_id)) and user_id not in silent,
            )
            for user_id in sorted(ids - existing)
            if user_id in emails
        ]
    )
    wanted = [n.pk for n in created if n.email_wanted]  # bulk_create returns pks here
    if wanted:
        emit(NOTIFICATION_EMAILS, notification_ids=wanted)
    return created
