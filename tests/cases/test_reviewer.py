"""The Sở Tư pháp reviewer sees what a supervisor needs and no more (issue 11.2): lists
by code, state, form, field and dates; no search that could confirm a person is an
applicant, no eligibility category, no free-text fact, no timeline, no per-person
export — counts instead, with small counts hidden."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cases import selectors, selectors_rows, services
from cases.states import CaseStatus, DiscontinueGround, Form, RefusalGround

from .factories import category, in_progress_case, receive

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
HIV = "Người nhiễm HIV có khó khăn về tài chính"


@pytest.fixture
def applicants(staff):
    """Two requests; the first of a person with HIV whose CCCD the reviewer may know."""
    hiv = receive(
        staff,
        categories=("7h",),
        proofs=("hiv",),
        full_name="Lục Văn Kín",
        identity_number="020199000777",
        phone="0987654321",
        summary="Bị từ chối khám vì tình trạng sức khỏe.",
    )
    other = receive(staff, full_name="Nông Thị Khác", identity_number="020188000555")
    return hiv, other


def request_numbers(response) -> set[str]:
    return set(re.findall(r'href="/cases/requests/(\d+)/"', response.content.decode()))


@pytest.mark.parametrize(
    "query",
    ["020199000777", "0987654321", "Lục Văn Kín", "luc van kin", "sức khỏe"],
    ids=["cccd", "phone", "name", "name-without-accents", "summary"],
)
def test_reviewer_cannot_find_an_applicant_by_identity_number(login, reviewer, applicants, query):
    """Whatever is typed, the reviewer's list is the same as for a person nobody knows:
    the answer never tells whether someone is an applicant."""
    client = login(reviewer)
    url = reverse("cases:request_list")
    searched = request_numbers(client.get(url, {"q": query}))
    unknown = request_numbers(client.get(url, {"q": "000000000000"}))
    assert searched == unknown == {str(r.pk) for r in applicants}


def test_staff_still_find_an_applicant_by_identity_number(login, staff, applicants):
    hiv, _other = applicants
    found = request_numbers(login(staff).get(reverse("cases:request_list"), {"q": "020199000777"}))
    assert found == {str(hiv.pk)}


def test_the_selector_drops_a_personal_search_for_the_reviewer(reviewer, applicants):
    """Not only the page: a report or export built on the selector ignores it too."""
    f = selectors.Filters(q="020199000777", category=category("7h").pk)
    assert selectors.request_list(reviewer, f).count() == 2
    assert selectors.case_list(reviewer, f).count() == 0


def test_reviewer_cannot_filter_by_eligibility_category(login, reviewer, applicants):
    client = login(reviewer)
    url = reverse("cases:request_list")
    assert request_numbers(client.get(url, {"category": category("7h").pk})) == {
        str(r.pk) for r in applicants
    }


def test_reviewer_filters_have_no_search_box_and_no_category(login, reviewer, applicants):
    html = login(reviewer).get(reverse("cases:request_list")).content.decode()
    assert 'name="q"' not in html
    assert 'name="category"' not in html
    assert 'name="code"' in html
    assert HIV not in html


def test_reviewer_finds_a_case_by_its_code(login, staff, reviewer, professional_office):
    first = receive(staff, full_name="Một")
    second = receive(staff, full_name="Hai")
    case = services.accept_request(actor=staff, request=first, department=professional_office)
    services.accept_request(actor=staff, request=second, department=professional_office)
    client = login(reviewer)
    listed = client.get(reverse("cases:case_list"), {"code": case.code}).content.decode()
    assert re.findall(r'href="/cases/(\d+)/"', listed) == [str(case.pk)]
    by_number = request_numbers(client.get(reverse("cases:request_list"), {"code": first.pk}))
    assert by_number == {str(first.pk)}


def test_reviewer_lists_show_no_person_columns(login, reviewer, applicants):
    html = login(reviewer).get(reverse("cases:request_list")).content.decode()
    for text in ("Người được TGPL</th>", "CCCD</th>", "Lục Văn Kín", "*********777"):
        assert text not in html


def test_the_rows_of_a_reviewers_lists_do_not_hold_the_people(
    reviewer, director, staff, professional_office, applicants
):
    """The list pages read their rows as values (selectors_rows.case_rows, request_rows): the
    reviewer's rows are read without the name, CCCD and phone, not only not printed."""
    services.accept_request(actor=staff, request=applicants[1], department=professional_office)
    personal = {"full_name", "identity_number", "phone"}
    f = selectors.Filters()
    for user, sees in ((director, True), (reviewer, False)):
        requests = list(selectors_rows.request_rows(user, selectors.request_list(user, f)))
        cases = list(selectors_rows.case_rows(user, selectors.case_list(user, f)))
        assert len(requests) == 2
        assert len(cases) == 1
        assert bool(personal & requests[0].keys()) == sees
        assert bool(personal & cases[0].keys()) == sees
        assert cases[0]["code"]


