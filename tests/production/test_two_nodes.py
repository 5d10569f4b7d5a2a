"""Two web nodes behind one address (issue 18.6): gunicorn A and B on one PostgreSQL, one
Redis and one media folder, a round-robin proxy in front (tests/bench/load/proxy.py; the
machine has neither nginx nor haproxy), and a Celery worker with beat beside each node.

A session signed in on node A goes on on node B, and through the proxy; failed sign-ins
alternating between the nodes lock the account as on one node; document numbers asked
for at once from both nodes come out with no duplicate and no gap; with two beats
started, one sends the schedule (tgpl.celery.SingleBeatScheduler), and every outbox
message and reminder e-mail is handled once although both workers race for them.

Marked `production` (run by .ci/run after `make test`); PostgreSQL and Redis of CI, the
test database of this run (its rows are committed: transaction=True). Every child is
stopped at the end, waiting is a polling deadline.
"""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection, transaction
from django.urls import reverse

from cases import services as case_services
from cases.models import Case
from cases.states import RefusalGround
from tests.bench.load.nodes import (
    ROOT,
    Browser,
    free_port,
    node_env,
    start_gunicorn,
    stop,
    wait_for,
)
from tests.cases.factories import receive
from tgpl.celery import app as celery_app
from tgpl.documents.models import IssuedDocument
from tgpl.kernel import events
from tgpl.kernel.outbox import OutboxMessage
from tgpl.notifications.models import Notification, Reminder

pytestmark = [
    pytest.mark.production,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Mật khẩu dài của hai máy chủ 2026"
DEADLINE = 60.0


def usable_password(user) -> None:
    """A password the nodes' own hashers check (the suite hashes with MD5)."""
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, secrets.token_hex(8), iterations=1000)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])


@pytest.fixture
def cluster(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("two nodes share PostgreSQL (DATABASE_URL of CI)")
    assert settings.REDIS_URL, "two nodes share Redis: set REDIS_URL"
    db = connection.settings_dict
    url = "postgres://{}@{}:{}/{}".format(
        db["USER"], db["HOST"] or "127.0.0.1", db["PORT"] or 5432, db["NAME"]
    )
    if db.get("PASSWORD"):
        url = url.replace("@", f":{db['PASSWORD']}@", 1)
    env = node_env(
        database_url=url,
        redis_url=settings.REDIS_URL,
        secret_key=secrets.token_urlsafe(50),
        media_root=tmp_path / "media",  # one folder for both, as a shared mount
    )
    env.update(
        {
            "EMAIL_URL": f"filemail:///{tmp_path / 'mail'}",  # environ drops one slash
            "BEAT_TICK_SECONDS": "1",
            "SITE_URL": "http://127.0.0.1",
            "PYTHONPATH": str(ROOT),
        }
    )
    children: list[subprocess.Popen] = []
    logs = []

    def start(name: str, args: list[str], **extra) -> subprocess.Popen:
        log = (tmp_path / f"{name}.log").open("wb")
        logs.append(log)
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and code
            args,
            cwd=ROOT,
            env={**env, **extra},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        children.append(process)
        return process

    def web() -> dict[str, int]:
        ports = {"A": free_port(), "B": free_port()}
        nodes = {}
        for name, port in ports.items():
            log = (tmp_path / f"web-{name}.log").open("wb")
            logs.append(log)
            nodes[name] = start_gunicorn({**env, "NODE_NAME": name}, port, workers=2, log=log)
            children.append(nodes[name])
        ports["proxy"] = free_port()
        proxy = start(
            "proxy",
            [
                sys.executable,
                "-m",
                "tests.bench.load.proxy",
                str(ports["proxy"]),
                str(ports["A"]),
                str(ports["B"]),
            ],
        )
        for name in ("A", "B"):
            wait_for(ports[name], nodes[name], timeout=DEADLINE)
        wait_for(ports["proxy"], proxy, timeout=DEADLINE)
        return ports

    def workers() -> None:
        for name in ("A", "B"):
            (tmp_path / name).mkdir()
            start(
                f"worker-{name}",
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "tgpl",
                    "worker",
                    "--beat",
                    "--schedule",
                    str(tmp_path / name / "celerybeat-schedule"),
                    "--hostname",
                    f"{name}@two-nodes",
                    "--concurrency",
                    "2",
                    "--loglevel",
                    "INFO",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                ],
            )

    try:
        yield {"env": env, "web": web, "workers": workers, "folder": tmp_path}
    finally:
        stop(*children)
        for log in logs:
            log.close()


