"""The case register exported by a worker (issue 18.3): rows per second and the peak of
Python memory (tracemalloc) at two sizes; constant memory means the peak does not grow
with the rows. Each size's rows are removed after it. Prints figures only."""

import datetime
import time
import tracemalloc

from django.db import transaction
from django.utils import timezone

SIZES = (10_000, 50_000)


def _build(count: int, year: int):
    from cases.models import Case, LegalAidRequest, LegalField
    from tgpl.models import Centre, Department, User

    centre = Centre.objects.order_by("pk").first()
    staff = User.objects.get(username="vienchuc")
    office = Department.objects.get(centre=centre, short_code="NV")
    field = LegalField.objects.first()
    now = timezone.now()
    with transaction.atomic():
        requests = LegalAidRequest.objects.bulk_create(
            [
                LegalAidRequest(
                    centre=centre,
                    department=office,
                    channel="in_person",
                    received_at=now - datetime.timedelta(days=n % 200),
                    received_by=staff,
                    full_name=f"Người xuất số {n}",
                    sex="male",
                    birth_year=1970,
                    identity_number=f"0201{n:08d}",
                    legal_field=field,
                    form="advice",
                    summary="Đo tốc độ xuất sổ thụ lý",
                    status="accepted",
                )
                for n in range(count)
            ],
            batch_size=2000,
        )
        Case.objects.bulk_create(
            [
                Case(
                    centre=centre,
                    request=req,
                    department=office,
                    register_book="XUAT",
                    register_year=year,
                    register_number=n + 1,
                    code=f"XUAT.TV.{year}.{n + 1}",
                    form="advice",
                    status="awaiting_assignment",
                    accepted_at=req.received_at,
                    accepted_by=staff,
                )
                for n, req in enumerate(requests)
            ],
            batch_size=2000,
        )
    return User.objects.get(username="giamdoc")


def _clean(year: int) -> None:
    from cases.models import Case, LegalAidRequest

    ids = list(
        Case.objects.filter(register_book="XUAT", register_year=year).values_list(
            "request_id", flat=True
        )
    )
    Case.objects.filter(register_book="XUAT", register_year=year).delete()
    LegalAidRequest.objects.filter(pk__in=ids).delete()


def bench_case_register_export():
    from tgpl.exports import services
    from tgpl.exports.models import ExportJob

    for size, year in zip(SIZES, (2001, 2002), strict=True):
        director = _build(size, year)
        job = services.request_export(actor=director, kind="cases.case_register", params={"q": ""})
        tracemalloc.start()
        started = time.perf_counter()
        services.run_export(job_id=job.pk)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        job = ExportJob.objects.get(pk=job.pk)
        print(
            f"sổ thụ lý: {job.done:>7} dòng trong {elapsed:6.2f} s = {job.done / elapsed:6.0f} "
            f"dòng/s, bộ nhớ Python cao nhất {peak / 2**20:5.1f} MB, "
            f"tệp {job.file.size / 2**20:5.1f} MB ({job.get_status_display()})"
        )
        job.file.delete(save=False)
        _clean(year)
