"""Legal time limits of cases reach the right people through the reminder scan."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from cases import services
from cases.states import Form
from tests.cases.factories import accepted_case, propose_checked, receive
from tests.clock import moment
from tgpl.models import Notification, Reminder
from tgpl.notifications import scan

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY = moment("plain_monday")  # Monday 15/06/2026, 09:00


@pytest.fixture(autouse=True)
def _on_monday(travel_to):
    """Cases are received and decided on MONDAY; the scans then run at later moments."""
    travel_to("plain_monday")


def accept_on(staff, department, when, **fields):
    req = receive(staff, at=when, **fields)
    return services.accept_request(actor=staff, request=req, department=department, at=when)


def reminders(deadline):
    return list(Reminder.objects.filter(deadline=deadline).order_by("pk"))


def test_twelve_hours_to_appoint_for_a_detained_person(staff, professional_office, head):
    req = receive(staff, form=Form.LITIGATION, detained=True, at=MONDAY)
    services.accept_request(actor=staff, request=req, department=professional_office, at=MONDAY)
    scan.run_scan(now=MONDAY + datetime.timedelta(hours=5), unit="hours")
    assert reminders("appoint_detained") == []
    scan.run_scan(now=MONDAY + datetime.timedelta(hours=9), unit="hours")
    (before,) = reminders("appoint_detained")
    assert (before.step, before.recipient) == ("before-4h", head)
    assert before.due_at == MONDAY + datetime.timedelta(hours=12)
    scan.run_scan(now=MONDAY + datetime.timedelta(hours=13), unit="hours")
    assert [r.step for r in reminders("appoint_detained")] == ["before-4h", "overdue-0"]
    assert "Luật TGPL Điều 31.2" in Notification.objects.first().body


def test_three_working_days_to_appoint_reach_the_head(staff, professional_office, head):
    case = accept_on(staff, professional_office, MONDAY, form=Form.LITIGATION)
    # accepted Monday 15/06: three working days end on Thursday 18/06
    scan.run_scan(now=datetime.datetime(2026, 6, 18, 7, tzinfo=VN), unit="days")
    (due,) = reminders("appoint_litigation")
    assert (due.kind, due.recipient) == ("due", head)
    assert due.object_id == case.pk
    assert "Vụ việc " + case.code in due.title
    assert "Hoàng Thị Bích Ngọc" not in due.title + due.body  # no personal data in reminders


def test_written_advice_is_the_performers_deadline(staff, professional_office, head, officer):
    from cases.models import Performer
    from tests.cases.factories import make_performer

    make_performer(officer, Performer.Kind.LEGAL_AID_OFFICER)
    case = accept_on(staff, professional_office, MONDAY, form=Form.ADVICE)
    assignment = propose_checked(actor=staff, case=case, performer=officer, at=MONDAY)
    services.approve_assignment(actor=head, assignment=assignment)
    scan.run_scan(now=datetime.datetime(2026, 6, 25, 7, tzinfo=VN), unit="days")  # due 25/06
    (due,) = reminders("written_advice")
    assert (due.kind, due.recipient) == ("due", officer)


@pytest.mark.parametrize(
    ("proposer", "appointed", "decider"),
    [
        ("staff", "officer", "head"),
        ("staff", "head", "director"),  # a head's own appointment: the director
        ("head", "officer", "director"),  # a head's own proposal: the director
    ],
)
def test_proposal_waiting_more_than_a_working_day_reminds_its_decider(
    proposer, appointed, decider, request, staff, professional_office, head, officer, director
):
    from cases.models import Performer
    from tests.cases.factories import make_performer

    performer = request.getfixturevalue(appointed)
    make_performer(performer, Performer.Kind.LEGAL_AID_OFFICER)
    case = accept_on(staff, professional_office, MONDAY, form=Form.LITIGATION)
    by = request.getfixturevalue(proposer)
    propose_checked(actor=by, case=case, performer=performer, at=MONDAY)
    scan.run_scan(now=datetime.datetime(2026, 6, 16, 8, tzinfo=VN), unit="days")
    waiting = reminders("approval_wait")
    assert [(r.kind, r.recipient) for r in waiting] == [("due", request.getfixturevalue(decider))]


def test_a_proposal_in_a_department_without_a_head_reminds_the_leadership(
    staff, professional_office, head, officer, director
):
    from cases.models import Performer
    from tests.cases.factories import make_performer

    make_performer(officer, Performer.Kind.LEGAL_AID_OFFICER)
    case = accept_on(staff, professional_office, MONDAY, form=Form.LITIGATION)
    professional_office.head = None
    professional_office.save()
    propose_checked(actor=staff, case=case, performer=officer, at=MONDAY)
    scan.run_scan(now=datetime.datetime(2026, 6, 16, 8, tzinfo=VN), unit="days")
    waiting = reminders("approval_wait")
    assert [(r.kind, r.recipient) for r in waiting] == [("due", director)]


def test_met_limits_are_not_reminded(staff, professional_office, head, officer):
    from cases.models import Performer
    from tests.cases.factories import make_performer

    make_performer(officer, Performer.Kind.LEGAL_AID_OFFICER)
    case = accept_on(staff, professional_office, MONDAY, form=Form.LITIGATION)
    assignment = propose_checked(actor=staff, case=case, performer=officer, at=MONDAY)
    services.approve_assignment(actor=head, assignment=assignment)
    scan.run_scan(now=datetime.datetime(2026, 6, 18, 7, tzinfo=VN), unit="days")
    assert reminders("appoint_litigation") == []
    assert reminders("approval_wait") == []


def test_scan_queries_do_not_grow_with_cases(
    staff, professional_office, head, django_assert_num_queries
):
    far = datetime.datetime(2026, 1, 5, 9, tzinfo=VN)
    for _ in range(3):
        accepted_case(staff, professional_office, form=Form.LITIGATION, at=far)
    scan.run_scan(now=datetime.datetime(2026, 3, 2, 7, tzinfo=VN), unit="days")
    with django_assert_num_queries(SCAN_QUERIES):
        scan.run_scan(now=datetime.datetime(2026, 3, 3, 7, tzinfo=VN), unit="days")
    for _ in range(12):
        accepted_case(staff, professional_office, form=Form.LITIGATION, at=far)
    scan.run_scan(now=datetime.datetime(2026, 3, 4, 7, tzinfo=VN), unit="days")
    with django_assert_num_queries(SCAN_QUERIES):
        scan.run_scan(now=datetime.datetime(2026, 3, 5, 7, tzinfo=VN), unit="days")


# + notices and limit events of the cases (issue 17); +1 the reports not yet sent (issue 16)
SCAN_QUERIES = 15
