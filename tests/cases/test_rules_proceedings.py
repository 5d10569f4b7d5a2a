"""The clocks of TTLT 10/2018 at their boundaries, and which start each case limit uses."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from cases.rules import limits
from cases.rules import proceedings as p
from tgpl.workdays import WorkCalendar

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar(extra_workdays=[date(2025, 4, 26), date(2026, 8, 22)])


def at(*args):
    return datetime(*args, tzinfo=VN)


def end_of(y, m, d):
    return datetime.combine(date(y, m, d), time.max, tzinfo=VN)


# Friday 20/11/2026 23:50; Tuesday 24/11/2026 is Ngày Văn hóa Việt Nam (a holiday).
FRIDAY_NIGHT = at(2026, 11, 20, 23, 50)
# Friday 28/08/2026 23:50, before the Quốc khánh break (31/08 swapped, 01-02/09).
NATIONAL_DAY_EVE = at(2026, 8, 28, 23, 50)


@pytest.mark.parametrize(
    ("kind", "status", "mandatory", "received", "due", "article"),
    [
        (
            "notice",
            "accused",
            False,
            FRIDAY_NIGHT,
            end_of(2026, 11, 26),
            "TTLT 10/2018 Điều 3.3: 03 ngày làm việc, Mon 23, Wed 25, Thu 26 (24/11 nghỉ)",
        ),
        (
            "notice",
            "victim",
            False,
            NATIONAL_DAY_EVE,
            end_of(2026, 9, 7),
            "TTLT 10/2018 Điều 3.3: 31/08, 01-02/09 nghỉ → 03, 04, 07/09",
        ),
        (
            "notice",
            "detained",
            False,
            FRIDAY_NIGHT,
            at(2026, 11, 21, 11, 50),
            "Luật TGPL Điều 31.2: 12 giờ trôi qua cả đêm thứ Sáu",
        ),
        (
            "notice",
            "arrested",
            False,
            NATIONAL_DAY_EVE,
            at(2026, 8, 29, 11, 50),
            "Luật TGPL Điều 31.2: 12 giờ không dừng vì ngày nghỉ",
        ),
        (
            "notice",
            "accused",
            True,
            FRIDAY_NIGHT,
            end_of(2026, 11, 20),
            "TTLT 10/2018 Điều 3.3: chỉ định — cử ngay, trong ngày nhận",
        ),
        ("notice", "detained", True, FRIDAY_NIGHT, end_of(2026, 11, 20), "chỉ định thắng 12 giờ"),
        (
            "information",
            "defendant",
            False,
            FRIDAY_NIGHT,
            end_of(2026, 11, 26),
            "Mẫu 04: kiểm tra diện trong 03 ngày làm việc",
        ),
    ],
)
def test_the_centres_clock_runs_from_the_notice_minute(
    kind, status, mandatory, received, due, article
):
    facts = p.NoticeFacts(
        kind=kind, received_at=received, person_status=status, mandatory_defence=mandatory
    )
    [clock] = p.notice_clocks(facts, CAL, now=received)
    assert clock.due == due, article
    assert clock.started == received


def test_one_minute_after_the_due_moment_the_clock_is_overdue():
    facts = p.NoticeFacts(kind="notice", received_at=FRIDAY_NIGHT, person_status="detained")
    [before] = p.notice_clocks(facts, CAL, now=at(2026, 11, 21, 11, 50))
    [after] = p.notice_clocks(facts, CAL, now=at(2026, 11, 21, 11, 51))
    assert (before.state, after.state) == ("running", "overdue")


def test_an_appointment_after_the_limit_is_late_and_before_it_done():
    late = p.NoticeFacts(
        kind="notice",
        received_at=FRIDAY_NIGHT,
        person_status="accused",
        appointed_at=at(2026, 11, 27, 0, 0),
    )
    ok = p.NoticeFacts(
        kind="notice",
        received_at=FRIDAY_NIGHT,
        person_status="accused",
        appointed_at=at(2026, 11, 26, 23, 59),
    )
    assert p.notice_clocks(late, CAL, now=at(2026, 12, 1, 9))[0].state == "late"
    assert p.notice_clocks(ok, CAL, now=at(2026, 12, 1, 9))[0].state == "done"


@pytest.mark.parametrize(
    ("status", "asked", "due", "article"),
    [
        (
            "arrested",
            at(2026, 11, 20, 11, 50),
            at(2026, 11, 20, 23, 50),
            "Luật TGPL Điều 31.3: 12 giờ, đúng hạn đến phút",
        ),
        (
            "accused",
            at(2026, 11, 19, 23, 49),
            at(2026, 11, 20, 23, 49),
            "Luật TGPL Điều 31.3: 24 giờ, trễ 01 phút",
        ),
    ],
)
def test_the_bodys_own_limit_to_notify_shows_a_late_notice(status, asked, due, article):
    facts = p.NoticeFacts(
        kind="notice", received_at=FRIDAY_NIGHT, person_status=status, person_requested_at=asked
    )
    _, agency = p.notice_clocks(facts, CAL, now=FRIDAY_NIGHT)
    assert agency.due == due, article
    assert agency.clock.on_centre is False
    assert agency.state == ("done" if due >= FRIDAY_NIGHT else "late")


REFUSED_AT = at(2026, 11, 20, 16, 59)  # Friday 16:59, the Tuesday after is a holiday


@pytest.mark.parametrize(
    ("kind", "outcome", "due", "article"),
    [
        (
            "defence",
            "refused",
            at(2026, 11, 21, 16, 59),
            "TTLT 10/2018 Điều 3.4: 24 giờ sau từ chối đăng ký bào chữa",
        ),
        (
            "protection",
            "refused",
            end_of(2026, 11, 25),
            "TTLT 10/2018 Điều 3.4: 02 ngày làm việc (Mon 23, Wed 25)",
        ),
        (
            "defence",
            "cancelled",
            at(2026, 11, 21, 16, 59),
            "TTLT 10/2018 Điều 3.4: 24 giờ sau hủy bỏ đăng ký",
        ),
    ],
)
def test_the_replacement_clock_starts_at_the_refusal(kind, outcome, due, article):
    facts = p.RegistrationFacts(
        kind=kind,
        submitted_at=at(2026, 11, 20, 8, 0),
        registered_at=at(2026, 11, 20, 10, 0) if outcome == "cancelled" else None,
        outcome=outcome,
        outcome_at=REFUSED_AT,
    )
    register, replace = p.registration_clocks(facts, CAL, now=REFUSED_AT)
    assert replace.due == due, article
    assert replace.started == REFUSED_AT
    assert register.done_at is not None


def test_a_replacement_a_minute_late_is_late():
    facts = p.RegistrationFacts(
        kind="defence",
        submitted_at=at(2026, 11, 20, 8),
        outcome="refused",
        outcome_at=REFUSED_AT,
        replaced_at=at(2026, 11, 21, 17, 0),
    )
    assert p.registration_clocks(facts, CAL, now=at(2026, 11, 23, 9))[1].state == "late"


def test_a_registration_still_waiting_has_no_replacement_clock():
    facts = p.RegistrationFacts(kind="protection", submitted_at=at(2026, 11, 20, 8))
    [register] = p.registration_clocks(facts, CAL, now=at(2026, 11, 27, 9))
    assert register.due == end_of(2026, 11, 26)  # 03 working days, the body's limit
    assert register.state == "overdue"


# --- which start each case limit uses (cases/rules/limits.py) ----------------------------


def test_appointment_limit_runs_from_the_notice_not_from_a_late_acceptance():
    facts = limits.CaseFacts(form="litigation", accepted_at=at(2026, 11, 27, 9))
    starts = limits.ClockStarts(notified_at=FRIDAY_NIGHT)
    [appoint] = limits.case_limits_with_starts(facts, starts, CAL, now=at(2026, 11, 27, 9))
    assert appoint.due == end_of(2026, 11, 26), "TTLT 10/2018 Điều 3.3"
    assert appoint.state == "overdue"
    assert appoint.start_label == limits.START_NOTICE


def test_without_a_notice_the_appointment_runs_from_acceptance():
    facts = limits.CaseFacts(form="litigation", accepted_at=at(2026, 11, 27, 9))
    [appoint] = limits.case_limits_with_starts(
        facts, limits.ClockStarts(), CAL, now=at(2026, 11, 27, 9)
    )
    assert appoint.due == end_of(2026, 12, 2)
    assert appoint.start_label == limits.START_ACCEPTANCE


def test_a_detained_persons_notice_gives_twelve_hours_from_the_notice():
    facts = limits.CaseFacts(form="litigation", accepted_at=at(2026, 11, 21, 8), detained=True)
    [appoint] = limits.case_limits_with_starts(
        facts, limits.ClockStarts(notified_at=FRIDAY_NIGHT), CAL, now=at(2026, 11, 21, 8)
    )
    assert appoint.due == at(2026, 11, 21, 11, 50)


def test_mandatory_defence_is_due_within_the_day_of_the_notice():
    facts = limits.CaseFacts(form="litigation", accepted_at=FRIDAY_NIGHT)
    starts = limits.ClockStarts(notified_at=FRIDAY_NIGHT, immediate=True)
    [appoint] = limits.case_limits_with_starts(facts, starts, CAL, now=FRIDAY_NIGHT)
    assert appoint.due == end_of(2026, 11, 20)
    assert appoint.rule.key == "appoint_immediately"


def test_written_advice_restarts_when_the_missing_papers_arrive():
    facts = limits.CaseFacts(form="advice", accepted_at=at(2026, 11, 2, 9))
    starts = limits.ClockStarts(papers_arrived_at=at(2026, 11, 10, 15))
    [advice] = limits.case_limits_with_starts(facts, starts, CAL, now=at(2026, 11, 18, 9))
    # 10 days from 10/11 end on Friday 20/11 (Luật TGPL Điều 32.2), not on 12/11
    assert advice.due == end_of(2026, 11, 20)
    assert advice.start_label == limits.START_PAPERS


def test_papers_before_acceptance_do_not_move_the_advice_limit():
    facts = limits.CaseFacts(form="advice", accepted_at=at(2026, 11, 2, 9))
    starts = limits.ClockStarts(papers_arrived_at=at(2026, 11, 1, 9))
    [advice] = limits.case_limits_with_starts(facts, starts, CAL, now=at(2026, 11, 3, 9))
    assert advice.due == end_of(2026, 11, 12)
    assert advice.start_label == limits.START_ACCEPTANCE


@pytest.mark.parametrize(
    ("force_majeure", "due", "article"),
    [
        (False, end_of(2026, 11, 23), "TT 12/2018 Điều 6.2: 05 ngày làm việc"),
        (
            True,
            end_of(2026, 12, 1),
            "TT 12/2018 Điều 6.2: bất khả kháng, 10 ngày làm việc (24/11 nghỉ)",
        ),
    ],
)
def test_force_majeure_extends_the_proof_limit(force_majeure, due, article):
    facts = limits.CaseFacts(
        form="advice", accepted_at=at(2026, 11, 16, 9), proof_outstanding_since=at(2026, 11, 16, 9)
    )
    running = limits.case_limits_with_starts(
        facts, limits.ClockStarts(force_majeure=force_majeure), CAL, now=at(2026, 11, 18, 9)
    )
    proof = next(r for r in running if r.rule.key.startswith("supplement_proof"))
    assert proof.due == due, article
