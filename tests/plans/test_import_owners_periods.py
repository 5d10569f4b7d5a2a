"""What an imported plan becomes: people as owners, separate periods, links to the plans
its legal bases name, the issuing body and the kind the text gives."""

import datetime

import pytest

from plans import selectors, services
from plans.models import Plan, PlanItemPeriod, PlanItemUnit
from plans.reader import parse_plan
from plans.services.tasks import can_update
from tests.notifications.conftest import at
from tgpl.errors import BusinessRuleError
from tgpl.models import Reminder
from tgpl.notifications import scan

pytestmark = pytest.mark.django_db

PLAN = """\
SỞ TƯ PHÁP TỈNH LẠNG SƠN
TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC
Số: 12/KH-TGPL
Lạng Sơn, ngày 05 tháng 01 năm 2026
KẾ HOẠCH
Truyền thông, kiểm tra trong công tác trợ giúp pháp lý năm 2026

Thực hiện Kế hoạch số 03/KH-TGPL ngày 02/01/2026 về công tác trợ giúp pháp lý năm 2026,
Trung tâm Trợ giúp pháp lý nhà nước xây dựng Kế hoạch như sau:

I. NỘI DUNG
1. Tham gia tố tụng cho người được trợ giúp pháp lý
- Thực hiện: Các Trợ giúp viên pháp lý, Luật sư thực hiện TGPL của Trung tâm
- Thời gian: Cả năm 2026
2. Chỉ đạo, kiểm tra việc thực hiện Kế hoạch
- Chủ trì: Lãnh đạo Trung tâm
- Thời gian: Quý II, IV
3. Phát sóng 12 chương trình phát thanh tại 10 huyện
- Chủ trì: Phòng Hành chính – Tổng hợp
- Thời gian: Quý II, IV năm 2026
- Kết quả: 04 chuyên mục

Nơi nhận:
- Sở Tư pháp;
- Lưu: VT.
GIÁM ĐỐC
Hoàng Thị Bích
"""


@pytest.fixture
def annual_plan(centre, staff):
    plan = Plan.objects.create(
        centre=centre, number=3, symbol="KH-TGPL", kind="annual", year=2026,
        title="Công tác trợ giúp pháp lý năm 2026", created_by=staff,
    )  # fmt: skip
    return plan


def save(centre, actor):
    return services.create_plan_from_parsed(centre=centre, plan=parse_plan(PLAN), actor=actor)


def test_people_owners_are_kept_as_people_not_every_department(centre, staff, admin_office):
    plan = save(centre, staff)
    units = plan.items.get(path="I.1").lead_units()
    assert [(u.people, u.collective, u.department) for u in units] == [
        (PlanItemUnit.People.LEGAL_AID_OFFICERS, "", None),
        (PlanItemUnit.People.CONTRACTED_LAWYERS, "", None),
    ]
    leaders = plan.items.get(path="I.2").lead_units()
    assert [(u.people, u.collective) for u in leaders] == [(PlanItemUnit.People.LEADERSHIP, "")]


def test_a_task_owned_by_people_is_on_the_board_of_their_departments(
    centre, staff, director, officer, professional_office, admin_office
):
    plan = save(centre, staff)
    services.approve_plan(plan=plan, actor=director)
    today = datetime.date(2026, 3, 1)
    nv = {i.path for i in selectors.board_tasks(officer, professional_office, today=today)}
    hc = {i.path for i in selectors.board_tasks(staff, admin_office, today=today)}
    assert "I.1" in nv  # the legal-aid officer works in the professional office
    assert "I.1" not in hc  # no legal-aid officer in the administration office
    assert "I.3" in hc
    assert "I.3" not in nv
    item = plan.items.get(path="I.1")
    assert can_update(officer, item)
    assert not can_update(staff, item)


