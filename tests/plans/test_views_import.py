"""Importing a plan document through the pages, and a plan's tasks through .xlsx."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plans.models import Plan, PlanItem
from tests.plans.factories import PlanFactory, PlanItemFactory, lead

pytestmark = pytest.mark.django_db


def test_upload_preview_correct_and_save(client, staff, sample_2021, offices):
    client.force_login(staff)
    upload = SimpleUploadedFile("kh19.txt", sample_2021.encode("utf-8"), "text/plain")
    preview = client.post(reverse("plans:import"), {"kind": "annual", "document": upload})
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Kiểm tra kế hoạch trước khi lưu" in body
    assert "Triển khai công tác trợ giúp pháp lý năm 2021" in body
    header = preview.context["header"].initial
    items = preview.context["items"]
    post = {
        "kind": "annual",
        "number": header["number"],
        "symbol": header["symbol"],
        "place": header["place"],
        "date": "20/01/2021",
        "year": "2021",
        "title": "Triển khai công tác TGPL năm 2021 (đã sửa)",
        "recipients": "Sở Tư pháp",
        "signer_on_behalf": "",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Hoàng Thị Bích",
        "form-TOTAL_FORMS": str(len(items.forms)),
        "form-INITIAL_FORMS": str(len(items.forms)),
    }
    for i, form in enumerate(items.forms):
        data = form.initial
        for key in [
            "src",
            "path",
            "kind",
            "title",
            "lead",
            "partners",
            "timeframe_text",
            "result",
            "budget_vnd",
        ]:
            value = data.get(key)
            post[f"form-{i}-{key}"] = "" if value is None else value
        if data["path"] != "I.2":  # the user unticks one item
            post[f"form-{i}-keep"] = "on"
    response = client.post(reverse("plans:import_confirm"), post)
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert plan.title == "Triển khai công tác TGPL năm 2021 (đã sửa)"
    assert plan.signer_title == "GIÁM ĐỐC"
    assert not plan.items.filter(path="I.2").exists()
    assert plan.items.get(path="II.3.1").budget_vnd == 460_400_000
    assert plan.items.get(path="II.3.1").quantities.count() >= 2  # carried from the parse


def test_pasted_text_works_too(client, staff, sample_2025):
    client.force_login(staff)
    response = client.post(reverse("plans:import"), {"kind": "thematic", "text": sample_2025})
    assert response.status_code == 200
    assert "Thực hiện chuyên đề về trợ giúp pháp lý năm 2025" in response.content.decode()


def test_upload_of_another_format_is_refused_in_vietnamese(client, staff):
    client.force_login(staff)
    upload = SimpleUploadedFile("kh.rtf", b"{\\rtf1 ...}", "application/rtf")
    response = client.post(reverse("plans:import"), {"kind": "annual", "document": upload})
    assert response.status_code == 200
    assert ".docx" in response.content.decode()
    assert Plan.objects.count() == 0


def test_nothing_to_read_is_said_plainly(client, staff):
    client.force_login(staff)
    response = client.post(reverse("plans:import"), {"kind": "annual", "text": "Xin chào"})
    assert "Không tìm thấy mục đánh số" in response.content.decode()


def test_confirm_without_a_preview_asks_to_start_again(client, staff):
    client.force_login(staff)
    response = client.post(reverse("plans:import_confirm"), {}, follow=True)
    assert "Phiên nhập kế hoạch đã hết hạn" in response.content.decode()


def test_invalid_preview_keeps_the_corrections(client, staff, sample_2025):
    client.force_login(staff)
    client.post(reverse("plans:import"), {"kind": "thematic", "text": sample_2025})
    response = client.post(
        reverse("plans:import_confirm"),
        {
            "kind": "thematic",
            "symbol": "KH-TGPL",
            "year": "",
            "title": "Tiêu đề tôi đã sửa",
            "form-TOTAL_FORMS": "0",
            "form-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 400
    assert "Tiêu đề tôi đã sửa" in response.content.decode()
    assert Plan.objects.count() == 0


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADERS = [
    "Mục",
    "Loại",
    "Nội dung",
    "Chủ trì, thực hiện",
    "Phối hợp",
    "Thời gian thực hiện",
    "Kết quả",
    "Kinh phí (đồng)",
]


@pytest.fixture
def plan(centre, staff, admin_office):
    plan = PlanFactory(centre=centre, created_by=staff, year=2026)
    item = PlanItemFactory(plan=plan, path="II.1", title='=HYPERLINK("http://x")')
    lead(item, admin_office)
    return plan


def test_export_has_vietnamese_headers_and_no_live_formula(client, staff, plan):
    client.force_login(staff)
    response = client.get(reverse("plans:export_tasks", args=[plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Mục", "Loại", "Nội dung"]
    assert "Tiến độ (%)" in header
    row = [c.value for c in sheet[2]]
    assert row[0] == "II.1"
    assert row[2] == '\'=HYPERLINK("http://x")'
    assert row[3] == "Phòng Hành chính – Tổng hợp"


def test_import_tasks_all_or_nothing_with_row_errors(client, staff, plan):
    client.force_login(staff)
    data = xlsx_bytes(
        [
            HEADERS,
            [
                "II.2",
                "Nhiệm vụ",
                "Tập huấn kỹ năng",
                "Phòng Nghiệp vụ",
                "",
                "Quý III/2026",
                "",
                "15.000.000",
            ],
            ["II.3", "Nhiệm vụ", "", "Phòng Nghiệp vụ", "", "Quý IV/2026", "", ""],
            ["II.4", "Không rõ", "Việc lạ", "", "", "", "", "nhiều tiền"],
        ]
    )
    upload = SimpleUploadedFile("nv.xlsx", data)
    response = client.post(reverse("plans:import_tasks", args=[plan.pk]), {"file": upload})
    assert response.status_code == 400
    errors = response.context["row_errors"]
    lines = {line for line, _ in errors}
    assert {3, 4} <= lines
    assert PlanItem.objects.filter(plan=plan).count() == 1  # nothing saved


def test_import_tasks_saves_and_updates_by_position(client, staff, plan, professional_office):
    client.force_login(staff)
    data = xlsx_bytes(
        [
            HEADERS,
            [
                "II.1",
                "Nhiệm vụ",
                "In tờ gấp (sửa)",
                "Phòng Hành chính - Tổng hợp",
                "",
                "Quý II/2026",
                "",
                "",
            ],
            [
                "II.2",
                "Nhiệm vụ",
                "Tập huấn kỹ năng",
                "Phòng Nghiệp vụ",
                "",
                "Quý III/2026",
                "",
                "15.000.000",
            ],
        ]
    )
    response = client.post(
        reverse("plans:import_tasks", args=[plan.pk]), {"file": SimpleUploadedFile("nv.xlsx", data)}
    )
    assert response.status_code == 302, response.context and response.context["row_errors"]
    items = {i.path: i for i in plan.items.all()}
    assert items["II.1"].title == "In tờ gấp (sửa)"
    assert items["II.2"].budget_vnd == 15_000_000
    assert items["II.2"].lead_units()[0].department == professional_office


def test_import_refuses_a_file_that_is_not_xlsx(client, staff, plan):
    client.force_login(staff)
    response = client.post(
        reverse("plans:import_tasks", args=[plan.pk]),
        {"file": SimpleUploadedFile("x.xlsx", b"not a workbook")},
    )
    assert response.status_code == 400
    assert "Không đọc được tệp Excel" in response.content.decode()
