"""Giving an outgoing document its number (Nghị định 30/2020, Điều 15)."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from tgpl import roles
from tgpl.errors import BusinessRuleError

from .content import KINDS
from .formatting import number_text
from .kinds import DocumentKind
from .models import DocumentCounter, IssuedDocument


@transaction.atomic
def issue_document(
    *,
    centre,
    kind: str,
    subject: str,
    obj=None,
    actor,
    on: datetime.date | None = None,
    after: int = 0,
) -> IssuedDocument:
    """Take the next number of the series (centre, kind, year of `on`) and register it.

    The series' counter row is created if needed and locked (SELECT ... FOR UPDATE)
    until the transaction ends, so concurrent issuers queue and each gets its own
    number; a unique constraint on the register backs this up. Numbers restart at 01
    each 1 January (a new series) and are never reused. `after` is the highest number
    of this series already given outside the register (documents imported with their
    number): the new number comes after it.
    """
    if kind not in KINDS:
        raise BusinessRuleError(f"Loại văn bản “{kind}” không có trong danh mục.")
    if not roles.can_issue_documents(actor, centre):
        raise BusinessRuleError("Bạn không có quyền cấp số văn bản của Trung tâm này.")
    on = on or timezone.localdate()
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        centre=centre, kind=kind, year=on.year
    )
    serial = max(counter.last_serial, after) + 1
    counter.last_serial = serial
    counter.save(update_fields=["last_serial"])
    return IssuedDocument.objects.create(
        centre=centre,
        kind=kind,
        year=on.year,
        serial=serial,
        number_text=number_text(serial, kind, centre.document_symbol),
        subject=" ".join(subject.split())[:500],
        issued_on=on,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=obj.pk if obj is not None else None,
        issued_by=actor,
    )


def issue_for(
    kind: DocumentKind, obj, *, actor, on: datetime.date | None = None, after: int = 0
) -> IssuedDocument:
    """Number `obj`'s document of this kind: the series of its centre and type code, the
    subject its declaration writes. Call it inside the service that decides."""
    return issue_document(
        centre=kind.centre(obj),
        kind=kind.number_kind,
        subject=kind.subject(obj),
        obj=obj,
        actor=actor,
        on=on,
        after=after,
    )
