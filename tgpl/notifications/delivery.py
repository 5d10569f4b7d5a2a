"""Sending one reminder by e-mail, at most once, with the failure recorded."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone

from tgpl.history import display_moment

from .models import Reminder

STALE_CLAIM = timedelta(minutes=15)
REMINDER_EMAILS = "reminder_emails"  # outbox topic: {"reminder_ids": [...]}


def send_reminder_email(reminder_id: int) -> bool:
    """Send the e-mail of a reminder unless already sent (or being sent). Raises on failure
    so the task retries; the error and the attempt count are recorded either way."""
    now = timezone.now()
    claimed = (
        Reminder.objects.filter(pk=reminder_id, email_sent_at__isnull=True)
        .exclude(email_claimed_at__gt=now - STALE_CLAIM)
        .update(email_claimed_at=now, email_attempts=F("email_attempts") + 1)
    )
    if not claimed:
        return False
    reminder = Reminder.objects.select_related("recipient").get(pk=reminder_id)
    link = settings.SITE_URL.rstrip("/") + reminder.url
    text = (
        f"Kính gửi {reminder.recipient.full_name},\n\n{reminder.body}\n\n"
        f"Xem chi tiết: {link}\n\n"
        "Thư này do phần mềm Trợ giúp pháp lý gửi tự động; "
        "bạn có thể tắt nhắc hạn qua thư trong mục Thông báo."
    )
    try:
        send_mail(reminder.title, text, None, [reminder.recipient.email])
    except Exception as exc:
        Reminder.objects.filter(pk=reminder_id).update(
            email_error=f"{display_moment(timezone.now())}: {exc}"[:2000], email_claimed_at=None
        )
        raise
    Reminder.objects.filter(pk=reminder_id).update(email_sent_at=timezone.now(), email_error="")
    return True


def send_reminder_emails(event) -> None:
    """Outbox subscriber: send every e-mail of a scan that is not sent yet. A failure is
    recorded on its reminder and raised after the others were tried, so the outbox
    retries the message later; what was sent is never sent again."""
    failures: list[Exception] = []
    for reminder_id in event.payload.get("reminder_ids", []):
        try:
            send_reminder_email(reminder_id)
        except Exception as exc:  # SMTP and network errors of many kinds
            failures.append(exc)
    if failures:
        raise failures[0]
