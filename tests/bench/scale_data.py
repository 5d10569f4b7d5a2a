"""The rows `make bench-scale` grows a database with (issue 18.1), as the services write them.

Per case: its request with the applicant (names, CCCD, phone, search keys as intake
writes them) and eligibility category; the case accepted from it; the approved
assignment of its performer; the log entries of the work done; the running limits kept
as CaseDue rows (computed by the services' own `refresh_case_dues`, batched, for the
few cases that still have a running limit). Beside them: an appraisal plan per year with
the appraisals of one closed case in twenty, an outreach activity per twenty-five cases,
and the centre's quarterly reports of the last year (opened by the reports service).

The cases spread over ten years up to today: those of the last four months are in
progress, assigned or closed; older ones closed, their file handed in, but for one in
two hundred still open (late). On PostgreSQL the rows go in with COPY; on SQLite with
bulk inserts. History rows (simple_history) are not generated.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time

SURNAMES = ["Nguyễn", "Hoàng", "Lăng", "Nông", "Vi", "Hà", "Lương", "Chu", "Đinh", "Triệu"]
MIDDLES = ["Thị", "Văn", "Đức", "Thu", "Minh", "Hữu"]
GIVEN = ["Hoa", "Lan", "Mai", "Nam", "Dũng", "Hùng", "Bích", "Toàn", "Hạnh", "Long", "Sơn"]
FORMS = [("advice", "TV")] * 6 + [("litigation", "TGTT")] * 3 + [("representation", "DD")]
RECENT = dt.timedelta(days=120)
SUMMARY = "Tranh chấp đất đai với hộ liền kề, đề nghị tư vấn thủ tục hòa giải."
LOG_NOTES = [
    "Gặp người được trợ giúp pháp lý, nghe trình bày và nghiên cứu giấy tờ.",
    "Làm việc với Ủy ban nhân dân xã về hồ sơ địa chính của thửa đất.",
]


class Generator:
    """Rows as the services would write them, made in batches."""

    def __init__(self):
        from django.utils import timezone

        from cases.models import Case, EligibilityCategory, LegalField
        from cases.states import CaseStatus
        from tgpl.models import Centre, Department, User

        self.rng = random.Random(18)
        self.now = timezone.now()
        self.centre = Centre.objects.order_by("pk").first()
        self.departments = list(
            Department.objects.filter(centre=self.centre, kind=Department.Kind.BRANCH)
        ) + list(Department.objects.filter(centre=self.centre, short_code="NV"))
        self.performers = list(
            User.objects.filter(username__in=["tgv", "tgv2", "luatsu", "truongphong.nv"])
        )
        self.receiver = User.objects.get(username="vienchuc")
        self.director = User.objects.get(username="giamdoc")
        self.fields = list(LegalField.objects.values_list("pk", flat=True))
        self.categories = list(EligibilityCategory.objects.values_list("pk", flat=True))
        self.recent_states = [
            CaseStatus.IN_PROGRESS,
            CaseStatus.CLOSED,
            CaseStatus.CLOSED,
            CaseStatus.CLOSED,
            CaseStatus.ASSIGNED,
        ]
        self.made = 0
        self.serial = Case.objects.filter(register_book="BENCH").count()
        self.plans: dict[int, int] = {}

    def person(self, n: int) -> tuple[str, str, str]:
        rng = self.rng
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        return name, f"{20_000_000_0000 + n:012d}", f"09{n % 100_000_000:08d}"

    def _status(self, n: int, received: dt.datetime) -> str:
        from cases.states import CaseStatus

        if received > self.now - RECENT:
            return self.recent_states[n % len(self.recent_states)]
        return CaseStatus.IN_PROGRESS if n % 200 == 7 else CaseStatus.CLOSED

    def rows(self, count: int):
        """(request fields, case fields, category id) for `count` new cases."""
        from cases.states import RequestStatus
        from tgpl.search import normalize, search_key

        span = 10 * 365 * 24 * 3600
        for _ in range(count):
            n = self.serial + self.made
            self.made += 1
            name, cccd, phone = self.person(n)
            received = self.now - dt.timedelta(seconds=self.rng.randrange(3600, span))
            department = self.departments[n % len(self.departments)]
            form, short = FORMS[n % len(FORMS)]
            code = f"BENCH.{short}.{n + 1}.{received.year}"
            request = {
                "centre_id": self.centre.pk,
                "department_id": department.pk,
                "case_department_id": department.pk,
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
                "form": form,
                "summary": SUMMARY,
                "status": RequestStatus.ACCEPTED,
                "decided_at": received,
                "decided_by_id": self.receiver.pk,
                "search_key": search_key(name, cccd, phone, code, SUMMARY),
                "name_key": normalize(name),
            }
            status = self._status(n, received)
            closed = status == "closed"
            ended = received + dt.timedelta(days=20) if closed else None
            handed_in = ended + dt.timedelta(days=10) if closed else None
            case = {
                "centre_id": self.centre.pk,
                "department_id": department.pk,
                "register_book": "BENCH",
                "register_year": received.year,
                "register_number": n + 1,
                "code": code,
                "form": form,
                "status": status,
                "accepted_at": received,
                "accepted_by_id": self.receiver.pk,
                "received_by_id": self.receiver.pk,
                "performer_id": self.performers[n % len(self.performers)].pk,
                "appointed_at": received + dt.timedelta(hours=2),
                "started_at": received + dt.timedelta(days=2) if status != "assigned" else None,
                "ended_at": ended,
                "outcome": "done" if closed else "",
                "file_items": [],
                "file_handed_in_on": (
                    handed_in.date() if handed_in and handed_in < self.now else None
                ),
                "search_key": search_key(code, name, cccd, phone, SUMMARY),
            }
            yield request, case, self.categories[n % len(self.categories)]

    def assignment(self, case_id: int, case: dict, head_id: int) -> dict:
        at = case["accepted_at"]
        return {
            "case_id": case_id,
            "kind": "appoint",
            "performer_id": case["performer_id"],
            "reason": "Phân công theo lịch trực của phòng.",
            "status": "approved",
            "proposed_by_id": self.receiver.pk,
            "proposed_at": at + dt.timedelta(hours=1),
            "decided_by_id": head_id,
            "decided_at": case["appointed_at"],
        }

    def log_entries(self, case_id: int, case: dict) -> list[dict]:
        if case["started_at"] is None:
            return []
        stage = "advice" if case["form"] == "advice" else "first_instance"
        return [
            {
                "case_id": case_id,
                "on": (case["started_at"] + dt.timedelta(days=3 * i)).date(),
                "stage": stage,
                "note": note,
                "created_by_id": case["performer_id"],
                "created_at": case["started_at"] + dt.timedelta(days=3 * i, hours=4),
            }
            for i, note in enumerate(LOG_NOTES)
        ]

    def plan_of(self, year: int) -> int:
        """The appraisal plan of cases closed in `year` (one per year, made once)."""
        if year not in self.plans:
            from cases.models import AppraisalPlan

            plan, _ = AppraisalPlan.objects.get_or_create(
                centre=self.centre,
                title=f"Thẩm định chất lượng vụ việc kết thúc năm {year} (dữ liệu đo)",
                defaults={
                    "period_start": dt.date(year, 1, 1),
                    "period_end": dt.date(year, 12, 31),
                    "forms": ["advice", "litigation", "representation"],
                    "share_percent": 5,
                    "seed": f"bench{year}",
                    "status": "closed" if year < self.now.year else "in_appraisal",
                    "created_by": self.director,
                    "created_at": dt.datetime(year, 12, 1, 8, tzinfo=dt.UTC),
                    "decided_by": self.director,
                    "decided_on": dt.date(year, 12, 5),
                },
            )
            self.plans[year] = plan.pk
        return self.plans[year]

    def appraisal(self, n: int, case_id: int, case: dict) -> dict | None:
        if case["status"] != "closed" or n % 20 != 3:
            return None
        ended = case["ended_at"]
        approved = ended.year < self.now.year
        total = 70 + n % 30
        return {
            "plan_id": self.plan_of(ended.year),
            "case_id": case_id,
            "status": "approved" if approved else "submitted",
            "scores": {},
            "criteria_on": ended.date(),
            "satisfaction_source": "phone",
            "opinion": "Thực hiện đúng trình tự, thủ tục.",
            "total": total,
            "grade": "excellent" if total >= 90 else "good" if total >= 80 else "pass",
            "submitted_by_id": self.director.pk,
            "submitted_at": ended + dt.timedelta(days=60),
            "approved_by_id": self.director.pk if approved else None,
            "approved_at": ended + dt.timedelta(days=70) if approved else None,
            "conclusion": "Vụ việc đạt chất lượng." if approved else "",
        }

    def activity(self, n: int, case: dict) -> dict | None:
        if n % 25 != 11:
            return None
        from outreach.models import Activity

        kinds = Activity.Kind.values
        return {
            "centre_id": self.centre.pk,
            "department_id": case["department_id"],
            "kind": kinds[n % len(kinds)],
            "title": "Phổ biến quyền được trợ giúp pháp lý cho người dân tộc thiểu số",
            "starts_at": case["accepted_at"],
            "participants_male": 20 + n % 17,
            "participants_female": 25 + n % 13,
            "ethnic_minority": 30,
            "poor_households": 8,
            "created_by_id": self.receiver.pk,
            "created_at": case["accepted_at"],
        }


def _defaults(model) -> dict:
    """Values of the columns the generator leaves out (blank text, null, defaults)."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.has_default():
            values[field.attname] = field.get_default()
        elif field.null:
            values[field.attname] = None
        else:
            values[field.attname] = ""
    return values


