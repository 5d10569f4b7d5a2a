"""The client address behind zero, one and two reverse proxies (django-ipware via axes).

Settings are computed at start-up from AXES_PROXY_COUNT; the `proxies` helper applies
the same values tgpl/settings.py derives, and one test runs the settings module itself.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def proxies(settings, count):
    if count:
        settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
        settings.AXES_IPWARE_PROXY_COUNT = count - 1
    else:
        settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
        settings.AXES_IPWARE_PROXY_COUNT = None


def address(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return get_client_ip_address(RequestFactory().post("/accounts/login/", **extra))


def settings_for(proxy_count: int) -> list:
    probe = (
        "import django, json; from django.conf import settings as s; django.setup(); "
        "print(json.dumps([s.AXES_IPWARE_META_PRECEDENCE_ORDER, s.AXES_IPWARE_PROXY_COUNT]))"
    )
    env = {**os.environ, "DEBUG": "true", "AXES_PROXY_COUNT": str(proxy_count)}
    env["DJANGO_SETTINGS_MODULE"] = "tgpl.settings"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_settings_derive_ipware_values_from_the_proxy_count():
    assert settings_for(0) == [["REMOTE_ADDR"], None]
    assert settings_for(1) == [["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"], 0]
    assert settings_for(2) == [["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"], 1]


def test_without_a_proxy_a_spoofed_forwarded_header_is_ignored(settings):
    proxies(settings, 0)
    assert address("192.168.10.21", "203.0.113.9") == "192.168.10.21"


def test_behind_one_proxy_the_client_is_what_the_proxy_saw(settings):
    proxies(settings, 1)
    # nginx: X-Forwarded-For $proxy_add_x_forwarded_for; REMOTE_ADDR is nginx itself.
    assert address("10.0.0.1", "192.168.10.21") == "192.168.10.21"
    assert address("10.0.0.1", "192.168.10.22") == "192.168.10.22"


def test_behind_one_proxy_an_address_the_client_added_is_ignored(settings):
    proxies(settings, 1)
    assert address("10.0.0.1", "203.0.113.9, 192.168.10.21") == "192.168.10.21"


def test_behind_two_proxies_the_client_is_second_from_the_right(settings):
    proxies(settings, 2)
    assert address("10.0.0.2", "192.168.10.21, 10.0.0.1") == "192.168.10.21"
    assert address("10.0.0.2", "203.0.113.9, 192.168.10.21, 10.0.0.1") == "192.168.10.21"


def test_behind_the_proxy_a_failed_login_locks_the_client_not_the_proxy(
    client, settings, staff, officer
):
    """The finding: all users share the proxy's address, so one lockout locked them all."""
    proxies(settings, 1)
    proxy = "10.0.0.1"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("login"),
            {"username": "vienchuc", "password": "sai-mat-khau-roi"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="192.168.10.21",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.168.10.21"}
    locked = client.post(
        reverse("login"),
        {"username": "vienchuc", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="192.168.10.21",
    )
    assert locked.status_code == 429
    # The same user at their own machine, through the same proxy, signs in.
    ok = client.post(
        reverse("login"),
        {"username": "vienchuc", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="192.168.10.30",
    )
    assert ok.status_code == 302
