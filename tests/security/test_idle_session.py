"""A session idle for 30 minutes ends, even while an open tab polls the bell."""

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def at(minutes: float):
    return time_machine.travel(START + dt.timedelta(minutes=minutes), tick=False)


def poll(client):
    return client.get(
        reverse("notifications_bell"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/cases/",
    )


def sign_in(client):
    return client.post(reverse("login"), {"username": "vienchuc", "password": PASSWORD})


def test_the_bells_poll_does_not_keep_an_idle_session_alive(client, staff):
    with at(0):
        sign_in(client)
        assert client.get(reverse("dashboard")).status_code == 200
    for minute in range(2, 30, 2):  # the bell polls every two minutes
        with at(minute):
            assert poll(client).status_code == 200
    with at(30.5):
        ended = poll(client)
        assert ended.status_code == 204
        assert ended["HX-Redirect"] == reverse("login") + "?next=%2Fcases%2F"
    with at(31):
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_session_row_expires_thirty_minutes_after_the_last_activity(client, staff):
    with at(0):
        sign_in(client)
        client.get(reverse("dashboard"))
        key = client.session.session_key
    with at(10):
        client.get(reverse("cases:index"))
    for minute in range(12, 40, 2):
        with at(minute):
            poll(client)
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry == START + dt.timedelta(minutes=40)


def test_real_activity_keeps_the_session_for_as_long_as_the_user_works(client, staff):
    with at(0):
        sign_in(client)
    for minute in (20, 45, 70, 95):
        with at(minute):
            assert client.get(reverse("dashboard")).status_code == 200
    with at(95 + 29):
        assert client.get(reverse("dashboard")).status_code == 200


def test_the_login_page_says_the_session_ended_for_lack_of_activity(client, staff):
    with at(0):
        sign_in(client)
        client.get(reverse("dashboard"))
    with at(31):
        response = client.get(reverse("dashboard"), follow=True)
        body = response.content.decode()
        assert "Phiên làm việc đã kết thúc sau 30 phút không thao tác." in body
        assert "Đăng nhập hệ thống" in body
    with at(32):
        assert "Phiên làm việc đã kết thúc" not in client.get(reverse("login")).content.decode()


def test_a_bell_poll_just_before_the_limit_does_not_extend_it(client, staff):
    with at(0):
        sign_in(client)
        client.get(reverse("dashboard"))
    with at(29.9):
        assert poll(client).status_code == 200
    with at(30.1):
        assert client.get(reverse("dashboard")).status_code == 302


def test_sessions_are_not_saved_on_every_request(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def _session_writes(captured) -> int:
    return sum('UPDATE "django_session"' in q["sql"] for q in captured.captured_queries)


def test_pages_within_a_minute_write_the_session_once(client, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with at(0):
        sign_in(client)
        client.get(reverse("dashboard"))
        key = client.session.session_key
    with at(0.5), CaptureQueriesContext(connection) as half_a_minute:
        assert client.get(reverse("cases:index")).status_code == 200
    with at(1), CaptureQueriesContext(connection) as a_minute:
        assert client.get(reverse("cases:index")).status_code == 200
    assert _session_writes(half_a_minute) == 0
    assert _session_writes(a_minute) == 1
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry == START + dt.timedelta(minutes=31)


def test_a_page_not_written_down_never_makes_the_session_outlive_thirty_minutes(client, staff):
    with at(0):
        sign_in(client)
        client.get(reverse("dashboard"))
    with at(0.9):  # within the minute: not written, so the thirty minutes count from 0
        assert client.get(reverse("dashboard")).status_code == 200
    with at(30):
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
