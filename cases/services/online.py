"""The online intake (Trực tuyến, Điều 29.2c): a person's submission from the public
page, then reception's verification, which records it as a request through the intake
service or declines it."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime

from django.db import transaction

from cases.models import LegalAidRequest, OnlineSubmission
from cases.states import ONLINE_TRANSITIONS, Channel
from tgpl import roles
from tgpl.kernel import (
    check_transition,
    emit,
    local_date,
    now_or,
    require,
    require_text,
    save,
    set_related,
)
from tgpl.models import Centre

from .intake import receive_request

# No look-alikes (0/O, 1/I/L): the code is read from a screen and typed again.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
SUBMISSION_FIELDS = frozenset(
    {"full_name", "birth_year", "sex", "phone", "email", "address", "legal_field", "summary"}
)


def check_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


@transaction.atomic
def submit_online(
    *, centre: Centre, fields: dict, categories=(), at: datetime | None = None
) -> OnlineSubmission:
    """Keep what a person sent from the public page; reception is told. The reference is
    "TT-<year>-<serial>", the serial being the row's own number (unique, never reused)."""
    unknown = set(fields) - SUBMISSION_FIELDS
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    moment = now_or(at)
    submission = OnlineSubmission(
        centre=centre,
        reference=f"tmp-{uuid.uuid4().hex[:24]}",  # within the column (32); replaced below
        check_code=check_code(),
        submitted_at=moment,
        **fields,
    )
    submission.save()  # the serial first: the history row below carries the reference
    submission.reference = f"TT-{local_date(moment).year}-{submission.pk:06d}"
    save(submission, actor=None, reason="Người dân gửi yêu cầu trực tuyến")
    submission.history.exclude(reference=submission.reference).delete()
    set_related(submission, "categories", categories, actor=None, reason="Gửi yêu cầu trực tuyến")
    emit("online_submission_received", actor=None, submission=submission.pk)
    return submission


def _lock(submission: OnlineSubmission) -> OnlineSubmission:
    return OnlineSubmission.objects.select_for_update(of=("self",)).get(pk=submission.pk)


def _may_handle(actor, submission: OnlineSubmission) -> bool:
    return roles.can_handle_online_submissions(actor) and actor.centre_id == submission.centre_id


@transaction.atomic
def record_online_submission(
    *,
    actor,
    submission: OnlineSubmission,
    fields: dict,
    categories,
    proofs=(),
    attachments=(),
    at: datetime | None = None,
) -> LegalAidRequest:
    """Reception verified the submission: it becomes a request received online, at the
    moment the person sent it (unless reception gives another)."""
    sub = _lock(submission)
    require(_may_handle(actor, sub))
    target = check_transition(ONLINE_TRANSITIONS, "record", sub.status)
    fields = {**fields, "channel": Channel.ONLINE}
    fields.setdefault("received_at", sub.submitted_at)
    req = receive_request(
        actor=actor, fields=fields, categories=categories, proofs=proofs, attachments=attachments
    )
    sub.status = target
    sub.request = req
    sub.handled_by = actor
    sub.handled_at = now_or(at)
    save(sub, actor=actor, reason="Tiếp nhận thành yêu cầu")
    return req


@transaction.atomic
def decline_online_submission(
    *, actor, submission: OnlineSubmission, note: str, at: datetime | None = None
) -> OnlineSubmission:
    """Not a request for legal aid (spam, a duplicate, not reachable): declined with a
    reason kept for the register."""
    sub = _lock(submission)
    require(_may_handle(actor, sub))
    target = check_transition(ONLINE_TRANSITIONS, "decline", sub.status)
    sub.decline_note = require_text(note, "Cần ghi lý do không tiếp nhận.", field="note")
    sub.status = target
    sub.handled_by = actor
    sub.handled_at = now_or(at)
    save(sub, actor=actor, reason="Không tiếp nhận yêu cầu trực tuyến")
    return sub
