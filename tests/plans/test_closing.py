"""Kết thúc kế hoạch: a year's plan closed with its open tasks done, carried or dropped;
its tasks are then no longer overdue, reminded or on the boards."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from plans import selectors, services
from plans.models import Plan, PlanItem, QuantityTarget
from plans.reminders import plan_deadlines
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.errors import BusinessRuleError

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 18)
NOW = datetime.datetime(2026, 11, 18, 2, tzinfo=datetime.UTC)  # 09:00 in Hà Nội
OUT = services.Outcome


@pytest.fixture
def plan_2021(centre, staff, director, admin_office):
    """The 2021 plan still open in 2026: one task done, three left open (one with targets)."""
    plan = PlanFactory(centre=centre, created_by=staff, number=19, year=2021)
    tasks = []
    for n, title in enumerate(["Tập huấn", "Truyền thông", "Kiểm tra", "Lắp bảng"], start=1):
        item = PlanItemFactory(
            plan=plan, path=f"II.{n}", title=title, due=datetime.date(2021, 12, 31)
        )
        lead(item, admin_office)
        tasks.append(item)
    QuantityTarget.objects.create(item=tasks[3], label="Bảng thông tin", target=128, achieved=64)
    services.approve_plan(plan=plan, actor=director)
    services.record_progress(
        item=tasks[0], actor=staff, on=datetime.date(2021, 6, 1), note="Xong", done=True
    )
    return plan


def tasks_of(plan):
    return {t.path: t for t in plan.items.order_by("position")}


def test_closing_lists_and_resolves_each_open_task(plan_2021, director):
    tasks = tasks_of(plan_2021)
    assert [t.path for t in selectors.open_tasks(plan_2021)] == ["II.2", "II.3", "II.4"]
    services.close_plan(
        plan=plan_2021,
        actor=director,
        outcomes={
            tasks["II.2"].pk: (OUT.CARRIED, ""),
            tasks["II.3"].pk: (OUT.DROPPED, "Không còn phù hợp sau sáp nhập."),
            tasks["II.4"].pk: (OUT.DONE, ""),
        },
    )
    plan_2021.refresh_from_db()
    tasks = tasks_of(plan_2021)
    assert plan_2021.status == Plan.Status.CLOSED
    assert (tasks["II.2"].status, tasks["II.2"].closing_note) == (
        PlanItem.Status.CARRIED, "Chuyển sang kế hoạch năm 2022.",
    )  # fmt: skip
    assert (tasks["II.3"].status, tasks["II.3"].closing_note) == (
        PlanItem.Status.DROPPED, "Không còn phù hợp sau sáp nhập.",
    )  # fmt: skip
    # done at the end of its year, with the percent its targets give (64/128), not 100 %
    assert (tasks["II.4"].status, tasks["II.4"].percent, tasks["II.4"].completed_at) == (
        PlanItem.Status.DONE, 50, datetime.date(2021, 12, 31),
    )  # fmt: skip
    assert tasks["II.1"].completed_at == datetime.date(2021, 6, 1)  # untouched
    assert tasks["II.3"].history.first().history_change_reason == "Kết thúc kế hoạch 19/KH-TGPL"


def test_every_open_task_needs_an_outcome(plan_2021, director):
    tasks = tasks_of(plan_2021)
    with pytest.raises(BusinessRuleError, match=r"mục II\.3, II\.4"):
        services.close_plan(
            plan=plan_2021, actor=director, outcomes={tasks["II.2"].pk: (OUT.DONE, "")}
        )
    plan_2021.refresh_from_db()
    assert plan_2021.status == Plan.Status.APPROVED
    assert tasks_of(plan_2021)["II.2"].status == PlanItem.Status.NOT_STARTED  # rolled back


def test_a_dropped_task_needs_a_reason(plan_2021, director):
    outcomes = {t.pk: (OUT.DROPPED, "  ") for t in selectors.open_tasks(plan_2021)}
    with pytest.raises(BusinessRuleError, match=r"Ghi lý do không thực hiện nhiệm vụ mục II\.2"):
        services.close_plan(plan=plan_2021, actor=director, outcomes=outcomes)


def test_only_the_director_closes(plan_2021, head):
    outcomes = {t.pk: (OUT.DONE, "") for t in selectors.open_tasks(plan_2021)}
    with pytest.raises(BusinessRuleError, match="Chỉ Giám đốc"):
        services.close_plan(plan=plan_2021, actor=head, outcomes=outcomes)


def close_all(plan, director):
    outcomes = {t.pk: (OUT.CARRIED, "") for t in selectors.open_tasks(plan)}
    services.close_plan(plan=plan, actor=director, outcomes=outcomes)


def test_a_closed_plans_tasks_are_not_overdue_reminded_or_on_the_board(
    plan_2021, director, admin_office, staff
):
    overdue = PlanItem.objects.overdue(TODAY)
    assert overdue.count() == 3
    assert len(selectors.board_tasks(staff, admin_office, today=TODAY)) == 4
    close_all(plan_2021, director)
    assert not PlanItem.objects.overdue(TODAY).exists()
    assert not any(t.is_overdue(TODAY) for t in plan_2021.items.all())
    assert selectors.board_tasks(staff, admin_office, today=TODAY) == []


def test_a_closed_plans_tasks_leave_the_reminders(centre, staff, director, admin_office):
    plan = PlanFactory(centre=centre, created_by=staff, year=2026)
    task = PlanItemFactory(plan=plan, due=datetime.date(2026, 11, 25), timeframe_text="")
    lead(task, admin_office)
    services.approve_plan(plan=plan, actor=director)

    def reminded():
        deadlines = plan_deadlines(TODAY, NOW, until=datetime.date(2026, 12, 31))
        return [d for d in deadlines if d.subject == task]

    assert reminded()
    close_all(plan, director)
    assert reminded() == []


def test_the_plan_page_offers_closing_a_past_years_plan(login, director, plan_2021):
    page = login(director).get(reverse("plans:detail", args=[plan_2021.pk]))
    assertContains(page, "Năm 2021 đã kết thúc")
    assertContains(page, reverse("plans:closing", args=[plan_2021.pk]))


def test_a_plan_of_this_year_is_not_yet_offered(login, director, centre, staff, admin_office):
    plan = PlanFactory(centre=centre, created_by=staff, year=2026)
    lead(PlanItemFactory(plan=plan), admin_office)
    services.approve_plan(plan=plan, actor=director)
    plan.refresh_from_db()
    page = login(director).get(reverse("plans:detail", args=[plan.pk]))
    assertNotContains(page, "đã kết thúc:")
    assert not services.closing_is_due(plan, TODAY)
    assert services.closing_is_due(plan, datetime.date(2026, 12, 1))  # as the year ends


def test_the_closing_page_lists_the_open_tasks(login, director, plan_2021):
    page = login(director).get(reverse("plans:closing", args=[plan_2021.pk]))
    html = page.content.decode()
    for task in selectors.open_tasks(plan_2021):
        assert f'name="outcome_{task.pk}"' in html
    assert f'name="outcome_{tasks_of(plan_2021)["II.1"].pk}"' not in html
    assert "64/128 Bảng thông tin" in html


def test_the_director_closes_from_the_page(login, director, plan_2021):
    data = {}
    for task in selectors.open_tasks(plan_2021):
        data[f"outcome_{task.pk}"] = "dropped"
        data[f"note_{task.pk}"] = "Hết năm kế hoạch."
    response = login(director).post(reverse("plans:close", args=[plan_2021.pk]), data, follow=True)
    assertContains(response, "Đã kết thúc kế hoạch.")
    plan_2021.refresh_from_db()
    assert plan_2021.status == Plan.Status.CLOSED


def test_a_missing_reason_is_shown_on_the_form(login, director, plan_2021):
    data = {f"outcome_{t.pk}": "dropped" for t in selectors.open_tasks(plan_2021)}
    response = login(director).post(reverse("plans:close", args=[plan_2021.pk]), data)
    assert response.status_code == 400
    assertContains(response, "Ghi lý do không thực hiện nhiệm vụ.", status_code=400)
    plan_2021.refresh_from_db()
    assert plan_2021.status == Plan.Status.APPROVED


def test_the_plan_list_offers_the_director_to_close_past_plans(login, director, staff, plan_2021):
    page = login(director).get(reverse("plans:index"))
    assertContains(page, "Kế hoạch của các năm đã qua chưa kết thúc")
    assertContains(page, "3 nhiệm vụ chưa hoàn thành")
    assertContains(page, reverse("plans:closing", args=[plan_2021.pk]))
    assertNotContains(login(staff).get(reverse("plans:index")), "chưa kết thúc")


def test_the_home_page_tells_the_director(login, director, plan_2021):
    page = login(director).get(reverse("dashboard"))
    assertContains(page, "Kế hoạch năm trước chưa kết thúc")


def test_staff_may_not_open_the_closing_page(login, staff, plan_2021):
    assert login(staff).get(reverse("plans:closing", args=[plan_2021.pk])).status_code == 403
    assert login(staff).post(reverse("plans:close", args=[plan_2021.pk])).status_code == 403


def test_another_centre_gets_404(login, other_centre_staff, plan_2021):
    client = login(other_centre_staff)
    assert client.get(reverse("plans:closing", args=[plan_2021.pk])).status_code == 404


def test_anonymous_goes_to_login(client, plan_2021):
    response = client.get(reverse("plans:closing", args=[plan_2021.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_get_on_close_is_refused(login, director, plan_2021):
    assert login(director).get(reverse("plans:close", args=[plan_2021.pk])).status_code == 405
