"""Web nodes for `make bench-load` and tests/production/test_two_nodes.py: gunicorn
started as production starts it (DEBUG off, a secret key, PostgreSQL and Redis), a free
port, waiting with a deadline, a minimal browser that signs in through the login form,
and stopping every child."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VENV_BIN = Path(sys.executable).parent
SETTINGS = "tests.bench.load.settings"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def node_env(*, database_url: str, redis_url: str, secret_key: str, media_root: Path) -> dict:
    """The environment of a production start on this machine, over plain HTTP."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_")) and k != "DEBUG"
    }
    env.update(
        {
            "DEBUG": "false",
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(media_root),
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
            "SECURE_HSTS_PRELOAD": "false",
            "EMAIL_URL": "consolemail://",
            "READY_MIN_FREE_MB": "1",
        }
    )
    return env


def start_gunicorn(env: dict, port: int, *, workers: int = 3, log=None) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own gunicorn
        [
            str(VENV_BIN / "gunicorn"),
            "tgpl.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "180",
        ],
        cwd=ROOT,
        env=env,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopped as a whole
    )


def wait_for(port: int, process: subprocess.Popen | None = None, timeout: float = 60) -> None:
    """Until /healthz/ answers 200 on the port; fails at the deadline or if it died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process on port {port} ended ({process.returncode})")
        try:
            response, _ = Browser(port).get("/healthz/")
            if response.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"nothing answered on port {port} within {timeout} s")


def stop(*processes: subprocess.Popen | None) -> None:
    """SIGTERM to each child's process group, then SIGKILL to what is left."""
    for process in processes:
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        if process is None:
            continue
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


class Browser:
    """Just enough of a browser: cookies, CSRF (Origin and the form's token)."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.port = port
        self.cookies: dict[str, str] = dict(cookies or {})

    def request(self, method, path, form=None, timeout=120):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        host = f"127.0.0.1:{self.port}"
        headers = {"Host": host}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{host}"
            headers["Referer"] = f"http://{host}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return response, data

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        return self.request("POST", path, form)

    def csrf_token(self, path: str) -> str:
        response, body = self.get(path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode())
        if response.status != 200 or not found:
            raise RuntimeError(f"no form at {path}: HTTP {response.status}")
        return found.group(1)

    def sign_in(self, username: str, password: str) -> Browser:
        token = self.csrf_token("/accounts/login/")
        response, body = self.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        if response.status != 302 or response.getheader("Location") != "/":
            raise RuntimeError(f"sign-in of {username}: HTTP {response.status} {body[:500]!r}")
        return self
