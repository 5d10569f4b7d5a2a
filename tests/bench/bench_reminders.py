"""The reminder scan over many open cases (issue 6; set-based since issue 18.4).

Builds SCAN_SIZE open cases (default 100,000; 1,000,000 on a throwaway PostgreSQL
DATABASE_URL) and SCAN_TASKS tasks of an approved plan (default 0) with bulk inserts,
fills their due rows as the data migration does, then measures:

- the first daily scan (most cases are overdue: one reminder each),
- a rescan on the same day (must create nothing, and read next to nothing),
- the next day's scan (only the steps that changed),
- the first scan again with tracemalloc on (its peak memory; slower, so not timed).

Prints figures only.
"""

import datetime
import os
import resource
import time
import tracemalloc
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

CASES = int(os.environ.get("SCAN_SIZE", "100000"))
TASKS = int(os.environ.get("SCAN_TASKS", "0"))
CHUNK = 10_000


def _build_tasks(centre, staff, office, today):
    from plans.models import Plan, PlanItem, PlanItemUnit

    plan = Plan.objects.create(
        centre=centre,
        kind="annual",
        year=today.year,
        number=900,
        title="Kế hoạch đo tốc độ",
        status=Plan.Status.APPROVED,
        created_by=staff,
    )
    for start in range(0, TASKS, CHUNK):
        with transaction.atomic():
            items = PlanItem.objects.bulk_create(
                [
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
                    for n in range(start, min(TASKS, start + CHUNK))
                ],
                batch_size=2000,
            )
            PlanItemUnit.objects.bulk_create(
                [
                    PlanItemUnit(item=i, role="lead", department=office, name=office.name)
                    for i in items
                ],
                batch_size=2000,
            )


def _build_cases(centre, staff, office):
    from cases.models import Case, LegalAidRequest, LegalField

    field = LegalField.objects.first()
    now = timezone.now()
    for start in range(0, CASES, CHUNK):
        with transaction.atomic():
            requests = LegalAidRequest.objects.bulk_create(
                [
                    LegalAidRequest(
                        centre=centre,
                        department=office,
                        channel="in_person",
                        received_at=now - datetime.timedelta(days=n % 200, hours=n % 7),
                        received_by=staff,
                        full_name=f"Người số {n}",
                        sex="male",
                        birth_year=1970,
                        legal_field=field,
                        form="advice",
                        summary="Đo tốc độ",
                        status="accepted",
                    )
                    for n in range(start, min(CASES, start + CHUNK))
                ],
                batch_size=2000,
            )
            Case.objects.bulk_create(
                [
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
                    for n, req in enumerate(requests, start)
                ],
                batch_size=2000,
            )


def _build():
    from tgpl.models import Centre, Department, User

    centre = Centre.objects.get()
    staff = User.objects.get(username="vienchuc")
    office = Department.objects.get(centre=centre, short_code="NV")
    if TASKS:
        _build_tasks(centre, staff, office, timezone.localdate())
    _build_cases(centre, staff, office)


@contextmanager
def _counted():
    counted: list[int] = []

    def count(execute, sql, params, many, context):
        counted.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counted


def _timed_scan(now):
    from tgpl.notifications import scan

    with _counted() as counted:
        started = time.perf_counter()
        result = scan.run_scan(now=now, unit="days")
        seconds = time.perf_counter() - started
    return result, seconds, len(counted)


def bench_scan_over_open_cases():
    from cases.due import refresh_all_case_dues
    from cases.models import CaseDue
    from tgpl.celery import app
    from tgpl.kernel.outbox import OutboxMessage
    from tgpl.models import Notification, Reminder

    app.conf.task_always_eager = False  # e-mails are queued, not sent, in this measure
    started = time.perf_counter()
    _build()
    print(
        f"dữ liệu: {CASES:,} vụ việc đang mở + {TASKS:,} nhiệm vụ "
        f"({connection.vendor}, tạo trong {time.perf_counter() - started:.1f} s)"
    )
    started = time.perf_counter()
    rows = refresh_all_case_dues()
    print(
        f"tính hạn lưu sẵn (như migration): {rows:,} dòng CaseDue "
        f"trong {time.perf_counter() - started:.1f} s"
    )
    now = timezone.now()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    first, first_s, first_q = _timed_scan(now)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"lần quét 1: {first_s:.2f} s, {first.deadlines:,} thời hạn, "
        f"{first.created:,} lượt nhắc mới, {first_q:,} truy vấn (theo lô), "
        f"đỉnh RSS của tiến trình {rss_before // 1024:,} → {rss_after // 1024:,} MB"
    )
    idle, idle_s, idle_q = _timed_scan(now + datetime.timedelta(hours=3))
    print(f"quét lại cùng ngày: {idle_s:.3f} s, {idle.created:,} lượt nhắc mới, {idle_q} truy vấn")
    nxt, next_s, next_q = _timed_scan(now + datetime.timedelta(days=1))
    print(f"quét ngày hôm sau: {next_s:.2f} s, {nxt.created:,} lượt nhắc mới, {next_q:,} truy vấn")
    total = Reminder.objects.count()
    # the first scan again, with tracemalloc on, for its peak memory (Python objects)
    Notification.objects.filter(reminder__isnull=False).delete()
    Reminder.objects.all().delete()
    OutboxMessage.objects.filter(processed_at__isnull=True).delete()
    tracemalloc.start()
    _timed_scan(now)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"bộ nhớ đỉnh của lần quét 1 (tracemalloc): {peak / 2**20:,.1f} MB")
    print(f"tổng số lượt nhắc sau 3 lần quét: {total:,}; dòng CaseDue: {CaseDue.objects.count():,}")
