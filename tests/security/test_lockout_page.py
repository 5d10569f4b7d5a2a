"""The lockout page says, in Vietnamese words, how long to wait (the finding: "PT1H")."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import PASSWORD
from tgpl.security.durations import duration_vi

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (dt.timedelta(hours=1), "1 giờ"),
        (dt.timedelta(minutes=30), "30 phút"),
        (dt.timedelta(hours=1, minutes=30), "1 giờ 30 phút"),
        (dt.timedelta(days=1, hours=2, minutes=5), "1 ngày 2 giờ 5 phút"),
        (dt.timedelta(minutes=59, seconds=1), "1 giờ"),
        (dt.timedelta(seconds=10), "1 phút"),
    ],
)
def test_durations_are_vietnamese_words_rounded_up_to_the_minute(delta, words):
    assert duration_vi(delta) == words


def lock_out(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "vienchuc", "password": "sai-mat-khau-roi"},
            REMOTE_ADDR="10.0.0.7",
        )
    return client.post(
        reverse("login"), {"username": "vienchuc", "password": PASSWORD}, REMOTE_ADDR="10.0.0.7"
    )


def test_the_lockout_page_gives_the_wait_in_hours(client, staff, settings):
    response = lock_out(client, settings)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Vui lòng thử lại sau 1 giờ." in body
    assert "PT1H" not in body
    assert "cho tài khoản này từ máy này" in body
    assert '<html lang="vi">' in body


def test_the_lockout_page_gives_the_wait_in_minutes(client, staff, settings):
    settings.AXES_COOLOFF_TIME = 0.5
    body = lock_out(client, settings).content.decode()
    assert "Vui lòng thử lại sau 30 phút." in body
    assert "PT30M" not in body
