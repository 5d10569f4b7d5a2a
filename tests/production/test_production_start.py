"""The README's production start, for real: collectstatic under production settings, then
gunicorn with WhiteNoise serving the login page, a case page, a plan page and its PDF, and
the static files under their hashed names, to a user created for the test.

Marked `production`: not in the default run; `.ci/run` runs it after `make test`, and on a
dev machine `make test PYTEST_ARGS="-m production"` (about a minute, most of it
collectstatic compressing the static files). It uses its own SQLite file and port, so it
touches no shared database; it prints how long each step took.
"""

import io
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.production

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "tgpl.production-test.local"
PASSWORD = "Một mật khẩu dài cho lần chạy thử 2026"

# A deputy director (sees every case of the centre, needs no second factor) in the demo
# centre, and the pages to open, printed as JSON by `manage.py shell`.
SETUP = f"""
import json
from django.urls import reverse
from cases.models import Case
from plans.models import Plan
from tgpl import services
from tgpl.models import Centre, User

centre = Centre.objects.get()
user = User.objects.create_user(
    "kiemtra.sanxuat", password={PASSWORD!r}, full_name="Người Kiểm Tra Sản Xuất", centre=centre
)
services.set_user_roles(user=user, new_roles=["deputy_director", "legal_aid_officer"], actor=None)
case = Case.objects.filter(centre=centre).order_by("pk").first()
plan = Plan.objects.filter(centre=centre).order_by("pk").first()
print(json.dumps({{
    "case": reverse("cases:case_detail", args=[case.pk]),
    "plan": reverse("plans:detail", args=[plan.pk]),
    "plan_pdf": reverse("plans:document_pdf", args=[plan.pk]),
}}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    base = tmp_path_factory.mktemp("production")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_")) and k not in {"DEBUG"}
    }
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "DATABASE_URL": f"sqlite:///{base / 'db.sqlite3'}",
            "STATIC_ROOT": str(base / "staticfiles"),
            "MEDIA_ROOT": str(base / "media"),
            "BEHIND_TLS_PROXY": "true",  # requests say X-Forwarded-Proto: https
            "AXES_PROXY_COUNT": "1",
            "EMAIL_URL": "consolemail://",
            "READY_MIN_FREE_MB": "1",
        }
    )
    return env


def run(env, *args, timings, label):
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    timings[label] = round(time.monotonic() - started, 1)
    assert result.returncode == 0, f"{label}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


class Browser:
    """Just enough of a browser: cookies, CSRF, the headers the TLS proxy adds."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method, path, form=None):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "192.168.10.21",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        connection.close()
        return response, data

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        return self.request("POST", path, form)


@pytest.fixture(scope="module")
def server(production_env):
    env, timings = production_env, {}
    run(env, "migrate", "--noinput", timings=timings, label="migrate")
    run(env, "collectstatic", "--noinput", timings=timings, label="collectstatic")
    run(env, "seed_demo", "--demo", timings=timings, label="seed_demo --demo")
    pages = json.loads(
        run(env, "shell", "-c", SETUP, timings=timings, label="user").strip().splitlines()[-1]
    )
    port = free_port()
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [
            str(VENV_BIN / "gunicorn"),
            "tgpl.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(240):
            try:
                response, _ = Browser(port).get("/healthz/")
                if response.status == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None:
                pytest.fail(process.stdout.read().decode())
            time.sleep(0.5)
        timings["gunicorn up"] = round(time.monotonic() - started, 1)
        yield {"port": port, "pages": pages, "timings": timings}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        print("\nproduction start, seconds:", json.dumps(timings, ensure_ascii=False))


def test_readyz_says_ready_after_the_readme_start(server):
    response, body = Browser(server["port"]).get("/readyz/")
    checks = json.loads(body)
    assert response.status == 200, checks
    assert checks["checks"]["static"]["ok"] is True
    assert checks["checks"]["database"]["ok"] is True


def test_the_login_page_and_its_hashed_static_files_are_served(server):
    browser = Browser(server["port"])
    response, body = browser.get("/accounts/login/")
    page = body.decode()
    assert response.status == 200
    assert "Đăng nhập hệ thống" in page
    hashed = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page)
    assert hashed, "the page links the hashed name from the manifest"
    css, content = browser.get(hashed.group(1))
    assert css.status == 200
    assert css.getheader("Content-Type").startswith("text/css")
    assert "immutable" in (css.getheader("Cache-Control") or "")
    assert b".login-wrap" in content
    plain, _ = browser.get("/static/css/app.css")
    assert plain.status == 200


def sign_in(browser):
    _, body = browser.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
    response, body = browser.post(
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": "kiemtra.sanxuat", "password": PASSWORD},
    )
    assert response.status == 302, body.decode()[:2000]
    assert response.getheader("Location") == "/"
    return browser


def test_a_user_signs_in_and_opens_a_case_a_plan_and_its_pdf(server):
    browser = sign_in(Browser(server["port"]))
    dashboard, body = browser.get("/")
    assert dashboard.status == 200
    assert "Người Kiểm Tra Sản Xuất" in body.decode()

    pages = server["pages"]
    case, body = browser.get(pages["case"])
    assert case.status == 200, body.decode()[:2000]
    plan, _ = browser.get(pages["plan"])
    assert plan.status == 200
    started = time.monotonic()
    pdf, content = browser.get(pages["plan_pdf"])
    server["timings"]["plan PDF"] = round(time.monotonic() - started, 1)
    assert pdf.status == 200
    assert pdf.getheader("Content-Type") == "application/pdf"
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts
    assert all(f.startswith("TGPL-Serif") for f in fonts), fonts  # through the fetcher
    assert "KẾ HOẠCH" in reader.pages[0].extract_text()


def test_an_unknown_page_is_the_vietnamese_404_in_the_layout(server):
    browser = sign_in(Browser(server["port"]))
    response, body = browser.get("/khong-co-trang-nay/")
    assert response.status == 404
    assert "Không tìm thấy trang" in body.decode()
    assert "app-band" in body.decode()
