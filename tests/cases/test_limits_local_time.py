"""Every limit counts from the local (Asia/Ho_Chi_Minh) date of its start and ends 23:59
local, also when the start falls before 07:00 in Vietnam, i.e. on the previous UTC date.

The suite's clock is Wednesday 18/11/2026 09:00 in Vietnam; the starts below are
00:30 and 06:59 that morning (17:30 and 23:59 on Tuesday 17/11 in UTC). Tuesday
24/11/2026 (Ngày Văn hóa Việt Nam) is a day off.
"""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.utils import timezone

from cases import reminders, selectors, services
from cases.rules import limits
from cases.states import Form, ImmediateGround, Outcome
from tests.cases.factories import propose_checked
from tests.clock import VN, vn
from tgpl.calendar import work_calendar
from tgpl.notifications.deadlines import Step
from tgpl.notifications.scan import _message
from tgpl.workdays import WorkCalendar

from .factories import receive

EARLY = [vn(2026, 11, 18, 0, 30), vn(2026, 11, 18, 6, 59)]
END = time.max  # a day-based limit ends at the end of its last day (BLDS Điều 147-148)

# (limit kind, article, the last day counted from Wednesday 18/11/2026)
DAY_LIMITS = [
    ("supplement_proof", "TT 12/2018 Điều 6.2: 05 ngày làm việc", date(2026, 11, 26)),
    ("supplement_proof_disadvantaged", "TT 12/2018 Điều 6.2: 10 ngày làm việc", date(2026, 12, 3)),
    ("appoint_litigation", "Luật TGPL Điều 31.2: 03 ngày làm việc", date(2026, 11, 23)),
    ("appoint_representation", "Luật TGPL Điều 33.2: 03 ngày làm việc", date(2026, 11, 23)),
    ("written_advice", "Luật TGPL Điều 32.2: 10 ngày, 28/11 là thứ Bảy", date(2026, 11, 30)),
    ("change_performer_answer", "TT 12/2018 Điều 9.1: 03 ngày làm việc", date(2026, 11, 23)),
    ("file_hand_in", "Luật TGPL Điều 39: 30 ngày", date(2026, 12, 18)),
]


def _local(moment: datetime) -> datetime:
    return moment.astimezone(VN)


# --- the pure rules, given the start in UTC -------------------------------------------------


def _facts(kind: str, start: datetime) -> limits.CaseFacts:
    accepted = start - timedelta(days=3)
    base = {"form": Form.LITIGATION, "accepted_at": accepted, "appointed_at": accepted}
    if kind == "supplement_proof":
        return limits.CaseFacts(**{**base, "accepted_at": start, "proof_outstanding_since": start})
    if kind == "supplement_proof_disadvantaged":
        return limits.CaseFacts(
            **{**base, "accepted_at": start},
            proof_outstanding_since=start,
            disadvantaged=True,
        )
    if kind == "appoint_litigation":
        return limits.CaseFacts(form=Form.LITIGATION, accepted_at=start)
    if kind == "appoint_representation":
        return limits.CaseFacts(form=Form.REPRESENTATION, accepted_at=start)
    if kind == "written_advice":
        return limits.CaseFacts(form=Form.ADVICE, accepted_at=start)
    if kind == "change_performer_answer":
        return limits.CaseFacts(**base, change_requests=((start, None),))
    if kind == "file_hand_in":
        return limits.CaseFacts(**base, ended_at=start)
    raise AssertionError(kind)


@pytest.mark.parametrize("start", EARLY, ids=["00h30", "06h59"])
@pytest.mark.parametrize(("kind", "article", "last_day"), DAY_LIMITS)
def test_day_limit_counts_from_the_local_date_even_given_in_utc(kind, article, last_day, start):
    utc_start = start.astimezone(UTC)
    assert utc_start.date() == date(2026, 11, 17)  # the previous UTC date
    found = {
        r.rule.key: r
        for r in limits.case_limits(_facts(kind, utc_start), WorkCalendar(), _local(start))
    }
    due = _local(found[kind].due)
    assert (due.date(), due.time()) == (last_day, END), article


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (vn(2026, 11, 18, 0, 30), vn(2026, 11, 18, 12, 30)),
        (vn(2026, 11, 18, 6, 59), vn(2026, 11, 18, 18, 59)),
    ],
    ids=["00h30", "06h59"],
)
def test_detained_appointment_runs_twelve_hours_of_clock_time(start, due):
    facts = limits.CaseFacts(form=Form.LITIGATION, accepted_at=start.astimezone(UTC), detained=True)
    (found,) = limits.case_limits(facts, WorkCalendar(), _local(start))
    assert found.rule.key == "appoint_detained"
    assert _local(found.due) == due  # Luật TGPL Điều 31.2: 12 giờ


@pytest.mark.parametrize("start", EARLY, ids=["00h30", "06h59"])
def test_immediate_acceptance_threshold_reads_the_local_date(start):
    """TT 12/2018 Điều 6.1: a trial on Wed 25/11 is 4 working days from Wed 18/11 (the
    24th is a day off), under 5: accept at once; from the UTC date (17/11) it would be 5."""
    calendar = WorkCalendar()
    trial = date(2026, 11, 25)
    assert limits.immediate_acceptance_applies(timezone.localtime(start).date(), trial, calendar)
    assert not limits.immediate_acceptance_applies(start.astimezone(UTC).date(), trial, calendar)


# --- through the services, as stored in the database ---------------------------------------


def _received(staff, **overrides):
    return receive(staff, at=vn(2026, 11, 17, 15, 0), **overrides)


