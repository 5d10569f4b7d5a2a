"""An appraiser scores a case; staff record an outreach activity (browser, seeded demo)."""

import pytest

from tests.e2e.conftest import assert_clean, choose, shot

pytestmark = [pytest.mark.e2e]


def test_appraiser_scores_a_case_and_sends_it_to_the_director(as_user):
    from cases.models import Appraisal
    from cases.states import AppraisalStatus

    appraisal = (
        Appraisal.objects.filter(status=AppraisalStatus.ASSIGNED)
        .select_related("case")
        .order_by("pk")
        .first()
    )
    assert appraisal is not None, "the demo leaves cases for their appraisers to score"
    appraiser = appraisal.appraisers.select_related("user").first().user
    page = as_user(appraiser.username)
    page.goto(page.url + "cases/appraisal/mine/")
    page.get_by_role("link", name=appraisal.case.code, exact=True).click()
    page.wait_for_selector(f"h1:has-text('Thẩm định vụ việc {appraisal.case.code}')")
    assert page.locator(".badge-status").first.inner_text() == "Đang thẩm định"

    sheet = page.locator("form#sheet")
    for box in sheet.locator("input[data-max]").all():
        box.fill(box.get_attribute("data-max"))
    choose(page, "#sheet select[name=satisfaction_source]", "Gặp trực tiếp")
    sheet.locator("textarea[name=satisfaction_note]").fill("Người được TGPL hài lòng.")
    sheet.locator("textarea[name=opinion]").fill("Hồ sơ đầy đủ, thực hiện đúng tiến độ.")
    # The live total (htmx preview) follows what is typed.
    page.wait_for_selector("#sheet-total:has-text('100')")
    shot(page, "appraiser-1-sheet")
    sheet.get_by_role("button", name="Gửi kết quả để Giám đốc duyệt").click()
    page.wait_for_selector("text=Đã gửi kết quả thẩm định để Giám đốc duyệt.")
    shot(page, "appraiser-2-sent")
    assert page.locator(".badge-status").first.inner_text() == "Chờ Giám đốc duyệt"
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.SUBMITTED
    assert appraisal.total == 100
    assert_clean(page)


def test_staff_record_an_outreach_activity(as_user, site):
    from outreach.models import Activity

    page = as_user("vienchuc")
    page.get_by_role("link", name="Truyền thông").first.click()
    page.wait_for_url("**/outreach/")
    page.goto(f"{site.url}/outreach/activities/")
    page.get_by_role("link", name="Ghi nhận hoạt động").click()
    page.wait_for_selector("h1:has-text('Ghi nhận hoạt động')")
    choose(page, "#id_kind", "Truyền thông trực tiếp tại xã")
    page.fill("#id_title", "Truyền thông pháp luật về đất đai cho người dân thôn Nà Lừa")
    page.fill("#id_starts_at", "17/11/2026 08:00")
    page.fill("#id_ends_at", "17/11/2026 11:00")
    page.select_option("#id_commune_code", index=1)
    page.fill("#id_village", "Thôn Nà Lừa")
    page.fill("#id_participants_male", "23")
    page.fill("#id_participants_female", "31")
    page.fill("#id_ethnic_minority", "40")
    shot(page, "outreach-1-form")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.wait_for_selector("text=Đã ghi nhận hoạt động.")
    shot(page, "outreach-2-saved")
    assert "Truyền thông pháp luật về đất đai cho người dân thôn Nà Lừa" in page.content()
    activity = Activity.objects.get(title__startswith="Truyền thông pháp luật về đất đai")
    assert (activity.participants_male, activity.participants_female) == (23, 31)
    page.goto(f"{site.url}/outreach/activities/")
    assert page.get_by_role(
        "link", name="Truyền thông pháp luật về đất đai cho người dân thôn Nà Lừa"
    ).is_visible()
    assert_clean(page)
