"""A plan sent for approval reaches the director; its approval reaches who drafted it and
every department that now leads tasks of it."""

import pytest

from plans import services
from plans.models import Plan
from tgpl.errors import BusinessRuleError
from tgpl.models import Notification

from .factories import PlanFactory, PlanItemFactory, lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_events(django_capture_on_commit_callbacks):
    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            return call()

    return run


@pytest.fixture
def draft(centre, staff, professional_office, admin_office):
    plan = PlanFactory(centre=centre, created_by=staff, status=Plan.Status.DRAFT, number=None)
    lead(PlanItemFactory(plan=plan, path="I.1"), professional_office)
    lead(PlanItemFactory(plan=plan, path="I.2"), professional_office)
    lead(PlanItemFactory(plan=plan, path="I.3"), admin_office)
    return plan


def titles(user):
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_a_draft_sent_for_approval_reaches_the_director(draft, staff, director, run_events):
    run_events(lambda: services.submit_plan(plan=draft, actor=staff))
    draft.refresh_from_db()
    assert (draft.status, draft.submitted_by) == (Plan.Status.DRAFT, staff)
    assert titles(director) == [f"Kế hoạch chờ phê duyệt: {draft.title}"]


def test_only_a_draft_with_tasks_is_sent(centre, staff, director):
    empty = PlanFactory(centre=centre, created_by=staff, status=Plan.Status.DRAFT)
    with pytest.raises(BusinessRuleError, match="chưa có nhiệm vụ"):
        services.submit_plan(plan=empty, actor=staff)


def test_approval_reaches_the_drafter_and_each_department_with_its_task_count(
    draft, staff, director, head, officer, admin_head, run_events
):
    run_events(lambda: services.approve_plan(plan=draft, actor=director))
    assert f"Kế hoạch đã được phê duyệt: {draft.title}" in titles(staff)
    assert titles(head) == ["Phòng Nghiệp vụ được giao 2 nhiệm vụ"]
    assert titles(officer) == ["Phòng Nghiệp vụ được giao 2 nhiệm vụ"]
    assert titles(admin_head) == ["Phòng Hành chính – Tổng hợp được giao 1 nhiệm vụ"]
    assert titles(director) == []  # who approved knows
