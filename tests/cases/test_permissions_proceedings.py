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
    with django_assert_num_queries(10):
        assert client.get(reverse("cases:notice_list")).status_code == 200


@pytest.mark.parametrize("rows", [1, 6])
def test_notice_register_query_count_is_pinned(
    login, staff, police, django_assert_num_queries, rows
):
    for n in range(rows):
        make_notice(staff, police, n)
    client = login(staff)
    with django_assert_num_queries(9):
        assert client.get(reverse("cases:notice_register", args=[2026])).status_code == 200


def test_no_reply_document_before_the_answer(login, staff, police):
    notice = make_notice(staff, police)
    url = reverse("cases:document", args=["notice_reply", notice.pk, "pdf"])
    assert login(staff).get(url).status_code == 404
