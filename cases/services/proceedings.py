"""Coordination in proceedings (TTLT 10/2018): record a notice to the minute, link it to
the request it becomes, register the performer and record a refusal or cancellation (which
starts the replacement clock), answer the body; and the events that restart (papers
arrived, Điều 32.2) or extend (force majeure, TT 12/2018 Điều 6.2) a case's limits."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from cases.due import refresh_case_dues, refresh_request_case_dues
from cases.models import Case, DefenceRegistration, LegalAidRequest, LimitEvent, ProceduralNotice
from cases.rules.limits import supplement_rule
from cases.states import AUTHORITY_CHANNELS, Channel, Form
from tgpl import roles
from tgpl.calendar import work_calendar
from tgpl.errors import BusinessRuleError
from tgpl.kernel import create, emit, local_date, now_or, require, require_text, save
from tgpl.models import Agency
from tgpl.search import search_key
from tgpl.workdays import due_moment

from .register import next_register_number

NOTICE_BOOK = "TTLT10"  # the register of notices (Mẫu 05) keeps its own yearly serial
PROCEDURAL_KINDS = {Agency.Kind.COURT, Agency.Kind.PROCURACY, Agency.Kind.POLICE,
                    Agency.Kind.DETENTION}  # fmt: skip


def to_minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


@transaction.atomic
def record_notice(*, actor, fields: dict) -> ProceduralNotice:
    """The duty officer records a Mẫu 03 / Mẫu 04 the minute it arrived; the Centre's
    clock starts from that minute (TTLT 10/2018 Điều 3.3)."""
    require(roles.can_record_notices(actor))
    fields = dict(fields)
    agency = fields.get("agency")
    if agency is None or agency.kind not in PROCEDURAL_KINDS:
        raise BusinessRuleError(
            "Chọn cơ quan tiến hành tố tụng hoặc cơ sở giam giữ đã gửi.", field="agency"
        )
    received = to_minute(now_or(fields.get("received_at")))
    asked = fields.get("person_requested_at")
    if asked is not None:
        asked = to_minute(now_or(asked))
        if asked > received:
            raise BusinessRuleError(
                "Thời điểm người đó yêu cầu TGPL không thể sau thời điểm Trung tâm nhận.",
                field="person_requested_at",
            )
    if fields.get("kind") == ProceduralNotice.Kind.INFORMATION and fields.get("mandatory_defence"):
        raise BusinessRuleError(
            "Chỉ định người bào chữa được gửi bằng Thông báo (Mẫu 03), không phải Thông tin.",
            field="mandatory_defence",
        )
    for name, message in (
        ("officer_name", "Ghi họ tên người tiến hành tố tụng đã gửi."),
        ("person_name", "Ghi họ tên người được TGPL."),
        ("agency_case_number", "Ghi số vụ án, vụ việc tại cơ quan tiến hành tố tụng."),
    ):
        fields[name] = require_text(fields.get(name, ""), message, name)
    year = local_date(received).year
    notice = create(
        ProceduralNotice,
        actor=actor,
        reason=f"Ghi nhận {ProceduralNotice.Kind(fields['kind']).label}",
        centre_id=actor.centre_id,
        register_year=year,
        register_number=next_register_number(centre=actor.centre, book=NOTICE_BOOK, year=year),
        received_at=received,
        person_requested_at=asked,
        recorded_by=actor,
        search_key=search_key(fields["person_name"], fields["agency_case_number"]),
        **{k: v for k, v in fields.items() if k not in {"received_at", "person_requested_at"}},
    )
    emit("notice_recorded", actor=actor, notice=notice.pk)
    return notice


def _lock_notice(notice: ProceduralNotice) -> ProceduralNotice:
    return ProceduralNotice.objects.select_for_update().get(pk=notice.pk)


@transaction.atomic
def link_notice(*, actor, notice: ProceduralNotice, request: LegalAidRequest) -> ProceduralNotice:
    """The request recorded from this notice: its notice minute and agency are the
    notice's, so every limit counted from the notice uses the same minute."""
    notice = _lock_notice(notice)
    require(roles.can_record_notices(actor) and notice.centre_id == actor.centre_id)
    req = LegalAidRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    if req.centre_id != notice.centre_id:
        raise BusinessRuleError("Yêu cầu thuộc Trung tâm khác.", field="request")
    if notice.request_id and notice.request_id != req.pk:
        raise BusinessRuleError("Thông báo này đã gắn với một yêu cầu khác.")
    notice.request = req
    save(notice, actor=actor, reason=f"Gắn với yêu cầu #{req.pk}")
    req.notifying_agency = notice.agency
    req.notified_at = notice.received_at
    if req.channel not in AUTHORITY_CHANNELS:
        req.channel = (
            Channel.AUTHORITY_NOTICE
            if notice.kind == ProceduralNotice.Kind.NOTICE
            else Channel.AUTHORITY_INFO
        )
    if notice.person_status in ("arrested", "detained"):
        req.detained = True
    save(req, actor=actor, reason=f"Thông báo của cơ quan tiến hành tố tụng: {notice}")
    refresh_request_case_dues(req.pk)  # the appointment limit runs from the notice
    return notice


