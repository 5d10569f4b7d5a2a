"""`make bench-scale`: the case and request pages at 1k, 100k and 1M cases (issue 18.1).

    python -m tests.bench.scale                 # 1,000 / 10,000 / 100,000 cases
    SCALE_SIZES=1000,100000,1000000 python -m tests.bench.scale   # national scale

The database grows in place from one size to the next: requests with their applicants
(names, CCCD, phones, search keys written as the intake service writes them), their
eligibility categories, and the cases accepted from them, spread over the demo
centre's departments, performers, forms, states and ten years. On PostgreSQL the rows
go in with COPY; on SQLite with bulk inserts. Then each page is requested three times
as the director and as a department head through Django's test client (the whole
stack but the network): the median time, the number of queries, and the ratio to the
smallest size are printed. A benchmark, not a test: it never fails on a time.

The database is DATABASE_URL when set (use a throwaway PostgreSQL database: the rows
stay, and a second run on it starts from the cases it holds, so the same 1,000,000 can
be measured again after a change without generating them again), else a fresh SQLite
file in the temporary directory, removed at the end.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time

from tests.bench.__main__ import setup_django

SURNAMES = ["Nguyễn", "Hoàng", "Lăng", "Nông", "Vi", "Hà", "Lương", "Chu", "Đinh", "Triệu"]
MIDDLES = ["Thị", "Văn", "Đức", "Thu", "Minh", "Hữu"]
GIVEN = ["Hoa", "Lan", "Mai", "Nam", "Dũng", "Hùng", "Bích", "Toàn", "Hạnh", "Long", "Sơn"]


def _sizes() -> list[int]:
    raw = os.environ.get("SCALE_SIZES", "1000,10000,100000")
    return sorted({int(part) for part in raw.split(",") if part.strip()})


class Generator:
    """Rows as the services would write them, made in batches."""

    def __init__(self):
        from cases.models import EligibilityCategory, LegalField
        from cases.states import CaseStatus, RequestStatus
        from tgpl.models import Centre, Department, User

        self.rng = random.Random(18)
        self.centre = Centre.objects.order_by("pk").first()
        self.departments = list(
            Department.objects.filter(centre=self.centre, kind=Department.Kind.BRANCH)
        ) + list(Department.objects.filter(centre=self.centre, short_code="NV"))
        self.performers = list(
            User.objects.filter(username__in=["tgv", "tgv2", "luatsu", "truongphong.nv"])
        )
        self.receiver = User.objects.get(username="vienchuc")
        self.fields = list(LegalField.objects.values_list("pk", flat=True))
        self.categories = list(EligibilityCategory.objects.values_list("pk", flat=True))
        self.case_states = [
            CaseStatus.IN_PROGRESS,
            CaseStatus.CLOSED,
            CaseStatus.CLOSED,
            CaseStatus.CLOSED,
            CaseStatus.ASSIGNED,
        ]
        self.accepted = RequestStatus.ACCEPTED
        self.made = 0
        from cases.models import Case

        self.serial = Case.objects.filter(register_book="BENCH").count()

    def person(self, n: int) -> tuple[str, str, str]:
        rng = self.rng
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        return name, f"{20_000_000_0000 + n:012d}", f"09{n % 100_000_000:08d}"

    def rows(self, count: int):
        """(request fields, case fields, category id) for `count` new cases."""
        from tgpl.search import normalize, search_key

        start = dt.datetime(2016, 1, 1, 8, tzinfo=dt.UTC)
        span = 10 * 365 * 24 * 3600
        for _ in range(count):
            n = self.serial + self.made
            self.made += 1
            name, cccd, phone = self.person(n)
            received = start + dt.timedelta(seconds=self.rng.randrange(span))
            department = self.departments[n % len(self.departments)]
            code = f"BENCH.TV.{n + 1}.{received.year}"
            summary = "Tranh chấp đất đai với hộ liền kề, đề nghị tư vấn thủ tục hòa giải."
            request = {
                "centre_id": self.centre.pk,
                "department_id": department.pk,
                "channel": "direct",
                "received_at": received,
                "received_by_id": self.receiver.pk,
                "requester_is_aided": True,
                "full_name": name,
                "sex": "female" if n % 2 else "male",
                "birth_year": 1950 + n % 60,
                "ethnicity": "Tày",
                "identity_number": cccd,
                "phone": phone,
                "legal_field_id": self.fields[n % len(self.fields)],
                "form": "advice",
                "summary": summary,
                "status": self.accepted,
                "decided_at": received,
                "decided_by_id": self.receiver.pk,
                "search_key": search_key(name, cccd, phone, code, summary),
                "name_key": normalize(name),
            }
            status = self.case_states[n % len(self.case_states)]
            case = {
                "centre_id": self.centre.pk,
                "department_id": department.pk,
                "register_book": "BENCH",
                "register_year": received.year,
                "register_number": n + 1,
                "code": code,
                "form": "advice",
                "status": status,
                "accepted_at": received,
                "accepted_by_id": self.receiver.pk,
                "performer_id": self.performers[n % len(self.performers)].pk,
                "appointed_at": received,
                "ended_at": received + dt.timedelta(days=20) if status == "closed" else None,
                "outcome": "done" if status == "closed" else "",
                "file_items": "[]",
                "search_key": search_key(code, name, cccd, phone, summary),
            }
            yield request, case, self.categories[n % len(self.categories)]


def _defaults(model) -> dict:
    """Values of the columns the generator leaves out (blank text, null, defaults)."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.has_default():
            default = field.get_default()
            values[field.attname] = "[]" if isinstance(default, list) else default
        elif field.null:
            values[field.attname] = None
        else:
            values[field.attname] = ""
    return values


