"""A day at the centre, in the browser, on the seeded demo: reception records a request
and accepts it, a department head approves a proposal from the home page and from the
inbox, an officer logs work and closes a case, a Sở reviewer sees no names."""

import re

import pytest

from tests.e2e.conftest import assert_clean, choose, shot

pytestmark = [pytest.mark.e2e]

BADGE = ".badge-status"


def test_reception_records_a_request_and_accepts_it(as_user):
    from cases.models import LegalAidRequest

    page = as_user("vienchuc")
    page.click("text=Tiếp nhận yêu cầu mới")
    page.wait_for_selector("h1:has-text('Tiếp nhận yêu cầu trợ giúp pháp lý')")
    page.select_option("#id_channel", label="Trực tiếp tại trụ sở / chi nhánh")
    page.fill("#id_full_name", "Mông Thị Kiểm")
    page.select_option("#id_sex", label="Nữ")
    page.fill("#id_birth_year", "1958")
    page.fill("#id_ethnicity", "Tày")
    page.select_option("#id_commune_code", index=1)
    page.fill("#id_address", "Thôn Nà Lừa")
    choose(page, "#id_legal_field", "Pháp luật đất đai")
    page.select_option("#id_form", label="Tư vấn pháp luật")
    page.fill("#id_summary", "Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất.")
    page.get_by_label(re.compile("Người có công với cách mạng")).first.check()
    page.get_by_label(re.compile("Giấy tờ chứng minh là người có công")).check()
    shot(page, "reception-1-form")
    page.click("#request-form button[type=submit]")
    page.wait_for_selector("text=Đã tiếp nhận yêu cầu.")
    assert page.locator(BADGE).first.inner_text() == "Mới tiếp nhận"
    assert "Mông Thị Kiểm" in page.content()
    request = LegalAidRequest.objects.get(full_name="Mông Thị Kiểm")

    accept = page.locator("form[action$='/accept/']")
    accept.locator("select[name=department]").select_option(label="Phòng Nghiệp vụ")
    accept.locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã thụ lý và vào sổ.")
    shot(page, "reception-2-case")
    request.refresh_from_db()
    case = request.case
    assert page.locator("h1").inner_text() == f"Vụ việc {case.code}"
    assert page.locator(BADGE).first.inner_text() == "Chờ cử người"
    assert_clean(page)


def test_head_approves_a_proposal_from_the_home_page(as_user):
    from cases.models import Assignment
    from cases.states import AssignmentStatus

    page = as_user("truongphong.nv")
    panel = page.locator(".card", has_text="Việc chờ Trưởng phòng")
    link = panel.get_by_role("link", name=re.compile(r"^Vụ việc .+: đề xuất cử ")).first
    code = re.match(r"Vụ việc (\S+):", link.inner_text()).group(1)
    waiting = Assignment.objects.get(case__code=code, status=AssignmentStatus.PROPOSED)
    link.click()
    page.wait_for_selector(f"h1:has-text('Vụ việc {code}')")
    assert page.locator(BADGE).first.inner_text() == "Chờ duyệt cử người"
    shot(page, "head-1-case")
    page.get_by_role("button", name="Duyệt", exact=True).click()
    page.wait_for_selector("text=Đã duyệt đề xuất.")
    shot(page, "head-2-approved")
    assert page.locator(BADGE).first.inner_text() == "Đã cử người"
    waiting.refresh_from_db()
    assert waiting.status == AssignmentStatus.APPROVED
    assert_clean(page)


def test_head_approves_the_oldest_proposal_from_the_inbox(as_user):
    """The head works down her inbox, oldest first. A proposal whose conflict check is
    out of date (a matching request came in since) is refused with the reason and stays
    waiting; the oldest one still cleared is approved. Her own appointment is not in
    her inbox: the director decides it."""
    from cases.models import Assignment
    from cases.services.conflicts import assignment_clearance
    from cases.states import AssignmentStatus
    from tgpl.errors import BusinessRuleError

    page = as_user("truongphong.nv")
    page.goto(page.url + "cases/inbox/")
    rows = page.locator("tbody tr")
    assert rows.count() > 0, "the demo leaves proposals in the head's inbox"
    for n in range(rows.count()):
        row = rows.nth(n)
        code = row.locator("td").nth(1).locator("a").inner_text()
        waiting = Assignment.objects.select_related("case__request", "performer").get(
            case__code=code, status=AssignmentStatus.PROPOSED
        )
        assert waiting.performer.username != "truongphong.nv"
        try:
            assignment_clearance(waiting.case.request, waiting.performer)
        except BusinessRuleError as refusal:
            if n == 0:  # what the head is told when she tries it
                row.locator("button", has_text="Duyệt").click()
                page.wait_for_selector(f"text={refusal.message}")
                waiting.refresh_from_db()
                assert waiting.status == AssignmentStatus.PROPOSED
                rows = page.locator("tbody tr")  # the inbox again, after the message
            continue
        break
    else:
        raise AssertionError("no proposal of the head's inbox is cleared for approval")
    rows.nth(n).locator("button", has_text="Duyệt").click()
    page.wait_for_selector("text=Đã duyệt đề xuất.")
    waiting.refresh_from_db()
    assert waiting.status == AssignmentStatus.APPROVED
    assert_clean(page)


def test_officer_logs_work_and_closes_a_case(as_user):
    from cases.models import Case
    from cases.states import CaseStatus, Form

    case = (
        Case.objects.filter(
            performer__username="tgv", status=CaseStatus.IN_PROGRESS, form=Form.ADVICE
        )
        .order_by("accepted_at")
        .first()
    )
    assert case is not None, "the demo gives tgv an advice case in progress"
    page = as_user("tgv")
    panel = page.locator(".card", has_text="Vụ việc của tôi")
    panel.get_by_role("link", name=re.compile("^Đang thực hiện")).click()
    page.get_by_role("link", name=case.code, exact=True).click()
    page.wait_for_selector(f"h1:has-text('Vụ việc {case.code}')")
    assert page.locator(BADGE).first.inner_text() == "Đang thực hiện"

    log = page.locator("form[action$='/log/']")
    log.locator("select[name=stage]").select_option(label="Tư vấn")
    log.locator("textarea[name=note]").fill("Gặp người được TGPL, giải thích thủ tục cấp sổ đỏ")
    log.locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã ghi nhật ký.")
    assert page.locator("text=Gặp người được TGPL, giải thích thủ tục cấp sổ đỏ").count() >= 1
    shot(page, "officer-1-logged")

    close = page.locator("form[action$='/close/']")
    close.locator("select[name=outcome]").select_option(index=0)
    close.locator("textarea[name=outcome_note]").fill("Đã tư vấn xong, người được TGPL hài lòng.")
    close.locator("button[type=submit]").click()
    page.wait_for_selector("text=Đã kết thúc vụ việc.")
    shot(page, "officer-2-closed")
    assert page.locator(BADGE).first.inner_text() == "Đã kết thúc"
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert_clean(page)


def test_reviewer_sees_the_lists_without_personal_data(as_user):
    from cases.models import LegalAidRequest

    page = as_user("sotuphap")
    response = page.goto(page.url + "cases/")
    assert response.status == 200
    assert page.locator("tbody tr").count() > 0
    body = page.content()
    some_names = list(LegalAidRequest.objects.values_list("full_name", flat=True)[:20])
    assert some_names, "the demo has requests to look for"
    assert not any(name in body for name in some_names)
    assert_clean(page)
