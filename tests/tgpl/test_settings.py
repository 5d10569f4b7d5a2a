"""Settings parsing: run the settings module in a clean subprocess per case."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json
from django.conf import settings
import django
django.setup()
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_options": settings.DATABASES["default"].get("OPTIONS", {}).get("options"),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": settings.CELERY_BROKER_URL,
    "tz": settings.TIME_ZONE,
    "lang": settings.LANGUAGE_CODE,
    "hosts": settings.ALLOWED_HOSTS,
    "email": settings.EMAIL_BACKEND,
    "session_age": settings.SESSION_COOKIE_AGE,
    "activity": settings.SESSION_ACTIVITY_SECONDS,
    "secure_cookies": settings.SESSION_COOKIE_SECURE,
    "min_password": settings.AUTH_PASSWORD_VALIDATORS[1]["OPTIONS"]["min_length"],
    "axes": settings.AXES_LOCKOUT_PARAMETERS,
    "login_required": (
        "django.contrib.auth.middleware.LoginRequiredMiddleware" in settings.MIDDLEWARE
    ),
}))
"""


def run_settings(env_overrides, *, allow_fail=False):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "tgpl.settings"
    env.update(env_overrides)
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if allow_fail:
        return result
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_development_defaults_need_nothing():
    values = run_settings({"DEBUG": "true"})
    assert values["debug"] is True
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["eager"] is True  # no REDIS_URL: Celery runs in-process
    assert values["broker"] == "memory://"
    assert values["tz"] == "Asia/Ho_Chi_Minh"
    assert values["lang"] == "vi"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"


def test_security_settings_are_on():
    values = run_settings({"DEBUG": "true"})
    assert values["session_age"] == 30 * 60
    assert values["min_password"] == 12
    assert values["axes"] == [["username", "ip_address"]]
    assert values["login_required"] is True


def test_production_reads_database_redis_and_email_urls():
    values = run_settings(
        {
            "DEBUG": "false",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "tgpl.example.vn,10.0.0.5",
            "DATABASE_URL": "postgres://u:p@db.internal:5432/tgpl",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "EMAIL_URL": "smtp+tls://mailer:secret@mail.internal:587",
        }
    )
    assert values["debug"] is False
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_options"] == "-c jit=off"  # short queries: no JIT compilation
    assert values["eager"] is False
    assert values["broker"] == "redis://cache.internal:6379/0"
    assert values["hosts"] == ["tgpl.example.vn", "10.0.0.5"]
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_a_server_setting_in_the_database_url_is_kept_beside_no_jit():
    values = run_settings(
        {
            "DEBUG": "true",
            "DATABASE_URL": "postgres://u@db.internal/tgpl?options=-c%20statement_timeout%3D5000",
        }
    )
    assert values["db_options"] == "-c statement_timeout=5000 -c jit=off"


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_postgresql_connection_compiles_no_query():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL server setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_required_values(missing):
    env = {"DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "tgpl.example.vn"}
    del env[missing]
    result = run_settings(env, allow_fail=True)
    assert result.returncode != 0
    assert missing in result.stderr


def test_debug_flag_is_parsed_strictly():
    assert (
        run_settings({"DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a"})["debug"]
        is False
    )
    assert run_settings({"DEBUG": "1"})["debug"] is True


@pytest.mark.parametrize(
    ("name", "value"), [("SECURE_COOKIES", "ture"), ("DEBUG", "yess"), ("BEHIND_TLS_PROXY", "")]
)
def test_a_mistyped_boolean_stops_the_start_with_its_name(name, value):
    env = {"DEBUG": "false", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a", name: value}
    result = run_settings(env, allow_fail=True)
    assert result.returncode != 0
    assert f"{name}={value!r} is not a boolean" in result.stderr


@pytest.mark.parametrize("value", ["TRUE", "Yes", "on", "1"])
def test_every_spelling_of_true_is_read_as_true(value):
    values = run_settings(
        {"DEBUG": "true", "SECURE_COOKIES": value}  # DEBUG's default would be False
    )
    assert values["secure_cookies"] is True


@pytest.mark.parametrize("value", ["1800", "-1"])
def test_an_activity_stamp_not_fresher_than_the_idle_limit_stops_the_start(value):
    result = run_settings({"SESSION_ACTIVITY_SECONDS": value}, allow_fail=True)
    assert result.returncode != 0
    assert f"SESSION_ACTIVITY_SECONDS={value} must be at least 0" in result.stderr


def test_the_activity_stamp_is_refreshed_once_a_minute_by_default():
    assert run_settings({})["activity"] == 60


def test_check_deploy_reports_nothing_under_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": "k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3,
            "ALLOWED_HOSTS": "tgpl.langson.local",
            "DJANGO_SETTINGS_MODULE": "tgpl.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
