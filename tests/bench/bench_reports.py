"""A quarter's report over 100,000 cases (issue 16): every table of the report computed,
timed and its queries counted, then the report sent (figures frozen). Prints figures only.

The cases are spread over a year and a half, so the quarter holds about a fifth of them
and the carried-over count reaches back over the rest.
"""

import datetime
import os
import time

from django.db import connection, transaction
from django.utils import timezone

CASES = int(os.environ.get("BENCH_REPORT_CASES", "100000"))  # smaller for a trial run


def _build(centre, staff, office):
    from cases.models import Case, EligibilityCategory, LegalAidRequest, LegalField

    fields = list(LegalField.objects.all())
    categories = list(EligibilityCategory.objects.filter(code__in=["2", "4", "1"]))
    today = timezone.localdate()
    forms = ["advice", "litigation", "representation"]
    with transaction.atomic():
        requests = [
            LegalAidRequest(
                centre=centre, department=office, channel="in_person",
                received_at=timezone.now() - datetime.timedelta(days=n % 540),
                received_by=staff, full_name=f"Người số {n}",
                sex="male" if n % 2 else "female", birth_year=1970,
                legal_field=fields[n % len(fields)], form=forms[n % 3],
                summary="Đo tốc độ", status="accepted",
            )
            for n in range(CASES)
        ]  # fmt: skip
        LegalAidRequest.objects.bulk_create(requests, batch_size=2000)
        through = LegalAidRequest.categories.through
        through.objects.bulk_create(
            [
                through(legalaidrequest_id=r.pk, eligibilitycategory_id=categories[n % 3].pk)
                for n, r in enumerate(requests)
            ],
            batch_size=5000,
        )
        Case.objects.bulk_create(
            [
                Case(
                    centre=centre, request=req, department=office, register_book="BENCHR",
                    register_year=2000, register_number=n + 1, code=f"BENCHR.{n + 1}",
                    form=req.form, status="closed" if n % 4 == 0 else "in_progress",
                    outcome="done" if n % 4 == 0 else "",
                    ended_at=req.received_at + datetime.timedelta(days=20) if n % 4 == 0
                    else None,
                    accepted_at=req.received_at, accepted_by=staff,
                )
                for n, req in enumerate(requests)
            ],
            batch_size=2000,
        )  # fmt: skip
    return today


def bench_quarter_report_over_100k_cases():
    from reports import figures, services
    from reports.rules import periods
    from reports.selectors import scope_of
    from tgpl.models import Centre, Department, User

    centre = Centre.objects.get()
    staff = User.objects.get(username="vienchuc")
    director = User.objects.get(username="giamdoc")
    office = Department.objects.get(centre=centre, short_code="NV")
    started = time.perf_counter()
    today = _build(centre, staff, office)
    print(f"dữ liệu: {CASES:,} vụ việc (tạo trong {time.perf_counter() - started:.1f} s)")
    period = periods.previous(periods.period_containing(periods.Kind.QUARTERLY, today))
    # an ad-hoc report on the quarter's dates: the demo already holds the quarter's own
    report = services.open_report(actor=staff, centre=centre, kind=periods.Kind.AD_HOC,
                                  year=period.year, start=period.start, end=period.end,
                                  due=period.due)  # fmt: skip
    counted = []

    def count(execute, sql, params, many, context):
        counted.append(1)
        return execute(sql, params, many, context)

    for spec in figures.base.specs():
        counted.clear()
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            section = spec.build(scope_of(report))
            took = time.perf_counter() - started
        print(
            f"{spec.key}: {took:.2f} s, {len(counted)} truy vấn, tổng {section.rows[0].cells[0]:,}"
        )
    services.sign_off_report(actor=director, report=report)
    started = time.perf_counter()
    services.send_report(actor=staff, report=report)
    print(f"gửi báo cáo (tính và lưu số liệu): {time.perf_counter() - started:.2f} s")
