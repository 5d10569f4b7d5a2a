"""`make bench-scale`: the case and request pages at 1k, 100k and 1M cases (issue 18.1).

    python -m tests.bench.scale                 # 1,000 / 10,000 / 100,000 cases
    SCALE_SIZES=1000,100000,1000000 python -m tests.bench.scale   # national scale

The database grows in place from one size to the next with the rows of
tests/bench/scale_data.py (requests, applicants, categories, cases, assignments, work
logs, running limits, appraisals, outreach activities, quarterly reports). Then each
page (lists, searches, filters, detail pages, home, dashboard, appraisal pages, a
quarter's report table) is requested three times as the director, a department head and
a legal-aid officer through Django's test client (the whole stack but the network), and
the exports' background job is run directly for a year of the registers: the median
time, the number of queries, and the ratio to the smallest size are printed. A page a
role may not see is named so. A benchmark, not a test: it never fails on a time.

The database is DATABASE_URL when set (use a throwaway PostgreSQL database: the rows
stay, and a second run on it starts from the cases it holds, so the same 1,000,000 can
be measured again after a change without generating them again), else a fresh SQLite
file in the temporary directory, removed at the end.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from tests.bench.__main__ import setup_django


def _sizes() -> list[int]:
    raw = os.environ.get("SCALE_SIZES", "1000,10000,100000")
    return sorted({int(part) for part in raw.split(",") if part.strip()})


PAGES = [
    ("danh sách vụ việc", "/cases/list/"),
    ("danh sách yêu cầu", "/cases/requests/"),
    ('tìm yêu cầu "hoang thi"', "/cases/requests/?q=hoang+thi"),
    ('tìm vụ việc "hoang thi"', "/cases/list/?q=hoang+thi"),
    # "hoang thi" fills a page at 100,000 cases but not at 1,000 (5 to 8 rows for a head
    # or an officer there): a search that fills a page at every size compares like with like
    ('tìm vụ việc "thi" (trang đầy ở mọi cỡ)', "/cases/list/?q=thi"),
    ("lọc: đang thực hiện", "/cases/list/?status=in_progress"),
    ("lọc: kết thúc, tham gia tố tụng", "/cases/list/?status=closed&form=litigation"),
    ("trang một vụ việc", "/cases/{case}/"),
    ("trang một yêu cầu", "/cases/requests/{request}/"),
    ("trang chủ", "/"),
    ("hộp chờ duyệt", "/cases/inbox/"),
    ("người thực hiện", "/cases/performers/"),
    ("thống kê", "/cases/statistics/"),
    ("kế hoạch thẩm định", "/cases/appraisal/plans/"),
    ("một kế hoạch thẩm định", "/cases/appraisal/plans/{plan}/"),
    ("kết quả thẩm định", "/cases/appraisal/results/"),
    ("thẩm định của tôi", "/cases/appraisal/mine/"),
    ("truyền thông", "/outreach/"),
    ("danh sách hoạt động truyền thông", "/outreach/activities/"),
    ("báo cáo", "/reports/"),
    ("báo cáo một quý (bảng số liệu)", "/reports/{report}/"),
    ("bảng điều hành", "/reports/dashboard/"),
    ("thù lao theo tháng", "/cases/fees/"),
]
PERSONAS = [
    ("giám đốc", "giamdoc"),
    ("trưởng phòng", "truongphong.nv"),
    ("trợ giúp viên", "tgv"),
]
EXPORTS = [
    ("xuất sổ tiếp nhận một năm", "cases.request_register"),
    ("xuất sổ thụ lý một năm", "cases.case_register"),
]


def _objects(user) -> dict:
    from cases.models import AppraisalPlan, Case
    from reports.models import Report

    case = Case.objects.visible_to(user).filter(register_book="BENCH").order_by("pk").first()
    plan = AppraisalPlan.objects.filter(title__contains="dữ liệu đo").order_by("-pk").first()
    report = Report.objects.filter(kind="quarterly").order_by("-end").first()
    return {
        "case": case.pk,
        "request": case.request_id,
        "plan": plan.pk if plan else 0,
        "report": report.pk if report else 0,
    }


def measure() -> dict[tuple[str, str], tuple[float, int, int]]:
    """(median seconds, queries, status) of every page as every persona, and the exports."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tgpl.models import User

    figures = {}
    for persona, username in PERSONAS:
        user = User.objects.get(username=username)
        objects = _objects(user)
        client = Client()
        client.force_login(user)
        for label, path in PAGES:
            url = path.format(**objects)
            times, queries, status = [], 0, 0
            for _ in range(3):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                queries, status = len(captured.captured_queries), response.status_code
                if status != 200:
                    break  # refused to this role (403) or nothing to show: timed once
            figures[(persona, label)] = (statistics.median(times), queries, status)
        for label, kind in EXPORTS:
            figures[(persona, label)] = _export(user, kind)
    return figures


