import datetime

import pytest

from plans import services
from plans.models import Milestone, PlanItem, PlanItemUnit, QuantityTarget
from tests.factories import UserFactory
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 6, 1)


@pytest.fixture
def plan(centre, staff, director):
    return PlanFactory(centre=centre, created_by=staff)


@pytest.fixture
def task(plan, admin_office, director):
    item = PlanItemFactory(plan=plan, path="II.1")
    lead(item, admin_office)
    services.approve_plan(plan=plan, actor=director)
    return item


def test_owner_department_staff_reports_progress(task, staff):
    services.record_progress(
        item=task,
        actor=staff,
        on=DAY,
        note="Đã in tờ gấp",
        percent=60,
        evidence_number="12/QĐ-TGPL",
    )
    task.refresh_from_db()
    assert task.percent == 60
    assert task.status == PlanItem.Status.IN_PROGRESS
    update = task.updates.get()
    assert (update.author, update.evidence_number) == (staff, "12/QĐ-TGPL")


def test_full_percent_marks_the_task_done(task, staff):
    services.record_progress(item=task, actor=staff, on=DAY, note="Xong", done=True)
    task.refresh_from_db()
    assert task.status == PlanItem.Status.DONE
    assert task.completed_at == DAY
    assert not task.is_overdue(datetime.date(2030, 1, 1))


def test_another_department_cannot_report(task, officer):
    with pytest.raises(BusinessRuleError, match="phòng chủ trì"):
        services.record_progress(item=task, actor=officer, on=DAY, note="x")
    assert task.updates.count() == 0


def test_leaders_may_report_on_any_task(task, director):
    services.record_progress(item=task, actor=director, on=DAY, note="Chỉ đạo", percent=10)
    assert task.updates.count() == 1


def test_collective_owner_lets_every_department_report(plan, centre, officer, branch, director):
    item = PlanItemFactory(plan=plan, path="II.9")
    lead(item, collective=PlanItemUnit.Collective.ALL)
    services.approve_plan(plan=plan, actor=director)
    branch_officer = UserFactory(centre=centre, department=branch, roles=[Role.LEGAL_AID_OFFICER])
    services.record_progress(item=item, actor=officer, on=DAY, note="Phòng NV đã làm")
    services.record_progress(item=item, actor=branch_officer, on=DAY, note="Chi nhánh đã làm")
    assert item.updates.count() == 2


def test_branches_collective_excludes_offices(plan, officer, director):
    item = PlanItemFactory(plan=plan, path="II.8")
    lead(item, collective=PlanItemUnit.Collective.BRANCHES, name="Các Chi nhánh")
    services.approve_plan(plan=plan, actor=director)
    with pytest.raises(BusinessRuleError, match="phòng chủ trì"):
        services.record_progress(item=item, actor=officer, on=DAY, note="x")


def test_progress_needs_an_approved_plan(centre, staff, admin_office):
    draft_task = PlanItemFactory(plan=PlanFactory(centre=centre, created_by=staff))
    lead(draft_task, admin_office)
    with pytest.raises(BusinessRuleError, match="phê duyệt"):
        services.record_progress(item=draft_task, actor=staff, on=DAY, note="x")


def test_progress_requires_a_note_and_a_sane_percent(task, staff):
    with pytest.raises(BusinessRuleError, match="nội dung"):
        services.record_progress(item=task, actor=staff, on=DAY, note="  ")
    with pytest.raises(BusinessRuleError, match="0 đến 100"):
        services.record_progress(item=task, actor=staff, on=DAY, note="x", percent=120)


def test_quantities_add_up_and_drive_the_percent(task, staff):
    boards = QuantityTarget.objects.create(item=task, label="Bảng thông tin", target=128)
    QuantityTarget.objects.create(item=task, label="Hộp tin", target=128)
    services.record_progress(
        item=task, actor=staff, on=DAY, note="Lắp đặt đợt 1", quantity=boards, quantity_achieved=64
    )
    services.record_progress(
        item=task, actor=staff, on=DAY, note="Lắp đặt đợt 2", quantity=boards, quantity_achieved=64
    )
    boards.refresh_from_db()
    task.refresh_from_db()
    assert boards.achieved == 128
    assert task.percent == 50  # (128/128 + 0/128) / 2: each target weighs the same


def test_quantity_of_another_task_is_refused(task, plan, staff):
    other = PlanItemFactory(plan=plan, path="II.7")
    foreign = QuantityTarget.objects.create(item=other, label="Tờ gấp", target=10)
    with pytest.raises(BusinessRuleError, match="không thuộc"):
        services.record_progress(
            item=task, actor=staff, on=DAY, note="x", quantity=foreign, quantity_achieved=1
        )


def test_milestone_completed_by_its_owner_once(
    task, admin_office, officer, staff, professional_office
):
    milestone = Milestone.objects.create(
        item=task, title="Phản biện", due=DAY, owner_department=professional_office
    )
    services.complete_milestone(milestone=milestone, actor=officer, on=DAY)
    milestone.refresh_from_db()
    assert (milestone.done_at, milestone.done_by) == (DAY, officer)
    with pytest.raises(BusinessRuleError, match="đã được xác nhận"):
        services.complete_milestone(milestone=milestone, actor=staff, on=DAY)


def test_overdue_is_derived_from_the_due_date(task):
    task.due = datetime.date(2026, 3, 31)
    assert task.is_overdue(datetime.date(2026, 4, 1))
    assert not task.is_overdue(datetime.date(2026, 3, 31))
