"""Plan progress: the tasks of the centre's approved plans falling due in the period (or
running through it), by state, each plan a row."""

from __future__ import annotations

from django.db.models import Count, Q

from plans.models import Plan, PlanItem

from .base import Column, Grid, Row, Scope, Section, SectionSpec, parse_key, register

S = PlanItem.Status

COLUMNS = [
    Column("all", "Tổng số nhiệm vụ"),
    Column(f"status:{S.DONE}", str(S.DONE.label), "Tình trạng"),
    Column(f"status:{S.IN_PROGRESS}", str(S.IN_PROGRESS.label), "Tình trạng"),
    Column(f"status:{S.NOT_STARTED}", str(S.NOT_STARTED.label), "Tình trạng"),
    Column("overdue", "Quá hạn chưa hoàn thành"),
]


def _tasks(scope: Scope):
    """Tasks of approved (or closed) plans of the centres that start by the period's end
    and are due from its start (a task with no dates: of a plan of the period's year)."""
    dated = Q(due__gte=scope.start) & (Q(start__isnull=True) | Q(start__lte=scope.end))
    undated = Q(due__isnull=True, plan__year__in={scope.start.year, scope.end.year})
    return PlanItem.objects.tasks().filter(
        dated | undated,
        plan__centre_id__in=scope.centre_ids,
        plan__status__in=[Plan.Status.APPROVED, Plan.Status.CLOSED],
    )


def plan_progress(scope: Scope) -> Section:
    overdue = Q(due__lte=scope.end) & ~Q(status=S.DONE)
    grouped = (
        _tasks(scope)
        .order_by()
        .values_list("plan_id", "status")
        .annotate(n=Count("pk"), late=Count("pk", filter=overdue))
    )
    grid = Grid()
    plan_ids = set()
    for plan_id, status, n, late in grouped:
        plan_ids.add(plan_id)
        for row in (f"plan:{plan_id}", "total"):
            grid.add(row, "all", n)
            grid.add(row, f"status:{status}", n)
            grid.add(row, "overdue", late)
    plans = Plan.objects.filter(pk__in=plan_ids).order_by("date", "pk")
    rows = [Row("total", "Tổng số", grid.line("total", COLUMNS))]
    for plan in plans.only("pk", "number", "symbol", "title", "year"):
        number = f"{plan.number:02d}/{plan.symbol}: " if plan.number else ""
        rows.append(Row(f"plan:{plan.pk}", f"{number}{plan.title}", grid.line(
            f"plan:{plan.pk}", COLUMNS), 2))  # fmt: skip
    return Section(
        key="plans",
        title="Tiến độ thực hiện kế hoạch",
        unit="Nhiệm vụ",
        columns=COLUMNS,
        rows=rows,
    )


def plan_records(scope: Scope, row_key: str, column_key: str):
    qs = _tasks(scope).select_related("plan")
    row = parse_key(row_key)
    if "plan" in row:
        qs = qs.filter(plan_id=int(row["plan"]))
    column = parse_key(column_key)
    if "status" in column:
        qs = qs.filter(status=column["status"])
    elif "overdue" in column:
        qs = qs.filter(due__lte=scope.end).exclude(status=S.DONE)
    return qs


register(SectionSpec("plans", "Kế hoạch", 60, plan_progress, plan_records, "plan_item"))
