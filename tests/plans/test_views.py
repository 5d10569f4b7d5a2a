"""Plans pages: who may see and do what, and that each page works for the right role."""

import datetime

import pytest
from django.urls import reverse

from plans import services
from plans.models import Plan, PlanItem
from tests.plans.factories import PlanFactory, PlanItemFactory, lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(centre, staff):
    return PlanFactory(centre=centre, created_by=staff, title="Kế hoạch truyền thông năm 2026")


@pytest.fixture
def task(plan, admin_office):
    item = PlanItemFactory(plan=plan, path="II.1", title="In tờ gấp pháp luật")
    lead(item, admin_office)
    return item


@pytest.fixture
def approved(plan, task, director):
    services.approve_plan(plan=plan, actor=director)
    return plan


READ_PAGES = [
    ("plans:index", None),
    ("plans:board", None),
    ("plans:detail", "plan"),
    ("plans:history", "plan"),
    ("plans:item", "task"),
    ("plans:export_tasks", "plan"),
]
POST_ONLY = [
    "plans:approve",
    "plans:close",
    "plans:reopen",
    "plans:copy",
    "plans:item_progress",
    "plans:import_confirm",
]


def url_for(name, obj_name, request):
    if obj_name is None:
        return reverse(name)
    return reverse(name, args=[request.getfixturevalue(obj_name).pk])


@pytest.mark.parametrize(("name", "obj"), READ_PAGES)
@pytest.mark.parametrize(
    "persona", ["director", "head", "officer", "lawyer", "collaborator", "staff", "reviewer"]
)
def test_everyone_of_the_centre_and_its_reviewer_reads_plans(client, request, name, obj, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url_for(name, obj, request)).status_code == 200


@pytest.mark.parametrize(("name", "obj"), READ_PAGES)
def test_anonymous_goes_to_login(client, request, name, obj):
    response = client.get(url_for(name, obj, request))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "obj"), [p for p in READ_PAGES if p[1]])
def test_another_centre_sees_404(client, request, other_centre_staff, name, obj):
    client.force_login(other_centre_staff)
    assert client.get(url_for(name, obj, request)).status_code == 404


def test_reviewer_of_another_province_sees_404(client, other_province_reviewer, plan):
    client.force_login(other_province_reviewer)
    assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 404


@pytest.mark.parametrize("name", POST_ONLY)
def test_get_on_post_only_views_is_refused(client, director, name, task):
    client.force_login(director)
    args = [] if name == "plans:import_confirm" else [task.pk if "item" in name else task.plan_id]
    assert client.get(reverse(name, args=args)).status_code == 405


@pytest.mark.parametrize(
    ("name", "persona", "status"),
    [
        ("plans:create", "staff", 200),
        ("plans:create", "lawyer", 403),
        ("plans:create", "collaborator", 403),
        ("plans:create", "reviewer", 403),
        ("plans:import", "officer", 200),
        ("plans:import", "reviewer", 403),
    ],
)
def test_who_may_draft_plans(client, request, name, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse(name)).status_code == status


def test_edit_pages_refused_to_readers(client, lawyer, plan, task):
    client.force_login(lawyer)
    assert client.get(reverse("plans:edit", args=[plan.pk])).status_code == 403
    assert client.get(reverse("plans:item_edit", args=[task.pk])).status_code == 403
    assert client.get(reverse("plans:import_tasks", args=[plan.pk])).status_code == 403


def test_create_plan_keeps_what_was_typed_on_error(client, staff):
    client.force_login(staff)
    response = client.post(
        reverse("plans:create"),
        {"kind": "annual", "year": "", "title": "Kế hoạch chưa có năm", "symbol": "KH-TGPL"},
    )
    assert response.status_code == 400  # a form with errors answers 400, as every form does
    body = response.content.decode()
    assert "Nhập năm của kế hoạch." in body
    assert "Kế hoạch chưa có năm" in body


def test_create_plan_and_add_an_item(client, staff, admin_office):
    client.force_login(staff)
    response = client.post(
        reverse("plans:create"),
        {
            "kind": "thematic",
            "number": "7",
            "symbol": "KH-TGPL",
            "date": "15/01/2026",
            "year": "2026",
            "title": "Thực hiện chuyên đề năm 2026",
            "place": "Lạng Sơn",
        },
    )
    plan = Plan.objects.get(title="Thực hiện chuyên đề năm 2026")
    assert response.status_code == 302
    assert plan.date == datetime.date(2026, 1, 15)
    assert plan.created_by == staff
    response = client.post(
        reverse("plans:item_create", args=[plan.pk]),
        {
            "path": "II.1",
            "kind": "task",
            "title": "Chuyên đề 1",
            "lead": "Phòng Hành chính - Tổng hợp",
            "partners": "",
            "timeframe_text": "Hoàn thành trong Quý I/2026",
        },
    )
    assert response.status_code == 302
    item = plan.items.get(path="II.1")
    assert item.due == datetime.date(2026, 3, 31)
    assert item.lead_units()[0].department == admin_office


