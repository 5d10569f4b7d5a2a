"""Outreach (truyền thông về trợ giúp pháp lý) in the period, each table in one grouped
query: activities by kind with their participants, activities by commune, and the
materials placed (cấp phát, lắp đặt) by kind of material.

An activity counts in the period it starts in; a placement on the day it was placed.
Participants are the counts recorded on each activity (no person is behind them).
"""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from outreach.models import Activity, Material, Placement
from tgpl import days, geography

from .base import Column, Grid, Row, Scope, Section, SectionSpec, parse_key, register

PEOPLE = "Người tham dự"

ACTIVITY_COLUMNS = [
    Column("activities", "Số hoạt động"),
    Column("participants", "Tổng số", PEOPLE),
    Column("male", "Nam", PEOPLE),
    Column("female", "Nữ", PEOPLE),
    Column("ethnic_minority", "Người dân tộc thiểu số", PEOPLE),
    Column("poor_households", "Người thuộc hộ nghèo", PEOPLE),
    Column("disabled", "Người khuyết tật", PEOPLE),
    Column("children", "Trẻ em", PEOPLE),
]
SUMMED = {
    "male": "participants_male",
    "female": "participants_female",
    "ethnic_minority": "ethnic_minority",
    "poor_households": "poor_households",
    "disabled": "disabled",
    "children": "children",
}


def _activities(scope: Scope):
    return Activity.objects.filter(
        days.on_days("starts_at", scope.start, scope.end), centre_id__in=scope.centre_ids
    )


def _activity_sums(qs, group: str):
    return (
        qs.order_by()
        .values_list(group)
        .annotate(
            activities=Count("pk"),
            **{key: Sum(name, default=0) for key, name in SUMMED.items()},
        )
    )


def _add_sums(grid: Grid, rows: tuple[str, ...], values) -> None:
    activities, *sums = values
    for row in rows:
        grid.add(row, "activities", activities)
        for key, n in zip(SUMMED, sums, strict=True):
            grid.add(row, key, n)
            if key in ("male", "female"):
                grid.add(row, "participants", n)


def activities_by_kind(scope: Scope) -> Section:
    grid = Grid()
    for kind, *values in _activity_sums(_activities(scope), "kind"):
        _add_sums(grid, ("total", f"kind:{kind}"), values)
    rows = [Row("total", "Tổng số", grid.line("total", ACTIVITY_COLUMNS), 0)]
    rows += [
        Row(f"kind:{k}", str(label), grid.line(f"kind:{k}", ACTIVITY_COLUMNS), 2)
        for k, label in Activity.Kind.choices
    ]
    return Section(
        key="outreach",
        title="Hoạt động truyền thông về trợ giúp pháp lý, theo hình thức",
        unit="Hoạt động, người",
        columns=ACTIVITY_COLUMNS,
        rows=rows,
        note="Các hoạt động bắt đầu trong kỳ; số người tham dự theo số liệu ghi nhận.",
    )


def activities_by_commune(scope: Scope) -> Section:
    """The communes reached, by name; the activities held at no commune on one line."""
    grid = Grid()
    codes = []
    for code, *values in _activity_sums(_activities(scope), "commune_code"):
        key = f"commune:{code}" if code else "commune:none"
        if code:
            codes.append(code)
        _add_sums(grid, ("total", key), values)
    named = sorted((geography.commune_name(c) or str(c), c) for c in codes)
    rows = [Row("total", "Tổng số", grid.line("total", ACTIVITY_COLUMNS), 0)]
    rows += [
        Row(f"commune:{c}", n, grid.line(f"commune:{c}", ACTIVITY_COLUMNS), 2) for n, c in named
    ]
    if grid.get("commune:none", "activities"):
        rows.append(
            Row(
                "commune:none",
                "Không gắn với xã (cơ quan, phát thanh, trang tin ...)",
                grid.line("commune:none", ACTIVITY_COLUMNS),
                2,
            )
        )
    return Section(
        key="outreach_communes",
        title="Hoạt động truyền thông về trợ giúp pháp lý, theo xã, phường",
        unit="Hoạt động, người",
        columns=ACTIVITY_COLUMNS,
        rows=rows,
    )


def activity_records(scope: Scope, row_key: str, column_key: str):
    qs = _activities(scope)
    row = parse_key(row_key)
    if "kind" in row:
        qs = qs.filter(kind=row["kind"])
    if "commune" in row:
        qs = (
            qs.filter(commune_code__isnull=True)
            if row["commune"] == "none"
            else qs.filter(commune_code=int(row["commune"]))
        )
    if column_key == "participants":
        qs = qs.filter(Q(participants_male__gt=0) | Q(participants_female__gt=0))
    elif column_key in SUMMED:
        qs = qs.filter(**{f"{SUMMED[column_key]}__gt": 0})
    return qs


# --- materials placed ---------------------------------------------------------------------

MATERIAL_COLUMNS = [
    Column("placements", "Số lần cấp phát, lắp đặt"),
    Column("quantity", "Số lượng"),
    Column("communes", "Số xã, phường được cấp phát"),
]


def _placements(scope: Scope):
    return Placement.objects.filter(
        material__centre_id__in=scope.centre_ids, on__gte=scope.start, on__lte=scope.end
    )


def materials_placed(scope: Scope) -> Section:
    """Two queries: by kind of material, then the communes reached over all kinds."""
    grid = Grid()
    for kind, placements, quantity, communes in (
        _placements(scope)
        .order_by()
        .values_list("material__kind")
        .annotate(
            placements=Count("pk"),
            quantity=Sum("quantity", default=0),
            communes=Count("commune_code", distinct=True),
        )
    ):
        row = f"kind:{kind}"
        grid.add(row, "placements", placements)
        grid.add(row, "quantity", quantity)
        grid.add(row, "communes", communes)
        grid.add("total", "placements", placements)
        grid.add("total", "quantity", quantity)
    grid.add(
        "total",
        "communes",
        _placements(scope).aggregate(n=Count("commune_code", distinct=True))["n"],
    )
    rows = [Row("total", "Tổng số", grid.line("total", MATERIAL_COLUMNS), 0)]
    rows += [
        Row(f"kind:{k}", str(label), grid.line(f"kind:{k}", MATERIAL_COLUMNS), 2)
        for k, label in Material.Kind.choices
    ]
    return Section(
        key="materials",
        title="Tài liệu truyền thông được cấp phát, lắp đặt",
        unit="Lần, bản, xã",
        columns=MATERIAL_COLUMNS,
        rows=rows,
        note="Một xã được cấp phát nhiều loại tài liệu được tính một lần ở dòng Tổng số.",
    )


def placement_records(scope: Scope, row_key: str, column_key: str):
    qs = _placements(scope)
    row = parse_key(row_key)
    if "kind" in row:
        qs = qs.filter(material__kind=row["kind"])
    if column_key == "communes":
        qs = qs.filter(commune_code__isnull=False)
    return qs


register(SectionSpec("outreach", "Truyền thông", 50, activities_by_kind, activity_records,
                     record_kind="activity", estimated=True))  # fmt: skip
register(SectionSpec("outreach_communes", "Truyền thông theo xã", 51, activities_by_commune,
                     activity_records, record_kind="activity", estimated=True))  # fmt: skip
register(SectionSpec("materials", "Tài liệu truyền thông", 52, materials_placed,
                     placement_records, record_kind="placement", estimated=True,
                     stock=frozenset({"communes"})))  # fmt: skip
