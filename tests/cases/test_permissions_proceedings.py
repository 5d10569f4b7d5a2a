# ruff: noqa: E501 - tables read best one case per line
"""Who may see and do what in proceedings, conflicts, complaints (issue 17): the right
role succeeds, a wrong role is refused, anonymous goes to login, GET on POST-only is
refused; list pages pin their query counts at two sizes of data."""

import pytest
from django.urls import reverse

from cases.models import ProceduralNotice
from cases.services import proceedings as proc
from cases.states import Form
from tests.clock import vn
from tests.factories import AgencyFactory
from tgpl.models import Agency

from .factories import accepted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(db):
    return AgencyFactory(kind=Agency.Kind.POLICE, name="Công an huyện Bảo Lạc")


def make_notice(actor, police, n=0):
    return proc.record_notice(
        actor=actor,
        fields={
            "kind": ProceduralNotice.Kind.NOTICE,
            "agency": police,
            "officer_name": "Lò Văn Sáng",
            "received_at": vn(2026, 11, 18, 8, n % 60),
            "person_name": f"Nông Văn Số {n}",
            "person_status": ProceduralNotice.PersonStatus.DETAINED,
            "stage": "investigation",
            "agency_case_number": f"{n}/2026/HS",
        },
    )


@pytest.mark.parametrize("url_name", ["cases:notice_list", "cases:notice_create"])
def test_anonymous_goes_to_login(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


@pytest.mark.parametrize("persona", ["staff", "officer", "director", "lawyer"])
def test_receivers_and_performers_see_the_notices(login, request, persona, staff, police):
    notice = make_notice(staff, police)
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("cases:notice_list")).status_code == 200
    assert client.get(reverse("cases:notice_detail", args=[notice.pk])).status_code == 200
    assert client.get(reverse("cases:notice_register", args=[2026])).status_code == 200


@pytest.mark.parametrize("persona", ["reviewer", "administrator", "collaborator"])
def test_others_are_refused_the_notices(login, request, persona, staff, police):
    notice = make_notice(staff, police)
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse("cases:notice_list")).status_code == 403
    assert client.get(reverse("cases:notice_detail", args=[notice.pk])).status_code == 404
    assert client.get(reverse("cases:notice_register", args=[2026])).status_code == 403


def test_other_centre_does_not_find_the_notice(login, staff, other_centre_staff, police):
    notice = make_notice(staff, police)
    client = login(other_centre_staff)
    assert client.get(reverse("cases:notice_detail", args=[notice.pk])).status_code == 404


def test_staff_records_a_notice_from_the_form(login, staff, police):
    client = login(staff)
    response = client.post(
        reverse("cases:notice_create"),
        {
            "kind": "notice",
            "agency": police.pk,
            "officer_name": "Lò Văn Sáng",
            "received_at": "18/11/2026 08:41",
            "person_name": "Hoàng Văn Tú",
            "person_status": "arrested",
            "stage": "investigation",
            "agency_case_number": "05/2026/HS",
        },
    )
    notice = ProceduralNotice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:notice_detail", args=[notice.pk])
    page = client.get(response["Location"]).content.decode()
    assert "20:41 18/11/2026" in page  # 12 hours from the notice minute


def test_a_lawyer_cannot_record_a_notice(login, lawyer):
    assert login(lawyer).get(reverse("cases:notice_create")).status_code == 403


def test_notice_actions_refuse_get(login, staff, police):
    notice = make_notice(staff, police)
    url = reverse("cases:notice_action", args=[notice.pk, "answer"])
    assert login(staff).get(url).status_code == 405


def test_a_lawyer_cannot_answer_a_notice(login, staff, lawyer, police):
    notice = make_notice(staff, police)
    url = reverse("cases:notice_action", args=[notice.pk, "answer"])
    assert login(lawyer).post(url, {"answer": "x"}).status_code == 403