def test_separate_quarters_are_two_periods_with_two_due_dates(centre, staff):
    plan = save(centre, staff)
    item = plan.items.get(path="I.3")
    periods = list(item.periods.values_list("start", "due"))
    assert periods == [
        (datetime.date(2026, 4, 1), datetime.date(2026, 6, 30)),
        (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31)),
    ]
    assert plan.items.get(path="I.1").periods.count() == 0  # one span, no list


def test_separate_periods_are_reminded_each_on_its_own_due_day(
    centre, staff, director, admin_office, admin_head
):
    plan = save(centre, staff)
    services.approve_plan(plan=plan, actor=director)
    item = plan.items.get(path="I.3")
    scan.run_scan(now=at(datetime.date(2026, 6, 30)))
    scan.run_scan(now=at(datetime.date(2026, 12, 31)))
    dues = sorted({r.due_at.date() for r in Reminder.objects.filter(object_id=item.pk, kind="due")})
    assert dues == [datetime.date(2026, 6, 30), datetime.date(2026, 12, 31)]


def test_people_owners_are_reminded_themselves(
    centre, staff, director, officer, head, admin_office
):
    plan = save(centre, staff)
    services.approve_plan(plan=plan, actor=director)
    item = plan.items.get(path="I.1")
    scan.run_scan(now=at(datetime.date(2026, 12, 31)))
    recipients = set(
        Reminder.objects.filter(object_id=item.pk, deadline="plan_task").values_list(
            "recipient__username", flat=True
        )
    )
    assert {"tgv", "truongphong"} <= recipients  # the officers, and their head
    assert "vienchuc" not in recipients  # staff of the administration office


def test_editing_a_time_frame_replaces_its_periods(centre, staff):
    plan = save(centre, staff)
    item = plan.items.get(path="I.3")
    item.timeframe_text = "Quý III/2026"
    services.save_item(item=item, actor=staff)
    assert not PlanItemPeriod.objects.filter(item=item).exists()
    assert item.due == datetime.date(2026, 9, 30)


def test_coverage_and_programme_targets_become_quantity_targets(centre, staff):
    plan = save(centre, staff)
    targets = [(q.target, q.label) for q in plan.items.get(path="I.3").quantities.all()]
    assert targets == [(12, "chương trình phát thanh"), (10, "huyện"), (4, "chuyên mục")]


def test_a_basis_naming_a_plan_in_the_system_links_to_it(centre, staff, annual_plan):
    plan = save(centre, staff)
    assert list(plan.implements.all()) == [annual_plan]


def test_issuing_body_and_kind_come_from_the_document(centre, staff):
    plan = save(centre, staff)
    assert plan.issuing_body == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn"
    assert plan.kind == Plan.Kind.ANNUAL


def test_a_plan_with_no_year_anywhere_is_refused_not_dated_today(centre, staff):
    text = "KẾ HOẠCH\nTruyền thông về trợ giúp pháp lý\n\nI. NỘI DUNG\n1. In tờ gấp\n"
    reading = parse_plan(text)
    assert reading.year is None
    with pytest.raises(BusinessRuleError, match="năm"):
        services.create_plan_from_parsed(centre=centre, plan=reading, actor=staff)
    assert Plan.objects.count() == 0


def test_leaders_outside_any_department_are_reminded_of_their_tasks(
    centre, staff, director, admin_office
):
    assert director.department is None
    plan = save(centre, staff)
    services.approve_plan(plan=plan, actor=director)
    item = plan.items.get(path="I.2")  # "Chủ trì: Lãnh đạo Trung tâm", Quý II, IV
    scan.run_scan(now=at(datetime.date(2026, 6, 30)))
    reminded = Reminder.objects.filter(object_id=item.pk, kind="due")
    assert {r.recipient for r in reminded} == {director}


def test_the_centre_named_without_its_province_is_the_centre(centre, staff, sample_2025):
    plan = services.create_plan_from_parsed(
        centre=centre, plan=parse_plan(sample_2025), actor=staff
    )
    assert plan.issuing_body == centre.name  # "... nhà nước tỉnh Lạng Sơn"
    assert plan.kind == Plan.Kind.THEMATIC
