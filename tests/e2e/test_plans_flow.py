"""Plans in the browser: staff read plans and report progress, a head pastes a plan in,
the director signs in with her second factor, approves next year's plan and downloads it."""

import re
from pathlib import Path

import pytest

from tests.e2e.conftest import assert_clean, shot

pytestmark = [pytest.mark.e2e]


def test_staff_signs_in_and_walks_through_plans(as_user, site):
    page = as_user("vienchuc")
    assert "Xin chào, Hoàng Văn Nam" in page.content()
    page.click("text=Kế hoạch >> nth=0")
    page.wait_for_selector("text=Triển khai công tác trợ giúp pháp lý năm 2021")
    page.click("text=Triển khai công tác trợ giúp pháp lý năm 2021")
    page.wait_for_selector("text=Tiến độ chung")
    assert page.locator("tr.task").count() >= 12
    shot(page, "staff-plan")
    page.goto(f"{site.url}/plans/board/")
    assert "Nhiệm vụ của Phòng Hành chính – Tổng hợp" in page.content()
    # The user menu (Bootstrap JS) opens: scripts load under the CSP.
    page.click("text=Hoàng Văn Nam")
    assert page.locator("text=Đổi mật khẩu").is_visible()
    assert_clean(page)  # no CSP violation, no script error, nothing from outside


def test_paste_a_plan_preview_and_save(as_user, site):
    page = as_user("truongphong.nv")
    page.goto(f"{site.url}/plans/import/")
    page.select_option("#id_kind", "coordination")
    page.fill(
        "#id_text",
        "Số: 05/KH-TGPL\nLạng Sơn, ngày 10 tháng 02 năm 2026\nKẾ HOẠCH\n"
        "Phối hợp trợ giúp pháp lý trong tố tụng năm 2026\n\nI. NỘI DUNG\n\n"
        "1. Tổ chức hội nghị sơ kết\n- Chủ trì: Phòng Nghiệp vụ\n- Phối hợp: Tòa án nhân dân "
        "tỉnh Lạng Sơn\n- Thời gian thực hiện: Quý III/2026\n- Kết quả: Hội nghị được tổ chức\n",
    )
    page.click("text=Đọc và xem trước")
    page.wait_for_selector("text=Kiểm tra kế hoạch trước khi lưu")
    page.fill("#id_title", "Phối hợp TGPL trong hoạt động tố tụng năm 2026")
    page.click("text=Lưu kế hoạch (dự thảo)")
    page.wait_for_selector("text=Đã lưu kế hoạch")
    assert "Phối hợp TGPL trong hoạt động tố tụng năm 2026" in page.content()
    assert "Tòa án nhân dân tỉnh Lạng Sơn" in page.content()
    assert_clean(page)


@pytest.mark.two_factor
def test_director_enrols_her_second_factor_approves_a_plan_and_downloads_it(as_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from plans.models import Plan

    waiting = Plan.objects.get(status=Plan.Status.DRAFT, submitted_at__isnull=False)
    # The password, then the enrolment page: the code typed is the device's (conftest).
    page = as_user("giamdoc")
    assert TOTPDevice.objects.get(user__username="giamdoc").confirmed
    panel = page.locator(".card", has_text="Kế hoạch năm")
    panel.get_by_role("link", name=re.compile("^Kế hoạch trình phê duyệt")).click()
    page.get_by_role("link", name=waiting.title, exact=True).first.click()
    page.wait_for_selector(f"h1:has-text('{waiting.title}')")
    assert page.locator(".badge-status").first.inner_text() == "Dự thảo"
    shot(page, "director-1-draft")
    page.get_by_role("button", name=re.compile("Phê duyệt và cấp số")).click()  # confirm: yes
    page.wait_for_selector("text=Đã phê duyệt và cấp số")
    assert page.locator(".badge-status").first.inner_text() == "Đã phê duyệt"
    waiting.refresh_from_db()
    assert waiting.status == Plan.Status.APPROVED
    assert f"Số {waiting.number_text}" in page.content()
    shot(page, "director-2-approved")

    with (
        page.expect_response(re.compile(r"/document\.pdf$")) as answer,
        page.expect_download() as download,
    ):
        page.get_by_role("link", name="Tải PDF").click()
    assert answer.value.status == 200
    assert answer.value.headers["content-type"] == "application/pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename.endswith(".pdf")
    assert_clean(page)
