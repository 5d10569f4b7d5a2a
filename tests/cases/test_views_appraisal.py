"""The appraisal pages as the director and an appraiser use them."""

import pytest
from django.urls import reverse

from cases.models import Appraisal, AppraisalPlan
from cases.services import appraisal as services
from cases.states import AppraisalStatus

from .appraisal_factories import closed_case, full_scores, plan_for, sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(director, staff, head, officer, lawyer, professional_office, performers):
    case = closed_case(staff, professional_office, officer, head)
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    appraisal = plan.appraisals.get()
    services.assign_appraiser(actor=director, appraisal=appraisal, user=lawyer, invited=True)
    services.issue_appraisers_decision(actor=director, plan=plan)
    appraisal.refresh_from_db()
    return appraisal, case


def _post_data(total, **extra):
    data = {f"score_{code.replace('đ', 'dd')}": str(v) for code, v in full_scores(total).items()}
    data.update(extra)
    return data


def test_the_live_total_follows_what_is_typed(assigned, login, lawyer):
    appraisal, _ = assigned
    response = login(lawyer).post(
        reverse("cases:appraisal_preview", args=[appraisal.pk]), _post_data(85)
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert ">85<" in text
    assert "Chất lượng khá" in text


def test_the_live_grade_fails_on_a_breach_of_article_6_1(assigned, login, lawyer):
    appraisal, _ = assigned
    response = login(lawyer).post(
        reverse("cases:appraisal_preview", args=[appraisal.pk]),
        _post_data(100, breach_6_1="on"),
    )
    assert "Không đạt chất lượng" in response.content.decode()


def test_the_live_total_says_which_score_is_over_its_maximum(assigned, login, lawyer):
    appraisal, _ = assigned
    data = _post_data(50) | {"score_2a": "7,5"}
    response = login(lawyer).post(reverse("cases:appraisal_preview", args=[appraisal.pk]), data)
    assert response.status_code == 200
    assert "2a: Điểm tối đa của tiêu chí này là 5." in response.content.decode()


def test_the_sheet_page_has_no_inline_script(assigned, login, lawyer):
    appraisal, _ = assigned
    text = login(lawyer).get(reverse("cases:appraisal_detail", args=[appraisal.pk])).content
    text = text.decode()
    assert "hx-post" in text
    assert "<script>" not in text
    assert " onclick=" not in text


def test_an_appraiser_submits_and_the_director_approves(assigned, login, lawyer, director):
    appraisal, case = assigned
    response = login(lawyer).post(
        reverse("cases:appraisal_sheet", args=[appraisal.pk]),
        _post_data(92, satisfaction_source="form", submit="1"),
    )
    assert response.status_code == 302
    appraisal.refresh_from_db()
    assert appraisal.status == AppraisalStatus.SUBMITTED
    client = login(director)
    response = client.post(
        reverse("cases:appraisal_decide", args=[appraisal.pk, "approve"]), {"conclusion": "Tốt."}
    )
    assert response.status_code == 302
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Chất lượng tốt" in page
    assert "92/100 điểm" in page
    report = client.get(reverse("cases:document", args=["appraisal_report", appraisal.pk, "pdf"]))
    assert report.status_code == 200


def test_a_sheet_over_a_maximum_is_sent_back_with_the_error(assigned, login, lawyer):
    appraisal, _ = assigned
    response = login(lawyer).post(
        reverse("cases:appraisal_sheet", args=[appraisal.pk]),
        _post_data(90) | {"score_1a": "12", "submit": "1", "satisfaction_source": "form"},
    )
    assert response.status_code == 400
    assert "Điểm tối đa của tiêu chí này là 10." in response.content.decode()
    assert Appraisal.objects.get(pk=appraisal.pk).status == AppraisalStatus.ASSIGNED


def test_the_director_is_told_why_the_performer_cannot_appraise(
    director, staff, head, officer, professional_office, performers, login
):
    closed_case(staff, professional_office, officer, head)
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    appraisal = plan.appraisals.get()
    client = login(director)
    response = client.post(
        reverse("cases:appraiser_add", args=[appraisal.pk]), {"user": officer.pk}, follow=True
    )
    assert "không được thẩm định vụ việc của chính mình" in response.content.decode()
    assert not appraisal.appraisers.exists()


def test_a_plan_is_created_from_its_form(director, login):
    response = login(director).post(
        reverse("cases:appraisal_plan_create"),
        {
            "centre": director.centre_id, "title": "Thẩm định năm 2026",
            "period_start": "01/01/2026", "period_end": "31/12/2026",
            "case_forms": ["litigation", "representation"], "share_percent": "30",
        },
    )  # fmt: skip
    plan = AppraisalPlan.objects.get()
    assert response.status_code == 302
    assert (plan.forms, plan.share_percent) == (["litigation", "representation"], 30)


def test_the_director_sees_the_results_of_the_year(assigned, login, lawyer, director):
    appraisal, _ = assigned
    services.save_sheet(actor=lawyer, appraisal=appraisal, sheet=sheet(75), submit=True)
    services.approve_appraisal(actor=director, appraisal=appraisal)
    text = login(director).get(reverse("cases:appraisal_results")).content.decode()
    assert "Chất lượng khá" in text
    assert "1 (100%)" in text
