"""Plan targets met by activities and placements, each counted once."""

from datetime import date

import pytest
from django.urls import reverse

from outreach.models import Activity, Material
from plans.models import QuantityTarget
from tgpl import targets

from .factories import BA_SON, KY_LUA, activity, approved_task, material, place

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("Bảng thông tin", targets.INFO_BOARD),
        ("Hộp tin", targets.INFO_BOX),
        ("Tờ gấp", targets.LEAFLET),
        ("Tờ thông tin", targets.INFO_SHEET),
        ("buổi", targets.SESSION),
        ("Hội nghị truyền thông", targets.SESSION),
        ("Tin, bài", targets.ARTICLE),
        ("Chương trình phát thanh", targets.PROGRAMME),
        ("xã", targets.COMMUNE),
        ("Xã, thôn", targets.COMMUNE),
        ("Lượt người", targets.PEOPLE),
        ("Vụ việc", None),  # met by cases, reported by hand
        ("Huyện", None),
    ],
)
def test_a_targets_label_names_the_unit_recorded_work_counts_in(label, unit):
    assert targets.unit_of(label) == unit


def test_an_activity_serving_two_tasks_counts_once_in_each_and_once_in_the_total(staff, centre):
    first = approved_task(centre, staff, targets=[("04", "buổi")])
    second = approved_task(centre, staff, targets=[("10", "buổi")], plan=first.plan)
    activity(staff, task_ids=[first.pk, second.pk], participants_male=10, participants_female=5)
    activity(staff, task_ids=[second.pk], on=date(2026, 10, 6), commune_code=KY_LUA)

    got = targets.achieved_for([first.pk, second.pk])

    assert got.of(first.pk, targets.SESSION) == 1
    assert got.of(second.pk, targets.SESSION) == 2
    assert got.overall[targets.SESSION] == 2  # not 3: the shared activity once
    assert got.overall[targets.PEOPLE] == 15 + 35
    assert got.of(second.pk, targets.COMMUNE) == 2
    assert got.overall[targets.COMMUNE] == 2


def test_placements_meet_material_targets_by_quantity_and_communes_are_distinct(staff, centre):
    task = approved_task(centre, staff, targets=[("128", "Bảng thông tin"), ("120", "xã")])
    boards = material(staff, kind=Material.Kind.INFO_BOARD)
    place(staff, boards, quantity=20, plan_item_id=task.pk)
    place(staff, boards, quantity=12, plan_item_id=task.pk, commune_code=KY_LUA)
    place(staff, boards, quantity=5)  # not linked to the task
    activity(staff, task_ids=[task.pk], commune_code=BA_SON)  # same commune again

    got = targets.achieved_for([task.pk])

    assert got.of(task.pk, targets.INFO_BOARD) == 32
    assert got.of(task.pk, targets.COMMUNE) == 2


def test_broadcasts_and_articles_count_in_their_own_units(staff, centre):
    task = approved_task(centre, staff, targets=[("52", "Tin, bài"), ("12", "Chương trình")])
    activity(staff, kind=Activity.Kind.WEB_ARTICLE, task_ids=[task.pk])
    activity(staff, kind=Activity.Kind.SOCIAL_POST, task_ids=[task.pk], on=date(2026, 10, 7))
    activity(staff, kind=Activity.Kind.LOUDSPEAKER, task_ids=[task.pk], on=date(2026, 10, 8))

    got = targets.achieved_for([task.pk])

    assert got.of(task.pk, targets.ARTICLE) == 2
    assert got.of(task.pk, targets.PROGRAMME) == 1
    assert got.of(task.pk, targets.SESSION) == 0


def test_reached_is_the_larger_of_reported_and_recorded_never_their_sum(staff, centre, client):
    task = approved_task(centre, staff, targets=[("04", "buổi")])
    QuantityTarget.objects.filter(item=task).update(achieved=1)  # a progress report said 1
    activity(staff, task_ids=[task.pk])
    activity(staff, task_ids=[task.pk], on=date(2026, 10, 9))
    client.force_login(staff)

    page = client.get(reverse("plans:detail", args=[task.plan_id])).content.decode()

    assert "2/4 buổi (50%)" in page
    assert "hoạt động: 2" in page


def test_the_plan_page_totals_recorded_work_with_each_activity_once(staff, centre, client):
    first = approved_task(centre, staff, targets=[("04", "buổi")])
    second = approved_task(centre, staff, targets=[("04", "buổi")], plan=first.plan)
    activity(staff, task_ids=[first.pk, second.pk], participants_male=0, participants_female=0)
    client.force_login(staff)

    page = client.get(reverse("plans:detail", args=[first.plan_id])).content.decode()

    assert "1/4 buổi (25%)" in page
    assert "Đã ghi nhận qua hoạt động" in page
    assert "1 buổi, hội nghị, đợt" in page


def test_the_task_page_lists_what_was_done_where_and_by_whom(staff, centre, client):
    task = approved_task(centre, staff)
    boards = material(staff)
    place(staff, boards, quantity=20, plan_item_id=task.pk, received_by="Lý Văn Sơn")
    activity(staff, task_ids=[task.pk], title="Tuyên truyền tại xã Ba Sơn")
    client.force_login(staff)

    page = client.get(reverse("plans:item", args=[task.pk])).content.decode()

    assert "20/128" in page
    assert "Tuyên truyền tại xã Ba Sơn" in page
    assert "Lý Văn Sơn" in page
    assert "Xã Ba Sơn" in page


def test_only_approved_tasks_of_the_centre_and_year_can_be_linked(
    staff, centre, other_centre, other_centre_staff
):
    from tgpl.errors import BusinessRuleError

    foreign = approved_task(other_centre, other_centre_staff)
    last_year = approved_task(centre, staff, year=2025)
    for task in (foreign, last_year):
        with pytest.raises(BusinessRuleError, match="kế hoạch đã phê duyệt"):
            activity(staff, task_ids=[task.pk])


def test_a_group_of_participants_cannot_exceed_the_participants(staff):
    from tgpl.errors import BusinessRuleError

    with pytest.raises(BusinessRuleError, match="lớn hơn tổng số người tham dự"):
        activity(staff, participants_male=3, participants_female=2, ethnic_minority=6)


def test_a_broadcast_names_its_station_and_a_session_its_place(staff):
    from tgpl.errors import BusinessRuleError

    with pytest.raises(BusinessRuleError, match="Ghi đài hoặc trang"):
        activity(staff, kind=Activity.Kind.RADIO_TV, channel="")
    with pytest.raises(BusinessRuleError, match="Chọn xã, phường hoặc cơ quan"):
        activity(staff, commune_code=None)
