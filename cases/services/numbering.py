"""Register numbers of the case documents, for every kind declared in cases/documents.py.

A number is given when the decision is made (Nghị định 30/2020, Điều 15), inside the
deciding service's transaction (`number_now`): the appointment or replacement
decision when the head approves, the refusal notice when the request is refused, the
discontinuation notice when the case is stopped. Taken in the same transaction, a
number is never used up by a decision that was rolled back. A kind declared
`numbered_later` stays a draft when the person deciding does not keep the register;
the văn thư gives it its number later (`number_later`, "Cấp số" on the page).
Subjects name the case or request, never the aided person: the register is read by
everyone of the centre.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from cases.documents import DISCONTINUATION, REFUSAL
from cases.models import Case, LegalAidRequest
from tgpl import roles
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.models import IssuedDocument
from tgpl.documents.selectors import issued_for
from tgpl.documents.services import issue_for
from tgpl.errors import BusinessRuleError
from tgpl.kernel import require, save


def number_now(kind: DocumentKind, obj, *, actor, on: datetime.date) -> IssuedDocument | None:
    """The number of `obj`'s document of `kind`, taken by the service that decides.

    None when the object has no such document (advice has no decision), or when the
    kind may be numbered later and the actor may not issue numbers: a legal-aid
    officer may refuse a request but does not keep the register, so the notice stays
    a draft ("Số: /TB-…") for the văn thư to number.
    """
    if kind.absent(obj):
        return None
    if kind.numbered_later and not roles.can_issue_documents(actor, kind.centre(obj)):
        return None
    return issue_for(kind, obj, actor=actor, on=on)


@transaction.atomic
def number_later(*, actor, kind: DocumentKind, obj) -> IssuedDocument:
    """Cấp số: give a draft its number now, once. The object's row is locked first, so
    two issuers clicking together give one number and the second is told it exists."""
    if not kind.numbered_later:
        raise BusinessRuleError("Văn bản này được cấp số ngay khi quyết định.")
    locked = kind.model._default_manager.select_for_update(of=("self",)).get(pk=obj.pk)
    reason = kind.absent(locked)
    if reason:
        raise BusinessRuleError(reason)
    require(
        roles.can_issue_documents(actor, kind.centre(locked)),
        "Bạn không có quyền cấp số văn bản của Trung tâm này.",
    )
    existing = issued_for(locked, kind.number_kind)
    if existing is not None:
        raise BusinessRuleError(f"Văn bản này đã có số {existing.number_text}.")
    issued = issue_for(kind, locked, actor=actor, on=timezone.localdate())
    if kind.on_numbered is not None:
        kind.on_numbered(locked)
    save(locked, actor=actor, reason=f"Cấp số {kind.label}: {issued.number_text}")
    return issued


def number_refusal_later(*, actor, request: LegalAidRequest) -> IssuedDocument:
    """Number the refusal notice left as a draft by someone who may not issue numbers."""
    return number_later(actor=actor, kind=REFUSAL, obj=request)


def number_discontinuation_later(*, actor, case: Case) -> IssuedDocument:
    """Number the notice of a stopped case that was left as a draft."""
    return number_later(actor=actor, kind=DISCONTINUATION, obj=case)
