"""A staff member signs in, reads plans, reports progress; the director approves an import."""

import pytest

from tests.e2e.conftest import log_in

# serialized_rollback: the data migrations (eligibility catalogue, legal fields, role groups)
# come back after each test flushes the database.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_staff_signs_in_and_walks_through_plans(page, live_server, demo, tmp_path):
    log_in(page, live_server.url, "vienchuc")
    assert "Xin chào, Hoàng Văn Nam" in page.content()
    page.click("text=Kế hoạch >> nth=0")
    page.wait_for_selector("text=Triển khai công tác trợ giúp pháp lý năm 2021")
    page.click("text=Triển khai công tác trợ giúp pháp lý năm 2021")
    page.wait_for_selector("text=Tiến độ chung")
    assert page.locator("tr.task").count() >= 12
    page.screenshot(path=str(tmp_path / "plan.png"), full_page=True)
    page.goto(f"{live_server.url}/plans/board/")
    assert "Nhiệm vụ của Phòng Hành chính – Tổng hợp" in page.content()
    # The user menu (Bootstrap JS) opens: scripts load under the CSP.
    page.click("text=Hoàng Văn Nam")
    assert page.locator("text=Đổi mật khẩu").is_visible()
    assert page.console_errors == []  # no CSP violation, no script error


def test_paste_a_plan_preview_and_save(page, live_server, demo):
    log_in(page, live_server.url, "truongphong.nv")
    page.goto(f"{live_server.url}/plans/import/")
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
    assert page.console_errors == []