def grow(gen: Generator, count: int, batch: int = 20_000) -> float:
    """Add `count` cases; return the seconds it took."""
    from django.db import connection, transaction

    from cases.models import Case, LegalAidRequest

    started = time.perf_counter()
    request_defaults, case_defaults = _defaults(LegalAidRequest), _defaults(Case)
    through = LegalAidRequest.categories.through
    left = count
    while left > 0:
        size = min(batch, left)
        left -= size
        rows = list(gen.rows(size))
        with transaction.atomic():
            if connection.vendor == "postgresql":
                _copy(LegalAidRequest, [{**request_defaults, **r} for r, _, _ in rows])
                ids = dict(
                    LegalAidRequest.objects.filter(
                        search_key__in=[r["search_key"] for r, _, _ in rows]
                    ).values_list("search_key", "pk")
                )
                _copy(
                    Case,
                    [
                        {**case_defaults, **c, "request_id": ids[r["search_key"]]}
                        for r, c, _ in rows
                    ],
                )
                _copy(
                    through,
                    [
                        {"legalaidrequest_id": ids[r["search_key"]], "eligibilitycategory_id": cat}
                        for r, _, cat in rows
                    ],
                )
            else:
                made = LegalAidRequest.objects.bulk_create(
                    [LegalAidRequest(**r) for r, _, _ in rows], batch_size=2000
                )
                Case.objects.bulk_create(
                    [
                        Case(**{**c, "file_items": []}, request_id=req.pk)
                        for req, (_, c, _) in zip(made, rows, strict=True)
                    ],
                    batch_size=2000,
                )
                through.objects.bulk_create(
                    [
                        through(legalaidrequest_id=req.pk, eligibilitycategory_id=cat)
                        for req, (_, _, cat) in zip(made, rows, strict=True)
                    ],
                    batch_size=5000,
                )
    # The rows went in around the services: set the performers' open-case counts (which
    # the services keep) from the cases, as after any bulk load.
    from cases.services import recount_open_cases

    recount_open_cases()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return time.perf_counter() - started


def _copy(model, rows: list[dict]) -> None:
    from django.db import connection

    columns = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row.get(c) for c in columns])


PAGES = [
    ("danh sách vụ việc", "/cases/list/"),
    ("danh sách yêu cầu", "/cases/requests/"),
    ('tìm "hoang thi"', "/cases/requests/?q=hoang+thi"),
    ("lọc: đang thực hiện", "/cases/list/?status=in_progress"),
    ("trang một vụ việc", "case"),
    ("trang chủ", "/"),
]
PERSONAS = [("giám đốc", "giamdoc"), ("trưởng phòng", "truongphong.nv")]


def measure() -> dict[tuple[str, str], tuple[float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cases.models import Case
    from tgpl.models import User

    figures = {}
    for persona, username in PERSONAS:
        user = User.objects.get(username=username)
        case = Case.objects.visible_to(user).filter(register_book="BENCH").order_by("pk").first()
        client = Client()
        client.force_login(user)
        for label, path in PAGES:
            url = f"/cases/{case.pk}/" if path == "case" else path
            times, queries = [], 0
            for _ in range(3):
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    times.append(time.perf_counter() - started)
                queries = len(captured.captured_queries)
                assert response.status_code == 200, (url, response.status_code)
            figures[(persona, label)] = (statistics.median(times), queries)
    return figures


def main() -> int:
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("TWO_FACTOR_REQUIRED", "false")  # the test client signs in directly
    throwaway = setup_django()
    from django.conf import settings
    from django.db import connection, reset_queries

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
            took = grow(gen, size - have, batch=20_000)
            have = size
            print(
                f"{size:>9,} vụ việc ({connection.vendor}): thêm dữ liệu {took:.1f} s", flush=True
            )
            reset_queries()
            results[size] = measure()
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
    print(f"\n{'trang':<44}{head}{'tỉ lệ':>10}{'truy vấn':>10}")
    for key in results[first]:
        persona, label = key
        cells = "".join(f"{results[s][key][0] * 1000:>10.0f}ms" for s in sizes)
        ratio = results[sizes[-1]][key][0] / max(results[first][key][0], 1e-9)
        counts = {results[s][key][1] for s in sizes}
        shown = "/".join(str(c) for c in sorted(counts))
        print(f"{persona + ': ' + label:<44}{cells}{ratio:>9.1f}×{shown:>10}")
    print("(tỉ lệ: thời gian ở cỡ lớn nhất / cỡ nhỏ nhất; truy vấn: một số nếu không đổi)")


if __name__ == "__main__":
    sys.exit(main())