def node(response) -> str:
    return response.getheader("X-Node") or ""


def test_sessions_lockouts_and_numbers_hold_across_two_nodes(
    cluster, staff, officer, centre, professional_office
):
    ports = cluster["web"]()
    usable_password(staff)
    usable_password(officer)

    # Signed in through node A, the session goes on on node B and through the proxy.
    signed_in = Browser(ports["A"]).sign_in(staff.username, PASSWORD)
    response, body = Browser(ports["B"], signed_in.cookies).get("/")
    assert response.status == 200, body[:1000]
    assert node(response) == "B"
    assert staff.full_name in body.decode()
    seen = set()
    for _ in range(4):
        response, _ = Browser(ports["proxy"], signed_in.cookies).get("/")
        assert response.status == 200
        seen.add(node(response))
    assert seen == {"A", "B"}  # the proxy alternates

    # Failed sign-ins on node A and node B in turn lock the account on both.
    limit = settings.AXES_FAILURE_LIMIT
    nodes_failed = set()
    for attempt in range(limit):
        form = Browser(ports["proxy"])
        token = form.csrf_token("/accounts/login/")
        wrong = {"username": officer.username, "password": f"sai-{attempt}"}
        browser = Browser(ports["AB"[attempt % 2]], form.cookies)
        response, _ = browser.post("/accounts/login/", {"csrfmiddlewaretoken": token, **wrong})
        nodes_failed.add(node(response))
    assert nodes_failed == {"A", "B"}
    assert (
        sum(
            AccessAttempt.objects.filter(username=officer.username).values_list(
                "failures_since_start", flat=True
            )
        )
        == limit
    )
    for port in (ports["A"], ports["B"]):
        browser = Browser(port)
        token = browser.csrf_token("/accounts/login/")
        response, _ = browser.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": officer.username, "password": PASSWORD},
        )
        assert response.status == 429  # locked out on both nodes, the right password too

    # Document numbers asked for at once from both nodes: 1..N, no duplicate, no gap.
    drafts = []
    for n in range(12):
        request = receive(officer, full_name=f"Hai Máy Chủ {n}")
        case_services.refuse_request(
            actor=officer, request=request, ground=RefusalGround.DECEASED, notice_text="Đã mất."
        )
        drafts.append(request.pk)
    assert not IssuedDocument.objects.filter(object_id__in=drafts).exists()

    def number(n_pk):
        n, pk = n_pk
        port = ports["A"] if n % 2 == 0 else ports["B"]
        response, _ = Browser(port, signed_in.cookies).post(
            reverse("cases:number_document", args=["refusal", pk]),
            {"csrfmiddlewaretoken": signed_in.cookies["csrftoken"]},
        )
        return response.status, node(response)

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(number, enumerate(drafts)))
    assert {status for status, _ in answers} == {302}
    assert {name for _, name in answers} == {"A", "B"}
    issued = IssuedDocument.objects.filter(object_id__in=drafts, kind="TB")
    assert sorted(issued.values_list("object_id", flat=True)) == sorted(drafts)
    serials = sorted(
        IssuedDocument.objects.filter(centre=centre, kind="TB").values_list("serial", flat=True)
    )
    assert serials == list(range(1, len(drafts) + 1))

    # Register serials (Thụ lý) at once from both nodes: 1..N in the book, no gap.
    received = [receive(staff, full_name=f"Thụ Lý Hai Máy {n}").pk for n in range(10)]

    def accept(n_pk):
        n, pk = n_pk
        port = ports["A"] if n % 2 == 0 else ports["B"]
        response, _ = Browser(port, signed_in.cookies).post(
            reverse("cases:request_action", args=[pk, "accept"]),
            {
                "csrfmiddlewaretoken": signed_in.cookies["csrftoken"],
                "department": professional_office.pk,
            },
        )
        return response.status

    with ThreadPoolExecutor(max_workers=6) as pool:
        assert set(pool.map(accept, enumerate(received))) == {302}
    numbers = sorted(
        Case.objects.filter(request_id__in=received).values_list("register_number", flat=True)
    )
    assert numbers == list(range(1, len(received) + 1))
    assert Case.objects.filter(request_id__in=received).values("code").distinct().count() == 10


