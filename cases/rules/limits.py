"""Time limits of legal-aid work, each with its unit and the article that sets it.

The single table of limits (`RULES`) is what the case page shows: each running
limit, its due moment and what happens next. Units: working days (WorkCalendar
with local overrides), calendar days (BLDS Điều 147-148) and hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from tgpl.workdays import DAYS, HOURS, WORKDAYS, Limit, WorkCalendar, due_moment

LITIGATION, ADVICE, REPRESENTATION = "litigation", "advice", "representation"


@dataclass(frozen=True)
class LimitRule:
    key: str
    limit: Limit
    article: str
    label: str
    next_step: str


RULES: dict[str, LimitRule] = {
    r.key: r
    for r in [
        LimitRule(
            "supplement_proof",
            Limit(5, WORKDAYS),
            "TT 12/2018 Điều 6.2",
            "Bổ sung giấy tờ chứng minh diện người được TGPL",
            "Hết hạn mà không bổ sung: không tiếp tục thực hiện, "
            "thông báo bằng văn bản nêu rõ lý do.",
        ),
        LimitRule(
            "supplement_proof_disadvantaged",
            Limit(10, WORKDAYS),
            "TT 12/2018 Điều 6.2",
            "Bổ sung giấy tờ chứng minh (vùng đặc biệt khó khăn, bất khả kháng)",
            "Hết hạn mà không bổ sung: không tiếp tục thực hiện, "
            "thông báo bằng văn bản nêu rõ lý do.",
        ),
        LimitRule(
            "appoint_litigation",
            Limit(3, WORKDAYS),
            "Luật TGPL Điều 31.2",
            "Cử người thực hiện tham gia tố tụng",
            "Trưởng phòng duyệt đề xuất; quyết định cử (Mẫu TP-TGPL-14) gửi người được TGPL "
            "và cơ quan tiến hành tố tụng.",
        ),
        LimitRule(
            "appoint_detained",
            Limit(12, HOURS),
            "Luật TGPL Điều 31.2",
            "Cử người tham gia tố tụng cho người bị bắt, người bị tạm giữ",
            "Cử ngay người thực hiện; báo cơ quan tiến hành tố tụng bằng điện thoại và văn bản.",
        ),
        LimitRule(
            "appoint_representation",
            Limit(3, WORKDAYS),
            "Luật TGPL Điều 33.2",
            "Cử người thực hiện đại diện ngoài tố tụng",
            "Trưởng phòng duyệt đề xuất; quyết định cử (Mẫu 06-TP-TGPL) gửi người được TGPL.",
        ),
        LimitRule(
            "written_advice",
            Limit(10, DAYS),
            "Luật TGPL Điều 32.2",
            "Trả lời tư vấn bằng văn bản",
            "Người thực hiện gửi văn bản tư vấn rồi kết thúc vụ việc; vụ việc phức tạp có thể "
            "gia hạn, tối đa 30 ngày.",
        ),
        LimitRule(
            "change_performer_answer",
            Limit(3, WORKDAYS),
            "TT 12/2018 Điều 9.1",
            "Trả lời đề nghị thay đổi người thực hiện",
            "Trả lời bằng văn bản; nếu chấp nhận, đề xuất người thay thế để Trưởng phòng duyệt.",
        ),
        LimitRule(
            "file_hand_in",
            Limit(30, DAYS),
            "Luật TGPL Điều 39",
            "Nộp hồ sơ vụ việc để lưu trữ",
            "Người thực hiện nộp hồ sơ (tài liệu được thống kê, đánh số theo thứ tự thời gian).",
        ),
        LimitRule(
            "immediate_acceptance",
            Limit(5, WORKDAYS),
            "TT 12/2018 Điều 6.1",
            "Ngưỡng thụ lý ngay (thời hiệu / ngày xét xử còn dưới 05 ngày làm việc)",
            "Thụ lý ngay, giấy tờ bổ sung sau.",
        ),
    ]
}

ADVICE_DEFAULT_DAYS = 10
ADVICE_MAX_DAYS = 30  # Luật TGPL Điều 32.2


def supplement_rule(disadvantaged: bool) -> LimitRule:
    return RULES["supplement_proof_disadvantaged" if disadvantaged else "supplement_proof"]


def appointment_rule(form: str, detained: bool) -> LimitRule | None:
    """Limit to appoint a performer after acceptance; advice needs no decision."""
    if form == LITIGATION:
        return RULES["appoint_detained" if detained else "appoint_litigation"]
    if form == REPRESENTATION:
        return RULES["appoint_representation"]
    return None


def advice_rule(days: int | None = None) -> LimitRule:
    days = days or ADVICE_DEFAULT_DAYS
    if not ADVICE_DEFAULT_DAYS <= days <= ADVICE_MAX_DAYS:
        raise ValueError("advice limit is 10 to 30 days (Điều 32.2)")
    base = RULES["written_advice"]
    return LimitRule(base.key, Limit(days, DAYS), base.article, base.label, base.next_step)


def immediate_acceptance_applies(received_on: date, event_on: date, calendar: WorkCalendar) -> bool:
    """TT 12/2018 Điều 6.1 a-b: limitation expiry or trial < 05 working days away."""
    if event_on < received_on:
        return True
    threshold = RULES["immediate_acceptance"].limit.amount
    return calendar.workdays_between(received_on, event_on) < threshold


# --- the limits running on a case ---------------------------------------------------------


@dataclass(frozen=True)
class CaseFacts:
    form: str
    accepted_at: datetime
    detained: bool = False
    disadvantaged: bool = False
    proof_outstanding_since: datetime | None = None  # accepted with documents to follow
    proof_supplied_at: datetime | None = None
    appointed_at: datetime | None = None
    advice_days: int | None = None
    change_requests: tuple[tuple[datetime, datetime | None], ...] = ()
    ended_at: datetime | None = None
    file_handed_in_at: datetime | None = None


@dataclass(frozen=True)
class RunningLimit:
    rule: LimitRule
    started: datetime
    due: datetime
    done_at: datetime | None
    now: datetime = field(compare=False)

    @property
    def state(self) -> str:
        if self.done_at is not None:
            return "late" if self.done_at > self.due else "done"
        return "overdue" if self.now > self.due else "running"

    @property
    def is_open(self) -> bool:
        return self.done_at is None


def local_start(start: datetime, now: datetime) -> datetime:
    """A limit's start moment in the local time of `now` (Vietnam's: callers pass
    `timezone.localtime()`), so a day-based limit counts from the local date of its start
    and ends 23:59 local, whatever time zone the moment was stored or given in: 00:30 on
    the 18th in Vietnam is 17:30 on the 17th in UTC, and must count from the 18th."""
    if start.tzinfo is None or now.tzinfo is None:
        return start
    return start.astimezone(now.tzinfo)


def case_limits(facts: CaseFacts, calendar: WorkCalendar, now: datetime) -> list[RunningLimit]:
    """Every limit that applies to the case, with its due moment and whether it was met;
    counted in the time zone of `now` (pass local time)."""
    out: list[RunningLimit] = []

    def add(rule: LimitRule, start: datetime, done: datetime | None) -> None:
        start = local_start(start, now)
        due = due_moment(start, rule.limit, calendar)
        out.append(RunningLimit(rule, start, due, done, now))

    if facts.proof_outstanding_since is not None:
        supplied = facts.proof_supplied_at or facts.ended_at
        add(supplement_rule(facts.disadvantaged), facts.proof_outstanding_since, supplied)
    appoint = appointment_rule(facts.form, facts.detained)
    if appoint is not None:
        add(appoint, facts.accepted_at, facts.appointed_at or facts.ended_at)
    if facts.form == ADVICE:
        add(advice_rule(facts.advice_days), facts.accepted_at, facts.ended_at)
    for requested, answered in facts.change_requests:
        # a request still unanswered when the case ended has nothing left to change: its
        # clock stops at the end, met or late, instead of running overdue for ever
        add(RULES["change_performer_answer"], requested, answered or facts.ended_at)
    if facts.ended_at is not None:
        add(RULES["file_hand_in"], facts.ended_at, facts.file_handed_in_at)
    return out


# --- issue 17: which start each clock uses ------------------------------------------------
#
# The appointment limit of a case notified by a procedural body runs from the notice
# (TTLT 10/2018 Điều 3.3), not from the Centre's acceptance; written advice restarts
# when the missing papers arrive (Điều 32.2); force majeure, recorded with its reason,
# extends the proof limit to 10 working days (TT 12/2018 Điều 6.2).

START_ACCEPTANCE = "thời điểm thụ lý"
START_NOTICE = "thời điểm nhận thông báo của cơ quan tiến hành tố tụng"
START_PAPERS = "thời điểm nhận đủ giấy tờ còn thiếu"
START_CHANGE = "thời điểm nhận đơn đề nghị"
START_END = "thời điểm kết thúc vụ việc"

NOTICE_RULES = {
    "immediate": LimitRule(
        "appoint_immediately",
        Limit(0, WORKDAYS),
        "TTLT 10/2018 Điều 3.3; Luật TGPL Điều 31.3",
        "Cử ngay người bào chữa (chỉ định, thụ lý ngay)",
        "Cử ngay người thực hiện; báo cơ quan tiến hành tố tụng.",
    ),
    "held": LimitRule(
        "appoint_detained",
        Limit(12, HOURS),
        "Luật TGPL Điều 31.2; TTLT 10/2018 Điều 3.3",
        "Cử người tham gia tố tụng cho người bị bắt, người bị tạm giữ",
        "Cử ngay người thực hiện; báo cơ quan tiến hành tố tụng bằng điện thoại và văn bản.",
    ),
    "notice": LimitRule(
        "appoint_litigation",
        Limit(3, WORKDAYS),
        "TTLT 10/2018 Điều 3.3",
        "Cử người thực hiện sau thông báo của cơ quan tiến hành tố tụng",
        "Trưởng phòng duyệt đề xuất; quyết định cử gửi người được TGPL "
        "và cơ quan tiến hành tố tụng.",
    ),
}


@dataclass(frozen=True)
class ClockStarts:
    notified_at: datetime | None = None  # the notice minute (Mẫu 03/04)
    immediate: bool = False  # mandatory defence: assign at once
    papers_arrived_at: datetime | None = None  # the last missing papers of an advice case
    force_majeure: bool = False  # recorded with its reason


@dataclass(frozen=True)
class StartedLimit(RunningLimit):
    start_label: str = START_ACCEPTANCE


def notice_appointment_rule(detained: bool, immediate: bool) -> LimitRule:
    return NOTICE_RULES["immediate" if immediate else "held" if detained else "notice"]


_STARTS = {
    "change_performer_answer": START_CHANGE,
    "file_hand_in": START_END,
}


def case_limits_with_starts(
    facts: CaseFacts, starts: ClockStarts, calendar: WorkCalendar, now: datetime
) -> list[StartedLimit]:
    """`case_limits` with the right start of each clock, and the start it uses."""
    if starts.force_majeure:
        facts = replace(facts, disadvantaged=True)
    out: list[StartedLimit] = []
    for lim in case_limits(facts, calendar, now):
        rule, start, label = lim.rule, lim.started, _STARTS.get(lim.rule.key, START_ACCEPTANCE)
        if rule.key in APPOINTMENT_KEYS and starts.notified_at is not None:
            if facts.form == LITIGATION:
                rule = notice_appointment_rule(facts.detained, starts.immediate)
            start, label = starts.notified_at, START_NOTICE
        elif rule.key == "written_advice" and (starts.papers_arrived_at or start) > start:
            start, label = starts.papers_arrived_at or start, START_PAPERS
        due = due_moment(start, rule.limit, calendar)
        out.append(StartedLimit(rule, start, due, lim.done_at, now, start_label=label))
    return out


APPOINTMENT_KEYS = frozenset({"appoint_litigation", "appoint_detained", "appoint_representation"})
