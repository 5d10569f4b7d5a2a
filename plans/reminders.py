"""Deadlines of plans for the reminder scan: tasks (each occurrence of recurring ones, each
of several separate periods: "Quý II, IV" falls due on 30/6 and again on 31/12) and
milestones of approved plans. A fixed number of queries whatever the number of tasks."""

import datetime
from collections import defaultdict

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from tgpl import roles
from tgpl.models import Department, User
from tgpl.notifications.deadlines import Deadline
from tgpl.timeframes import parse_timeframe

from .models import Milestone, Plan, PlanItem, PlanItemPeriod, PlanItemUnit, collectives_cover

LOOK_BACK = datetime.timedelta(days=366)


def _end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59)))


def _people(departments: list[Department]) -> tuple[tuple, tuple]:
    heads = tuple(d.head for d in departments if d.head_id and d.head.is_active)
    members = tuple(m for d in departments for m in d.members.all())
    return heads + members, heads


def _occurrence_due(item: PlanItem, today: datetime.date) -> datetime.date | None:
    """For a recurring task or one of separate periods, the end of the current period
    (the last one once all are past); otherwise the due date."""
    periods = [p.due for p in item.periods.all()]
    if periods:
        return next((due for due in periods if due >= today), periods[-1])
    if item.recurrence in ("none", "continuous"):
        return item.due
    periods = parse_timeframe(item.timeframe_text, default_year=item.plan.year).periods
    for _start, end in periods:
        if end >= today:
            return end
    return item.due


def _lead_units():
    return PlanItemUnit.objects.filter(role=PlanItemUnit.Role.LEAD).only(
        "item_id", "department_id", "collective", "people"
    )


def plan_deadlines(today: datetime.date, now: datetime.datetime, until=None, centre_ids=None):
    task_window = Q(due__gte=today - LOOK_BACK)
    milestone_window = Q(due__gte=today - LOOK_BACK)
    if centre_ids is not None:
        task_window &= Q(plan__centre_id__in=centre_ids)
        milestone_window &= Q(item__plan__centre_id__in=centre_ids)
    if until is not None:  # recurring tasks fall due every period, whatever their end date
        period_due = PlanItemPeriod.objects.filter(item=OuterRef("pk"), due__lte=until)
        task_window &= (
            Q(due__lte=until) | ~Q(recurrence__in=["none", "continuous"]) | Q(Exists(period_due))
        )
        milestone_window &= Q(due__lte=until)
    tasks = list(
        PlanItem.objects.filter(
            task_window,
            kind=PlanItem.Kind.TASK,
            plan__status=Plan.Status.APPROVED,
            status__in=PlanItem.OPEN_STATUSES,
        )
        .select_related("plan")
        .prefetch_related(Prefetch("units", queryset=_lead_units()), "periods")
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
        .prefetch_related(
            Prefetch(
                "members",
                queryset=User.objects.filter(is_active=True).prefetch_related("groups"),
            )
        )
    )
    by_id = {d.pk: d for d in departments}
    by_centre: dict[int, list[Department]] = defaultdict(list)
    for dept in departments:
        by_centre[dept.centre_id].append(dept)
    # People outside any department (the director, often) can be owners too: "Lãnh đạo
    # Trung tâm". Their roles come with them (one query more, whatever the size).
    unattached: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(
        centre_id__in=centres, is_active=True, department__isnull=True
    ).prefetch_related("groups"):
        unattached[user.centre_id].append(user)

    def owners_of(item: PlanItem) -> tuple[list[Department], tuple, list[Department]]:
        """The owner departments, the people a task names as owners (holders of the roles
        "Các Trợ giúp viên pháp lý", "Lãnh đạo Trung tâm" name) and their departments."""
        named, collectives, people = [], set(), set()
        for unit in item.units.all():
            if unit.department_id in by_id:
                named.append(by_id[unit.department_id])
            elif unit.people:
                people.add(unit.people)
            elif unit.collective:
                collectives.add(unit.collective)
        holders, their_depts = [], []
        for dept in by_centre[item.plan.centre_id]:
            if collectives and collectives_cover(collectives, dept.kind):
                named.append(dept)
            found = [
                m for m in dept.members.all() if any(roles.holds_people_role(m, p) for p in people)
            ]
            if found:
                holders += found
                their_depts.append(dept)
        if people:
            holders += [
                u
                for u in unattached[item.plan.centre_id]
                if any(roles.holds_people_role(u, p) for p in people)
            ]
        units = list({d.pk: d for d in named}.values())
        return list({d.pk: d for d in named + their_depts}.values()), tuple(holders), units

    for item in tasks:
        due = _occurrence_due(item, today)
        if due is None:
            continue
        depts, holders, units = owners_of(item)
        collective_only = not any(u.department_id for u in item.units.all())
        everyone = _people(units)[0]
        heads = _people(depts)[1]
        yield Deadline(
            subject=item,
            deadline="plan_task",
            label="Nhiệm vụ kế hoạch",
            title=f"{item.path} {item.title[:120]} ({item.plan.number_text})",
            due_at=_end_of_day(due),
            owners=tuple({*(heads if collective_only else everyone), *holders}),
            escalate_to=heads,
            url=reverse("plans:item", args=[item.pk]),
            next_step="Báo cáo tiến độ trên trang nhiệm vụ khi hoàn thành.",
        )
    for milestone in milestones:
        item = milestone.item
        if milestone.owner_department_id in by_id:
            depts = [by_id[milestone.owner_department_id]]
        else:  # "Trung tâm tổ chức ...": the task's owners answer for it
            depts = owners_of(item)[0]
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