def _insert(model, rows: list[dict]) -> None:
    """Insert `rows` (with the model's defaults) with COPY on PostgreSQL, else in bulk."""
    from django.db import connection

    if not rows:
        return
    defaults = _defaults(model)
    full = [{**defaults, **r} for r in rows]
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**r) for r in full], batch_size=2000)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    json_columns = {f.attname for f in fields if f.get_internal_type() == "JSONField"}
    columns = [f.attname for f in fields]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy,
    ):
        for row in full:
            copy.write_row(
                [json.dumps(row[c]) if c in json_columns else row.get(c) for c in columns]
            )


def _grow_batch(gen: Generator, size: int) -> int:
    """One batch of cases with everything around them; returns the due rows written."""
    from cases.due import refresh_case_dues
    from cases.models import (
        Appraisal,
        Assignment,
        Case,
        CaseLogEntry,
        LegalAidRequest,
    )
    from outreach.models import Activity
    from tgpl.models import Department

    heads = dict(Department.objects.values_list("pk", "head_id"))
    first = gen.serial + gen.made
    rows = list(gen.rows(size))
    _insert(LegalAidRequest, [r for r, _, _ in rows])
    request_ids = dict(
        LegalAidRequest.objects.filter(
            search_key__in=[r["search_key"] for r, _, _ in rows]
        ).values_list("search_key", "pk")
    )
    _insert(Case, [{**c, "request_id": request_ids[r["search_key"]]} for r, c, _ in rows])
    case_ids = dict(
        Case.objects.filter(
            centre=gen.centre, code__in=[c["code"] for _, c, _ in rows]
        ).values_list("code", "pk")
    )
    through = LegalAidRequest.categories.through
    _insert(
        through,
        [
            {"legalaidrequest_id": request_ids[r["search_key"]], "eligibilitycategory_id": cat}
            for r, _, cat in rows
        ],
    )
    assignments, logs, appraisals, activities, running = [], [], [], [], []
    for offset, (_, case, _) in enumerate(rows):
        n, pk = first + offset, case_ids[case["code"]]
        head = heads.get(case["department_id"]) or gen.director.pk
        assignments.append(gen.assignment(pk, case, head))
        logs += gen.log_entries(pk, case)
        if (row := gen.appraisal(n, pk, case)) is not None:
            appraisals.append(row)
        if (row := gen.activity(n, case)) is not None:
            activities.append(row)
        if case["status"] != "closed" or case["file_handed_in_on"] is None:
            running.append(pk)
    _insert(Assignment, assignments)
    _insert(CaseLogEntry, logs)
    _insert(Appraisal, appraisals)
    _insert(Activity, activities)
    # The services keep the due rows when a case changes: the same function, batched.
    return refresh_case_dues(running)


