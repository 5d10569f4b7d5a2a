"""A new document kind is one declaration, one builder and a call in its service.

The kind below — the written answer to an aided person's request to change the
performer (TT 12/2018 Điều 9.1) — exists only in this test module: its builder, its
declaration and the service that numbers it are the three things written here, and
nothing of the application is touched for it. The case page then lists it with its
number, it downloads as PDF and Word with the access checks of a case document, the
register numbers it and links it to the case, "Cấp số" numbers a draft of it, and
`render_document` prints it.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from docx import Document as read_docx

from cases import services
from cases.models import Case, PerformerChangeRequest
from cases.services.numbering import number_now
from cases.states import ChangeRequestStatus
from tests.cases.factories import assigned_case, make_performer
from tgpl import roles
from tgpl.documents import Document
from tgpl.documents import builders as b
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.models import IssuedDocument
from tgpl.documents.selectors import issued_for

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

# --- 1. the builder -----------------------------------------------------------------------


def answer_notice(change: PerformerChangeRequest) -> Document:
    case = change.case
    head = b.letterhead(
        case.centre,
        kind=ANSWER.number_kind,
        signer=b.signer_for(change.answered_by),
        issued=issued_for(change, ANSWER.number_kind),
        year=timezone.localdate().year,
    )
    verdict = "chấp nhận" if change.status == ChangeRequestStatus.ACCEPTED else "không chấp nhận"
    return b.notice(
        head,
        subject="Về việc trả lời đề nghị thay đổi người thực hiện trợ giúp pháp lý",
        addressees=["Người được trợ giúp pháp lý"],
        paragraphs=[
            f"Trung tâm {verdict} đề nghị thay đổi người thực hiện trong vụ việc {case.code}.",
            change.answer,
        ],
        recipients=["Như trên", "Lưu: VT, hồ sơ vụ việc"],
    )


# --- 2. the declaration -------------------------------------------------------------------

ANSWER = DocumentKind(
    name="change_answer",
    label="thông báo trả lời đề nghị thay đổi người thực hiện",
    model=PerformerChangeRequest,
    number_kind="TB",
    visible_to=lambda user: PerformerChangeRequest.objects.filter(
        case__in=Case.objects.visible_to(user)
    ),
    may_download=roles.can_download_case_documents,
    build=answer_notice,
    subject=lambda change: (
        f"Về việc trả lời đề nghị thay đổi người thực hiện, vụ việc {change.case.code}"
    ),
    absent=lambda change: (
        "Đề nghị này chưa được trả lời." if change.status == ChangeRequestStatus.PENDING else ""
    ),
    title=lambda change: "Thông báo trả lời đề nghị thay đổi người thực hiện",
    listed_on=Case,
    of=lambda case: case.change_requests.all(),
    page=lambda change: reverse("cases:case_detail", args=[change.case_id]),
    centre=lambda change: change.case.centre,
    numbered_later=True,
    related=("case__centre__parent_agency", "answered_by__department"),
)


# --- 3. the call in its service -----------------------------------------------------------


@transaction.atomic
def answer_in_writing(*, actor, change, accept: bool, answer: str):
    """answer_performer_change as it would read with this kind: one more line."""
    change = services.answer_performer_change(
        actor=actor, change=change, accept=accept, answer=answer
    )
    number_now(ANSWER, change, actor=actor, on=timezone.localdate())
    return change


# --- and nothing else: what the application derives from them --------------------------


@pytest.fixture(autouse=True)
def _declared(declare):
    declare(ANSWER)


@pytest.fixture
def change(staff, head, officer, professional_office):
    """A pending request to change the officer performing a case."""
    make_performer(officer)
    case = assigned_case(staff, professional_office, officer, head)
    return services.request_performer_change(
        actor=staff, case=case, reason="Người được TGPL muốn đổi người thực hiện."
    )


@pytest.fixture
def answered(change, head):
    return answer_in_writing(
        actor=head, change=change, accept=False, answer="Trợ giúp viên đang thực hiện đúng."
    )


def url(pk, fmt="pdf"):
    return reverse("cases:document", args=["change_answer", pk, fmt])


def case_page(client, change) -> str:
    response = client.get(reverse("cases:case_detail", args=[change.case_id]))
    assert response.status_code == 200
    return response.content.decode()


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_service_numbers_it_in_the_register(answered, head):
    issued = IssuedDocument.objects.get(kind="TB")
    assert (issued.number_text, issued.obj, issued.issued_by) == ("01/TB-TGPL", answered, head)
    assert answered.case.code in issued.subject
    assert "Ngọc" not in issued.subject  # the register names no aided person


def test_the_case_page_lists_it_with_its_number(login, head, answered):
    html = case_page(login(head), answered)
    assert "Thông báo trả lời đề nghị thay đổi người thực hiện" in html
    assert "Số 01/TB-TGPL" in html
    assert url(answered.pk) in html
    assert url(answered.pk, "docx") in html


def test_it_downloads_as_pdf_and_word(login, head, answered):
    client = login(head)
    pdf = client.get(url(answered.pk))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert 'filename="TB-01-' in pdf["Content-Disposition"]
    text = pdf_text(content(pdf))
    assert "01/TB-TGPL" in text
    assert "Trợ giúp viên đang thực hiện đúng." in text
    word = client.get(url(answered.pk, "docx"))
    assert word.status_code == 200
    assert 'filename="TB-01-' in word["Content-Disposition"]
    assert "01/TB-TGPL" in read_docx(io.BytesIO(content(word))).tables[0].rows[1].cells[0].text


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("head", 200),
        ("director", 200),
        ("officer", 200),
        ("reviewer", 403),
        ("lawyer", 404),
        ("other_centre_staff", 404),
    ],
)
def test_its_downloads_have_the_access_checks_of_a_case(
    login, request, answered, persona, expected
):
    client = login(request.getfixturevalue(persona))
    assert client.get(url(answered.pk, "docx")).status_code == expected


def test_anonymous_goes_to_login_and_post_is_refused(client, login, head, answered):
    response = client.get(url(answered.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert login(head).post(url(answered.pk)).status_code == 405


def test_an_unanswered_request_has_no_notice(login, head, change):
    html = case_page(login(head), change)
    assert url(change.pk) not in html
    assert login(head).get(url(change.pk)).status_code == 404


def test_a_draft_is_numbered_with_cap_so(login, staff, head, change):
    # answered before the kind was declared in its service: a draft
    services.answer_performer_change(actor=head, change=change, accept=True, answer="Đồng ý.")
    client = login(staff)
    html = case_page(client, change)
    assert "Chưa cấp số (dự thảo)" in html
    number = reverse("cases:number_document", args=["change_answer", change.pk])
    assert number in html
    response = client.post(number)
    assert response.url == reverse("cases:case_detail", args=[change.case_id])
    assert IssuedDocument.objects.get(kind="TB").obj == change
    change.refresh_from_db()
    assert change.history.first().history_change_reason.startswith("Cấp số thông báo trả lời")
    again = client.post(number, follow=True).content.decode()
    assert "Văn bản này đã có số 01/TB-TGPL" in again


def test_the_register_links_it_to_its_case(login, director, answered):
    html = login(director).get(reverse("documents:register")).content.decode()
    assert "01/TB-TGPL" in html
    assert reverse("cases:case_detail", args=[answered.case_id]) in html


def test_render_document_prints_it(answered, tmp_path):
    out = tmp_path / "tb.pdf"
    call_command("render_document", "change_answer", str(answered.pk), str(out))
    assert "01/TB-TGPL" in pdf_text(out.read_bytes())


def test_without_its_declaration_there_is_no_such_document(login, head, answered):
    from tgpl.documents import registry

    registry.unregister(ANSWER.name)
    assert url(answered.pk) not in case_page(login(head), answered)
    assert login(head).get(url(answered.pk)).status_code == 404
