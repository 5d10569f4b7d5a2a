"""The client's address is read as authentication (django-axes) reads it."""

import sys

import pytest
from django.test import RequestFactory

from tgpl.clients import client_address


@pytest.fixture
def rf():
    return RequestFactory()


def test_the_socket_address_without_a_proxy(rf, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 0
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(request) == "10.1.2.3"


def test_behind_the_proxy_the_forwarded_address_is_the_client(rf, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.5")
    assert client_address(request) == "203.0.113.7"


def test_the_same_address_as_the_lockout(rf, settings):
    from axes.helpers import get_client_ip_address

    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    for forwarded in ("203.0.113.7, 10.0.0.5", "198.51.100.2, 203.0.113.7, 10.0.0.5"):
        request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
        assert client_address(request) == get_client_ip_address(request)


def test_without_ipware_the_socket_address(rf, settings, monkeypatch):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    monkeypatch.setitem(sys.modules, "ipware.ip", None)  # import fails
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(request) == "10.1.2.3"


def test_an_address_that_is_not_one_gives_none(rf, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipware.ip", None)
    assert client_address(rf.get("/", REMOTE_ADDR="unknown")) is None
