"""`make run` makes reminders with nothing else installed (issue 12.3, 12.9): the one
command `manage.py runlocal`, in the environment the Makefile's RUN_ENV gives it (DEBUG
off, a folder as the broker, SQLite, no REDIS_URL), starts the web server, a Celery worker
and beat; beat's tick makes the reminder of a task due today, with no worker started by
hand; stopping the command stops every process it started.

Runs in `make test` (not marked production): about a minute, most of it `migrate`. Its
database, broker folder and port are its own. The child runs on the real clock (the frozen
clock of the tests is this process's only), so the seed computes "today" inside the child.
Waiting is a polling deadline, never a sleep sized to the machine.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from http.client import HTTPConnection
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 180

# A centre with a task due today (the child's today) for the administration office, and
# the daily scan due at once. Printed: the task's id.
SEED = """
import datetime, json
from django.utils import timezone
from plans import services as plan_services
from plans.models import PlanItem
from tests.factories import AgencyFactory, CentreFactory, DepartmentFactory, UserFactory
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.models import ReminderSettings
from tgpl.roles import Role

today = timezone.localdate()
doj = AgencyFactory(name="Sở Tư pháp tỉnh Lạng Sơn", province_code=20)
centre = CentreFactory(name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", parent_agency=doj)
office = DepartmentFactory(centre=centre, name="Phòng Hành chính – Tổng hợp", short_code="HC-TH")
staff = UserFactory(username="vienchuc", centre=centre, department=office, roles=[Role.STAFF])
head = UserFactory(username="truongphong", centre=centre, department=office,
                   roles=[Role.DEPARTMENT_HEAD])
office.head = head
office.save()
director = UserFactory(username="giamdoc", centre=centre, roles=[Role.DIRECTOR])
plan = PlanFactory(centre=centre, created_by=staff, year=today.year)
item = PlanItemFactory(
    plan=plan, path="II.1", title="In tờ gấp", timeframe_text=f"Năm {today.year}"
)
lead(item, office)
plan_services.save_item(item=item, actor=staff)
plan_services.approve_plan(plan=plan, actor=director)
PlanItem.objects.filter(pk=item.pk).update(due=today)
config = ReminderSettings.current()
config.daily_scan_time = datetime.time(0, 0)
config.last_daily_scan = None
config.save()
print(json.dumps({"item": item.pk}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_env(base: Path, port: int) -> dict[str, str]:
    """The Makefile's RUN_ENV, in a folder of this test."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "DJANGO_", "CELERY_")) and k != "DEBUG"
    }
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
            "SECURE_HSTS_PRELOAD": "false",
            "LOCAL_BROKER_DIR": str(base / "var" / "broker"),
            "SITE_URL": f"http://127.0.0.1:{port}",
            "DATABASE_URL": f"sqlite:///{base / 'db.sqlite3'}",
            "MEDIA_ROOT": str(base / "media"),
            "STATIC_ROOT": str(base / "staticfiles"),
            "EMAIL_URL": "consolemail://",
            "READY_MIN_FREE_MB": "1",
            "BEAT_TICK_SECONDS": "3",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def manage(env, cwd, *args) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, f"{args[0]}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


def notified_reminders(db: Path, item_id: int) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
        row = connection.execute(
            "SELECT COUNT(*) FROM tgpl_reminder r JOIN tgpl_notification n ON n.reminder_id = r.id"
            " WHERE r.object_id = ? AND r.notified_at IS NOT NULL",
            (item_id,),
        ).fetchone()
    return row[0]


def healthy(port: int) -> bool:
    try:
        connection = HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/healthz/", headers={"Host": "127.0.0.1"})
        return connection.getresponse().status == 200
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_make_run_makes_a_reminder_with_no_redis_and_stops_every_process(tmp_path):
    port = free_port()
    env = run_env(tmp_path, port)
    manage(env, tmp_path, "migrate", "--noinput", "-v", "0")
    item_id = json.loads(manage(env, tmp_path, "shell", "-c", SEED).strip().splitlines()[-1])[
        "item"
    ]
    log = (tmp_path / "runlocal.log").open("w")
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "runlocal", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a failed test can still stop the whole group
    )
    started: set[int] = set()
    try:
        deadline = time.monotonic() + DEADLINE_SECONDS
        made = served = 0
        while time.monotonic() < deadline and not (made and served):
            assert process.poll() is None, (tmp_path / "runlocal.log").read_text()
            started |= descendants(process.pid)
            served = served or healthy(port)
            made = notified_reminders(tmp_path / "db.sqlite3", item_id)
            time.sleep(0.5)
        output = (tmp_path / "runlocal.log").read_text()
        assert served, f"the web server did not answer:\n{output}"
        assert made >= 1, f"no reminder was made by beat and the worker:\n{output}"
        assert len(started) >= 3  # gunicorn (and its workers) and the Celery worker
        process.send_signal(signal.SIGINT)  # Ctrl-C
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        log.close()
    stop_by = time.monotonic() + 30
    while time.monotonic() < stop_by and any(alive(pid) for pid in started):
        time.sleep(0.2)
    assert not [pid for pid in started if alive(pid)], "a child of runlocal outlived it"
    assert process.returncode == 0
    assert not (tmp_path / "control").exists()  # the broker keeps its tables in its folder
    assert (tmp_path / "var" / "broker" / "control").is_dir()
