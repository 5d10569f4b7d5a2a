import datetime

import pytest

from plans import services
from plans.models import Plan, PlanItem, PlanItemUnit
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.errors import BusinessRuleError
from tgpl.history import timeline_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(centre, staff):
    return PlanFactory(centre=centre, created_by=staff, year=2026)


@pytest.fixture
def task(plan, admin_office):
    item = PlanItemFactory(plan=plan, path="II.1", timeframe_text="Quý II - III năm 2026")
    lead(item, admin_office)
    return item


def test_director_approves_a_plan_with_tasks(plan, task, director):
    services.approve_plan(plan=plan, actor=director)
    plan.refresh_from_db()
    assert plan.status == Plan.Status.APPROVED
    assert plan.approved_by == director
    assert plan.approved_at is not None
    entry = timeline_for(plan)[0]
    assert entry.who == director.full_name
    assert entry.reason == "Phê duyệt kế hoạch"


@pytest.mark.parametrize("persona", ["staff", "head", "officer", "reviewer", "administrator"])
def test_only_the_director_approves(plan, task, request, persona):
    with pytest.raises(BusinessRuleError, match="Giám đốc"):
        services.approve_plan(plan=plan, actor=request.getfixturevalue(persona))
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT


def test_director_of_another_centre_cannot_approve(plan, task, other_centre):
    from tests.factories import UserFactory
    from tgpl.roles import Role

    other_director = UserFactory(centre=other_centre, roles=[Role.DIRECTOR])
    with pytest.raises(BusinessRuleError):
        services.approve_plan(plan=plan, actor=other_director)


def test_a_plan_without_tasks_cannot_be_approved(plan, director):
    PlanItemFactory(plan=plan, kind=PlanItem.Kind.HEADING)
    with pytest.raises(BusinessRuleError, match="chưa có nhiệm vụ"):
        services.approve_plan(plan=plan, actor=director)


def test_close_only_after_approval(plan, task, director):
    with pytest.raises(BusinessRuleError, match="Dự thảo"):
        services.close_plan(plan=plan, actor=director)
    services.approve_plan(plan=plan, actor=director)
    services.close_plan(plan=plan, actor=director, outcomes={task.pk: (services.Outcome.DONE, "")})
    plan.refresh_from_db()
    assert plan.status == Plan.Status.CLOSED
    with pytest.raises(BusinessRuleError):
        services.approve_plan(plan=plan, actor=director)


def test_reopen_refused_once_progress_was_reported(plan, task, director, staff):
    services.approve_plan(plan=plan, actor=director)
    services.record_progress(item=task, actor=staff, on=datetime.date(2026, 5, 1), note="Đã làm")
    with pytest.raises(BusinessRuleError, match="tiến độ"):
        services.reopen_plan(plan=plan, actor=director)


def test_items_of_an_approved_plan_are_frozen(plan, task, director, staff):
    services.approve_plan(plan=plan, actor=director)
    task.title = "Sửa sau khi duyệt"
    with pytest.raises(BusinessRuleError, match="đã phê duyệt"):
        services.save_item(item=task, actor=staff)


def test_save_item_parses_the_time_frame_with_the_plan_year(plan, staff, professional_office):
    item = PlanItem(plan=plan, path="II.5", title="Tập huấn", timeframe_text="Quý IV")
    services.save_item(item=item, actor=staff, lead=["Phòng Nghiệp vụ"], partners=["Công an xã"])
    item.refresh_from_db()
    assert (item.start, item.due) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    assert item.lead_units()[0].department == professional_office
    assert item.partner_units()[0].name == "Công an xã"


def test_save_item_refuses_a_duplicate_path(plan, task, staff):
    with pytest.raises(BusinessRuleError, match="Đã có mục"):
        services.save_item(item=PlanItem(plan=plan, path="II.1", title="x"), actor=staff)


def test_copy_to_next_year_moves_years_and_keeps_structure(plan, task, director, staff):
    task.title = "Tổ chức hội nghị năm 2026"
    task.save()
    services.approve_plan(plan=plan, actor=director)
    services.record_progress(
        item=task, actor=staff, on=datetime.date(2026, 5, 1), note="x", percent=50
    )
    copy = services.copy_plan_to_next_year(plan=plan, actor=staff)
    assert copy.status == Plan.Status.DRAFT
    assert copy.year == 2027
    assert copy.number is None
    assert copy.copied_from == plan
    new_task = copy.items.get(path="II.1")
    assert new_task.title == "Tổ chức hội nghị năm 2027"
    assert new_task.timeframe_text == "Quý II - III năm 2027"
    assert (new_task.start, new_task.due) == (datetime.date(2027, 4, 1), datetime.date(2027, 9, 30))
    assert new_task.percent == 0
    assert new_task.status == PlanItem.Status.NOT_STARTED
    assert [u.department_id for u in new_task.lead_units()] == [
        u.department_id for u in task.lead_units()
    ]
    assert PlanItemUnit.objects.filter(item=task).count() == 1  # the original is untouched
