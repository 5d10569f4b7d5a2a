"""The clocks of TTLT 10/2018 (coordination in proceedings), counted from the notice.

Pure Python, no Django. A notice (Mẫu 03) or information (Mẫu 04) from a procedural
body starts the Centre's clock at the minute it was received, not at the Centre's
acceptance (TTLT 10/2018 Điều 3.3); a refused or cancelled defence registration starts
the replacement clock (Điều 3.4). The bodies' own limits (to notify the Centre, to
register a defender) are shown too, so a late notice is visible.

"Ngay" (immediately) has no length in the text; it is read as "within the day the
notice arrived" (a limit of 00 working days: the end of that day), which makes a
notice at 23:50 due at 23:59 and never silently "on time" the next morning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tgpl.workdays import HOURS, WORKDAYS, Limit, WorkCalendar, due_moment

# kinds of what a procedural body sends
NOTICE, INFORMATION = "notice", "information"  # Mẫu 03 / Mẫu 04
# the person's procedural status
ARRESTED, DETAINED = "arrested", "detained"
ACCUSED, DEFENDANT, VICTIM, PARTY = "accused", "defendant", "victim", "party"
HELD = frozenset({ARRESTED, DETAINED})
# registration kinds and outcomes
DEFENCE, PROTECTION = "defence", "protection"
REFUSED, CANCELLED = "refused", "cancelled"


@dataclass(frozen=True)
class Clock:
    key: str
    limit: Limit
    article: str
    label: str
    starts_at: str  # which moment starts it, in Vietnamese
    on_centre: bool = True  # False: a limit of the procedural body, shown for the record


CLOCKS: dict[str, Clock] = {
    c.key: c
    for c in [
        Clock(
            "appoint_immediately",
            Limit(0, WORKDAYS),
            "TTLT 10/2018 Điều 3.3; Luật TGPL Điều 31.3",
            "Cử ngay người bào chữa (chỉ định, thụ lý ngay)",
            "thời điểm nhận thông báo",
        ),
        Clock(
            "appoint_held",
            Limit(12, HOURS),
            "Luật TGPL Điều 31.2; TTLT 10/2018 Điều 3.3",
            "Cử người tham gia tố tụng cho người bị bắt, người bị tạm giữ",
            "thời điểm nhận thông báo",
        ),
        Clock(
            "appoint_after_notice",
            Limit(3, WORKDAYS),
            "TTLT 10/2018 Điều 3.3",
            "Cử người thực hiện sau thông báo của cơ quan tiến hành tố tụng",
            "thời điểm nhận thông báo",
        ),
        Clock(
            "answer_information",
            Limit(3, WORKDAYS),
            "TTLT 10/2018 Điều 3.3 (thông tin, áp dụng thời hạn của thông báo)",
            "Kiểm tra diện, cử người hoặc trả lời cơ quan đã gửi thông tin",
            "thời điểm nhận thông tin",
        ),
        Clock(
            "agency_notify_held",
            Limit(12, HOURS),
            "Luật TGPL Điều 31.3",
            "Cơ quan tiến hành tố tụng thông báo cho Trung tâm (người bị bắt, tạm giữ)",
            "thời điểm người đó yêu cầu TGPL",
            on_centre=False,
        ),
        Clock(
            "agency_notify",
            Limit(24, HOURS),
            "Luật TGPL Điều 31.3",
            "Cơ quan tiến hành tố tụng thông báo cho Trung tâm (bị can, bị cáo, bị hại)",
            "thời điểm người đó yêu cầu TGPL",
            on_centre=False,
        ),
        Clock(
            "register_defence",
            Limit(24, HOURS),
            "TTLT 10/2018 Điều 4 (tố tụng hình sự)",
            "Cơ quan tiến hành tố tụng đăng ký bào chữa",
            "thời điểm nộp đủ giấy tờ đăng ký",
            on_centre=False,
        ),
        Clock(
            "register_protection",
            Limit(3, WORKDAYS),
            "TTLT 10/2018 Điều 4 (tố tụng dân sự, hành chính)",
            "Tòa án đăng ký người bảo vệ quyền lợi của đương sự",
            "thời điểm nộp đủ giấy tờ đăng ký",
            on_centre=False,
        ),
        Clock(
            "replace_after_defence_refusal",
            Limit(24, HOURS),
            "TTLT 10/2018 Điều 3.4",
            "Thay thế người bào chữa bị từ chối đăng ký",
            "thời điểm nhận văn bản từ chối đăng ký",
        ),
        Clock(
            "replace_after_protection_refusal",
            Limit(2, WORKDAYS),
            "TTLT 10/2018 Điều 3.4",
            "Thay thế người bảo vệ quyền lợi bị từ chối đăng ký",
            "thời điểm nhận văn bản từ chối đăng ký",
        ),
        Clock(
            "replace_after_cancellation",
            Limit(24, HOURS),
            "TTLT 10/2018 Điều 3.4; Điều 6",
            "Thay thế người bào chữa bị hủy bỏ đăng ký (kể cả khi Trung tâm khiếu nại)",
            "thời điểm nhận văn bản hủy bỏ đăng ký",
        ),
    ]
}


def appointment_clock(kind: str, person_status: str, mandatory_defence: bool) -> Clock:
    """Which clock a notice or information starts for the Centre (TTLT 10/2018 Điều 3.3)."""
    if kind == INFORMATION:
        return CLOCKS["answer_information"]
    if mandatory_defence:
        return CLOCKS["appoint_immediately"]
    if person_status in HELD:
        return CLOCKS["appoint_held"]
    return CLOCKS["appoint_after_notice"]


def agency_notify_clock(person_status: str) -> Clock:
    """The procedural body's own limit to notify the Centre (Luật TGPL Điều 31.3)."""
    return CLOCKS["agency_notify_held" if person_status in HELD else "agency_notify"]


