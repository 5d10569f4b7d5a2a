"""Plan progress of the period: tasks of approved plans by state, overdue at the end."""

from datetime import date

import pytest

from plans.models import Plan, PlanItem
from reports.figures import plans as F
from tests.plans.factories import PlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db
S = PlanItem.Status


def test_plan_progress_counts_the_tasks_of_the_period(centre, q3, director):
    plan = PlanFactory(centre=centre, status=Plan.Status.APPROVED, created_by=director)
    PlanItemFactory(plan=plan, due=date(2026, 7, 31), status=S.DONE)
    PlanItemFactory(plan=plan, due=date(2026, 8, 31), status=S.IN_PROGRESS)  # overdue at 14/09
    PlanItemFactory(plan=plan, due=date(2026, 12, 31), start=date(2026, 9, 1))  # running
    PlanItemFactory(plan=plan, due=date(2026, 3, 31), status=S.NOT_STARTED)  # before: out
    PlanItemFactory(plan=plan, due=date(2026, 12, 31), start=date(2026, 10, 1))  # after: out
    draft = PlanFactory(centre=centre, status=Plan.Status.DRAFT, created_by=director)
    PlanItemFactory(plan=draft, due=date(2026, 8, 1))
    s = F.plan_progress(q3)
    assert [s.cell("total", c.key) for c in F.COLUMNS] == [3, 1, 1, 1, 1]
    assert s.cell(f"plan:{plan.pk}", "overdue") == 1
    assert F.plan_records(q3, "total", "overdue").get().due == date(2026, 8, 31)


@pytest.mark.parametrize("size", [10, 100])
def test_plan_progress_takes_two_queries(centre, q3, director, size, django_assert_num_queries):
    plan = PlanFactory(centre=centre, status=Plan.Status.APPROVED, created_by=director)
    PlanItemFactory.create_batch(size, plan=plan, due=date(2026, 8, 31))
    with django_assert_num_queries(2):
        F.plan_progress(q3)
