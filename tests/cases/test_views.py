"""Pages as a user meets them: intake, decisions, case work, search, import and export."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import Workbook
from pytest_django.asserts import assertNotContains

from cases import services
from cases.models import LegalAidRequest, Performer, QuotaTier
from cases.resources import IMPORT_COLUMNS
from cases.states import CaseStatus, Form, RequestStatus
from tests.cases.factories import propose_checked
from tests.clock import NOW, TODAY, vn_date, vn_datetime
from tests.conftest import xlsx_rows

from .factories import accepted_case, category, in_progress_case, legal_field, proof, receive

pytestmark = pytest.mark.django_db


def intake_data(**overrides):
    data = {
        "received_at": vn_datetime(NOW - timedelta(minutes=30)),
        "channel": "in_person",
        "full_name": "Hoàng Thị Bích",
        "sex": "female",
        "birth_date": "05/03/1950",
        "ethnicity": "Nùng",
        "identity_number": "020150000111",
        "phone": "0912 345 678",
        "address": "Thôn Bản Chu",
        "requester_is_aided": "on",
        "categories": [category("7c").pk],
        "proofs": [proof("giay_to_tuoi").pk, proof("tro_cap_xh").pk],
        "legal_field": legal_field("dat_dai").pk,
        "form": Form.ADVICE,
        "summary": "Tranh chấp đất với hàng xóm",
    }
    data.update(overrides)
    return data


def test_staff_records_a_request_from_the_intake_page(login, staff):
    client = login(staff)
    response = client.post(reverse("cases:request_create"), intake_data())
    req = LegalAidRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("cases:request_detail", args=[req.pk])
    assert req.birth_year == 1950
    page = client.get(response.url).content.decode()
    assert "Đủ điều kiện thụ lý" in page


def test_intake_form_keeps_what_was_typed_and_says_why(login, staff):
    client = login(staff)
    response = client.post(reverse("cases:request_create"), intake_data(identity_number="12345"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "gồm đúng 12 chữ số" in page
    assert 'value="Hoàng Thị Bích"' in page
    assert not LegalAidRequest.objects.exists()


def test_intake_dates_are_read_as_day_month_year(login, staff):
    received = NOW.replace(day=2, hour=8)  # the 2nd of this month: 02/mm, never mm/02
    response = login(staff).post(
        reverse("cases:request_create"),
        intake_data(birth_date="02/01/1950", received_at=vn_datetime(received)),
    )
    assert response.status_code == 302
    req = LegalAidRequest.objects.get()
    assert (req.birth_date.day, req.birth_date.month) == (2, 1)
    assert req.received_at == received


def test_eligibility_check_says_which_proof_is_missing(login, staff):
    client = login(staff)
    response = client.get(
        reverse("cases:eligibility_check"),
        {"categories": [category("7d").pk], "proofs": [proof("khuyet_tat").pk]},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "còn thiếu" in page
    assert "Giấy chứng nhận hộ cận nghèo" in page


def test_accept_from_the_request_page_opens_the_case(login, staff, professional_office):
    req = receive(staff)
    client = login(staff)
    response = client.post(
        reverse("cases:request_action", args=[req.pk, "accept"]),
        {"department": professional_office.pk, "immediate_ground": ""},
    )
    req.refresh_from_db()
    assert req.status == RequestStatus.ACCEPTED
    assert response.url == reverse("cases:case_detail", args=[req.case.pk])


def test_refusal_error_is_shown_on_the_page_with_the_text_kept(login, staff):
    req = receive(staff)
    response = login(staff).post(
        reverse("cases:request_action", args=[req.pk, "refuse"]),
        {"ground": "z", "notice_text": "Giữ lại"},
    )
    assert response.status_code == 400
    assert "Giữ lại" in response.content.decode()


def test_business_rule_error_becomes_a_form_error(login, staff, professional_office):
    req = receive(staff, categories=("7d",), proofs=("khuyet_tat",))
    response = login(staff).post(
        reverse("cases:request_action", args=[req.pk, "accept"]),
        {"department": professional_office.pk},
    )
    assert response.status_code == 400
    assert "Chưa đủ giấy tờ chứng minh" in response.content.decode()


def test_head_approves_from_the_inbox_oldest_first(
    login, staff, head, officer, professional_office, performers
):
    first = accepted_case(staff, professional_office, full_name="Người Thứ Nhất")
    second = accepted_case(staff, professional_office, full_name="Người Thứ Hai")
    a1 = propose_checked(actor=staff, case=first, performer=officer)
    propose_checked(actor=staff, case=second, performer=officer)
    client = login(head)
    page = client.get(reverse("cases:inbox")).content.decode()
    assert page.index(first.code) < page.index(second.code)
    response = client.post(
        reverse("cases:decide_assignment", args=[a1.pk, "approve"]), {"next": "inbox"}
    )
    assert response.url == reverse("cases:inbox")
    first.refresh_from_db()
    assert first.status == CaseStatus.ASSIGNED


def test_the_heads_own_appointment_is_decided_on_the_directors_page(
    login, staff, head, director, professional_office, performers
):
    case = accepted_case(staff, professional_office)
    assignment = propose_checked(actor=staff, case=case, performer=head)
    url = reverse("cases:case_detail", args=[case.pk])
    decide = reverse("cases:decide_assignment", args=[assignment.pk, "approve"])
    assert decide not in login(head).get(url).content.decode()
    assert login(head).post(decide).status_code == 403
    assert decide in login(director).get(url).content.decode()
    assert login(director).post(decide).status_code == 302
    case.refresh_from_db()
    assert (case.status, case.performer) == (CaseStatus.ASSIGNED, head)


def test_second_head_is_told_the_proposal_was_decided(
    login, staff, head, officer, professional_office, performers
):
    case = accepted_case(staff, professional_office)
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=head, assignment=assignment)
    response = login(head).post(
        reverse("cases:decide_assignment", args=[assignment.pk, "approve"]), follow=True
    )
    assert "đã được quyết định" in response.content.decode()


def test_case_page_shows_limits_and_timeline(
    login, staff, head, officer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    page = login(officer).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Cử người thực hiện tham gia tố tụng" in page
    assert "Luật TGPL Điều 31.2" in page
    assert "Bắt đầu thực hiện" in page  # timeline reason
    assert "Kết thúc vụ việc" in page


def test_performer_logs_and_closes_from_the_case_page(
    login, staff, head, officer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head)
    client = login(officer)
    logged = client.post(
        reverse("cases:case_action", args=[case.pk, "log"]),
        {"on": vn_date(TODAY), "stage": "advice", "note": "Gặp người được TGPL"},
    )
    assert logged.status_code == 302
    response = client.post(
        reverse("cases:case_action", args=[case.pk, "close"]),
        {"outcome": "done", "outcome_note": "Đã trả lời"},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.log_entries.count() == 1


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("hoang thi bich", True),
        ("HOÀNG BÍCH", True),
        ("020158000123", True),
        ("dat", True),
        ("nguyen", False),
    ],
)
def test_search_is_accent_insensitive(login, staff, query, found):
    receive(staff, full_name="Hoàng Thị Bích", summary="Tranh chấp đất")
    page = login(staff).get(reverse("cases:request_list"), {"q": query}).content.decode()
    assert ("Hoàng Thị Bích" in page) is found


def test_search_finds_the_case_code_with_d_for_đ(login, staff, director, professional_office):
    case = accepted_case(staff, professional_office, form=Form.REPRESENTATION)
    assert case.code.startswith("TT.ĐD.")
    page = (
        login(director)
        .get(reverse("cases:case_list"), {"q": case.code.replace("Đ", "D")})
        .content.decode()
    )
    assert case.code in page


def test_filters_by_status_and_form(login, staff, professional_office):
    accepted_case(staff, professional_office, full_name="Đã Thụ Lý", form=Form.LITIGATION)
    receive(staff, full_name="Mới Nhận")
    page = login(staff).get(
        reverse("cases:request_list"), {"status": "accepted", "form": "litigation"}
    )
    text = page.content.decode()
    assert "Đã Thụ Lý" in text
    assert "Mới Nhận" not in text


def test_a_mistyped_field_is_shown_with_its_error_and_the_other_filters_still_apply(
    login, staff, professional_office
):
    accepted_case(staff, professional_office, full_name="Đã Thụ Lý", form=Form.LITIGATION)
    receive(staff, full_name="Mới Nhận")
    page = login(staff).get(
        reverse("cases:request_list"), {"status": "accepted", "date_from": "32/13/2026"}
    )
    text = page.content.decode()
    assert "Từ ngày: Nhập một ngày hợp lệ." in text
    assert 'value="32/13/2026"' in text  # what was typed is kept
    assert "Đã Thụ Lý" in text
    assert "Mới Nhận" not in text  # the status still filters


def test_lists_mask_identity_numbers_and_phones(login, staff):
    receive(staff)
    page = login(staff).get(reverse("cases:request_list")).content.decode()
    assert "*********123" in page
    assert "020158000123" not in page


def test_reviewer_sees_no_personal_data(login, staff, reviewer, professional_office):
    case = accepted_case(staff, professional_office)
    client = login(reviewer)
    for url in (
        reverse("cases:request_list"),
        reverse("cases:case_list"),
        reverse("cases:case_detail", args=[case.pk]),
    ):
        response = client.get(url)
        for personal in ("Hoàng Thị Bích Ngọc", "020158000123", "0912345678"):
            assertNotContains(response, personal, status_code=200)


def test_export_has_only_what_the_user_may_see(
    login, staff, reviewer, other_centre_staff, export_through_job
):
    receive(staff, summary='=HYPERLINK("http://x")')
    rows = xlsx_rows(export_through_job(login(staff), "cases:request_export"))
    assert "Họ và tên" in rows[0]
    summary = rows[1][rows[0].index("Nội dung vụ việc")]
    assert summary.startswith("'=")
    assert login(reviewer).get(reverse("cases:request_export")).status_code == 403
    assert login(reviewer).post(reverse("cases:request_export")).status_code == 403
    other = login(other_centre_staff)
    other_rows = xlsx_rows(export_through_job(other, "cases:request_export"))
    assert len(other_rows) == 1


def test_case_export_for_the_director(
    login, staff, director, professional_office, export_through_job
):
    case = accepted_case(staff, professional_office)
    rows = xlsx_rows(export_through_job(login(director), "cases:case_export"))
    assert rows[1][0] == case.code


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "so.xlsx"
    return out


HEADER = [name for name, _ in IMPORT_COLUMNS]


def test_import_is_all_or_nothing_with_row_errors(login, staff):
    received = vn_datetime(NOW - timedelta(days=16))
    good = [received, "Lò Văn Sáng", "Nam", 1960, "Tày", "020160000222", "", "",
            "2", "ho_ngheo", "dan_su", "Tư vấn pháp luật", "Hỏi về thừa kế"]  # fmt: skip
    bad = [*good[:5], "123", *good[6:]]
    response = login(staff).post(
        reverse("cases:request_import"), {"file": xlsx([HEADER, good, bad])}
    )
    assert response.status_code == 400
    assert "Dòng 3" in response.content.decode()
    assert not LegalAidRequest.objects.exists()
    other = [received, "Lò Thị Mai", "Nữ", 1962, "Tày", "020162000333", *good[6:]]
    response = login(staff).post(
        reverse("cases:request_import"), {"file": xlsx([HEADER, good, other])}
    )
    assert response.status_code == 302
    assert LegalAidRequest.objects.count() == 2


def test_performer_list_shows_workload_and_quota(
    login, staff, head, officer, professional_office, performers
):
    # Appointed four years ago: the 3-to-5-year levels of Công văn 5008/BTP-TGPL.
    Performer.objects.filter(user=officer).update(appointed_on=TODAY.replace(year=TODAY.year - 4))
    in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    response = login(head).get(reverse("cases:performer_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Lăng Thị Mai" in page
    assert "10 / 15 / 21" in page


def test_a_new_year_keeps_the_last_quota_until_the_new_one_is_entered(
    login, head, officer, professional_office, performers, travel_to
):
    Performer.objects.filter(user=officer).update(appointed_on=date(2023, 1, 1))
    travel_to("new_year_vn")  # 2027: no levels entered for it yet
    assert not QuotaTier.objects.filter(year=2027).exists()
    response = login(head).get(reverse("cases:performer_list"))
    assert response.status_code == 200
    assert response.context["year"] == 2027
    assert "10 / 15 / 21" in response.content.decode()  # 4 years' seniority, 2026's levels
