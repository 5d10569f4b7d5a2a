"""Register numbers of the case documents, taken inside the deciding service's transaction.

A number is given when the decision is made (Nghị định 30/2020, Điều 15): the
appointment or replacement decision when the head approves, the refusal notice when
the request is refused, the discontinuation notice when the case is stopped. Taken in
the same transaction, a number is never used up by a decision that was rolled back.
Subjects name the case or request, never the aided person: the register is read by
everyone of the centre.
"""

from __future__ import annotations

import datetime

from cases.models import Assignment, Case, LegalAidRequest
from cases.states import Form
from tgpl import roles
from tgpl.documents.models import IssuedDocument
from tgpl.documents.services import issue_document

DECIDED_FORMS = {
    Form.LITIGATION: "tham gia tố tụng",
    Form.REPRESENTATION: "đại diện ngoài tố tụng",
}


def number_decision(
    *, assignment: Assignment, case: Case, actor, on: datetime.date
) -> IssuedDocument | None:
    """The QĐ number of an approved appointment or replacement; advice has no decision."""
    form_name = DECIDED_FORMS.get(case.form)
    if form_name is None:
        return None
    verb = "thay thế" if assignment.kind == Assignment.Kind.REPLACE else "cử"
    return issue_document(
        centre=case.centre,
        kind="QĐ",
        subject=f"Về việc {verb} người thực hiện trợ giúp pháp lý {form_name}, vụ việc {case.code}",
        obj=assignment,
        actor=actor,
        on=on,
    )


def number_refusal(*, request: LegalAidRequest, actor, on: datetime.date) -> IssuedDocument | None:
    """The TB number of a refusal notice, when the person refusing may issue numbers.

    A legal-aid officer may refuse a request but does not keep the register: the
    notice then stays a draft ("Số: /TB-…") for the văn thư to number.
    """
    if not roles.can_issue_documents(actor, request.centre):
        return None
    return issue_document(
        centre=request.centre,
        kind="TB",
        subject=f"Về việc từ chối thụ lý yêu cầu trợ giúp pháp lý số {request.pk}",
        obj=request,
        actor=actor,
        on=on,
    )


def number_discontinuation(*, case: Case, actor, on: datetime.date) -> IssuedDocument | None:
    """The TB number of the notice that a case is not continued (Điều 37)."""
    if not roles.can_issue_documents(actor, case.centre):
        return None
    return issue_document(
        centre=case.centre,
        kind="TB",
        subject=f"Về việc không tiếp tục thực hiện trợ giúp pháp lý, vụ việc {case.code}",
        obj=case,
        actor=actor,
        on=on,
    )
