"""Deadlines of plans for the reminder scan: tasks (and each occurrence of recurring
ones) and milestones of approved plans. Three queries whatever the number of tasks."""

import datetime
from collections import defaultdict

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from tgpl.models import Department, User
from tgpl.notifications.deadlines import Deadline
from tgpl.timeframes import parse_timeframe

from .models import Milestone, Plan, PlanItem, PlanItemUnit, collectives_cover

LOOK_BACK = datetime.timedelta(days=366)


def _end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59)))


def _people(departments: list[Department]) -> tuple[tuple, tuple]:
    heads = tuple(d.head for d in departments if d.head_id and d.head.is_active)
    members = tuple(m for d in departments for m in d.members.all())
    return heads + members, heads


def _occurrence_due(item: PlanItem, today: datetime.date) -> datetime.date | None:
    """For a recurring task, the end of the current period; otherwise the due date."""
    if item.recurrence in ("none", "continuous"):
        return item.due
    periods = parse_timeframe(item.timeframe_text, default_year=item.plan.year).periods
    for _start, end in periods:
        if end >= today:
            return end
    return item.due


def _lead_units():
    return PlanItemUnit.objects.filter(role=PlanItemUnit.Role.LEAD).only(
        "item_id", "department_id", "collective"
    )


def plan_deadlines(today: datetime.date, now: datetime.datetime, until=None):
    task_window = Q(due__gte=today - LOOK_BACK)
    milestone_window = Q(due__gte=today - LOOK_BACK)
    if until is not None:  # recurring tasks fall due every period, whatever their end date
        task_window &= Q(due__lte=until) | ~Q(recurrence__in=["none", "continuous"])
        milestone_window &= Q(due__lte=until)
    tasks = list(
        PlanItem.objects.filter(
            task_window,
            kind=PlanItem.Kind.TASK,
            plan__status=Plan.Status.APPROVED,
        )
        .exclude(status=PlanItem.Status.DONE)
        .select_related("plan")
        .prefetch_related(Prefetch("units", queryset=_lead_units()))
    )
    milestones = list(
        Milestone.objects.filter(
            milestone_window, done_at__isnull=True, item__plan__status=Plan.Status.APPROVED
        )
        .select_related("item__plan")
        .prefetch_related(Prefetch("item__units", queryset=_lead_units()))
    )
    centres = {t.plan.centre_id for t in tasks} | {m.item.plan.centre_id for m in milestones}
    departments = list(
        Department.objects.filter(centre_id__in=centres, is_active=True)
        .select_related("head")
        .prefetch_related(Prefetch("members", queryset=User.objects.filter(is_active=True)))
    )
    by_id = {d.pk: d for d in departments}
    by_centre: dict[int, list[Department]] = defaultdict(list)
    for dept in departments:
        by_centre[dept.centre_id].append(dept)

    def owners_of(item: PlanItem) -> list[Department]:
        named, collectives = [], set()
        for unit in item.units.all():
            if unit.department_id in by_id:
                named.append(by_id[unit.department_id])
            elif unit.collective:
                collectives.add(unit.collective)
        for dept in by_centre[item.plan.centre_id]:
            if collectives and collectives_cover(collectives, dept.kind):
                named.append(dept)
        return list({d.pk: d for d in named}.values())

    for item in tasks:
        due = _occurrence_due(item, today)
        if due is None:
            continue
        depts = owners_of(item)
        collective_only = not any(u.department_id for u in item.units.all())
        everyone, heads = _people(depts)
        yield Deadline(
            subject=item,
            deadline="plan_task",
            label="Nhiệm vụ kế hoạch",
            title=f"{item.path} {item.title[:120]} ({item.plan.number_text})",
            due_at=_end_of_day(due),
            owners=heads if collective_only else everyone,
            escalate_to=heads,
            url=reverse("plans:item", args=[item.pk]),
            next_step="Báo cáo tiến độ trên trang nhiệm vụ khi hoàn thành.",
        )
    for milestone in milestones:
        item = milestone.item
        if milestone.owner_department_id in by_id:
            depts = [by_id[milestone.owner_department_id]]
        else:  # "Trung tâm tổ chức ...": the task's owners answer for it
            depts = owners_of(item)
        everyone, heads = _people(depts)
        yield Deadline(
            subject=milestone,
            deadline="milestone",
            label="Mốc thực hiện",
            title=f"{milestone.owner_name}: {milestone.title[:120]} ({item.plan.number_text})",
            due_at=_end_of_day(milestone.due),
            owners=everyone,
            escalate_to=heads,
            url=reverse("plans:item", args=[item.pk]),
            next_step="Xác nhận hoàn thành mốc trên trang nhiệm vụ.",
        )