def registration_clock(kind: str) -> Clock:
    return CLOCKS["register_defence" if kind == DEFENCE else "register_protection"]


def replacement_clock(kind: str, outcome: str) -> Clock | None:
    """TTLT 10/2018 Điều 3.4: 24 hours after a refused or cancelled defence registration,
    02 working days after a refused registration as protector of a party."""
    if outcome == CANCELLED:
        return CLOCKS["replace_after_cancellation"]
    if outcome == REFUSED:
        if kind == DEFENCE:
            return CLOCKS["replace_after_defence_refusal"]
        return CLOCKS["replace_after_protection_refusal"]
    return None


@dataclass(frozen=True)
class RunningClock:
    clock: Clock
    started: datetime
    due: datetime
    done_at: datetime | None
    now: datetime

    @property
    def state(self) -> str:
        if self.done_at is not None:
            return "late" if self.done_at > self.due else "done"
        return "overdue" if self.now > self.due else "running"

    @property
    def is_open(self) -> bool:
        return self.done_at is None


def run(
    clock: Clock, started: datetime, done_at: datetime | None, calendar: WorkCalendar, now: datetime
) -> RunningClock:
    return RunningClock(clock, started, due_moment(started, clock.limit, calendar), done_at, now)


@dataclass(frozen=True)
class NoticeFacts:
    kind: str
    received_at: datetime
    person_status: str
    mandatory_defence: bool = False
    person_requested_at: datetime | None = None
    appointed_at: datetime | None = None  # the first appointment after the notice


@dataclass(frozen=True)
class RegistrationFacts:
    kind: str
    submitted_at: datetime
    registered_at: datetime | None = None
    outcome: str = ""  # "", "registered", REFUSED or CANCELLED
    outcome_at: datetime | None = None
    replaced_at: datetime | None = None


def notice_clocks(facts: NoticeFacts, calendar: WorkCalendar, now: datetime) -> list[RunningClock]:
    """The Centre's clock from the notice minute, and the body's limit to notify it."""
    out = [
        run(
            appointment_clock(facts.kind, facts.person_status, facts.mandatory_defence),
            facts.received_at,
            facts.appointed_at,
            calendar,
            now,
        )
    ]
    if facts.person_requested_at is not None and facts.kind == NOTICE:
        clock = agency_notify_clock(facts.person_status)
        out.append(run(clock, facts.person_requested_at, facts.received_at, calendar, now))
    return out


def registration_clocks(
    facts: RegistrationFacts, calendar: WorkCalendar, now: datetime
) -> list[RunningClock]:
    """The body's limit to register, and the replacement limit after a refusal/cancellation."""
    decided = facts.registered_at or (facts.outcome_at if facts.outcome == REFUSED else None)
    out = [run(registration_clock(facts.kind), facts.submitted_at, decided, calendar, now)]
    replace = replacement_clock(facts.kind, facts.outcome)
    if replace is not None and facts.outcome_at is not None:
        out.append(run(replace, facts.outcome_at, facts.replaced_at, calendar, now))
    return out