@transaction.atomic
def answer_notice(*, actor, notice: ProceduralNotice, answer: str, at=None) -> ProceduralNotice:
    """The reply to the procedural body (e.g. the person is not eligible, or who was
    appointed), kept with the notice."""
    notice = _lock_notice(notice)
    require(roles.can_record_notices(actor) and notice.centre_id == actor.centre_id)
    notice.answer = require_text(answer, "Ghi nội dung trả lời cơ quan.", "answer")
    notice.answered_at = now_or(at)
    save(notice, actor=actor, reason="Trả lời cơ quan tiến hành tố tụng")
    return notice


# --- registration of the performer with the procedural body ------------------------------


@transaction.atomic
def record_registration(
    *, actor, case: Case, kind: str, agency: Agency, submitted_at=None, notice=None
) -> DefenceRegistration:
    require(roles.can_record_notices(actor) or roles.can_work_case(actor, case))
    require(case.centre_id == actor.centre_id)
    if case.form != Form.LITIGATION:
        raise BusinessRuleError("Chỉ vụ việc tham gia tố tụng mới đăng ký bào chữa, bảo vệ.")
    if case.performer_id is None:
        raise BusinessRuleError("Vụ việc chưa có người thực hiện để đăng ký.")
    if kind not in DefenceRegistration.Kind.values:
        raise BusinessRuleError("Chọn loại đăng ký.", field="kind")
    return create(
        DefenceRegistration,
        actor=actor,
        reason="Nộp hồ sơ đăng ký với cơ quan tiến hành tố tụng",
        case=case,
        notice=notice,
        kind=kind,
        agency=agency,
        performer_id=case.performer_id,
        submitted_at=to_minute(now_or(submitted_at)),
        recorded_by=actor,
    )


