"""Reception and the decision on a request: receive, complete, accept, refuse, transfer."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction

from cases.documents import REFUSAL
from cases.due import refresh_case_dues, refresh_request_case_dues
from cases.eligibility import assess_request, document_names
from cases.models import Case, LegalAidRequest, RequestAttachment
from cases.rules.codes import FORM_ABBREVIATIONS, case_code
from cases.rules.limits import immediate_acceptance_applies, supplement_rule
from cases.states import (
    AUTHORITY_CHANNELS,
    REQUEST_TRANSITIONS,
    ImmediateGround,
    RefusalGround,
)
from tgpl import roles
from tgpl.calendar import work_calendar
from tgpl.errors import BusinessRuleError
from tgpl.kernel import (
    check_transition,
    create,
    emit,
    local_date,
    now_or,
    require,
    require_text,
    save,
    set_related,
)
from tgpl.models import Department
from tgpl.search import search_key
from tgpl.workdays import due_moment

from .numbering import number_now
from .register import next_register_number, register_book
from .request_fields import apply_request_fields, check_category_ages, request_search_key
from .uploads import take_held_uploads


def _lock(req: LegalAidRequest) -> LegalAidRequest:
    return LegalAidRequest.objects.select_for_update(of=("self",)).get(pk=req.pk)


@transaction.atomic
def receive_request(
    *,
    actor,
    fields: dict,
    categories,
    proofs=(),
    attachments=(),
    held_token=None,
    at: datetime | None = None,
) -> LegalAidRequest:
    """Record a request the way it arrived (Điều 28-29); it waits for a decision.

    `held_token`: files the actor attached to an earlier try of the same form
    (services.hold_uploads) are attached too."""
    require(roles.can_receive_requests(actor))
    categories = list(categories)
    if not categories:
        raise BusinessRuleError("Chọn ít nhất một diện người được TGPL.", field="categories")
    fields = dict(fields)
    fields.setdefault("received_at", now_or(at))
    now_or(fields["received_at"])
    req = LegalAidRequest(centre_id=actor.centre_id, received_by=actor)
    apply_request_fields(req, fields, actor)
    check_category_ages(req, categories)
    req.search_key = request_search_key(req)
    save(req, actor=actor, reason="Tiếp nhận yêu cầu")
    set_related(req, "categories", categories, actor=actor, reason="Tiếp nhận yêu cầu")
    set_related(req, "proofs", proofs, actor=actor, reason="Tiếp nhận yêu cầu")
    for title, upload in attachments:
        RequestAttachment.objects.create(request=req, title=title, file=upload, uploaded_by=actor)
    if held_token:
        take_held_uploads(actor=actor, token=held_token, request=req)
    emit("request_received", actor=actor, request=req.pk)
    return req


@transaction.atomic
def update_request(*, actor, request: LegalAidRequest, fields: dict, categories, proofs) -> None:
    req = _lock(request)
    require(roles.can_handle_request(actor, req))
    check_transition(REQUEST_TRANSITIONS, "update", req.status)
    categories = list(categories)
    if not categories:
        raise BusinessRuleError("Chọn ít nhất một diện người được TGPL.", field="categories")
    apply_request_fields(req, fields, actor)
    check_category_ages(req, categories)
    req.search_key = request_search_key(req)
    save(req, actor=actor, reason="Sửa thông tin yêu cầu")
    set_related(req, "categories", categories, actor=actor, reason="Sửa thông tin yêu cầu")
    set_related(req, "proofs", proofs, actor=actor, reason="Sửa thông tin yêu cầu")
    refresh_request_case_dues(req.pk)  # detained, hard area: the case's limits


@transaction.atomic
def request_missing_proof(
    *, actor, request: LegalAidRequest, note: str, at: datetime | None = None
) -> LegalAidRequest:
    """Ask for the missing proof; due in 05 working days (10 in hard areas), TT 12/2018 Điều 6.2."""
    req = _lock(request)
    require(roles.can_handle_request(actor, req))
    req.status = check_transition(REQUEST_TRANSITIONS, "request_missing_proof", req.status)
    moment = now_or(at)
    note = require_text(note, "Ghi rõ giấy tờ cần bổ sung.", "note")
    rule = supplement_rule(req.disadvantaged_area)
    req.proof_requested_at = moment
    req.proof_due_at = due_moment(moment, rule.limit, work_calendar())
    req.proof_note = note
    save(
        req,
        actor=actor,
        reason=f"Yêu cầu bổ sung giấy tờ trong {rule.limit.label} ({rule.article})",
    )
    emit("proof_requested", actor=actor, request=req.pk)
    return req


@transaction.atomic
def record_proof(*, actor, request: LegalAidRequest, proofs, at: datetime | None = None) -> None:
    """Record documents received later; closes a waiting request's or case's proof limit."""
    req = _lock(request)
    moment = now_or(at)
    case = Case.objects.select_for_update(of=("self",)).filter(request=req).first()
    if case is None:
        require(roles.can_handle_request(actor, req))
        req.status = check_transition(REQUEST_TRANSITIONS, "record_proof", req.status)
    else:
        require(roles.can_handle_request(actor, req) or roles.can_work_case(actor, case))
    held = set(req.proofs.values_list("pk", flat=True))
    added = [p for p in proofs if p.pk not in held]
    names = ", ".join(p.name for p in added) or "không có giấy tờ mới"
    reason = f"Nhận giấy tờ bổ sung: {names}"
    save(req, actor=actor, reason=reason)
    if added:
        set_related(req, "proofs", [*held, *(p.pk for p in added)], actor=actor, reason=reason)
    outstanding = case is not None and case.proof_due_at and not case.proof_supplied_at
    if case is not None and outstanding and assess_request(req).proven:
        case.proof_supplied_at = moment
        save(case, actor=actor, reason="Đã bổ sung đủ giấy tờ chứng minh")
        refresh_case_dues([case.pk])


def _check_immediate(req: LegalAidRequest, ground: str, actor, on) -> None:
    calendar = work_calendar()
    if ground == ImmediateGround.LIMITATION:
        if not req.limitation_expires_on or not immediate_acceptance_applies(
            on, req.limitation_expires_on, calendar
        ):
            raise BusinessRuleError(
                "Thụ lý ngay theo điểm a cần ngày hết thời hiệu còn dưới 05 ngày làm việc.",
                field="immediate_ground",
            )
    elif ground == ImmediateGround.TRIAL:
        if not req.trial_on or not immediate_acceptance_applies(on, req.trial_on, calendar):
            raise BusinessRuleError(
                "Thụ lý ngay theo điểm b cần ngày xét xử còn dưới 05 ngày làm việc.",
                field="immediate_ground",
            )
    elif ground == ImmediateGround.AUTHORITY:
        if req.channel not in AUTHORITY_CHANNELS:
            raise BusinessRuleError(
                "Thụ lý ngay theo điểm c chỉ áp dụng cho yêu cầu do cơ quan tiến hành tố tụng "
                "thông báo hoặc chỉ định bào chữa.",
                field="immediate_ground",
            )
    elif ground == ImmediateGround.AVOID_HARM:
        if not (roles.is_leadership(actor) or roles.is_department_head(actor)):
            raise BusinessRuleError(
                "Thụ lý ngay theo điểm d do Lãnh đạo Trung tâm hoặc Trưởng phòng quyết định.",
                field="immediate_ground",
            )
    else:
        raise BusinessRuleError("Căn cứ thụ lý ngay không hợp lệ.", field="immediate_ground")


@transaction.atomic
def accept_request(
    *,
    actor,
    request: LegalAidRequest,
    department: Department,
    immediate_ground: str = "",
    at: datetime | None = None,
) -> Case:
    """Thụ lý: enter the request in the register, give it its serial and case code.

    Normally the person must be in a category in force on the received date with
    all proof; "thụ lý ngay" (TT 12/2018 Điều 6.1) accepts with documents to follow.
    """
    req = _lock(request)
    require(roles.can_handle_request(actor, req))
    req.status = check_transition(REQUEST_TRANSITIONS, "accept", req.status)
    if department.centre_id != req.centre_id or not department.is_active:
        raise BusinessRuleError(
            "Phòng, chi nhánh thụ lý không thuộc Trung tâm.", field="department"
        )
    moment = now_or(at)
    on = local_date(moment)
    check_category_ages(req, list(req.categories.all()))  # a record saved before the check
    assessment = assess_request(req)
    if not assessment.eligible:
        raise BusinessRuleError(
            "Người này không thuộc diện được TGPL theo quy định áp dụng vào ngày tiếp nhận; "
            "hãy từ chối thụ lý (Điều 30.3.a).",
            field="categories",
        )
    proof_due = None
    if immediate_ground:
        _check_immediate(req, immediate_ground, actor, on)
        if not assessment.proven:
            rule = supplement_rule(req.disadvantaged_area)
            proof_due = due_moment(moment, rule.limit, work_calendar())
    elif not assessment.proven:
        missing = "; ".join(assessment.missing_documents(document_names()))
        raise BusinessRuleError(
            f"Chưa đủ giấy tờ chứng minh: {missing}. Yêu cầu bổ sung, hoặc thụ lý ngay nếu "
            "thuộc trường hợp TT 12/2018 Điều 6.1.",
            field="immediate_ground",
        )
    book, prefix = register_book(department)
    serial = next_register_number(centre=req.centre, book=book, year=on.year)
    abbreviations = getattr(settings, "CASES_FORM_ABBREVIATIONS", FORM_ABBREVIATIONS)
    code = case_code(prefix, req.form, serial, on.year, abbreviations)
    reason = f"Thụ lý, vào sổ số {serial:02d}/{on.year}, mã {code}"
    if immediate_ground:
        reason += f" (thụ lý ngay, {ImmediateGround(immediate_ground).label})"
    case = create(
        Case,
        actor=actor,
        reason=reason,
        centre_id=req.centre_id,
        request=req,
        department=department,
        register_book=book,
        register_year=on.year,
        register_number=serial,
        code=code,
        form=req.form,
        accepted_at=moment,
        accepted_by=actor,
        received_by_id=req.received_by_id,
        immediate_ground=immediate_ground,
        proof_due_at=proof_due,
        search_key=search_key(code, req.search_key),
    )
    req.decided_at, req.decided_by, req.immediate_ground = moment, actor, immediate_ground
    req.case_department = department
    req.search_key = request_search_key(req, code)
    save(req, actor=actor, reason=reason)
    refresh_case_dues([case.pk])
    emit("request_accepted", actor=actor, case=case.pk, department=department.pk)
    return case


@transaction.atomic
def refuse_request(
    *, actor, request: LegalAidRequest, ground: str, notice_text: str, at: datetime | None = None
) -> LegalAidRequest:
    """Từ chối thụ lý on one of the four grounds of Điều 30.3, with a written notice (Mẫu 08)."""
    req = _lock(request)
    require(roles.can_handle_request(actor, req))
    req.status = check_transition(REQUEST_TRANSITIONS, "refuse", req.status)
    if ground not in RefusalGround.values:
        raise BusinessRuleError("Chọn một lý do từ chối theo Điều 30.3.", field="ground")
    req.notice_text = require_text(
        notice_text, "Thông báo từ chối phải bằng văn bản, nêu rõ lý do.", "notice_text"
    )
    req.refusal_ground = ground
    req.decided_at, req.decided_by = now_or(at), actor
    save(req, actor=actor, reason=f"Từ chối thụ lý: {RefusalGround(ground).label}")
    number_now(REFUSAL, req, actor=actor, on=local_date(req.decided_at))
    emit("request_refused", actor=actor, request=req.pk)
    return req


@transaction.atomic
def transfer_request(
    *,
    actor,
    request: LegalAidRequest,
    to_centre=None,
    to_name: str = "",
    notice_text: str,
    at: datetime | None = None,
) -> LegalAidRequest:
    """Chuyển yêu cầu to the competent centre (Điều 35, Mẫu 09) and inform the requester."""
    req = _lock(request)
    require(roles.can_handle_request(actor, req))
    req.status = check_transition(REQUEST_TRANSITIONS, "transfer", req.status)
    if to_centre is None and not to_name.strip():
        raise BusinessRuleError("Chọn hoặc ghi tên Trung tâm nhận yêu cầu.", field="to_centre")
    if to_centre is not None and to_centre.pk == req.centre_id:
        raise BusinessRuleError(
            "Không thể chuyển yêu cầu cho chính Trung tâm mình.", field="to_centre"
        )
    req.notice_text = require_text(
        notice_text, "Ghi nội dung thông báo chuyển yêu cầu cho người yêu cầu.", "notice_text"
    )
    req.transferred_to = to_centre
    req.transferred_to_name = to_name.strip() or str(to_centre)
    req.decided_at, req.decided_by = now_or(at), actor
    save(req, actor=actor, reason=f"Chuyển yêu cầu đến {req.transferred_to_name}")
    emit("request_transferred", actor=actor, request=req.pk)
    return req