# --- the pages of one request or case -----------------------------------------------------


@pytest.fixture
def refused(staff):
    req = receive(staff, categories=("7h",), proofs=("hiv",), full_name="Lục Văn Kín")
    services.request_missing_proof(
        actor=staff, request=req, note="Bổ sung giấy xác nhận của bệnh viện"
    )
    return services.refuse_request(
        actor=staff,
        request=req,
        ground=RefusalGround.NOT_ELIGIBLE,
        notice_text="Không chứng minh được khó khăn về tài chính.",
    )


def test_reviewer_request_page_shows_no_category_notice_or_timeline(login, reviewer, refused):
    response = login(reviewer).get(reverse("cases:request_detail", args=[refused.pk]))
    assert response.status_code == 200
    # Random tokens (CSRF, CSP nonce) may hold any two characters, such as "7h".
    html = re.sub(r'nonce="[^"]*"|[A-Za-z0-9]{32,}', "", response.content.decode())
    for secret in (
        HIV,
        "7h",
        "Lục Văn Kín",
        "Bổ sung giấy xác nhận",  # proof note
        "Không chứng minh được",  # refusal notice
        "Tranh chấp quyền sử dụng đất",  # summary
        "Lịch sử thay đổi",  # the timeline
        "Giấy xác nhận nhiễm HIV",  # proofs received
    ):
        assert secret not in html, secret
    assert "Từ chối thụ lý" in html
    assert refused.legal_field.name in html
    assert "timeline" not in response.context
    assert "categories" not in response.context


@pytest.fixture
def worked_case(staff, professional_office, officer, head, performers):
    case = in_progress_case(
        staff, professional_office, officer, head, categories=("7h",),
        proofs=("hiv", "ho_can_ngheo"), form=Form.LITIGATION,
    )  # fmt: skip
    services.add_log_entry(
        actor=officer, case=case, on=timezone.localdate(), stage="investigation",
        agency_name="Công an huyện", note="Gặp người được TGPL tại trại tạm giam",
    )  # fmt: skip
    services.request_performer_change(actor=staff, case=case, reason="Không tin tưởng TGV")
    return services.discontinue_case(
        actor=head,
        case=case,
        ground=DiscontinueGround.WITHDRAWN,
        notice_text="Người được TGPL rút yêu cầu vì đã hòa giải.",
    )


