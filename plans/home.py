"""The plans panels of the home page (registered with tgpl.home in apps.py): a
department's tasks overdue and due this week; for the leadership, the year's plans and
their progress, and the drafts waiting for approval."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.urls import reverse

from plans import selectors
from plans.models import Plan, PlanItem
from tgpl import home, roles
from tgpl.home import Bar, Line, Panel, PanelView

WEEK = timedelta(days=7)


def department_tasks(user, today: date) -> PanelView:
    view = PanelView("plans.tasks", f"Nhiệm vụ của {user.department.name}", "bi-kanban")
    board = reverse("plans:board") + f"?department={user.department_id}"
    tasks = (
        PlanItem.objects.visible_to(user)
        .tasks()
        .owned_by(user.department)
        .filter(plan__status=Plan.Status.APPROVED)
        .filter(status__in=PlanItem.OPEN_STATUSES)
        .aggregate(
            overdue=Count("pk", filter=Q(due__lt=today), distinct=True),
            week=Count("pk", filter=Q(due__gte=today, due__lte=today + WEEK), distinct=True),
        )
    )
    if tasks["overdue"]:
        view.lines.append(
            Line("Nhiệm vụ quá hạn", tasks["overdue"], f"{board}&window=overdue", "danger")
        )
    if tasks["week"]:
        view.lines.append(
            Line("Đến hạn trong 7 ngày", tasks["week"], f"{board}&window=7", "warning")
        )
    if view.lines:
        view.link = Line("Bảng nhiệm vụ", url=board)
    return view


def plans_progress(user, today: date) -> PanelView:
    view = PanelView("plans.progress", f"Kế hoạch năm {today.year}", "bi-graph-up")
    plans = selectors.plan_list(user, year=today.year).filter(
        centre_id=user.centre_id, status=Plan.Status.APPROVED
    )[:8]
    for plan in plans:
        percent = round(plan.avg_percent or 0)
        view.bars.append(
            Bar(
                f"{plan.number_text} — {plan.title[:50]}",
                percent,
                reverse("plans:detail", args=[plan.pk]),
                "success" if percent >= 100 else "primary",
            )
        )
    counts = Plan.objects.filter(centre_id=user.centre_id).aggregate(
        drafts=Count("pk", filter=Q(status=Plan.Status.DRAFT, submitted_at__isnull=False)),
        to_close=Count("pk", filter=Q(status=Plan.Status.APPROVED, year__lt=today.year)),
    )
    if counts["drafts"] and roles.can_approve_plans(user):
        view.lines.append(
            Line(
                "Kế hoạch trình phê duyệt",
                counts["drafts"],
                reverse("plans:index") + "?status=draft",
                "danger",
            )
        )
    if counts["to_close"] and roles.can_approve_plans(user):  # past years' plans not closed
        view.lines.append(
            Line(
                "Kế hoạch năm trước chưa kết thúc",
                counts["to_close"],
                reverse("plans:index") + "?status=approved",
                "warning",
            )
        )
    return view


def _has_department(user) -> bool:
    return roles.is_centre_member(user) and user.department_id is not None


def register() -> None:
    home.register(Panel("plans.tasks", "Nhiệm vụ", department_tasks, _has_department, order=40))
    home.register(
        Panel("plans.progress", "Kế hoạch", plans_progress, roles.is_leadership, order=50)
    )
