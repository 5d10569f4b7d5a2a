"""Working the case: start, log, file, extend advice, close, discontinue."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction

from cases.documents import DISCONTINUATION
from cases.due import refresh_case_dues
from cases.models import Case, CaseLogEntry
from cases.rules.checklist import checklist_for
from cases.rules.limits import ADVICE_DEFAULT_DAYS, ADVICE_MAX_DAYS
from cases.states import (
    CASE_TRANSITIONS,
    DiscontinueGround,
    Form,
    Outcome,
    Stage,
)
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, emit, local_date, now_or, require, require_text, save

from .numbering import number_now
from .workload import track_open_work, working_performer


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update(of=("self",)).select_related("department").get(pk=case.pk)


@transaction.atomic
def start_case(*, actor, case: Case, at: datetime | None = None) -> Case:
    case = _lock(case)
    require(roles.can_work_case(actor, case), "Chỉ người thực hiện vụ việc được bắt đầu thực hiện.")
    case.status = check_transition(CASE_TRANSITIONS, "start", case.status)
    case.started_at = now_or(at)
    save(case, actor=actor, reason="Bắt đầu thực hiện")
    return case


@transaction.atomic
def add_log_entry(
    *,
    actor,
    case: Case,
    on: date,
    stage: str,
    note: str,
    agency_name: str = "",
    attachment=None,
) -> CaseLogEntry:
    case = _lock(case)
    require(roles.can_work_case(actor, case), "Chỉ người thực hiện vụ việc được ghi nhật ký.")
    check_transition(CASE_TRANSITIONS, "log_work", case.status)
    if stage not in Stage.values:
        raise BusinessRuleError("Chọn giai đoạn.", field="stage")
    if on < local_date(case.accepted_at) or on > local_date(now_or(None)):
        raise BusinessRuleError("Ngày ghi nhật ký phải từ ngày thụ lý đến hôm nay.", field="on")
    entry = CaseLogEntry(
        case=case,
        on=on,
        stage=stage,
        agency_name=agency_name.strip(),
        note=require_text(note, "Ghi nội dung công việc.", "note"),
        created_by=actor,
    )
    if attachment is not None:
        entry.attachment = attachment
    save(entry, actor=actor, reason="Ghi nhật ký thực hiện")
    return entry


@transaction.atomic
def extend_advice(*, actor, case: Case, days: int) -> Case:
    """Complex advice: up to 30 days in total (Điều 32.2)."""
    case = _lock(case)
    require(roles.can_work_case(actor, case) or roles.can_discontinue_case(actor, case))
    check_transition(CASE_TRANSITIONS, "extend_advice", case.status)
    if case.form != Form.ADVICE:
        raise BusinessRuleError("Chỉ vụ việc tư vấn pháp luật mới gia hạn trả lời.")
    if not ADVICE_DEFAULT_DAYS < days <= ADVICE_MAX_DAYS:
        raise BusinessRuleError("Thời hạn trả lời tư vấn tối đa 30 ngày (Điều 32.2).", field="days")
    case.advice_days = days
    save(case, actor=actor, reason=f"Gia hạn trả lời tư vấn: {days} ngày")
    refresh_case_dues([case.pk])
    return case


@transaction.atomic
def update_case_file(*, actor, case: Case, items, handed_in_on: date | None = None) -> Case:
    """Tick the case file contents (Điều 38) and record its hand-in (Điều 39)."""
    case = _lock(case)
    require(
        roles.can_work_case(actor, case) or roles.can_discontinue_case(actor, case),
        "Chỉ người thực hiện hoặc Trưởng phòng được cập nhật hồ sơ vụ việc.",
    )
    check_transition(CASE_TRANSITIONS, "update_file", case.status)
    allowed = [code for code, _ in checklist_for(case.form)]
    items = [code for code in allowed if code in set(items)]
    if handed_in_on is not None:
        if case.ended_at is None:
            raise BusinessRuleError(
                "Chỉ nộp hồ sơ lưu trữ sau khi vụ việc kết thúc.", field="handed_in_on"
            )
        if handed_in_on < local_date(case.ended_at):
            raise BusinessRuleError(
                "Ngày nộp hồ sơ không thể trước ngày kết thúc.", field="handed_in_on"
            )
    case.file_items = items
    case.file_handed_in_on = handed_in_on
    save(case, actor=actor, reason="Cập nhật thành phần hồ sơ vụ việc")
    refresh_case_dues([case.pk])  # the hand-in closes the Điều 39 limit
    return case


@transaction.atomic
def close_case(
    *, actor, case: Case, outcome: str, outcome_note: str, at: datetime | None = None
) -> Case:
    """Kết thúc vụ việc (TT 12/2018 Điều 10): the request performed, or suspended by law."""
    case = _lock(case)
    was = working_performer(case)
    require(roles.can_work_case(actor, case), "Chỉ người thực hiện vụ việc được kết thúc vụ việc.")
    case.status = check_transition(CASE_TRANSITIONS, "close", case.status)
    if outcome not in Outcome.values:
        raise BusinessRuleError("Chọn kết quả vụ việc.", field="outcome")
    case.outcome = outcome
    case.outcome_note = require_text(outcome_note, "Ghi kết quả thực hiện.", "outcome_note")
    case.ended_at = now_or(at)
    save(case, actor=actor, reason=f"Kết thúc vụ việc: {Outcome(outcome).label}")
    track_open_work(case, was=was)
    refresh_case_dues([case.pk])
    emit("case_closed", actor=actor, case=case.pk)
    return case


@transaction.atomic
def discontinue_case(
    *, actor, case: Case, ground: str, notice_text: str, at: datetime | None = None
) -> Case:
    """Không tiếp tục thực hiện (Điều 37; TT 12/2018 Điều 6.2) with a written notice."""
    case = _lock(case)
    was = working_performer(case)
    require(
        roles.can_discontinue_case(actor, case),
        "Chỉ Lãnh đạo Trung tâm hoặc Trưởng phòng thụ lý được quyết định không tiếp tục thực hiện.",
    )
    case.status = check_transition(CASE_TRANSITIONS, "discontinue", case.status)
    if ground not in DiscontinueGround.values:
        raise BusinessRuleError("Chọn căn cứ không tiếp tục thực hiện (Điều 37).", field="ground")
    moment = now_or(at)
    if ground == DiscontinueGround.NO_PROOF and not (
        case.proof_due_at and not case.proof_supplied_at and moment > case.proof_due_at
    ):
        raise BusinessRuleError(
            "Chỉ dừng vì thiếu giấy tờ khi đã quá hạn bổ sung mà chưa bổ sung.", field="ground"
        )
    case.discontinue_ground = ground
    case.notice_text = require_text(
        notice_text,
        "Thông báo không tiếp tục thực hiện phải bằng văn bản, nêu rõ lý do.",
        "notice_text",
    )
    case.ended_at = moment
    save(case, actor=actor, reason=f"Không tiếp tục thực hiện: {DiscontinueGround(ground).label}")
    track_open_work(case, was=was)
    refresh_case_dues([case.pk])
    number_now(DISCONTINUATION, case, actor=actor, on=local_date(moment))
    emit("case_discontinued", actor=actor, case=case.pk)
    return case