def test_reviewer_case_page_shows_no_facts_or_timeline(login, reviewer, worked_case):
    response = login(reviewer).get(reverse("cases:case_detail", args=[worked_case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for secret in (
        HIV,
        "Hoàng Thị Bích Ngọc",
        "Tranh chấp quyền sử dụng đất",  # summary
        "trại tạm giam",  # work-log note
        "Công an huyện",  # work-log agency
        "Không tin tưởng",  # change request reason
        "đã hòa giải",  # discontinuation notice
        "Lịch sử thay đổi",
        "Nhật ký thực hiện",
    ):
        assert secret not in html, secret
    assert worked_case.code in html
    assert CaseStatus.DISCONTINUED.label in html
    assert "log_entries" not in response.context
    assert "timeline" not in response.context


def test_centre_people_still_read_the_facts(login, director, worked_case):
    html = login(director).get(reverse("cases:case_detail", args=[worked_case.pk])).content
    text = html.decode()
    assert "trại tạm giam" in text
    assert "Lịch sử thay đổi" in text


# --- exports: counts, never a person -------------------------------------------------------


def workbook(response):
    book = load_workbook(io.BytesIO(response.content))
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()] for sheet in book}


@pytest.mark.parametrize("name", ["cases:request_export", "cases:case_export"])
def test_reviewer_may_not_export_the_per_person_registers(login, reviewer, applicants, name):
    assert login(reviewer).get(reverse(name)).status_code == 403


def test_reviewer_export_has_no_person_rows(login, reviewer, applicants, staff):
    for i in range(6):
        receive(staff, full_name=f"Người Thứ {i}", birth_year=1950 + i)
    response = login(reviewer).get(reverse("cases:statistics_export"))
    assert response.status_code == 200
    sheets = workbook(response)
    requests = sheets["Yêu cầu"]
    assert requests[0][:3] == ["Trung tâm", "Hình thức", "Lĩnh vực"]
    assert "Giới tính" not in requests[0]
    assert "Năm sinh" not in requests[0]
    flat = {str(v) for row in requests for v in row}
    assert not {"Lục Văn Kín", "1958", "020199000777", "Tày", "Nữ"} & flat
    # 8 requests of one form and field: a row of counts, not a row per person
    assert len(requests) == 3  # header, one row, totals
    assert requests[1][-1] == 8
    assert requests[1][3] == 8  # "Mới tiếp nhận"
    assert "Vụ việc" in sheets


def test_reviewer_statistics_show_small_counts_as_less_than_five(login, reviewer, director, staff):
    for i in range(3):
        receive(staff, full_name=f"Người {i}")
    reviewer_page = login(reviewer).get(reverse("cases:statistics")).content.decode()
    assert "&lt; 5" in reviewer_page
    assert ">3<" not in reviewer_page
    director_page = login(director).get(reverse("cases:statistics")).content.decode()
    assert "&lt; 5" not in director_page
    assert ">3<" in director_page


def test_statistics_count_by_form_field_and_state_in_the_period(reviewer, staff):
    inside = datetime(2026, 3, 10, 9, tzinfo=VN)
    outside = datetime(2025, 12, 31, 16, tzinfo=VN)
    for _ in range(5):
        receive(staff, at=inside)
    receive(staff, at=inside, form=Form.LITIGATION)
    receive(staff, at=outside)
    start, end = inside.date().replace(day=1), inside.date().replace(day=31)
    table = selectors.request_counts(reviewer, start, end)
    forms = {row[1]: counts for row, counts in zip(table.rows, table.counts, strict=True)}
    assert sum(forms[Form.ADVICE.label]) == 5
    assert sum(forms[Form.LITIGATION.label]) == 1
    assert table.states[0] == "Mới tiếp nhận"


def test_reviewer_of_another_province_counts_nothing(other_province_reviewer, staff):
    receive(staff)
    assert selectors.request_counts(other_province_reviewer).rows == []


def test_a_wrong_period_is_refused_with_a_message(login, reviewer):
    response = login(reviewer).get(
        reverse("cases:statistics"), {"date_from": "10/03/2026", "date_to": "01/03/2026"}
    )
    assert response.status_code == 400
    assert "phải trước hoặc bằng" in response.content.decode()


def test_a_mistyped_date_bounds_nothing_and_the_other_still_bounds(login, director, staff):
    receive(staff, at=datetime(2026, 3, 10, 9, tzinfo=VN))
    receive(staff, at=datetime(2025, 12, 31, 16, tzinfo=VN))
    response = login(director).get(
        reverse("cases:statistics"), {"date_from": "01/03/2026", "date_to": "31/13/2026"}
    )
    assert response.status_code == 400
    assert "Nhập một ngày hợp lệ" in response.content.decode()
    requests = response.context["tables"][0]["counts"]
    # the request of 10 March only, not every period under a period that looks chosen
    assert sum(sum(row) for row in requests.counts) == 1


@pytest.mark.parametrize("persona", ["reviewer", "director"])
def test_statistics_page_query_count_does_not_grow_with_rows(login, request, staff, persona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .factories import RequestFactory

    client = login(request.getfixturevalue(persona))

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("cases:statistics")).status_code == 200
        return len(ctx.captured_queries)

    RequestFactory.create_batch(5, received_by=staff)
    small = count()
    RequestFactory.create_batch(45, received_by=staff, form=Form.LITIGATION)
    assert count() == small
    # session, user, roles, the two grouped counts (no session write within a minute),
    # and the names of the centres and legal fields the requests' table shows (the cases'
    # table has no row to name); the director's page header adds the centre and its Sở
    assert small == {"reviewer": 7, "director": 8}[persona]
