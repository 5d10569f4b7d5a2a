"""Decisions and notices of requests and cases (cases/documents.py), made through the services."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from cases import services
from cases.documents import assignment_decision, discontinuation_notice, refusal_notice
from cases.models import Assignment
from cases.states import DiscontinueGround, Form, RefusalGround
from tests.cases.factories import accepted_case, make_performer, propose_checked, receive
from tgpl.documents import render_pdf
from tgpl.documents.registry import sources
from tgpl.documents.services import issue_document

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointed(staff, head, officer, professional_office):
    """A litigation case of the professional office, its officer appointed by the head."""
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    return services.approve_assignment(actor=head, assignment=assignment)


def test_appointment_decision_for_litigation_is_tp_tgpl_14(appointed, officer, head):
    doc = assignment_decision(appointed)
    assert doc.form_code == "Mẫu TP-TGPL-14"
    assert doc.number_text == "01/QĐ-TGPL"  # numbered when the head approved
    text = " ".join((p.lead + " " + p.text) for p in doc.body)
    assert f"Cử {officer.full_name}, Trợ giúp viên pháp lý" in text
    assert "bà Hoàng Thị Bích Ngọc" in text
    assert appointed.case.code in text
    assert "Theo đề nghị của Trưởng Phòng Nghiệp vụ" in text
    assert (doc.signer.name, doc.signer.authority) == (head.full_name, "TL. Giám đốc")


def test_numbered_decision_carries_its_register_number_and_date(appointed, head):
    issued = issue_document(
        centre=appointed.case.centre,
        kind="QĐ",
        subject="Về việc cử người thực hiện",
        obj=appointed,
        actor=head,
        on=datetime.date(2026, 2, 3),
    )
    doc = assignment_decision(appointed)  # the latest number given to it
    assert (doc.number_text, doc.date) == (issued.number_text, datetime.date(2026, 2, 3))
    assert issued.number_text in pdf_text(render_pdf(doc))


def test_replacement_names_who_is_replaced(appointed, staff, head, lawyer):
    make_performer(lawyer, kind="contracted_lawyer")
    case = appointed.case
    case.refresh_from_db()
    proposal = propose_checked(
        actor=staff, case=case, performer=lawyer, reason="Người được TGPL đề nghị"
    )
    replacement = services.approve_assignment(actor=head, assignment=proposal)
    assert replacement.kind == Assignment.Kind.REPLACE
    doc = assignment_decision(replacement)
    assert doc.form_code == "Mẫu TP-TGPL-15"
    first = doc.body[-3].text
    assert first.startswith(f"Thay thế {appointed.performer.full_name} bằng {lawyer.full_name}")
    assert "Lý do thay thế: Người được TGPL đề nghị." in first


def test_representation_case_gets_form_06(staff, head, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.REPRESENTATION)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    assignment = services.approve_assignment(actor=head, assignment=proposal)
    assert assignment_decision(assignment).form_code == "Mẫu số 06-TP-TGPL"


def test_refusal_notice_is_form_08_signed_by_the_director(staff, director):
    req = receive(staff, requester_is_aided=True)
    services.refuse_request(
        actor=staff,
        request=req,
        ground=RefusalGround.DECEASED,
        notice_text="Người được trợ giúp pháp lý đã mất.",
    )
    req.refresh_from_db()
    doc = refusal_notice(req)
    assert doc.form_code == "Mẫu số 08-TP-TGPL"
    assert doc.addressees == ("Bà Hoàng Thị Bích Ngọc",)
    # a staff member records the refusal; the director signs the notice
    assert (doc.signer.name, doc.signer.title) == (director.full_name, "Giám đốc")
    text = pdf_text(render_pdf(doc))
    assert "người được trợ giúp pháp lý đã chết" in text
    assert "Người được trợ giúp pháp lý đã mất." in text


def test_discontinuation_notice_cites_the_ground(appointed, head):
    case = appointed.case
    case.refresh_from_db()
    services.discontinue_case(
        actor=head,
        case=case,
        ground=DiscontinueGround.WITHDRAWN,
        notice_text="Bà Ngọc rút yêu cầu ngày 04/3/2026.",
    )
    case.refresh_from_db()
    doc = discontinuation_notice(case)
    text = " ".join(p.text for p in doc.body)
    assert "Căn cứ Điều 37 Luật Trợ giúp pháp lý" in text
    assert "người được TGPL rút yêu cầu" in text
    assert doc.signer.name == head.full_name


def test_render_document_prints_case_documents(appointed, tmp_path):
    out = tmp_path / "qd.pdf"
    call_command("render_document", "assignment", str(appointed.pk), str(out))
    assert "Mẫu TP-TGPL-14" in pdf_text(out.read_bytes())
    with pytest.raises(CommandError, match="không bị từ chối thụ lý"):
        call_command("render_document", "refusal", str(appointed.case.request_id), str(out))
    with pytest.raises(CommandError, match="không bị dừng thực hiện"):
        call_command("render_document", "discontinuation", str(appointed.case_id), str(out))


def test_advice_case_has_no_decision(staff, head, officer, professional_office, tmp_path):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.ADVICE)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    assignment = services.approve_assignment(actor=head, assignment=proposal)
    with pytest.raises(CommandError, match="Tư vấn pháp luật không có quyết định"):
        call_command("render_document", "assignment", str(assignment.pk), str(tmp_path / "x.pdf"))


def test_cases_register_their_documents():
    assert {"assignment", "refusal", "discontinuation", "plan"} <= set(sources())
