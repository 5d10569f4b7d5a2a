"""/healthz/ says the process answers; /readyz/ tells the truth about what it needs."""

import json
import socket

import pytest
from django.db import OperationalError
from django.urls import reverse

from tgpl import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_migration_check(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


def ready(client):
    response = client.get(reverse("readyz"))
    return response.status_code, json.loads(response.content)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"


def test_readyz_is_ok_when_everything_answers(client, settings):
    settings.REDIS_URL = ""
    status, body = ready(client)
    assert status == 200, body
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"]
    assert body["checks"]["redis"]["skipped"] == "REDIS_URL is not set"
    assert body["checks"]["disk"]["free_mb"] >= settings.READY_MIN_FREE_MB


def test_readyz_fails_when_the_database_does_not_answer(client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", down)
    status, body = ready(client)
    assert status == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["database"]["ok"] is False
    assert "connection refused" in body["checks"]["database"]["error"]


def test_readyz_fails_while_migrations_are_not_applied(client, monkeypatch):
    monkeypatch.setattr(
        health.MigrationExecutor, "migration_plan", lambda self, targets: [("tgpl", "0010_x")]
    )
    status, body = ready(client)
    assert status == 503
    assert "migrate" in body["checks"]["database"]["error"]


def test_readyz_fails_when_redis_is_set_but_down(client, settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{closed_port()}/0"
    status, body = ready(client)
    assert status == 503
    assert body["checks"]["redis"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.redis
def test_readyz_pings_a_real_redis(client, settings):
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (CI)")
    status, body = ready(client)
    assert body["checks"]["redis"] == {"ok": True, "ms": body["checks"]["redis"]["ms"]}
    assert status == 200


def test_readyz_fails_when_the_media_disk_is_nearly_full(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-made-yet" / "media"
    settings.READY_MIN_FREE_MB = 10**12  # more than any disk has
    status, body = ready(client)
    assert status == 503
    assert body["checks"]["disk"]["ok"] is False
    assert "MB free for MEDIA_ROOT" in body["checks"]["disk"]["error"]


def test_readyz_fails_when_collectstatic_was_not_run(client, settings, tmp_path):
    """The finding: without the manifest every page is a 500 while /healthz/ says ok."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "tgpl.staticfiles.StaticFilesStorage"},
    }
    status, body = ready(client)
    assert status == 503
    assert "collectstatic" in body["checks"]["static"]["error"]


def test_the_probes_answer_over_plain_http_with_the_https_redirect_on(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get(reverse("readyz")).status_code == 200
    assert client.get(reverse("login")).status_code == 301
