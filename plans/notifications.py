"""Who is told of what happens to plans (outbox subscribers, see apps.py)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse

from plans.models import Plan, PlanItem, PlanItemUnit
from plans.services.tasks import owner_departments
from tgpl import roles
from tgpl.kernel import subscribe
from tgpl.kernel.events import Event
from tgpl.notifications.notify import Notice, notify


def plan_submitted(event: Event) -> None:
    plan = Plan.objects.get(pk=event.payload["plan"])
    director = roles.director_of(plan.centre)
    notify(
        event,
        "plan_submitted",
        [director],
        Notice(
            f"Kế hoạch chờ phê duyệt: {plan.title[:120]}",
            f"Dự thảo kế hoạch năm {plan.year} “{plan.title}” được trình anh/chị phê duyệt.",
            reverse("plans:detail", args=[plan.pk]),
        ),
        actor_id=event.actor_id,
    )


def plan_approved(event: Event) -> None:
    """The drafters learn the plan is approved; each department that leads tasks of it
    learns which tasks it now owns (its head and its members)."""
    plan = Plan.objects.select_related("centre").get(pk=event.payload["plan"])
    url = reverse("plans:detail", args=[plan.pk])
    notify(
        event,
        "plan_approved",
        [plan.created_by_id, plan.submitted_by_id],
        Notice(
            f"Kế hoạch đã được phê duyệt: {plan.title[:120]}",
            f"Kế hoạch năm {plan.year} “{plan.title}” đã được Giám đốc phê duyệt.",
            url,
        ),
        actor_id=event.actor_id,
    )
    tasks = plan.items.filter(kind=PlanItem.Kind.TASK).prefetch_related(
        Prefetch("units", queryset=PlanItemUnit.objects.select_related("department"))
    )
    counts: dict = {}
    for task in tasks:
        for department in owner_departments(task):
            counts[department] = counts.get(department, 0) + 1
    for department, count in sorted(counts.items(), key=lambda kv: kv[0].pk):
        people = [department.head_id, *department.members.filter(is_active=True).values_list(
            "pk", flat=True
        )]  # fmt: skip
        notify(
            event,
            f"tasks_assigned:{department.pk}",
            people,
            Notice(
                f"{department.name} được giao {count} nhiệm vụ",
                f"Kế hoạch “{plan.title}” đã được phê duyệt; {department.name} chủ trì "
                f"{count} nhiệm vụ. Xem bảng nhiệm vụ của phòng.",
                reverse("plans:board") + f"?department={department.pk}",
            ),
            actor_id=event.actor_id,
        )


def register() -> None:
    subscribe("plan_submitted", plan_submitted)
    subscribe("plan_approved", plan_approved)
