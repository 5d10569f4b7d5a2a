"""E-mail of a reminder or of a notice, each at most once, with the failure recorded.

Both ledgers (Reminder, Notification) carry the same e-mail columns; `_send_once` claims
a row with a conditional UPDATE (a second worker gets nothing), sends, and records the
result. The outbox subscribers below send what a scan or an event asked for.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone

from tgpl.history import display_moment

from .models import Notification, Reminder

STALE_CLAIM = timedelta(minutes=15)
REMINDER_EMAILS = "reminder_emails"  # outbox topic: {"reminder_ids": [...]}
NOTIFICATION_EMAILS = "notification_emails"  # outbox topic: {"notification_ids": [...]}
FOOTER = "Thư này do phần mềm Trợ giúp pháp lý gửi tự động; bạn có thể tắt thư trong mục Thông báo."


def _send_once(model, pk: int) -> bool:
    now = timezone.now()
    claimed = (
        model.objects.filter(pk=pk, email_sent_at__isnull=True)
        .exclude(email_claimed_at__gt=now - STALE_CLAIM)
        .update(email_claimed_at=now, email_attempts=F("email_attempts") + 1)
    )
    if not claimed:
        return False
    row = model.objects.select_related("recipient").get(pk=pk)
    link = settings.SITE_URL.rstrip("/") + row.url
    text = f"Kính gửi {row.recipient.full_name},\n\n{row.body}\n\nXem chi tiết: {link}\n\n{FOOTER}"
    try:
        send_mail(row.title, text, None, [row.recipient.email])
    except Exception as exc:
        model.objects.filter(pk=pk).update(
            email_error=f"{display_moment(timezone.now())}: {exc}"[:2000], email_claimed_at=None
        )
        raise
    model.objects.filter(pk=pk).update(email_sent_at=timezone.now(), email_error="")
    return True


def send_reminder_email(reminder_id: int) -> bool:
    """Send the e-mail of a reminder unless already sent (or being sent). Raises on failure
    so it is tried again; the error and the attempt count are recorded either way."""
    return _send_once(Reminder, reminder_id)


def send_notification_email(notification_id: int) -> bool:
    """The same for the e-mail of a notice of an event."""
    return _send_once(Notification, notification_id)


def _send_all(send, ids) -> None:
    failures: list[Exception] = []
    for pk in ids:
        try:
            send(pk)
        except Exception as exc:  # SMTP and network errors of many kinds
            failures.append(exc)
    if failures:
        raise failures[0]


def send_reminder_emails(event) -> None:
    """Outbox subscriber: send every e-mail of a scan that is not sent yet. A failure is
    recorded on its reminder and raised after the others were tried, so the outbox
    retries the message later; what was sent is never sent again."""
    _send_all(send_reminder_email, event.payload.get("reminder_ids", []))


def send_notification_emails(event) -> None:
    """Outbox subscriber: the e-mails of the notices of one event."""
    _send_all(send_notification_email, event.payload.get("notification_ids", []))
