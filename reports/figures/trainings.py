"""Trainings of the legal-aid officers (TT 12/2018 Điều 4): for each officer of the
centres, the trainings attended in the period and their hours, the hours of the year up
to the period's end, and whether that meets the yearly minimum (8 hours today; the
catalogue's rule in force) or an exemption applies. Four queries whatever the size.

Officers are the centre's staff, not applicants: their names are in the table as in
the yearly list the Sở sends to the Ministry (Điều 4.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from outreach.models import Attendance, Exemption, TrainingMinimum
from outreach.rules import trainings as rules
from tgpl import roles
from tgpl.models import Centre

from .base import Column, Grid, Row, Scope, Section, SectionSpec, parse_key, register

COLUMNS = [
    Column("officers", "Số trợ giúp viên pháp lý"),
    Column("sessions", "Số lượt tham dự", "Trong kỳ"),
    Column("hours", "Số giờ", "Trong kỳ"),
    Column("hours_year", "Số giờ từ đầu năm đến cuối kỳ"),
    Column(f"standing:{rules.Standing.COMPLIANT}", "Đạt số giờ tối thiểu", "Nghĩa vụ bồi dưỡng"),
    Column(f"standing:{rules.Standing.EXEMPT}", "Được miễn", "Nghĩa vụ bồi dưỡng"),
    Column(f"standing:{rules.Standing.SHORT}", "Chưa đủ số giờ", "Nghĩa vụ bồi dưỡng"),
]


def _whole(hours: Decimal) -> int:
    return int(hours.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class _Officer:
    pk: int
    name: str
    sessions: int
    hours: Decimal
    hours_year: Decimal
    standing: rules.Standing


def _year_start(scope: Scope) -> date:
    return rules.first_day(scope.end.year)


def _officers(scope: Scope) -> list[_Officer]:
    start_of_year = _year_start(scope)
    attended = Attendance.objects.filter(
        hours__isnull=False,
        session__ends_on__gte=start_of_year,
        session__ends_on__lte=scope.end,
    ).select_related("session")
    exempted = Exemption.objects.filter(
        starts_on__lte=rules.last_day(scope.end.year), ends_on__gte=start_of_year
    ).select_related("reason")
    people = (
        roles.obliged_to_train_in(Centre.objects.filter(pk__in=scope.centre_ids))
        .prefetch_related(
            Prefetch("training_attendances", queryset=attended, to_attr="ytd"),
            Prefetch("training_exemptions", queryset=exempted, to_attr="exempt"),
        )
        .order_by("full_name", "pk")
        .distinct()
    )
    minimums = [m.to_rule() for m in TrainingMinimum.objects.all()]
    out = []
    for person in people:
        in_period = [a for a in person.ytd if a.session.ends_on >= scope.start]
        account = rules.account(
            year=scope.end.year,
            hours=[a.hours for a in person.ytd],
            minimums=minimums,
            exemptions=[e.to_period() for e in person.exempt],
        )
        out.append(
            _Officer(
                pk=person.pk,
                name=person.full_name or person.get_username(),
                sessions=len(in_period),
                hours=sum((a.hours for a in in_period), Decimal(0)),
                hours_year=account.hours,
                standing=account.standing,
            )
        )
    return out


def trainings(scope: Scope) -> Section:
    grid = Grid()
    officers = _officers(scope)
    for o in officers:
        for row in ("total", f"officer:{o.pk}"):
            grid.add(row, "officers", 1)
            grid.add(row, "sessions", o.sessions)
            grid.add(row, f"standing:{o.standing}", 1)
        grid.add(f"officer:{o.pk}", "hours", _whole(o.hours))
        grid.add(f"officer:{o.pk}", "hours_year", _whole(o.hours_year))
    grid.add("total", "hours", _whole(sum((o.hours for o in officers), Decimal(0))))
    grid.add("total", "hours_year", _whole(sum((o.hours_year for o in officers), Decimal(0))))
    rows = [Row("total", "Tổng số", grid.line("total", COLUMNS), 0)]
    rows += [
        Row(f"officer:{o.pk}", o.name, grid.line(f"officer:{o.pk}", COLUMNS), 2) for o in officers
    ]
    return Section(
        key="trainings",
        title="Tập huấn, bồi dưỡng nghiệp vụ của Trợ giúp viên pháp lý",
        unit="Người, lượt, giờ",
        columns=COLUMNS,
        rows=rows,
        note=(
            "Số giờ làm tròn đến giờ; đạt hay chưa đủ xét theo số giờ thực tế từ đầu năm "
            "đến cuối kỳ so với số giờ tối thiểu của năm (TT 12/2018/TT-BTP Điều 4)."
        ),
    )


def training_records(scope: Scope, row_key: str, column_key: str):
    """The attendances behind a cell: those of the period for its own columns, those of
    the year to the period's end for the others (of the officers of that standing)."""
    officers = _officers(scope)
    row, column = parse_key(row_key), parse_key(column_key)
    if "officer" in row:
        officers = [o for o in officers if o.pk == int(row["officer"])]
    if "standing" in column:
        officers = [o for o in officers if o.standing == column["standing"]]
    first = scope.start if column_key in ("sessions", "hours") else _year_start(scope)
    return Attendance.objects.filter(
        person_id__in=[o.pk for o in officers],
        hours__isnull=False,
        session__ends_on__gte=first,
        session__ends_on__lte=scope.end,
    )


# Officers, the year's hours and the standing are states at the end of the period.
STOCK = frozenset(c.key for c in COLUMNS if c.key not in {"sessions", "hours"})
register(SectionSpec("trainings", "Tập huấn, bồi dưỡng", 55, trainings, training_records,
                     record_kind="attendance", estimated=True, stock=STOCK))  # fmt: skip
