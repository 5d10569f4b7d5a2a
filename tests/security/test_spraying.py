"""Password spraying: a few guesses on many accounts, or on one account from many machines,
each under axes' (user, address) limit, is refused by the slower limits."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tgpl.roles import Role

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)


def attempt(client, username, password, address):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def accounts(centre):
    return [UserFactory(username=f"canbo{i}", centre=centre, roles=[Role.STAFF]) for i in range(12)]


def test_48_guesses_over_12_accounts_from_one_address_are_stopped_at_the_address_limit(
    client, accounts, settings
):
    statuses = []
    with time_machine.travel(START, tick=False):
        for round_ in range(4):  # four guesses per account: under axes' limit of five
            for user in accounts:
                statuses.append(
                    attempt(
                        client, user.username, f"doan-mat-khau-{round_}", "10.9.9.9"
                    ).status_code
                )
    limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT
    assert statuses[:limit] == [200] * limit
    assert statuses[limit:] == [429] * (48 - limit)


def test_an_address_over_the_limit_is_refused_even_with_a_right_password(client, accounts):
    with time_machine.travel(START, tick=False):
        for i in range(20):
            attempt(client, accounts[i % 12].username, "doan-mat-khau", "10.9.9.9")
        refused = attempt(client, accounts[0].username, PASSWORD, "10.9.9.9")
        assert refused.status_code == 429
        body = refused.content.decode()
        assert "Máy này đã đăng nhập sai quá nhiều lần (trên nhiều tài khoản)." in body
        assert "thử lại sau 1 giờ" in body
        assert "PT1H" not in body
        # Colleagues at other machines are not affected.
        assert attempt(client, accounts[1].username, PASSWORD, "10.1.1.2").status_code == 302


def test_the_address_limit_lifts_after_the_cool_off_period(client, accounts):
    with time_machine.travel(START, tick=False):
        for i in range(20):
            attempt(client, accounts[i % 12].username, "doan-mat-khau", "10.9.9.9")
        assert attempt(client, accounts[0].username, PASSWORD, "10.9.9.9").status_code == 429
    with time_machine.travel(START + dt.timedelta(hours=1, minutes=1), tick=False):
        assert attempt(client, accounts[0].username, PASSWORD, "10.9.9.9").status_code == 302


def test_one_account_guessed_from_many_addresses_is_refused_at_the_account_limit(
    client, staff, settings
):
    limit = settings.LOGIN_ACCOUNT_FAILURE_LIMIT
    with time_machine.travel(START, tick=False):
        statuses = [
            attempt(client, "vienchuc", "doan-mat-khau", f"10.8.0.{i}").status_code
            for i in range(1, limit + 4)
        ]
        assert statuses[:limit] == [200] * limit
        assert statuses[limit:] == [429, 429, 429]
        refused = attempt(client, "vienchuc", PASSWORD, "10.8.1.1")
        assert refused.status_code == 429
        assert "từ nhiều máy khác nhau" in refused.content.decode()


def test_the_account_limit_counts_usernames_whatever_their_case(client, staff, settings):
    with time_machine.travel(START, tick=False):
        for i in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT):
            attempt(client, "VienChuc" if i % 2 else "vienchuc", "doan-mat-khau", f"10.8.0.{i}")
        assert attempt(client, "vienchuc", PASSWORD, "10.8.1.1").status_code == 429


def test_the_owner_still_signs_in_from_the_machine_they_use(client, staff, settings):
    """The account limit must not let an attacker lock the real user out of their desk."""
    with time_machine.travel(START - dt.timedelta(days=3), tick=False):
        assert attempt(client, "vienchuc", PASSWORD, "192.168.10.21").status_code == 302
        client.post(reverse("logout"))
    with time_machine.travel(START, tick=False):
        for i in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT + 2):
            attempt(client, "vienchuc", "doan-mat-khau", f"10.8.0.{i}")
        assert attempt(client, "vienchuc", PASSWORD, "10.8.1.1").status_code == 429
        assert attempt(client, "vienchuc", PASSWORD, "192.168.10.21").status_code == 302


def test_unlocking_in_axes_lifts_the_spraying_limits_too(client, accounts):
    """The administrator's unlock (axes' reset) is the one unlock for every limit."""
    from axes.utils import reset

    with time_machine.travel(START, tick=False):
        for i in range(20):
            attempt(client, accounts[i % 12].username, "doan-mat-khau", "10.9.9.9")
        assert attempt(client, accounts[0].username, PASSWORD, "10.9.9.9").status_code == 429
        reset(ip="10.9.9.9")
        assert attempt(client, accounts[0].username, PASSWORD, "10.9.9.9").status_code == 302
