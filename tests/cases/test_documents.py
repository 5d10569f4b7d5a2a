"""Case documents: numbered when decided, downloadable from the request and case pages."""

import io
from unittest import mock

import pytest
from django.urls import reverse
from docx import Document as read_docx
from pypdf import PdfReader
from pytest_django.asserts import assertNotContains

from cases import services
from cases.states import DiscontinueGround, Form, RefusalGround
from tests.cases.factories import propose_checked
from tgpl.documents.models import DocumentCounter, IssuedDocument
from tgpl.errors import BusinessRuleError

from .factories import accepted_case, make_performer, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointed(staff, head, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    return services.approve_assignment(actor=head, assignment=proposal)


@pytest.fixture
def refused(staff):
    req = receive(staff)
    return services.refuse_request(
        actor=staff, request=req, ground=RefusalGround.DECEASED, notice_text="Đã mất."
    )


def url(source, pk, fmt="pdf"):
    return reverse("cases:document", args=[source, pk, fmt])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


# --- numbering in the services ---------------------------------------------------------


def test_approving_a_litigation_appointment_numbers_its_decision(appointed, head):
    issued = IssuedDocument.objects.get()
    assert (issued.kind, issued.number_text, issued.obj) == ("QĐ", "01/QĐ-TGPL", appointed)
    assert issued.issued_by == head
    assert appointed.case.code in issued.subject
    assert "Ngọc" not in issued.subject  # the register names no aided person


def test_approving_advice_gives_no_number(staff, head, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.ADVICE)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=head, assignment=proposal)
    assert not IssuedDocument.objects.exists()


def test_rolled_back_approval_takes_no_number(staff, head, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    with (
        mock.patch("cases.services.assignment.emit", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        services.approve_assignment(actor=head, assignment=proposal)
    assert not IssuedDocument.objects.exists()
    assert not DocumentCounter.objects.filter(last_serial__gt=0).exists()
    services.approve_assignment(actor=head, assignment=proposal)
    assert IssuedDocument.objects.get().number_text == "01/QĐ-TGPL"


def test_refusal_by_staff_numbers_the_notice(refused):
    issued = IssuedDocument.objects.get()
    assert (issued.kind, issued.number_text, issued.obj) == ("TB", "01/TB-TGPL", refused)


def test_refusal_by_an_officer_leaves_a_draft_for_the_register(officer, centre):
    officer.centre = centre
    req = receive(officer)
    services.refuse_request(
        actor=officer, request=req, ground=RefusalGround.DECEASED, notice_text="Đã mất."
    )
    assert not IssuedDocument.objects.exists()


def test_discontinuation_numbers_the_notice(appointed, head):
    case = appointed.case
    case.refresh_from_db()
    services.discontinue_case(
        actor=head, case=case, ground=DiscontinueGround.WITHDRAWN, notice_text="Rút yêu cầu."
    )
    notice = IssuedDocument.objects.get(kind="TB")
    assert (notice.number_text, notice.obj) == ("01/TB-TGPL", case)


def test_a_refused_issue_rolls_back_the_refusal(staff):
    req = receive(staff)
    with (
        mock.patch(
            "cases.services.intake.number_now", side_effect=BusinessRuleError("Không cấp số.")
        ),
        pytest.raises(BusinessRuleError),
    ):
        services.refuse_request(
            actor=staff, request=req, ground=RefusalGround.DECEASED, notice_text="Đã mất."
        )
    req.refresh_from_db()
    assert req.status == "received"


# --- pages and downloads ---------------------------------------------------------------


def test_case_page_offers_the_numbered_decision(login, head, appointed):
    html = login(head).get(reverse("cases:case_detail", args=[appointed.case_id])).content
    html = html.decode()
    assert url("assignment", appointed.pk) in html
    assert url("assignment", appointed.pk, "docx") in html
    assert "Tải PDF" in html
    assert "Tải Word" in html
    assert "Số 01/QĐ-TGPL" in html


def test_case_page_hides_documents_from_the_reviewer(login, reviewer, appointed):
    response = login(reviewer).get(reverse("cases:case_detail", args=[appointed.case_id]))
    assertNotContains(response, "Tải PDF", status_code=200)


def test_advice_case_page_has_no_decision(login, staff, head, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.ADVICE)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=head, assignment=proposal)
    response = login(head).get(reverse("cases:case_detail", args=[case.pk]))
    assertNotContains(response, "Tải PDF", status_code=200)
    assert login(head).get(url("assignment", proposal.pk)).status_code == 404


def test_request_page_offers_the_refusal_notice(login, staff, refused):
    html = login(staff).get(reverse("cases:request_detail", args=[refused.pk])).content.decode()
    assert url("refusal", refused.pk) in html
    assert "Số 01/TB-TGPL" in html


def test_decision_pdf_carries_its_number(login, head, appointed):
    response = login(head).get(url("assignment", appointed.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "QD-01-" in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(body(response))).pages[0].extract_text()
    assert "01/QĐ-TGPL" in text


def test_refusal_word_carries_its_number(login, staff, refused):
    response = login(staff).get(url("refusal", refused.pk, "docx"))
    assert response.status_code == 200
    doc = read_docx(io.BytesIO(body(response)))
    assert "01/TB-TGPL" in doc.tables[0].rows[1].cells[0].text


def test_discontinuation_notice_downloads(login, head, appointed):
    case = appointed.case
    case.refresh_from_db()
    services.discontinue_case(
        actor=head, case=case, ground=DiscontinueGround.WITHDRAWN, notice_text="Rút yêu cầu."
    )
    html = login(head).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert url("discontinuation", case.pk) in html
    assert login(head).get(url("discontinuation", case.pk, "docx")).status_code == 200


def test_object_without_the_document_is_404(login, staff, head, appointed):
    req = receive(staff)
    assert login(staff).get(url("refusal", req.pk)).status_code == 404
    assert login(head).get(url("discontinuation", appointed.case_id)).status_code == 404
    assert login(head).get(url("nothing", appointed.pk)).status_code == 404


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("head", 200), ("director", 200), ("reviewer", 403), ("other_centre_staff", 404)],
)
def test_decision_download_access(login, request, appointed, persona, expected):
    client = login(request.getfixturevalue(persona))
    assert client.get(url("assignment", appointed.pk, "docx")).status_code == expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("staff", 200), ("reviewer", 403), ("other_centre_staff", 404), ("lawyer", 404)],
)
def test_refusal_download_access(login, request, refused, persona, expected):
    client = login(request.getfixturevalue(persona))
    assert client.get(url("refusal", refused.pk)).status_code == expected


def test_anonymous_download_goes_to_login(client, refused):
    response = client.get(url("refusal", refused.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_post_on_a_download_is_refused(login, staff, refused):
    assert login(staff).post(url("refusal", refused.pk)).status_code == 405


# --- the register links to the case ----------------------------------------------------


def test_register_links_a_decision_to_its_case(login, director, appointed):
    html = login(director).get(reverse("documents:register")).content.decode()
    link = reverse("cases:assignment_detail", args=[appointed.pk])
    assert link in html
    response = login(director).get(link)
    assert response.url == reverse("cases:case_detail", args=[appointed.case_id])


def test_register_does_not_link_cases_the_viewer_may_not_see(login, admin_head, appointed):
    response = login(admin_head).get(reverse("documents:register"))
    html = response.content.decode()
    assert "01/QĐ-TGPL" in html
    assert reverse("cases:assignment_detail", args=[appointed.pk]) not in html
    link = reverse("cases:assignment_detail", args=[appointed.pk])
    assert login(admin_head).get(link).status_code == 404
