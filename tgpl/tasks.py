"""Celery tasks of the shared kernel: thin wrappers around services."""

import logging
import smtplib

from celery import shared_task

from tgpl.kernel import events
from tgpl.notifications import delivery, scan

logger = logging.getLogger(__name__)


def enqueue(task, *args, **kwargs) -> bool:
    """Queue a task once, without retrying: if the broker (Redis) is down, log it and go
    on. The user's action has already succeeded and what it must cause is an outbox row
    that the periodic flush hands over when the broker is back."""
    try:
        task.apply_async(args=args, kwargs=kwargs, retry=False)
    except Exception:  # kombu/redis connection errors of many kinds
        logger.exception("Could not queue %s%r: broker unavailable", task.name, args)
        return False
    return True


@shared_task(name="tgpl.tick")
def tick():
    """Every few minutes (beat): the daily scan once at its time, and hour-based limits."""
    if scan.daily_scan_due():
        scan.run_scan(unit="days")
    scan.run_scan(unit="hours")


@shared_task(name="tgpl.daily_scan")
def daily_scan():
    return scan.run_scan(unit="days").created


@shared_task(
    name="tgpl.send_reminder_email",
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=30,
    retry_backoff_max=3600,
    retry_jitter=True,
    max_retries=6,
)
def send_reminder_email(reminder_id: int):
    return delivery.send_reminder_email(reminder_id)


@shared_task(name="tgpl.retention")
def retention():
    """Every night (beat): expired sessions, old login records and read logs, handled
    outbox rows; the history of long-closed cases made anonymous (tgpl.operations)."""
    from tgpl.operations.retention import run_retention

    return run_retention()


@shared_task(name="tgpl.deliver_outbox_message")
def deliver_outbox_message(message_id: int):
    """Run the subscribers of one committed outbox message (queued after commit)."""
    return events.deliver(message_id)


@shared_task(name="tgpl.flush_outbox")
def flush_outbox():
    """Every minute (beat): whatever the outbox still holds, e.g. after a broker outage."""
    return events.flush()


@shared_task(name="tgpl.run_export_job")
def run_export_job(job_id: int):
    """Write one export's file (queued by the outbox after the request committed)."""
    from tgpl.exports.services import run_export

    return run_export(job_id=job_id)


@shared_task(name="tgpl.expire_exports")
def expire_exports():
    """Every hour (beat): export files past their keeping time are deleted."""
    from tgpl.exports.services import expire_exports as expire

    return expire()
