"""Browser tests: Playwright driving the machine's Chromium against a live server.

Run with `make e2e` (CI runs them after `make test`). Chromium comes from Debian
(`apt-get install chromium`); Playwright never downloads a browser here.

The demo is seeded ONCE for the whole run (`site`, session-scoped: seeding takes most
of a minute) into the test database, and one live server serves it to every test.
No test flushes it, so each journey picks its own objects by state (a proposal still
waiting, a case still open) and works whatever ran before it. The tests carry no
django_db mark: `_database` lets their own queries through, committed at once, as the
server's are.

Every page a test opens (`page`, `as_user`) records console errors and the requests
that tried to leave this machine (aborted); a failing test leaves a screenshot of each
of its pages in var/e2e-shots/. `E2E_SHOTS=all` keeps one of every step `shot()` names.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine

from tests import clock

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "tgpl-demo-2026"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SHOTS = Path(__file__).resolve().parents[2] / "var" / "e2e-shots"


@pytest.fixture(scope="session")
def browser(site):
    """Started after the live server and closed before it stops (its open connections
    would otherwise be closed by a stopped server's threads)."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


# --- one seeded database and one live server for the whole run ------------------------


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker):
    """The test database, made once. pytest-django would make none here: no test asks
    for `db` (which would flush the demo after each test). With --reuse-db an existing
    one is taken as it is (CI hands a fresh copy of its migrated database)."""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=0,
            interactive=False,
            keepdb=bool(request.config.getoption("reuse_db")),
            aliases={"default"},
            serialized_aliases=set(),
        )
    yield
    with django_db_blocker.unblock():
        # Kept, not dropped: on PostgreSQL a connection of the stopped live server's
        # threads can still be closing, and DROP DATABASE then fails the last journey's
        # teardown. The next run makes it afresh (setup_databases replaces it), and
        # .ci/run drops it before anything else.
        teardown_databases(config, verbosity=0, keepdb=True)


@pytest.fixture(scope="session")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, seeded once at the suite's instant, served by one live server.

    Not pytest-django's `live_server`: asking for it makes every test transactional,
    and the demo would be flushed (and seeded again) after each one.
    """
    from django.core.management import call_command
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    session_settings = override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("e2e-media")), SECURE_SSL_REDIRECT=False
    )
    session_settings.enable()
    with django_db_blocker.unblock(), time_machine.travel(clock.NOW, tick=False):
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        # The first sign-in's forced password change is tested in tests/security; these
        # journeys start at the dashboard.
        from tgpl.models import User

        User.objects.update(must_change_password=False)
        server = LiveServer("127.0.0.1")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()
    session_settings.disable()


@pytest.fixture(autouse=True)
def _database(django_db_blocker):
    """A journey's own queries (picking a case, checking a state) reach the seeded
    database directly: nothing is rolled back, as nothing the server does is."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder():
    """The demo's files stay in the session's media folder (`site`) for every journey."""


# --- pages: console errors, requests leaving the machine, screenshots -------------------


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        item.e2e_failed = True
    return report


def _watch(page) -> None:
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on("dialog", lambda d: d.accept())  # data-confirm forms ask window.confirm

    def only_this_machine(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS | {None}:
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_machine)


def _shot_name(nodeid: str, suffix: str) -> Path:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::")[-1])
    return SHOTS / f"{name}-{suffix}.png"


@pytest.fixture
def pages(browser, site, request):
    """Every page of the test, for the checks and the screenshots at its end."""
    opened = []

    def open_page():
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        context.set_default_timeout(15_000)
        page = context.new_page()
        _watch(page)
        opened.append(page)
        return page

    yield open_page
    for index, page in enumerate(opened):
        if getattr(request.node, "e2e_failed", False):
            SHOTS.mkdir(parents=True, exist_ok=True)
            try:
                path = _shot_name(request.node.nodeid, f"failed-{index}")
                page.screenshot(path=str(path), full_page=True)
            except Exception as exc:  # a screenshot never hides the failure
                print(f"screenshot failed: {exc}")
        page.context.close()


@pytest.fixture
def page(pages):
    return pages()


@pytest.fixture
def as_user(pages, site):
    """A new browser (its own cookies) signed in as `username`; with two-factor sign-in
    on (tests marked two_factor) the code is typed from the device, as a phone would."""

    def sign_in(username: str):
        page = pages()
        log_in(page, site.url, username)
        return page

    return sign_in


def log_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    path = urlsplit(page.url).path
    if path.startswith("/accounts/two-factor/"):
        form = page.locator("form:has(#id_code)")
        enrolling = path.endswith("/two-factor/")
        form.locator("#id_code").fill(current_code(username, enrolling=enrolling))
        form.locator("button[type=submit]").click()
    page.wait_for_url(f"{base_url}/")


def current_code(username: str, *, enrolling: bool) -> str:
    """The 6 digits the user's authenticator shows now (the frozen clock); one step later
    when this step's code was used already (django-otp refuses a code twice)."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username=username, confirmed=not enrolling)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = dt.datetime.now(dt.UTC).timestamp()
    if totp.t() <= device.last_t:
        totp.time = (device.last_t + 1) * device.step + device.t0
    return f"{totp.token():06d}"


def choose(page, select: str, text: str) -> None:
    """Select the option of `select` whose label contains `text`."""
    value = page.locator(f"{select} option", has_text=text).first.get_attribute("value")
    page.select_option(select, value)


def shot(page, name: str) -> None:
    """A screenshot of this step, kept only with E2E_SHOTS=all (to look at the pages)."""
    if os.environ.get("E2E_SHOTS") == "all":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_clean(*pages) -> None:
    """No script error, no CSP violation, nothing fetched from outside this machine."""
    for page in pages:
        assert page.console_errors == [], page.console_errors
        assert page.outside_requests == [], page.outside_requests
