"""The demo's plans: a draft waiting for the director, the 2021 plan closed, progress that
agrees with its targets, and seeding twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from plans.demo import seed_demo_plans
from plans.models import Plan, PlanItem
from tgpl.models import Centre, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    return Centre.objects.get(name__contains="Lạng Sơn")


def test_the_demo_plans(demo, client):
    # a draft sent for approval, waiting for the director: "Dự thảo", no number
    waiting = Plan.objects.get(centre=demo, status=Plan.Status.DRAFT, submitted_at__isnull=False)
    assert waiting.year == 2027
    assert (waiting.number, waiting.number_text) == (None, "Dự thảo")
    assert waiting.submitted_by.username == "vienchuc"
    assert "2027" in waiting.title
    assert "2026" not in waiting.title
    assert waiting.items.filter(kind=PlanItem.Kind.TASK).exists()

    # the 2021 plan is closed: none of its tasks is overdue in 2026
    plan_2021 = Plan.objects.get(centre=demo, year=2021)
    assert plan_2021.status == Plan.Status.CLOSED
    assert not PlanItem.objects.overdue(plan_2021.closed_at.date()).filter(plan=plan_2021)
    assert not plan_2021.items.filter(status__in=PlanItem.OPEN_STATUSES, kind="task").exists()
    dropped = plan_2021.items.filter(status=PlanItem.Status.DROPPED)
    assert dropped.exists()
    assert not dropped.filter(closing_note="").exists()

    # this year's plan took its number when the director approved it
    current = Plan.objects.get(centre=demo, year=2026, status=Plan.Status.APPROVED)
    assert current.number is not None
    assert current.number_text.endswith("/KH-TGPL")

    # no task reads 100 % with a target unmet
    for task in PlanItem.objects.filter(plan__centre=demo, percent=100).prefetch_related(
        "quantities"
    ):
        assert all(q.achieved >= q.target for q in task.quantities.all()), task.path

    # the director is told on the home page; the 2025 plan is offered for closing
    director = User.objects.get(username="giamdoc")
    director.must_change_password = False  # the demo's first login asks for a new one
    director.save(update_fields=["must_change_password"])
    client.force_login(director)
    home = client.get(reverse("dashboard"))
    assertContains(home, "Kế hoạch trình phê duyệt")
    assertContains(home, "Kế hoạch năm trước chưa kết thúc")
    plan_2025 = Plan.objects.get(centre=demo, year=2025)
    page = client.get(reverse("plans:detail", args=[plan_2025.pk]))
    assertContains(page, reverse("plans:closing", args=[plan_2025.pk]))

    count = Plan.objects.count()
    seed_demo_plans(demo, io.StringIO())
    assert Plan.objects.count() == count
