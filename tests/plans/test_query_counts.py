"""Every plans list page makes the same number of queries at 10 and at 500 tasks."""

from datetime import date

import pytest
from django.urls import reverse

from plans.models import Milestone, Plan, PlanItem, PlanItemPeriod, PlanItemUnit, QuantityTarget
from tests.plans.factories import PlanFactory

pytestmark = pytest.mark.django_db


def build(centre, staff, departments, tasks, plans=1):
    """`plans` approved plans with `tasks` tasks in all, each with owners, a target, a milestone
    and two separate periods."""
    made = []
    for p in range(plans):
        plan = PlanFactory(
            centre=centre,
            created_by=staff,
            status=Plan.Status.APPROVED,
            year=2026,
            number=100 + p + Plan.objects.count(),
        )
        heading = PlanItem.objects.create(
            plan=plan,
            path="II",
            number="II",
            title="NỘI DUNG",
            kind=PlanItem.Kind.HEADING,
            position=0,
        )
        made.append((plan, heading))
    items = []
    for n in range(tasks):
        plan, heading = made[n % plans]
        items.append(
            PlanItem(
                plan=plan,
                parent=heading,
                path=f"II.{n + 1}",
                number=str(n + 1),
                level=1,
                position=n + 1,
                kind=PlanItem.Kind.TASK,
                title=f"Nhiệm vụ {n}",
                timeframe_text="Cả năm 2026",
            )
        )
    PlanItem.objects.bulk_create(items)
    units, targets, milestones, periods = [], [], [], []
    for index, item in enumerate(PlanItem.objects.filter(kind=PlanItem.Kind.TASK)):
        dept = departments[index % len(departments)]
        units.append(PlanItemUnit(item=item, role="lead", department=dept, name=dept.name))
        units.append(PlanItemUnit(item=item, role="partner", name="Công an tỉnh"))
        targets.append(QuantityTarget(item=item, label="Tờ gấp", target=100))
        milestones.append(Milestone(item=item, title="Dự thảo", owner_department=dept))
        periods += [
            PlanItemPeriod(item=item, position=0, start=date(2026, 4, 1), due=date(2026, 6, 30)),
            PlanItemPeriod(item=item, position=1, start=date(2026, 10, 1), due=date(2026, 12, 31)),
        ]
    PlanItemUnit.objects.bulk_create(units)
    QuantityTarget.objects.bulk_create(targets)
    Milestone.objects.bulk_create(milestones)
    PlanItemPeriod.objects.bulk_create(periods)
    return made[0][0]


@pytest.mark.parametrize(
    ("page", "needs_plan"),
    [("plans:index", False), ("plans:detail", True), ("plans:board", False)],
)
def test_list_pages_do_not_grow_with_data(
    client,
    staff,
    centre,
    admin_office,
    professional_office,
    page,
    needs_plan,
    django_assert_num_queries,
):
    client.force_login(staff)
    departments = [admin_office, professional_office]
    small = build(centre, staff, departments, tasks=10, plans=2)
    url = reverse(page, args=[small.pk]) if needs_plan else reverse(page)
    with django_assert_num_queries(EXPECTED[page]):
        client.get(url)
    PlanItem.objects.all().delete()
    Plan.objects.all().delete()
    large = build(centre, staff, departments, tasks=500, plans=20)
    url = reverse(page, args=[large.pk]) if needs_plan else reverse(page)
    with django_assert_num_queries(EXPECTED[page]):
        response = client.get(url)
    assert response.status_code == 200


# detail and board: +1 for the separate periods of tasks ("Quý II, IV"), one query at any size;
# +2 for the work recorded against targets (tgpl.targets: outreach's activities, placements).
EXPECTED = {"plans:index": 7, "plans:detail": 13, "plans:board": 13}


def past_plans(centre, staff, departments, tasks, plans):
    """`plans` approved plans of 2021 (to be closed), their tasks open."""
    first = build(centre, staff, departments, tasks=tasks, plans=plans)
    Plan.objects.update(year=2021)
    return first


@pytest.mark.parametrize(("page", "needs_plan"), [("plans:index", False), ("plans:closing", True)])
def test_the_directors_closing_lists_do_not_grow_with_data(
    client,
    director,
    staff,
    centre,
    admin_office,
    professional_office,
    page,
    needs_plan,
    django_assert_num_queries,
):
    """The plan list with its "chưa kết thúc" box, and the closing page of open tasks."""
    client.force_login(director)
    departments = [admin_office, professional_office]
    small = past_plans(centre, staff, departments, tasks=10, plans=2)
    url = reverse(page, args=[small.pk]) if needs_plan else reverse(page)
    with django_assert_num_queries(DIRECTOR_EXPECTED[page]):
        response = client.get(url)
    assert response.context["to_close" if not needs_plan else "rows"]
    PlanItem.objects.all().delete()
    Plan.objects.all().delete()
    large = past_plans(centre, staff, departments, tasks=500, plans=20)
    url = reverse(page, args=[large.pk]) if needs_plan else reverse(page)
    with django_assert_num_queries(DIRECTOR_EXPECTED[page]):
        response = client.get(url)
    assert response.status_code == 200


# index: +1 for the past plans not yet closed, offered to the director
DIRECTOR_EXPECTED = {"plans:index": 8, "plans:closing": 8}
