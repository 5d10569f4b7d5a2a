"""A user's deadlines as an iCalendar feed (RFC 5545), for their calendar app."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .deadlines import person_id, providers


def user_deadlines(user, *, now=None):
    """The open deadlines this user owns or is told about, from every provider."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    centres = [user.centre_id] if user.centre_id else []
    for provider in providers():
        for deadline in provider(today, now, centre_ids=centres):
            people = {person_id(u) for u in (*deadline.owners, *deadline.escalate_to)}
            if user.pk in people:
                yield deadline


def calendar_for(user) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//TGPL//Nhac han//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Thời hạn — {user.full_name}")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    base = settings.SITE_URL.rstrip("/")
    for deadline in user_deadlines(user):
        event = Event()
        event.add(
            "uid", f"{deadline.deadline}-{deadline.subject.pk}-{deadline.due_at:%Y%m%d%H%M}@tgpl"
        )
        event.add("summary", f"{deadline.label}: {deadline.title}")
        if deadline.unit == "hours":
            event.add("dtstart", deadline.due_at)
            event.add("dtend", deadline.due_at + timedelta(minutes=30))
        else:
            day = timezone.localtime(deadline.due_at).date()
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", timezone.now())
        event.add("url", base + deadline.url)
        event.add("description", (deadline.next_step or deadline.label) + f"\n{base}{deadline.url}")
        cal.add_component(event)
    return cal.to_ical()
