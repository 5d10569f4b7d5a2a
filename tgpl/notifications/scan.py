"""The reminder scan: due deadlines → reminder rows (inserted once) → in-app notices,
and e-mails queued after commit. Safe when two scans or two workers run at once:
the unique constraint drops duplicates and a conditional UPDATE claims each row once."""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from tgpl.calendar import work_calendar
from tgpl.kernel import emit

from .deadlines import person_id, providers, steps_for
from .delivery import REMINDER_EMAILS
from .models import Notification, NotificationPreference, Reminder, ReminderSettings
from .window import ScanWindow

logger = logging.getLogger(__name__)
# Nothing due further ahead than this needs a reminder today (the largest offset is a
# few working days; long Tết breaks stay well inside).
SCAN_HORIZON = timedelta(days=45)


@dataclass
class ScanResult:
    deadlines: int = 0
    created: int = 0
    emails_queued: int = 0


def _message(deadline, step) -> tuple[str, str]:
    due = timezone.localtime(deadline.due_at)
    when = due.strftime("%H:%M %d/%m/%Y") if deadline.unit == "hours" else due.strftime("%d/%m/%Y")
    if step.kind == "before":
        title = f"Sắp đến hạn: {deadline.title}"
        lead = f"{deadline.label} sắp đến hạn vào {when}."
    elif step.kind == "due":
        title = f"Đến hạn hôm nay: {deadline.title}"
        lead = f"{deadline.label} đến hạn hôm nay ({when})."
    elif step.kind == "waiting":
        title = f"Đang chờ duyệt: {deadline.title}"
        lead = f"{deadline.label} đang chờ quyết định từ {when}."
    else:
        title = f"Quá hạn: {deadline.title}"
        lead = f"{deadline.label} đã quá hạn từ {when} mà chưa hoàn thành."
    body = lead + (f" {deadline.next_step}" if deadline.next_step else "")
    return title[:255], body


BATCH = 2000  # reminder rows written, and claimed ones delivered, per batch


def _provider_deadlines(provider, today, now, until, window):
    """A provider's deadlines; those that filter in SQL (`takes_window`) get the window
    and yield only what may need a reminder now (issue 18.4)."""
    if getattr(provider, "takes_window", False):
        return provider(today, now, until=until, window=window)
    return provider(today, now, until=until)


def run_scan(*, now: datetime | None = None, unit: str | None = None) -> ScanResult:
    """Create and deliver the reminders due now. `unit` limits to "days" or "hours" deadlines.

    Holds one batch in memory: reminder rows are inserted every BATCH candidates, and
    the claimed ones are delivered BATCH at a time."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    config = ReminderSettings.current()
    calendar = work_calendar()
    result = ScanResult()
    candidates: list[Reminder] = []
    content_types: dict[type, ContentType] = {}
    until = today + SCAN_HORIZON
    window = ScanWindow(
        now=now,
        today=today,
        calendar=calendar,
        days_before=config.days_before(),
        overdue_repeat_days=config.overdue_repeat_days,
        hours_before=config.legal_hours_before,
        unit=unit,
        _content_types=content_types,
    )
    for provider in providers():
        for deadline in _provider_deadlines(provider, today, now, until, window):
            if unit and deadline.unit != unit:
                continue
            result.deadlines += 1
            steps = steps_for(
                deadline,
                now=now,
                today=today,
                calendar=calendar,
                days_before=config.days_before(),
                overdue_repeat_days=config.overdue_repeat_days,
                hours_before=config.legal_hours_before,
            )
            model = type(deadline.subject)
            if model not in content_types:
                content_types[model] = ContentType.objects.get_for_model(model)
            for step in steps:
                title, body = _message(deadline, step)
                for user_id in {person_id(u) for u in step.recipients} - {None}:
                    candidates.append(
                        Reminder(
                            content_type=content_types[model],
                            object_id=deadline.subject.pk,
                            deadline=deadline.deadline,
                            kind=step.kind,
                            step=step.step,
                            due_at=deadline.due_at,
                            recipient_id=user_id,
                            title=title,
                            body=body,
                            url=deadline.url,
                            created_at=now,
                        )
                    )
            if len(candidates) >= BATCH:
                Reminder.objects.bulk_create(candidates, ignore_conflicts=True, batch_size=500)
                candidates = []
    with transaction.atomic():
        if candidates:
            Reminder.objects.bulk_create(candidates, ignore_conflicts=True, batch_size=500)
        claim = uuid.uuid4().hex
        Reminder.objects.filter(claim="", notified_at__isnull=True).update(claim=claim)
        last = 0
        while True:
            claimed = list(
                Reminder.objects.filter(claim=claim, pk__gt=last)
                .select_related("recipient")
                .order_by("pk")[:BATCH]
            )
            if claimed:
                last = claimed[-1].pk
                result.created += len(claimed)
                result.emails_queued += _deliver(claimed, now)
            if len(claimed) < BATCH:
                break
        Reminder.objects.filter(claim=claim).update(notified_at=now)
    return result


def _deliver(claimed: list[Reminder], now: datetime) -> int:
    """In-app notices of a batch of claimed reminders, and their e-mails queued."""
    Notification.objects.bulk_create(
        Notification(
            recipient=r.recipient,
            reminder=r,
            title=r.title,
            body=r.body,
            url=r.url,
            created_at=now,
        )
        for r in claimed
    )
    no_email = set(
        NotificationPreference.objects.filter(
            user_id__in={r.recipient_id for r in claimed}, email_enabled=False
        ).values_list("user_id", flat=True)
    )
    to_mail = [r.pk for r in claimed if r.recipient.email and r.recipient_id not in no_email]
    if to_mail:
        # One outbox row per batch of the scan's e-mails: committed with the reminders,
        # handed to a worker after commit (one publish, however many e-mails), and flushed
        # later if the broker is down. The scan never waits on the broker per e-mail.
        emit(REMINDER_EMAILS, reminder_ids=to_mail)
    return len(to_mail)


def daily_scan_due(now: datetime | None = None) -> bool:
    """True once a day, at or after the administrator's chosen time (Asia/Ho_Chi_Minh)."""
    now = timezone.localtime(now or timezone.now())
    config = ReminderSettings.current()
    if config.last_daily_scan == now.date() or now.time() < config.daily_scan_time:
        return False
    updated = (
        ReminderSettings.objects.filter(pk=config.pk)
        .exclude(last_daily_scan=now.date())
        .update(last_daily_scan=now.date())
    )
    return bool(updated)  # a second beat or worker racing here gets 0 rows