def test_director_approves_from_the_page_and_staff_is_told_no(client, director, staff, plan, task):
    client.force_login(staff)
    response = client.post(reverse("plans:approve", args=[plan.pk]), follow=True)
    assert "Chỉ Giám đốc Trung tâm phê duyệt kế hoạch." in response.content.decode()
    client.force_login(director)
    client.post(reverse("plans:approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == Plan.Status.APPROVED


def test_owner_reports_progress_from_the_task_page(client, staff, approved, task):
    client.force_login(staff)
    page = client.get(reverse("plans:item", args=[task.pk])).content.decode()
    assert "Báo cáo tiến độ mới" in page
    response = client.post(
        reverse("plans:item_progress", args=[task.pk]),
        {"on": "02/06/2026", "note": "Đã in 5.000 tờ gấp", "percent": "50"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.percent == 50


def test_progress_form_keeps_input_on_error(client, staff, approved, task):
    client.force_login(staff)
    response = client.post(
        reverse("plans:item_progress", args=[task.pk]),
        {"on": "02/06/2026", "note": "Ghi chú giữ lại", "percent": "150"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Ghi chú giữ lại" in body
    assert "100" in body


def test_non_owner_cannot_post_progress(client, officer, approved, task):
    client.force_login(officer)
    response = client.post(
        reverse("plans:item_progress", args=[task.pk]), {"on": "02/06/2026", "note": "x"}
    )
    assert response.status_code == 403
    assert task.updates.count() == 0


def test_board_lists_overdue_first(client, staff, approved, admin_office, plan):
    late = PlanItemFactory(plan=plan, path="II.2", title="Nhiệm vụ trễ hạn")
    lead(late, admin_office)
    PlanItem.objects.filter(pk=late.pk).update(due=datetime.date(2020, 1, 1))
    client.force_login(staff)
    response = client.get(reverse("plans:board"))
    tasks = response.context["tasks"]
    assert tasks[0].title == "Nhiệm vụ trễ hạn"
    assert response.context["overdue_count"] == 1
    filtered = client.get(reverse("plans:board"), {"window": "overdue"}).context["tasks"]
    assert [t.title for t in filtered] == ["Nhiệm vụ trễ hạn"]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("quarter_end", ["Hạn 01/07", "Hạn 30/09"]),  # 30/09/2026: the third quarter
        # 00:30 on 01/01/2027 in Vietnam: the first quarter of 2027, though UTC is still
        # on 31/12/2026, in the last quarter of 2026.
        ("new_year_vn", ["Hạn 01/01/2027"]),
    ],
)
def test_board_quarter_window_is_the_vietnamese_quarter(
    client, staff, approved, admin_office, plan, travel_to, moment, expected
):
    dues = {
        "Hạn 30/06": datetime.date(2026, 6, 30),
        "Hạn 01/07": datetime.date(2026, 7, 1),
        "Hạn 30/09": datetime.date(2026, 9, 30),
        "Hạn 01/10": datetime.date(2026, 10, 1),
        "Hạn 31/12": datetime.date(2026, 12, 31),
        "Hạn 01/01/2027": datetime.date(2027, 1, 1),
    }
    for n, (title, due) in enumerate(dues.items(), start=2):
        item = PlanItemFactory(plan=plan, path=f"II.{n}", title=title)
        lead(item, admin_office)
        PlanItem.objects.filter(pk=item.pk).update(due=due)
    travel_to(moment)
    client.force_login(staff)
    response = client.get(reverse("plans:board"), {"window": "quarter"})
    assert response.status_code == 200
    assert sorted(t.title for t in response.context["tasks"]) == sorted(expected)


def test_copy_to_next_year_from_the_page(client, staff, approved):
    client.force_login(staff)
    response = client.post(reverse("plans:copy", args=[approved.pk]))
    copy = Plan.objects.get(copied_from=approved)
    assert response["Location"] == reverse("plans:detail", args=[copy.pk])
    assert copy.year == approved.year + 1
    page = client.get(response["Location"]).content.decode()
    assert "để trống số và ngày" not in page  # its bases cite no yearly document


def test_copying_a_plan_that_carries_out_a_yearly_plan_tells_the_drafter(client, staff, approved):
    approved.legal_bases = (
        f"Thực hiện Kế hoạch số 08/KH-STP ngày 12/01/{approved.year} của Sở Tư pháp về "
        f"triển khai công tác trợ giúp pháp lý năm {approved.year}"
    )
    approved.save(update_fields=["legal_bases"])
    client.force_login(staff)
    response = client.post(reverse("plans:copy", args=[approved.pk]), follow=True)
    page = response.content.decode()
    assert f"ghi văn bản của năm {approved.year + 1} trước khi trình duyệt" in page
    copy = Plan.objects.get(copied_from=approved)
    assert copy.legal_bases.startswith("Thực hiện Kế hoạch số …/KH-STP ngày …/…/… của Sở")


def test_history_page_shows_who_changed_what(client, director, approved):
    client.force_login(director)
    body = client.get(reverse("plans:history", args=[approved.pk])).content.decode()
    assert "Phê duyệt kế hoạch" in body
    assert director.full_name in body


def test_evidence_files_are_served_to_plan_readers_only(
    client, staff, approved, task, settings, tmp_path, other_centre_staff
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    update = services.record_progress(
        item=task,
        actor=staff,
        on=datetime.date(2026, 6, 1),
        note="Đã in",
        evidence_file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 x"),
    )
    link = reverse("plans:evidence", args=[update.pk])
    client.force_login(staff)
    assert link in client.get(reverse("plans:item", args=[task.pk])).content.decode()
    assert b"".join(client.get(link).streaming_content) == b"%PDF-1.4 x"
    client.force_login(other_centre_staff)
    assert client.get(link).status_code == 404