def _export(user, kind: str) -> tuple[float, int, int]:
    """The background job of an export, run directly (the worker's function): the last
    full year of the register, as the list's filter would ask for it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from tgpl.exports import get_kind, services
    from tgpl.exports.models import ExportJob

    year = timezone.localdate().year - 1
    export_kind = get_kind(kind)
    if export_kind is None or not export_kind.allowed(user):
        return 0.0, 0, 403
    # The job as request_export writes it, without the event that would hand it to a
    # worker (run eagerly here, it would be done before it is timed).
    job = ExportJob.objects.create(
        owner=user,
        kind=kind,
        label=export_kind.label,
        params={"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"},
        filename="bench.xlsx",
    )
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        services.run_export(job_id=job.pk)
        took = time.perf_counter() - started
    job = ExportJob.objects.get(pk=job.pk)
    ok = 200 if job.status == "done" else 500
    if job.file:
        job.file.delete(save=False)
    return took, len(captured.captured_queries), ok


def main() -> int:
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")  # the test client signs in directly
    throwaway = setup_django()
    from django.conf import settings
    from django.db import connection, reset_queries

    from tests.bench.scale_data import Generator, grow, open_reports
    from tgpl.models import User

    User.objects.update(must_change_password=False)

    settings.ALLOWED_HOSTS = ["*"]  # the test client's host
    try:
        gen = Generator()
        results: dict[int, dict] = {}
        have = gen.serial  # a kept database already holds these: measured, not grown again
        for size in _sizes():
            if size < have:
                print(f"{size:>9,} vụ việc: bỏ qua, cơ sở dữ liệu đã có {have:,}", flush=True)
                continue
            took, dues = grow(gen, size - have, batch=20_000)
            have = size
            reports = open_reports(gen)
            print(
                f"{size:>9,} vụ việc ({connection.vendor}): thêm dữ liệu {took:.1f} s "
                f"({dues:,} thời hạn đang chạy, {reports} báo cáo mới)",
                flush=True,
            )
            reset_queries()
            results[size] = measure()
            _print({size: results[size]})  # a size's figures as soon as they are known
        _print(results)
    finally:
        if throwaway is not None:
            connection.close()
            throwaway.unlink(missing_ok=True)
    return 0


def _print(results: dict[int, dict]) -> None:
    sizes = sorted(results)
    first = sizes[0]
    head = "".join(f"{s:>12,}" for s in sizes)
    print(f"\n{'trang':<52}{head}{'tỉ lệ':>10}{'truy vấn':>10}")
    for key in results[first]:
        persona, label = key
        if any(results[s][key][2] == 403 for s in sizes):
            print(f"{persona + ': ' + label:<52}{'(không được xem)':>12}")
            continue
        cells = "".join(
            f"{results[s][key][0] * 1000:>10.0f}ms"
            if results[s][key][2] == 200
            else f"{'HTTP ' + str(results[s][key][2]):>12}"
            for s in sizes
        )
        ratio = results[sizes[-1]][key][0] / max(results[first][key][0], 1e-9)
        counts = {results[s][key][1] for s in sizes}
        shown = "/".join(str(c) for c in sorted(counts))
        print(f"{persona + ': ' + label:<52}{cells}{ratio:>9.1f}×{shown:>10}")
    print("(tỉ lệ: thời gian ở cỡ lớn nhất / cỡ nhỏ nhất; truy vấn: một số nếu không đổi)")


if __name__ == "__main__":
    sys.exit(main())