def test_staff_answers_a_notice(login, staff, police):
    notice = make_notice(staff, police)
    url = reverse("cases:notice_action", args=[notice.pk, "answer"])
    response = login(staff).post(url, {"answer": "Đã cử TGV Lăng Thị Mai."})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.answer == "Đã cử TGV Lăng Thị Mai."
    pdf = login(staff).get(reverse("cases:document", args=["notice_reply", notice.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def test_case_page_shows_which_start_each_limit_uses(login, staff, professional_office):
    case = accepted_case(staff, professional_office)
    page = login(staff).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "tính từ thời điểm thụ lý" in page


def test_case_limit_event_is_post_only_and_for_the_centre(
    login, staff, other_centre_staff, professional_office
):
    case = accepted_case(staff, professional_office, form=Form.ADVICE)
    url = reverse("cases:case_proceedings_action", args=[case.pk, "papers"])
    assert login(staff).get(url).status_code == 405
    assert (
        login(other_centre_staff).post(url, {"at": "18/11/2026 08:00", "note": "x"}).status_code
        == 404
    )
    response = login(staff).post(
        url, {"at": "18/11/2026 09:00", "note": "Giấy chứng nhận hộ nghèo"}
    )
    assert response.status_code == 302
    assert case.limit_events.count() == 1


@pytest.mark.parametrize("rows", [1, 6])
def test_notice_list_query_count_is_pinned(login, staff, police, django_assert_num_queries, rows):
    for n in range(rows):
        make_notice(staff, police, n)
    client = login(staff)
    with django_assert_num_queries(6):
        assert client.get(reverse("cases:notice_list")).status_code == 200


@pytest.mark.parametrize("rows", [1, 6])
def test_notice_register_query_count_is_pinned(
    login, staff, police, django_assert_num_queries, rows
):
    for n in range(rows):
        make_notice(staff, police, n)
    client = login(staff)
    with django_assert_num_queries(6):
        assert client.get(reverse("cases:notice_register", args=[2026])).status_code == 200


def test_no_reply_document_before_the_answer(login, staff, police):
    notice = make_notice(staff, police)
    url = reverse("cases:document", args=["notice_reply", notice.pk, "pdf"])
    assert login(staff).get(url).status_code == 404


# --- what the Sở reviewer gets of every URL of issue 17 (none names a person to them) -----
# (signature as in test_permissions._signature, method, how to build the URL, status)

REVIEWER = {
    ("cases:notice_list",): ("get", lambda w: reverse("cases:notice_list"), 403),
    ("cases:notice_create",): ("get", lambda w: reverse("cases:notice_create"), 403),
    ("cases:notice_register",): ("get", lambda w: reverse("cases:notice_register", args=[2026]), 403),
    ("cases:notice_detail",): ("get", lambda w: reverse("cases:notice_detail", args=[w["notice"]]), 404),
    ("cases:notice_action",): ("post", lambda w: reverse("cases:notice_action", args=[w["notice"], "answer"]), 404),
    ("cases:registration_outcome",): ("post", lambda w: reverse("cases:registration_outcome", args=[w["case"], 1]), 403),
    ("cases:case_proceedings_action",): ("post", lambda w: reverse("cases:case_proceedings_action", args=[w["case"], "register"]), 403),
    ("cases:conflict_check",): ("get", lambda w: reverse("cases:conflict_check", args=[w["request"]]), 403),
    ("cases:complaint_list",): ("get", lambda w: reverse("cases:complaint_list"), 403),
    ("cases:complaint_create",): ("get", lambda w: reverse("cases:complaint_create"), 403),
    ("cases:complaint_detail",): ("get", lambda w: reverse("cases:complaint_detail", args=[w["complaint"]]), 404),
    ("cases:complaint_action",): ("post", lambda w: reverse("cases:complaint_action", args=[w["complaint"], "accept"]), 404),
    ("cases:roster_list",): ("get", lambda w: reverse("cases:roster_list"), 403),
    ("cases:leave_create",): ("post", lambda w: reverse("cases:leave_create"), 403),
    ("cases:roster_detail",): ("get", lambda w: reverse("cases:roster_detail", args=[w["roster"]]), 404),
    ("cases:roster_action",): ("post", lambda w: reverse("cases:roster_action", args=[w["roster"], "issue"]), 403),
    ("cases:handovers",): ("get", lambda w: reverse("cases:handovers"), 403),
    ("cases:payment",): ("get", lambda w: reverse("cases:payment"), 403),
    ("cases:payment_file",): ("get", lambda w: reverse("cases:payment_file", args=["xlsx"]), 403),
    ("cases:case_sessions",): ("get", lambda w: reverse("cases:case_sessions", args=[w["case"]]), 403),
    ("cases:case_sessions_action",): ("post", lambda w: reverse("cases:case_sessions_action", args=[w["case"], "from-log"]), 403),
    ("cases:document", "roster"): ("get", lambda w: reverse("cases:document", args=["roster", w["roster"], "pdf"]), 404),
    ("cases:document", "notice_reply"): ("get", lambda w: reverse("cases:document", args=["notice_reply", w["notice"], "pdf"]), 404),
    ("cases:number_document", "roster"): ("post", lambda w: reverse("cases:number_document", args=["roster", w["roster"]]), 404),
    ("cases:number_document", "notice_reply"): ("post", lambda w: reverse("cases:number_document", args=["notice_reply", w["notice"]]), 404),
}  # fmt: skip


@pytest.fixture
def issue17_world(staff, director, professional_office, police):
    from cases.services import complaints as complaint_services
    from cases.services import rosters as roster_services

    notice = make_notice(staff, police)
    proc.answer_notice(actor=staff, notice=notice, answer="Đã cử người.")
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    complaint = complaint_services.receive_complaint(
        actor=staff,
        fields={"complainant_name": "A", "against": "centre", "ground": "refusal", "content": "x"},
    )
    court = AgencyFactory(kind=Agency.Kind.COURT, name="Tòa án nhân dân tỉnh")
    roster = roster_services.create_roster(actor=director, agency=court, year=2026, month=12)
    return {
        "notice": notice.pk,
        "case": case.pk,
        "request": case.request_id,
        "complaint": complaint.pk,
        "roster": roster.pk,
    }


@pytest.mark.parametrize("signature", list(REVIEWER))
def test_the_reviewer_gets_nothing_of_proceedings(signature, issue17_world, login, reviewer):
    method, url, expected = REVIEWER[signature]
    client = login(reviewer)
    response = getattr(client, method)(url(issue17_world))
    assert response.status_code == expected