# A task due today (the children's today: the test's clock is frozen) for an office with
# a member who gets e-mail, and the daily scan due at once. Printed: the task's id.
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
staff = UserFactory(username="vienchuc", centre=centre, department=office, roles=[Role.STAFF],
                    email="vienchuc@tgpl.test")
head = UserFactory(username="truongphong", centre=centre, department=office,
                   roles=[Role.DEPARTMENT_HEAD], email="truongphong@tgpl.test")
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


def mails(folder: Path) -> int:
    return (
        sum(
            len(re.findall(r"^Subject: ", path.read_text(errors="replace"), re.MULTILINE))
            for path in folder.glob("*")
        )
        if folder.is_dir()
        else 0
    )


def test_one_beat_sends_and_each_message_and_reminder_is_handled_once(cluster):
    seeded = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "manage.py", "shell", "-c", SEED],
        cwd=ROOT,
        env=cluster["env"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert seeded.returncode == 0, seeded.stderr
    item = json.loads(seeded.stdout.strip().splitlines()[-1])["item"]

    # Messages committed while the workers are still starting; each also asked for twice
    # more, so both workers race for every one.
    celery_app.conf.task_always_eager = False  # the suite's fixture sets it back
    with transaction.atomic():
        probes = [events.emit("two_nodes_probe", n=n).pk for n in range(10)]
    from tgpl.tasks import deliver_outbox_message

    for pk in probes:
        deliver_outbox_message.delay(pk)
        deliver_outbox_message.delay(pk)
    cluster["workers"]()

    folder = cluster["folder"]
    deadline = time.monotonic() + DEADLINE
    reminders = Reminder.objects.filter(object_id=item)
    done = False
    while time.monotonic() < deadline and not done:
        sent = reminders.filter(email_sent_at__isnull=False).count()
        waiting = OutboxMessage.objects.filter(processed_at__isnull=True).count()
        done = sent > 0 and not waiting
        time.sleep(0.5)
    logs = {name: (folder / f"worker-{name}.log").read_text(errors="replace") for name in "AB"}
    assert done, "\n\n".join(f"== {k}\n{v[-3000:]}" for k, v in logs.items())
    ticks = time.monotonic() + 4  # a few more ticks of the beat: nothing more is made
    while time.monotonic() < ticks:
        time.sleep(0.5)

    logs = {name: (folder / f"worker-{name}.log").read_text(errors="replace") for name in "AB"}
    senders = [name for name, text in logs.items() if "Sending due task" in text]
    assert len(senders) == 1, logs  # one beat sends the schedule, the other waits
    assert "holds the lock" in logs[senders[0]]

    sent = reminders.filter(email_sent_at__isnull=False)
    assert set(sent.values_list("email_attempts", flat=True)) == {1}
    assert set(reminders.values_list("email_attempts", flat=True)) <= {0, 1}
    notices = Notification.objects.filter(email_sent_at__isnull=False)
    assert set(notices.values_list("email_attempts", flat=True)) <= {1}
    # Each e-mail (reminders and notices of events) once, by one worker.
    assert mails(folder / "mail") == sent.count() + notices.count()
    for message in OutboxMessage.objects.all():
        assert message.processed_at is not None, message.topic
        assert message.attempts == 1, (message.topic, message.attempts)