def _case_for(kind, start, staff, professional_office, officer, head):
    """The case whose `kind` limit starts at `start`, made by the services."""
    form = {
        "appoint_representation": Form.REPRESENTATION,
        "written_advice": Form.ADVICE,
    }.get(kind, Form.LITIGATION)
    if kind.startswith("supplement_proof"):
        req = _received(
            staff,
            proofs=(),
            form=form,
            limitation_expires_on=date(2026, 11, 20),
            disadvantaged_area=kind.endswith("disadvantaged"),
        )
        return services.accept_request(
            actor=staff,
            request=req,
            department=professional_office,
            immediate_ground=ImmediateGround.LIMITATION,
            at=start,
        )
    if kind in ("appoint_litigation", "appoint_representation", "written_advice"):
        req = _received(staff, form=form)
        return services.accept_request(
            actor=staff, request=req, department=professional_office, at=start
        )
    req = _received(staff, form=form)
    case = services.accept_request(
        actor=staff, request=req, department=professional_office, at=vn(2026, 11, 17, 15, 30)
    )
    proposal = propose_checked(
        actor=staff, case=case, performer=officer, at=vn(2026, 11, 17, 16, 0)
    )
    services.approve_assignment(actor=head, assignment=proposal, at=vn(2026, 11, 17, 16, 30))
    case.refresh_from_db()
    if kind == "change_performer_answer":
        services.request_performer_change(
            actor=staff, case=case, reason="Người được TGPL đề nghị đổi", at=start
        )
    elif kind == "file_hand_in":
        services.start_case(actor=officer, case=case, at=vn(2026, 11, 17, 17, 0))
        services.close_case(
            actor=officer, case=case, outcome=Outcome.DONE, outcome_note="Đã tư vấn", at=start
        )
    case.refresh_from_db()
    return case


@pytest.mark.django_db
@pytest.mark.parametrize("start", EARLY, ids=["00h30", "06h59"])
@pytest.mark.parametrize(("kind", "article", "last_day"), DAY_LIMITS)
def test_case_limit_started_before_seven_ends_on_the_local_day(
    kind, article, last_day, start, staff, professional_office, officer_profile, head
):
    case = _case_for(kind, start, staff, professional_office, officer_profile.user, head)
    running = {r.rule.key: r for r in selectors.case_limits(case)}
    due = timezone.localtime(running[kind].due)
    assert (due.date(), due.time()) == (last_day, END), article
    # and the reminder of that limit says the local day
    deadline = next(
        d for d in reminders.case_deadlines(start.date(), timezone.now()) if d.deadline == kind
    )
    title, body = _message(deadline, Step("before", "before-1"))
    assert f"{last_day:%d/%m/%Y}" in body, title


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "due"),
    [
        (vn(2026, 11, 18, 0, 30), "12:30 18/11/2026"),
        (vn(2026, 11, 18, 6, 59), "18:59 18/11/2026"),
    ],
    ids=["00h30", "06h59"],
)
def test_detained_appointment_reminder_says_the_local_hour(start, due, staff, professional_office):
    req = _received(staff, form=Form.LITIGATION, detained=True)
    services.accept_request(actor=staff, request=req, department=professional_office, at=start)
    deadline = next(
        d
        for d in reminders.case_deadlines(start.date(), timezone.now())
        if d.deadline == "appoint_detained"
    )
    _title, body = _message(deadline, Step("before", "before-1"))
    assert due in body


@pytest.mark.django_db
@pytest.mark.parametrize("start", EARLY, ids=["00h30", "06h59"])
def test_request_proof_limit_counts_from_the_local_date(start, staff):
    """TT 12/2018 Điều 6.2: asked at 00:30 or 06:59 on Wed 18/11, due Thu 26/11 23:59."""
    req = _received(staff, proofs=())
    req = services.request_missing_proof(
        actor=staff, request=req, note="Giấy chứng nhận hộ nghèo", at=start
    )
    due = timezone.localtime(req.proof_due_at)
    assert (due.date(), due.time()) == (date(2026, 11, 26), END)
    deadline = next(
        d
        for d in reminders.case_deadlines(start.date(), timezone.now())
        if d.deadline == "request_proof"
    )
    _title, body = _message(deadline, Step("due", "due"))
    assert "26/11/2026" in body


@pytest.mark.django_db
@pytest.mark.parametrize("start", EARLY, ids=["00h30", "06h59"])
def test_immediate_acceptance_on_the_local_date_through_the_service(
    start, staff, professional_office
):
    """Trial on Wed 25/11: accepted at once at 00:30 or 06:59 on 18/11 (4 working days)."""
    req = _received(staff, proofs=(), form=Form.LITIGATION, trial_on=date(2026, 11, 25))
    case = services.accept_request(
        actor=staff,
        request=req,
        department=professional_office,
        immediate_ground=ImmediateGround.TRIAL,
        at=start,
    )
    assert case.register_year == 2026
    assert timezone.localtime(case.accepted_at).date() == date(2026, 11, 18)


@pytest.mark.django_db
@pytest.mark.parametrize("start", EARLY, ids=["00h30", "06h59"])
def test_proposal_waiting_for_the_head_counts_from_the_local_date(
    start, staff, professional_office, officer_profile, head
):
    req = _received(staff)
    case = services.accept_request(
        actor=staff, request=req, department=professional_office, at=vn(2026, 11, 17, 16, 0)
    )
    propose_checked(actor=staff, case=case, performer=officer_profile.user, at=start)
    deadline = next(
        d
        for d in reminders.case_deadlines(start.date(), timezone.now())
        if d.deadline == "approval_wait"
    )
    wait = reminders.ReminderSettings.current().approval_wait_workdays
    due = timezone.localtime(deadline.due_at)
    assert due.date() == work_calendar().add_workdays(date(2026, 11, 18), wait)
    assert (due.hour, due.minute) == (23, 59)
