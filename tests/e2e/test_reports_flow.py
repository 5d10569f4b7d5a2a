"""A periodic report goes round: the Sở reviewer comments and returns it, the centre
corrects it, the director signs it off again, staff send it, the Sở accepts it."""

import re

import pytest

from tests.e2e.conftest import assert_clean, shot

pytestmark = [pytest.mark.e2e]

CORRECTED = "Số lượng Trợ giúp viên pháp lý còn ít; đã bổ sung số liệu vụ việc tham gia tố tụng."


def _status(page) -> str:
    return page.locator(".badge-status").first.inner_text()


def test_reviewer_returns_a_report_and_accepts_it_once_corrected(as_user, site):
    from reports.models import Report
    from reports.states import ReportStatus

    report = Report.objects.get(status=ReportStatus.SENT)
    detail = f"{site.url}/reports/{report.pk}/"

    reviewer = as_user("sotuphap")
    panel = reviewer.locator(".card", has_text="Báo cáo chờ Sở xem xét")
    panel.get_by_role("link", name=re.compile("^Báo cáo chờ Sở xem xét")).click()
    reviewer.get_by_role("link", name=report.title).first.click()
    reviewer.wait_for_url(detail)
    assert _status(reviewer) == "Đã gửi Sở Tư pháp"
    comment = reviewer.locator("form[action$='/comment/']")
    comment.locator("textarea[name=text]").fill("Mục VI cần nêu rõ số vụ việc tham gia tố tụng.")
    comment.get_by_role("button", name="Ghi góp ý").click()
    reviewer.wait_for_selector("text=Đã ghi góp ý.")
    decision = reviewer.locator("form:has(button[formaction$='/return/'])")
    decision.locator("textarea[name=text]").fill("Đề nghị Trung tâm chỉnh sửa theo góp ý.")
    decision.get_by_role("button", name="Trả lại để chỉnh sửa").click()
    reviewer.wait_for_selector("text=Đã trả lại báo cáo để Trung tâm chỉnh sửa.")
    assert _status(reviewer) == "Sở trả lại để chỉnh sửa"
    shot(reviewer, "report-1-returned")

    staff = as_user("vienchuc")
    staff.goto(detail)
    assert _status(staff) == "Sở trả lại để chỉnh sửa"
    assert "Mục VI cần nêu rõ số vụ việc tham gia tố tụng." in staff.content()
    staff.get_by_role("link", name=re.compile("Sửa nội dung")).click()
    staff.fill("textarea[name=difficulties]", CORRECTED)
    staff.get_by_role("button", name="Lưu", exact=True).click()
    staff.wait_for_selector("text=Đã lưu báo cáo.")

    director = as_user("giamdoc")
    director.goto(detail)
    director.get_by_role("button", name="Ký duyệt").click()
    director.wait_for_selector("text=Đã ký duyệt báo cáo.")

    staff.goto(detail)
    staff.get_by_role("button", name="Gửi Sở Tư pháp").click()
    staff.wait_for_selector("text=Đã gửi báo cáo đến Sở Tư pháp")
    assert _status(staff) == "Đã gửi Sở Tư pháp"
    assert "phiên bản 2" in staff.content()
    shot(staff, "report-2-sent-again")

    reviewer.goto(detail)
    assert CORRECTED in reviewer.content()
    reviewer.get_by_role("button", name="Tiếp nhận").click()
    reviewer.wait_for_selector("text=Đã tiếp nhận báo cáo.")
    assert _status(reviewer) == "Sở đã tiếp nhận"
    shot(reviewer, "report-3-accepted")
    report.refresh_from_db()
    assert (report.status, report.version) == (ReportStatus.ACCEPTED, 2)
    assert_clean(reviewer, staff, director)