def open_reports(gen: Generator) -> int:
    """The quarterly reports of the last four quarters, opened by the reports service."""
    from django.db import transaction
    from django.utils import timezone

    from reports import services
    from reports.models import Report
    from reports.rules import periods

    period = periods.period_containing(periods.Kind.QUARTERLY, timezone.localdate())
    made = 0
    for _ in range(4):
        period = periods.previous(period)
        kept = Report.objects.filter(
            centre=gen.centre, kind=period.kind, year=period.year, number=period.number
        )
        if kept.exists():
            continue
        with transaction.atomic():
            services.open_report(
                actor=gen.receiver,
                centre=gen.centre,
                kind=period.kind,
                year=period.year,
                number=period.number,
            )
        made += 1
    return made


def grow(gen: Generator, count: int, batch: int = 20_000) -> tuple[float, int]:
    """Add `count` cases and their rows; return (seconds, due rows written)."""
    from django.db import connection, transaction

    from cases.services import recount_open_cases

    started = time.perf_counter()
    dues = 0
    left = count
    while left > 0:
        size = min(batch, left)
        left -= size
        with transaction.atomic():
            dues += _grow_batch(gen, size)
    # The rows went in around the services: set the performers' open-case counts (which
    # the services keep) from the cases, as after any bulk load.
    recount_open_cases()
    if connection.vendor == "postgresql":
        # As a database that autovacuum has visited, not one just loaded: the planner's
        # statistics, and the visibility map that lets an index-only scan (the covering
        # count indexes, a list's walk) skip the table. Fresh from COPY, every first read
        # of a page also writes its hint bits: the head's search at 1,000,000 cases took
        # 28 ms before and 14 ms after.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    return time.perf_counter() - started, dues
