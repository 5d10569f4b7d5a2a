"""Saving a parsed plan document: items, owners matched to the centre's units, money, milestones."""

import datetime

import pytest

from plans import services
from plans.models import Plan, PlanItem, PlanItemUnit
from plans.reader import ParsedItem, ParsedPlan, parse_plan
from tests.factories import AgencyFactory
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency

pytestmark = pytest.mark.django_db


def save(text, centre, actor, kind=Plan.Kind.ANNUAL):
    return services.create_plan_from_parsed(
        centre=centre, plan=parse_plan(text), kind=kind, actor=actor
    )


def test_2021_sample_becomes_a_draft_plan_with_its_header(sample_2021, centre, staff, offices):
    plan = save(sample_2021, centre, staff)
    assert plan.status == Plan.Status.DRAFT
    assert plan.number_text == "19/KH-TGPL"
    assert plan.date == datetime.date(2021, 1, 20)
    assert plan.year == 2021
    assert plan.title == "Triển khai công tác trợ giúp pháp lý năm 2021"
    assert plan.signer_name == "Hoàng Thị Bích"
    assert plan.recipient_list()[:2] == ["Cục Trợ giúp pháp lý - Bộ Tư pháp", "Sở Tư pháp"]
    assert plan.created_by == staff


def test_2021_sample_tasks_owners_dates_and_budget(sample_2021, centre, staff, offices):
    plan = save(sample_2021, centre, staff)
    items = {i.path: i for i in plan.items.prefetch_related("units")}
    assert items["II.2"].kind == PlanItem.Kind.HEADING
    assert items["II.2.2"].parent == items["II.2"]
    task = items["II.2.2.1"]
    assert task.kind == PlanItem.Kind.TASK
    assert [u.department for u in task.lead_units()] == [offices["HC-TH"]]
    assert task.timeframe_text == "Tháng 01/2021"
    assert (task.start, task.due) == (datetime.date(2021, 1, 1), datetime.date(2021, 1, 31))
    assert task.expected_result.startswith("Quyết định giao chỉ tiêu")
    outreach = items["II.3.1"]
    assert outreach.budget_vnd == 177_400_000 + 40_000_000 + 240_000_000 + 3_000_000
    lines = outreach.budget_lines.order_by("position")  # issue 17.8: kept line by line
    assert [x.planned_vnd for x in lines] == [177_400_000, 40_000_000, 240_000_000, 3_000_000]
    assert [u.department for u in outreach.lead_units()] == [offices["HC-TH"]]
    partners = outreach.partner_units()
    assert partners[0].department == offices["NV"]
    assert partners[1].collective == PlanItemUnit.Collective.BRANCHES
    targets = {q.label: q.target for q in outreach.quantities.all()}
    assert targets["Bảng thông tin"] == 128
    assert targets["Tờ gấp"] == 80_000
    training = items["II.4.2"]
    assert (training.start, training.due) == (datetime.date(2021, 4, 1), datetime.date(2021, 9, 30))


def test_collective_owner_is_kept_as_a_collective(sample_2021, centre, staff, offices):
    plan = save(sample_2021, centre, staff)
    unit = plan.items.get(path="II.1").lead_units()[0]
    assert unit.department is None
    assert unit.collective == PlanItemUnit.Collective.ALL


def test_2025_thematic_sample_has_milestones_with_owners(sample_2025, centre, staff, offices):
    plan = save(sample_2025, centre, staff, kind=Plan.Kind.THEMATIC)
    assert plan.number is None
    assert plan.number_text == "Dự thảo"  # never a bare "/KH-TGPL"
    topic = plan.items.get(path="II.3.1")
    assert (topic.start, topic.due) == (datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    milestones = list(topic.milestones.order_by("position"))
    assert [m.due for m in milestones] == [
        datetime.date(2025, 3, 15),
        datetime.date(2025, 3, 20),
        datetime.date(2025, 3, 28),
    ]
    assert milestones[0].owner_department == offices["HC-TH"]
    assert milestones[1].owner_department == offices["NV"]
    assert milestones[2].owner_department is None
    assert milestones[2].owner_text.startswith("Trung tâm")


def test_units_match_agencies_ignoring_case_and_dashes(centre, staff, offices):
    AgencyFactory(kind=Agency.Kind.COURT, name="Tòa án nhân dân tỉnh Lạng Sơn", province_code=20)
    text = (
        "KẾ HOẠCH\nPhối hợp năm 2026\n\nI. NỘI DUNG\n\n1. Phối hợp tổ chức phiên tòa mẫu\n"
        "- Chủ trì: phòng hành chính - tổng hợp\n- Phối hợp: TÒA ÁN NHÂN DÂN TỈNH LẠNG SƠN, "
        "Hội Nông dân tỉnh\n- Thời gian thực hiện: Quý III/2026\n"
    )
    plan = save(text, centre, staff)
    item = plan.items.get(path="I.1")
    assert item.lead_units()[0].department == offices["HC-TH"]
    partners = item.partner_units()
    assert partners[0].agency.name == "Tòa án nhân dân tỉnh Lạng Sơn"
    assert partners[1].department is None
    assert partners[1].agency is None
    assert partners[1].name == "Hội Nông dân tỉnh"


def test_duplicate_plan_number_is_refused_and_nothing_is_saved(sample_2021, centre, staff):
    save(sample_2021, centre, staff)
    before = (Plan.objects.count(), PlanItem.objects.count())
    with pytest.raises(BusinessRuleError, match="Đã có kế hoạch số 19/KH-TGPL"):
        save(sample_2021, centre, staff)
    assert (Plan.objects.count(), PlanItem.objects.count()) == before


def test_a_bad_item_rolls_back_the_whole_plan(centre, staff):
    reading = ParsedPlan(
        title="Kế hoạch thử",
        year=2026,
        items=[
            ParsedItem(path="I", number="I", level=1, title="Mục I"),
            ParsedItem(path="I", number="I", level=1, title="Trùng"),
        ],
    )
    with pytest.raises(BusinessRuleError, match="trùng"):
        services.create_plan_from_parsed(centre=centre, plan=reading, kind="annual", actor=staff)
    assert Plan.objects.count() == 0
    assert PlanItem.objects.count() == 0


def test_lawyer_cannot_create_plans(sample_2021, centre, lawyer):
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        save(sample_2021, centre, lawyer)


def test_staff_of_another_centre_cannot_create_plans_here(sample_2021, centre, other_centre_staff):
    with pytest.raises(BusinessRuleError):
        save(sample_2021, centre, other_centre_staff)
