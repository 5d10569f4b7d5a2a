"""Complaints (Luật TGPL Điều 45): receive, accept or decline, decide, the appeal to the
Sở Tư pháp and its decision. Each step checks the state table and the actor's role."""

from __future__ import annotations

from django.db import transaction

from cases.models import Complaint
from cases.states import COMPLAINT_TRANSITIONS, ComplaintGround
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, create, emit, now_or, require, require_text, save


@transaction.atomic
def receive_complaint(*, actor, fields: dict, at=None) -> Complaint:
    require(roles.can_handle_complaints(actor))
    fields = dict(fields)
    if fields.get("ground") not in ComplaintGround.values:
        raise BusinessRuleError("Chọn nội dung khiếu nại.", field="ground")
    case, performer = fields.get("case"), fields.get("performer")
    for obj, field in ((case, "case"), (fields.get("request"), "request")):
        if obj is not None and obj.centre_id != actor.centre_id:
            raise BusinessRuleError("Vụ việc, yêu cầu thuộc Trung tâm khác.", field=field)
    if fields.get("against") == Complaint.Against.PERFORMER:
        if performer is None and case is not None:
            performer = case.performer
        if performer is None:
            raise BusinessRuleError("Chọn người thực hiện bị khiếu nại.", field="performer")
    fields["performer"] = performer
    fields["complainant_name"] = require_text(
        fields.get("complainant_name", ""), "Ghi họ tên người khiếu nại.", "complainant_name"
    )
    fields["content"] = require_text(fields.get("content", ""), "Ghi nội dung đơn.", "content")
    complaint = create(
        Complaint,
        actor=actor,
        reason="Nhận đơn khiếu nại",
        centre_id=actor.centre_id,
        received_by=actor,
        received_at=now_or(at or fields.pop("received_at", None)),
        **{k: v for k, v in fields.items() if k != "received_at"},
    )
    emit("complaint_received", actor=actor, complaint=complaint.pk)
    return complaint


def _lock(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


@transaction.atomic
def accept_complaint(*, actor, complaint: Complaint, at=None) -> Complaint:
    c = _lock(complaint)
    require(roles.can_decide_complaints(actor, c))
    c.status = check_transition(COMPLAINT_TRANSITIONS, "accept", c.status)
    c.accepted_at = _after(now_or(at), c.received_at)
    save(c, actor=actor, reason="Thụ lý đơn khiếu nại")
    return c


@transaction.atomic
def decline_complaint(*, actor, complaint: Complaint, reason: str, at=None) -> Complaint:
    c = _lock(complaint)
    require(roles.can_decide_complaints(actor, c))
    c.status = check_transition(COMPLAINT_TRANSITIONS, "decline", c.status)
    c.decision_text = require_text(reason, "Ghi lý do không thụ lý.", "reason")
    c.declined_at = _after(now_or(at), c.received_at)
    save(c, actor=actor, reason="Không thụ lý đơn khiếu nại")
    return c


@transaction.atomic
def decide_complaint(*, actor, complaint: Complaint, result: str, text: str, at=None) -> Complaint:
    c = _lock(complaint)
    require(roles.can_decide_complaints(actor, c))
    c.status = check_transition(COMPLAINT_TRANSITIONS, "decide", c.status)
    if result not in Complaint.Result.values:
        raise BusinessRuleError("Chọn kết quả giải quyết.", field="result")
    c.result = result
    c.decision_text = require_text(text, "Ghi nội dung quyết định giải quyết.", "text")
    c.decided_at = _after(now_or(at), c.accepted_at)
    c.decided_by = actor
    save(c, actor=actor, reason=f"Giải quyết khiếu nại: {Complaint.Result(result).label}")
    return c


@transaction.atomic
def record_appeal(*, actor, complaint: Complaint, at=None) -> Complaint:
    """The complainant disagrees (or got no answer) and complains to the Sở Tư pháp."""
    c = _lock(complaint)
    require(roles.can_handle_complaints(actor) and c.centre_id == actor.centre_id)
    c.status = check_transition(COMPLAINT_TRANSITIONS, "appeal", c.status)
    c.appealed_at = _after(now_or(at), c.received_at)
    save(c, actor=actor, reason="Khiếu nại lên Giám đốc Sở Tư pháp")
    return c


@transaction.atomic
def record_appeal_decision(
    *, actor, complaint: Complaint, result: str, text: str, at=None
) -> Complaint:
    c = _lock(complaint)
    require(roles.can_handle_complaints(actor) and c.centre_id == actor.centre_id)
    c.status = check_transition(COMPLAINT_TRANSITIONS, "close", c.status)
    if result not in Complaint.Result.values:
        raise BusinessRuleError("Chọn kết quả giải quyết của Sở.", field="result")
    c.appeal_result = result
    c.appeal_text = require_text(text, "Ghi nội dung quyết định của Sở Tư pháp.", "text")
    c.appeal_decided_at = _after(now_or(at), c.appealed_at)
    save(c, actor=actor, reason="Quyết định giải quyết khiếu nại của Sở Tư pháp")
    return c


def _after(moment, earlier):
    if earlier is not None and moment < earlier:
        raise BusinessRuleError("Thời điểm không thể trước bước trước đó.", field="at")
    return moment
