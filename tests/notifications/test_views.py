import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar
from pytest_django.asserts import assertNotContains

from tests.notifications.conftest import at
from tgpl.models import Notification, NotificationPreference
from tgpl.notifications import scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def notified(approved_plan, staff):
    scan.run_scan(now=at(datetime.date(2026, 6, 30)))
    return Notification.objects.get(recipient=staff)


def test_bell_shows_the_unread_count(client, staff, notified):
    client.force_login(staff)
    response = client.get(reverse("notifications_bell"))
    assert response.context["unread"] == 1
    assert 'text-bg-danger">1<span' in response.content.decode()
    notified.read_at = notified.created_at
    notified.save()
    assert client.get(reverse("notifications_bell")).context["unread"] == 0


def test_list_and_mark_read_then_follow_the_link(client, staff, notified):
    client.force_login(staff)
    page = client.get(reverse("notifications")).content.decode()
    assert notified.title in page
    response = client.post(reverse("notification_read", args=[notified.pk]), {"go": "1"})
    assert response["Location"] == notified.url
    notified.refresh_from_db()
    assert notified.read_at is not None


def test_nobody_reads_another_persons_notifications(client, officer, notified):
    client.force_login(officer)
    assert client.post(reverse("notification_read", args=[notified.pk])).status_code == 404
    assertNotContains(client.get(reverse("notifications")), notified.title, status_code=200)


def test_mark_all_read(client, staff, notified):
    client.force_login(staff)
    client.post(reverse("notifications_read_all"))
    assert not Notification.objects.filter(recipient=staff, read_at__isnull=True).exists()


def test_email_preference_can_be_turned_off(client, staff):
    client.force_login(staff)
    client.post(reverse("notification_prefs"), {})
    assert NotificationPreference.objects.get(user=staff).email_enabled is False
    client.post(reverse("notification_prefs"), {"email_enabled": "on"})
    assert NotificationPreference.objects.get(user=staff).email_enabled is True


@pytest.mark.parametrize(
    "name", ["notifications_read_all", "notification_prefs", "notification_feed_reset"]
)
def test_changes_need_post(client, staff, name):
    client.force_login(staff)
    assert client.get(reverse(name)).status_code == 405


def test_pages_need_login(client):
    response = client.get(reverse("notifications"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_ics_feed_lists_my_deadlines_and_a_calendar_reads_it(client, approved_plan, staff):
    token = NotificationPreference.for_user(staff).ics_token
    response = client.get(reverse("ics_feed", args=[token]))  # no login: calendar apps
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert str(event["summary"]).startswith("Nhiệm vụ kế hoạch: II.1 In tờ gấp")
    assert event.decoded("dtstart") == datetime.date(2026, 6, 30)
    assert "/plans/items/" in str(event["url"])


def test_ics_feed_token_can_be_reset_and_the_old_one_dies(client, staff):
    old = NotificationPreference.for_user(staff).ics_token
    client.force_login(staff)
    client.post(reverse("notification_feed_reset"))
    new = NotificationPreference.objects.get(user=staff).ics_token
    assert new != old
    client.logout()
    assert client.get(reverse("ics_feed", args=[old])).status_code == 404
    assert client.get(reverse("ics_feed", args=[new])).status_code == 200


def test_ics_feed_of_an_inactive_user_is_gone(client, staff):
    token = NotificationPreference.for_user(staff).ics_token
    staff.is_active = False
    staff.save()
    assert client.get(reverse("ics_feed", args=[token])).status_code == 404


def test_notification_list_query_count_does_not_grow(client, staff, django_assert_num_queries):
    def add(n):
        Notification.objects.bulk_create(
            Notification(recipient=staff, title=f"Nhắc hạn {i}", url="/plans/") for i in range(n)
        )

    client.force_login(staff)
    NotificationPreference.for_user(staff)  # made on the first visit
    add(3)
    with django_assert_num_queries(LIST_QUERIES):
        client.get(reverse("notifications"))
    add(60)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(reverse("notifications"))
    assert len(response.context["page"].object_list) == 30


LIST_QUERIES = 7


def test_the_feed_link_shown_is_built_from_site_url_not_the_request_host(client, staff, settings):
    """Behind a proxy the request's host is an internal name; `make run PORT=8080` sets
    SITE_URL so the link copied into a calendar app is the one people open."""
    settings.SITE_URL = "http://10.0.0.5:8080/"
    client.force_login(staff)
    response = client.get(reverse("notifications"), HTTP_HOST="localhost")
    token = NotificationPreference.for_user(staff).ics_token
    assert response.context["feed_url"] == f"http://10.0.0.5:8080/calendar/{token}.ics"
    assert f"http://10.0.0.5:8080/calendar/{token}.ics" in response.content.decode()