@transaction.atomic
def record_registration_outcome(
    *, actor, registration: DefenceRegistration, outcome: str, reason: str = "", at=None
) -> DefenceRegistration:
    """Registered, refused or cancelled. A refusal or cancellation must come in writing
    with its reasons, and starts the replacement clock (TTLT 10/2018 Điều 3.4)."""
    reg = (
        DefenceRegistration.objects.select_for_update()
        .select_related("case")
        .get(pk=registration.pk)
    )
    require(roles.can_record_notices(actor) or roles.can_work_case(actor, reg.case))
    require(reg.case.centre_id == actor.centre_id)
    Outcome = DefenceRegistration.Outcome
    if outcome not in (Outcome.REGISTERED, Outcome.REFUSED, Outcome.CANCELLED):
        raise BusinessRuleError("Chọn kết quả đăng ký.", field="outcome")
    if outcome == Outcome.CANCELLED:
        if reg.outcome != Outcome.REGISTERED:
            raise BusinessRuleError("Chỉ hủy bỏ được một đăng ký đã được chấp nhận.")
    elif reg.outcome:
        raise BusinessRuleError("Đăng ký này đã có kết quả.")
    moment = to_minute(now_or(at))
    if moment < reg.submitted_at:
        raise BusinessRuleError("Thời điểm nhận kết quả không thể trước khi nộp.", field="at")
    if outcome != Outcome.REGISTERED:
        reg.outcome_reason = require_text(
            reason, "Ghi lý do cơ quan nêu trong văn bản từ chối, hủy bỏ.", "reason"
        )
    reg.outcome, reg.outcome_at = outcome, moment
    if outcome == Outcome.REGISTERED:
        reg.registered_at = moment
    save(reg, actor=actor, reason=Outcome(outcome).label)
    if outcome != Outcome.REGISTERED:
        emit("registration_refused", actor=actor, case=reg.case_id, registration=reg.pk)
    return reg


# --- events that restart or extend a case's limits --------------------------------------


def _lock_case(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("request").get(pk=case.pk)


@transaction.atomic
def record_papers_arrived(*, actor, case: Case, note: str, at=None) -> LimitEvent:
    """The missing papers of an advice case arrived: the 10 days restart (Điều 32.2)."""
    case = _lock_case(case)
    require(roles.can_record_case_limit_event(actor, case))
    if case.form != Form.ADVICE:
        raise BusinessRuleError("Chỉ thời hạn trả lời tư vấn tính lại khi nhận đủ giấy tờ.")
    if not case.is_open:
        raise BusinessRuleError("Vụ việc đã kết thúc.")
    moment = now_or(at)
    if moment < case.accepted_at:
        raise BusinessRuleError("Thời điểm nhận giấy tờ không thể trước khi thụ lý.", field="at")
    note = require_text(note, "Ghi giấy tờ đã nhận.", "note")
    event = _event(actor, case, LimitEvent.Kind.PAPERS_ARRIVED, moment, note)
    refresh_case_dues([case.pk])  # written advice restarts (Điều 32.2)
    return event


@transaction.atomic
def record_force_majeure(*, actor, case: Case, note: str, at=None) -> LimitEvent:
    """Force majeure, recorded with its reason, extends the limit to supply the proof of
    eligibility to 10 working days from acceptance (TT 12/2018 Điều 6.2)."""
    case = _lock_case(case)
    require(roles.can_record_case_limit_event(actor, case))
    if case.proof_due_at is None or case.proof_supplied_at is not None:
        raise BusinessRuleError("Vụ việc không còn chờ bổ sung giấy tờ chứng minh.")
    if not case.is_open:
        raise BusinessRuleError("Vụ việc đã kết thúc.")
    if case.limit_events.filter(kind=LimitEvent.Kind.FORCE_MAJEURE).exists():
        raise BusinessRuleError("Sự kiện bất khả kháng của vụ việc này đã được ghi nhận.")
    note = require_text(note, "Ghi rõ sự kiện bất khả kháng.", "note")
    event = _event(actor, case, LimitEvent.Kind.FORCE_MAJEURE, now_or(at), note)
    rule = supplement_rule(True)
    case.proof_due_at = due_moment(
        timezone.localtime(case.accepted_at), rule.limit, work_calendar()
    )
    save(case, actor=actor, reason=f"Bất khả kháng: hạn bổ sung giấy tờ {rule.limit.label}")
    refresh_case_dues([case.pk])
    return event


def _event(actor, case, kind, moment, note) -> LimitEvent:
    return create(
        LimitEvent,
        actor=actor,
        reason=LimitEvent.Kind(kind).label,
        case=case,
        kind=kind,
        at=moment,
        note=note,
        recorded_by=actor,
    )
