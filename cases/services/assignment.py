"""Appointing and replacing the performer: proposed by staff, decided by the department head."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from cases.documents import APPOINTMENT
from cases.due import refresh_case_dues
from cases.models import Assignment, Case, PerformerChangeRequest
from cases.rules import performers as rules
from cases.states import (
    ASSIGNMENT_TRANSITIONS,
    CASE_TRANSITIONS,
    CHANGE_REQUEST_TRANSITIONS,
    WORKING,
    AssignmentStatus,
    ChangeRequestStatus,
)
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.history import display_moment
from tgpl.kernel import check_transition, emit, local_date, now_or, require, require_text, save
from tgpl.search import normalize

from .conflicts import assignment_clearance, clearance_summary
from .numbering import number_now
from .workload import track_open_work, working_performer


def _lock_case(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("department", "request")
        .get(pk=case.pk)
    )


def _has_conflict(case: Case, performer_user) -> bool:
    """The performer acts for the other side in the same matter (Điều 25.2)."""
    opposing = {normalize(n) for n in case.request.opposing_list()}
    aided = normalize(case.request.full_name)
    others = (
        Case.objects.filter(performer=performer_user)
        .exclude(pk=case.pk)
        .select_related("request")
        .only("request__full_name", "request__opposing_parties")
    )
    for other in others:
        if normalize(other.request.full_name) in opposing:
            return True
        if aided in {normalize(n) for n in other.request.opposing_list()}:
            return True
    return False


def performer_problem(case: Case, performer_user, on) -> str | None:
    """Why this person may not perform this case on this date (None if they may)."""
    profile = getattr(performer_user, "performer", None)
    if profile is None or profile.centre_id != case.centre_id:
        return "Người này không có trong danh sách người thực hiện TGPL của Trung tâm."
    contracts = tuple(c.term() for c in profile.contracts.all())
    problem = rules.performer_problem(
        kind=profile.kind,
        form=case.form,
        on=on,
        contracts=contracts,
        active=profile.is_active and performer_user.is_active,
    )
    if problem:
        return problem
    if _has_conflict(case, performer_user):
        return rules.CONFLICT_MESSAGE
    return None


@transaction.atomic
def propose_assignment(
    *, actor, case: Case, performer, reason: str = "", at: datetime | None = None
) -> Assignment:
    """Propose a performer (or a replacement for the current one) for the head to decide."""
    case = _lock_case(case)
    require(roles.can_propose_assignment(actor, case))
    replacing = case.status in WORKING
    action = "propose_replacement" if replacing else "propose_assignment"
    new_status = check_transition(CASE_TRANSITIONS, action, case.status)
    if case.assignments.filter(status=AssignmentStatus.PROPOSED).exists():
        raise BusinessRuleError("Vụ việc đã có một đề xuất đang chờ duyệt.")
    if replacing and performer.pk == case.performer_id:
        raise BusinessRuleError(
            "Người được đề xuất đang là người thực hiện vụ việc.", field="performer"
        )
    moment = now_or(at)
    problem = performer_problem(case, performer, local_date(moment))
    if problem:
        raise BusinessRuleError(problem, field="performer")
    if not roles.approvers_of(case, performer.pk, actor.pk):
        raise BusinessRuleError(
            "Không còn ai duyệt được đề xuất này: người đề xuất và người được cử không tự "
            "duyệt, và Trung tâm không có Trưởng phòng hay thành viên Ban Giám đốc nào khác. "
            "Hãy để người khác đề xuất, hoặc cử người khác.",
            field="performer",
        )
    cleared = assignment_clearance(case.request, performer)  # issue 17.5
    kind = Assignment.Kind.REPLACE if replacing else Assignment.Kind.APPOINT
    assignment = Assignment(
        case=case,
        kind=kind,
        performer=performer,
        reason=reason.strip(),
        proposed_by=actor,
        proposed_at=moment,
        conflict_check=cleared,
    )
    save(
        assignment,
        actor=actor,
        reason=f"{kind.label}: đề xuất {performer.full_name}; {clearance_summary(cleared)}",
    )
    if new_status != case.status:
        case.status = new_status
        save(case, actor=actor, reason=f"Đề xuất cử {performer.full_name}, chờ duyệt")
    emit("assignment_proposed", actor=actor, assignment=assignment.pk)
    return assignment


def _lock_pending(assignment: Assignment) -> tuple[Assignment, Case]:
    locked = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("decided_by", "performer")
        .get(pk=assignment.pk)
    )
    if locked.status != AssignmentStatus.PROPOSED:
        who = locked.decided_by.full_name if locked.decided_by else "người khác"
        when = f" lúc {display_moment(locked.decided_at)}" if locked.decided_at else ""
        raise BusinessRuleError(
            f"Đề xuất này đã được quyết định ({locked.get_status_display().lower()}) "
            f"bởi {who}{when}."
        )
    return locked, _lock_case(locked.case)


def _require_decider(actor, assignment: Assignment, case: Case, verb: str) -> None:
    """The proposal's decider (roles.can_decide_assignment): never the one who proposed
    it, never the person it appoints; a head's own appointment, and her own proposal, go
    to the leadership."""
    if assignment.proposed_by_id == actor.pk:
        raise BusinessRuleError(f"Người đề xuất không được tự {verb} đề xuất của mình.")
    if assignment.performer_id == actor.pk:
        raise BusinessRuleError(
            "Không ai tự quyết định việc cử chính mình: đề xuất cử Trưởng phòng làm người "
            "thực hiện do Giám đốc hoặc Phó Giám đốc quyết định."
        )
    require(
        roles.can_decide_assignment(actor, assignment),
        f"Chỉ Trưởng phòng, Trưởng Chi nhánh thụ lý vụ việc (Ban Giám đốc khi đề xuất cử "
        f"chính Trưởng phòng hoặc do Trưởng phòng đề xuất) được {verb} đề xuất này.",
    )


@transaction.atomic
def approve_assignment(
    *, actor, assignment: Assignment, note: str = "", at: datetime | None = None
) -> Assignment:
    """The head of the owning department approves (the leadership when the head is the
    one appointed); never the proposer."""
    assignment, case = _lock_pending(assignment)
    _require_decider(actor, assignment, case, "duyệt")
    replacing = assignment.kind == Assignment.Kind.REPLACE
    action = "approve_replacement" if replacing else "approve_assignment"
    new_status = check_transition(CASE_TRANSITIONS, action, case.status)
    moment = now_or(at)
    problem = performer_problem(case, assignment.performer, local_date(moment))
    if problem:
        raise BusinessRuleError(problem)
    cleared = assignment_clearance(case.request, assignment.performer)  # issue 17.5
    assignment.status = check_transition(ASSIGNMENT_TRANSITIONS, "approve", assignment.status)
    assignment.decided_by, assignment.decided_at, assignment.decision_note = actor, moment, note
    assignment.conflict_check = cleared
    save(assignment, actor=actor, reason=f"Duyệt đề xuất; {clearance_summary(cleared)}")
    for previous in (
        case.assignments.select_for_update(of=("self",))
        .filter(status=AssignmentStatus.APPROVED)
        .exclude(pk=assignment.pk)
    ):
        previous.status = check_transition(ASSIGNMENT_TRANSITIONS, "supersede", previous.status)
        save(previous, actor=actor, reason="Được thay thế bởi người thực hiện mới")
    was = working_performer(case)
    case.performer = assignment.performer
    case.appointed_at = case.appointed_at or moment
    case.status = new_status
    verb = "Thay thế" if replacing else "Cử"
    save(case, actor=actor, reason=f"{verb} người thực hiện: {assignment.performer.full_name}")
    track_open_work(case, was=was)
    refresh_case_dues([case.pk])
    number_now(APPOINTMENT, assignment, actor=actor, on=local_date(moment))
    emit(
        "assignment_approved",
        actor=actor,
        assignment=assignment.pk,
        performer=assignment.performer_id,
    )
    return assignment


@transaction.atomic
def return_assignment(
    *, actor, assignment: Assignment, note: str, at: datetime | None = None
) -> Assignment:
    """The head returns the proposal with a reason; staff propose again."""
    assignment, case = _lock_pending(assignment)
    _require_decider(actor, assignment, case, "trả lại")
    note = require_text(note, "Ghi lý do trả lại đề xuất.", "note")
    replacing = assignment.kind == Assignment.Kind.REPLACE
    action = "return_replacement" if replacing else "return_assignment"
    new_status = check_transition(CASE_TRANSITIONS, action, case.status)
    assignment.status = check_transition(ASSIGNMENT_TRANSITIONS, "return", assignment.status)
    assignment.decided_by, assignment.decided_at, assignment.decision_note = actor, now_or(at), note
    save(assignment, actor=actor, reason=f"Trả lại đề xuất: {note}")
    if new_status != case.status:
        case.status = new_status
        save(case, actor=actor, reason="Đề xuất cử người bị trả lại")
    emit("assignment_returned", actor=actor, assignment=assignment.pk)
    return assignment


@transaction.atomic
def request_performer_change(
    *, actor, case: Case, reason: str, at: datetime | None = None
) -> PerformerChangeRequest:
    """Record a request to change performer (Mẫu 04); answer due in 03 working days."""
    case = _lock_case(case)
    require(roles.can_record_performer_change(actor, case))
    check_transition(CASE_TRANSITIONS, "request_performer_change", case.status)
    if case.change_requests.filter(status=ChangeRequestStatus.PENDING).exists():
        raise BusinessRuleError("Đã có một đề nghị thay đổi người thực hiện đang chờ trả lời.")
    reason = require_text(reason, "Ghi lý do đề nghị thay đổi người thực hiện.", "reason")
    change = PerformerChangeRequest(
        case=case, requested_at=now_or(at), reason=reason, recorded_by=actor
    )
    save(change, actor=actor, reason="Nhận đơn đề nghị thay đổi người thực hiện")
    refresh_case_dues([case.pk])
    emit("performer_change_requested", actor=actor, change=change.pk)
    return change


@transaction.atomic
def answer_performer_change(
    *, actor, change: PerformerChangeRequest, accept: bool, answer: str, at: datetime | None = None
) -> PerformerChangeRequest:
    """Answer in writing; when accepted, a replacement is then proposed and approved."""
    change = PerformerChangeRequest.objects.select_for_update(of=("self",)).get(pk=change.pk)
    if change.status != ChangeRequestStatus.PENDING:
        raise BusinessRuleError("Đề nghị này đã được trả lời.")
    case = _lock_case(change.case)
    require(roles.can_answer_performer_change(actor, case))
    change.status = check_transition(
        CHANGE_REQUEST_TRANSITIONS,
        "accept" if accept else "reject",
        change.status,
    )
    change.answer = require_text(answer, "Ghi nội dung trả lời bằng văn bản.", "answer")
    change.answered_at, change.answered_by = now_or(at), actor
    save(
        change,
        actor=actor,
        reason=f"Trả lời đề nghị thay đổi người thực hiện: {change.get_status_display()}",
    )
    refresh_case_dues([case.pk])
    emit("performer_change_answered", actor=actor, change=change.pk)
    return change
