"""The reminder scan over 100,000 open plan tasks and cases (issue 6).

Builds 50,000 tasks of an approved plan and 50,000 open cases with bulk inserts,
then times one daily scan (deadline discovery, reminder rows, notifications) and a
second scan on the same day (which must create nothing). Prints figures only.
"""

import datetime
import time

from django.db import connection, transaction
from django.utils import timezone

TASKS = 50_000
CASES = 50_000


def _build():
    from cases.models import Case, LegalAidRequest, LegalField
    from plans.models import Plan, PlanItem, PlanItemUnit
    from tgpl.models import Centre, Department, User

    centre = Centre.objects.get()
    staff = User.objects.get(username="vienchuc")
    office = Department.objects.get(centre=centre, short_code="NV")
    today = timezone.localdate()
    plan = Plan.objects.create(
        centre=centre,
        kind="annual",
        year=today.year,
        number=900,
        title="Kế hoạch đo tốc độ",
        status=Plan.Status.APPROVED,
        created_by=staff,
    )
    items = [
        PlanItem(
            plan=plan,
            path=f"II.{n + 1}",
            number=str(n + 1),
            level=1,
            position=n,
            kind=PlanItem.Kind.TASK,
            title=f"Nhiệm vụ {n}",
            timeframe_text="Cả năm",
            due=today + datetime.timedelta(days=(n % 120) - 30),
        )
        for n in range(TASKS)
    ]
    with transaction.atomic():
        PlanItem.objects.bulk_create(items, batch_size=2000)
        ids = PlanItem.objects.filter(plan=plan).values_list("pk", flat=True)
        PlanItemUnit.objects.bulk_create(
            [
                PlanItemUnit(item_id=pk, role="lead", department=office, name=office.name)
                for pk in ids
            ],
            batch_size=2000,
        )
        field = LegalField.objects.first()
        now = timezone.now()
        requests = [
            LegalAidRequest(
                centre=centre,
                department=office,
                channel="in_person",
                received_at=now - datetime.timedelta(days=n % 200),
                received_by=staff,
                full_name=f"Người số {n}",
                sex="male",
                birth_year=1970,
                legal_field=field,
                form="advice",
                summary="Đo tốc độ",
                status="accepted",
            )
            for n in range(CASES)
        ]
        LegalAidRequest.objects.bulk_create(requests, batch_size=2000)
        cases = [
            Case(
                centre=centre,
                request=req,
                department=office,
                register_book="BENCH",
                register_year=2000,
                register_number=n + 1,
                code=f"BENCH.TV.{n + 1}",
                form="advice" if n % 2 else "litigation",
                status="awaiting_assignment",
                accepted_at=req.received_at,
                accepted_by=staff,
            )
            for n, req in enumerate(requests)
        ]
        Case.objects.bulk_create(cases, batch_size=2000)


def bench_scan_over_100k_tasks_and_cases():
    from tgpl.celery import app
    from tgpl.models import Reminder
    from tgpl.notifications import scan

    app.conf.task_always_eager = False  # e-mails are queued, not sent, in this measure
    started = time.perf_counter()
    _build()
    print(
        f"dữ liệu: {TASKS:,} nhiệm vụ + {CASES:,} vụ việc đang mở "
        f"(tạo trong {time.perf_counter() - started:.1f} s)"
    )
    from unittest import mock

    counted = []

    def count(execute, sql, params, many, context):
        counted.append(1)
        return execute(sql, params, many, context)

    with mock.patch("tgpl.notifications.scan._queue_emails"):
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            first = scan.run_scan(unit="days")
            first_s = time.perf_counter() - started
        found = len(counted)
        started = time.perf_counter()
        counted.clear()
        with connection.execute_wrapper(count):
            second = scan.run_scan(unit="days")
        second_s = time.perf_counter() - started
    print(
        f"lần quét 1: {first_s:.2f} s, {first.deadlines:,} thời hạn, "
        f"{first.created:,} lượt nhắc mới, {found:,} truy vấn (ghi theo lô)"
    )
    print(
        f"lần quét 2 (cùng ngày): {second_s:.2f} s, {second.created:,} lượt nhắc mới, "
        f"{len(counted)} truy vấn"
    )
    print(f"tổng số lượt nhắc: {Reminder.objects.count():,}")
