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

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from cases.models import Assignment, Case, LegalAidRequest
from cases.states import CaseStatus, Form, RequestStatus
from tgpl import roles
from tgpl.documents.models import IssuedDocument
from tgpl.documents.services import issue_document
from tgpl.errors import BusinessRuleError
from tgpl.kernel import require, save

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
    return _issue_refusal(request, actor, on)


def _issue_refusal(request: LegalAidRequest, actor, on: datetime.date) -> IssuedDocument:
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
    return _issue_discontinuation(case, actor, on)


def _issue_discontinuation(case: Case, actor, on: datetime.date) -> IssuedDocument:
    return issue_document(
        centre=case.centre,
        kind="TB",
        subject=f"Về việc không tiếp tục thực hiện trợ giúp pháp lý, vụ việc {case.code}",
        obj=case,
        actor=actor,
        on=on,
    )


# --- numbering a draft later ---------------------------------------------------------------


def _number_draft(obj, *, actor, issue, label: str) -> IssuedDocument:
    """Give a draft notice its number now, once: the object's row is locked first, so
    two issuers clicking together give one number and the second is told it exists."""
    require(
        roles.can_issue_documents(actor, obj.centre),
        "Bạn không có quyền cấp số văn bản của Trung tâm này.",
    )
    existing = (
        IssuedDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, kind="TB"
        )
        .order_by("-issued_at", "-pk")
        .first()
    )
    if existing is not None:
        raise BusinessRuleError(f"Văn bản này đã có số {existing.number_text}.")
    issued = issue(obj, actor, timezone.localdate())
    save(obj, actor=actor, reason=f"Cấp số {label}: {issued.number_text}")
    return issued


@transaction.atomic
def number_refusal_later(*, actor, request: LegalAidRequest) -> IssuedDocument:
    """Number the refusal notice left as a draft by someone who may not issue numbers."""
    req = (
        LegalAidRequest.objects.select_for_update(of=("self",))
        .select_related("centre")
        .get(pk=request.pk)
    )
    if req.status != RequestStatus.REFUSED:
        raise BusinessRuleError("Yêu cầu này không có thông báo từ chối thụ lý để cấp số.")
    return _number_draft(req, actor=actor, issue=_issue_refusal, label="thông báo từ chối")


@transaction.atomic
def number_discontinuation_later(*, actor, case: Case) -> IssuedDocument:
    """Number the notice of a stopped case that was left as a draft."""
    locked = Case.objects.select_for_update(of=("self",)).select_related("centre").get(pk=case.pk)
    if locked.status != CaseStatus.DISCONTINUED:
        raise BusinessRuleError("Vụ việc này không có thông báo không tiếp tục thực hiện.")
    return _number_draft(
        locked, actor=actor, issue=_issue_discontinuation, label="thông báo không tiếp tục"
    )
