"""Reads of plans shared by views, exports, reports and reminders (scoped by user)."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from tgpl.models import Department, User
from tgpl.search import terms

from .models import Milestone, Plan, PlanItem, PlanItemUnit
from .targets import attach_recorded, overall_lines


def plan_list(user: User, *, q: str = "", year=None, kind="", status="") -> QuerySet:
    plans = Plan.objects.visible_to(user).select_related("centre")
    for term in terms(q):
        plans = plans.filter(search_key__contains=term)
    if year:
        plans = plans.filter(year=year)
    if kind:
        plans = plans.filter(kind=kind)
    if status:
        plans = plans.filter(status=status)
    return plans.annotate(
        task_count=Count("items", filter=Q(items__kind=PlanItem.Kind.TASK)),
        done_count=Count(
            "items",
            filter=Q(items__kind=PlanItem.Kind.TASK, items__status=PlanItem.Status.DONE),
        ),
        avg_percent=Avg("items__percent", filter=Q(items__kind=PlanItem.Kind.TASK)),
    ).order_by("-year", "-date", "-pk")


def get_plan_for(user: User, pk: int) -> Plan:
    """A plan the user may see; anything else is a 404."""
    return get_object_or_404(Plan.objects.visible_to(user).select_related("centre"), pk=pk)


def get_item_for(user: User, pk: int) -> PlanItem:
    try:
        item = (
            PlanItem.objects.visible_to(user)
            .select_related("plan__centre", "parent")
            .prefetch_related(
                units_prefetch(), "quantities", "milestones__owner_department", "periods"
            )
            .get(pk=pk)
        )
    except PlanItem.DoesNotExist as exc:
        raise Http404 from exc
    attach_recorded([item])
    return item


def units_prefetch() -> Prefetch:
    return Prefetch("units", queryset=PlanItemUnit.objects.select_related("department", "agency"))


@dataclass
class ItemNode:
    item: PlanItem
    children: list["ItemNode"] = field(default_factory=list)
    percent: int = 0
    task_count: int = 0
    done_count: int = 0
    overdue: bool = False
    recorded: list[tuple[str, int]] = field(default_factory=list)  # the plan's total only


def plan_tree(plan: Plan, today: date) -> tuple[list[ItemNode], ItemNode]:
    """The plan's items in the document's hierarchy, with progress rolled up to headings.

    Five queries whatever the size: items, units, quantities, milestones, periods; and
    those of the contribution providers (plans.targets.attach_recorded).
    """
    items = list(
        plan.items.order_by("position").prefetch_related(
            units_prefetch(),
            "quantities",
            Prefetch("milestones", queryset=Milestone.objects.select_related("owner_department")),
            "periods",
        )
    )
    nodes = {item.pk: ItemNode(item=item) for item in items}
    roots: list[ItemNode] = []
    for item in items:
        node = nodes[item.pk]
        parent = nodes.get(item.parent_id)
        (parent.children if parent else roots).append(node)
    total = ItemNode(item=None)  # type: ignore[arg-type]
    total.recorded = overall_lines(attach_recorded(items))

    def roll(node: ItemNode) -> tuple[int, int, int]:
        if node.item.is_task:
            node.task_count, node.done_count = 1, int(node.item.is_done)
            node.overdue = node.item.is_overdue(today)
            percent_sum = node.item.percent
        else:
            percent_sum = 0
        for child in node.children:
            tasks, done, child_sum = roll(child)
            node.task_count += tasks
            node.done_count += done
            percent_sum += child_sum
            node.overdue = node.overdue or child.overdue
        node.percent = round(percent_sum / node.task_count) if node.task_count else 0
        return node.task_count, node.done_count, percent_sum

    grand = 0
    for root in roots:
        tasks, done, psum = roll(root)
        total.task_count += tasks
        total.done_count += done
        grand += psum
    total.percent = round(grand / total.task_count) if total.task_count else 0
    return roots, total


def board_tasks(
    user: User,
    department: Department,
    *,
    today: date,
    plan: Plan | None = None,
    status: str = "",
    window: str = "",
) -> list[PlanItem]:
    """A department's tasks of approved plans: overdue first, then by due date."""
    tasks = (
        PlanItem.objects.visible_to(user)
        .tasks()
        .owned_by(department)
        .filter(plan__status=Plan.Status.APPROVED)
        .select_related("plan")
        .prefetch_related(units_prefetch(), "quantities", "periods")
    )
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    if status:
        tasks = tasks.filter(status=status)
    if window == "overdue":
        tasks = tasks.filter(due__lt=today, status__in=PlanItem.OPEN_STATUSES)
    elif window in {"7", "30"}:
        tasks = tasks.filter(due__gte=today, due__lte=today + timedelta(days=int(window)))
    elif window == "quarter":
        q_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        q_end = date(
            today.year + (q_start.month == 10), (q_start.month + 2) % 12 + 1, 1
        ) - timedelta(days=1)
        tasks = tasks.filter(due__gte=q_start, due__lte=q_end)
    rows = list(tasks)
    attach_recorded(rows)
    far = date.max

    def order(item: PlanItem):
        return (
            not item.is_overdue(today),
            item.is_done,
            item.due or far,
            item.plan_id,
            item.position,
        )

    return sorted(rows, key=order)


def open_tasks(plan: Plan) -> list[PlanItem]:
    """The tasks of a plan still to be done (for closing it), in the plan's order."""
    return list(
        plan.items.filter(kind=PlanItem.Kind.TASK, status__in=PlanItem.OPEN_STATUSES)
        .order_by("position")
        .prefetch_related(units_prefetch(), "quantities")
    )


def plans_to_close(user: User, today: date) -> list[Plan]:
    """Approved plans of past years of the user's centre, not closed yet (one query)."""
    return list(
        Plan.objects.filter(
            centre_id=user.centre_id, status=Plan.Status.APPROVED, year__lt=today.year
        )
        .annotate(
            open_count=Count(
                "items",
                filter=Q(items__kind=PlanItem.Kind.TASK, items__status__in=PlanItem.OPEN_STATUSES),
            )
        )
        .order_by("year", "pk")
    )
