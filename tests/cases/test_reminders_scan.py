"""The set-based reminder scan (issue 18.4): the due moments kept as CaseDue rows by the
services, the scan filtering them in SQL, in batches, and an idle rescan reading nothing."""

import datetime

import pytest
import time_machine

from cases import due, reminders, selectors, services
from cases.models import CaseDue, ProceduralNotice
from cases.services import proceedings as proc
from cases.states import Channel, Form
from tests.clock import VN, vn
from tests.factories import AgencyFactory
from tgpl.models import Agency, HolidayOverride, Reminder
from tgpl.notifications import scan

from .factories import accepted_case, propose_checked, receive

pytestmark = pytest.mark.django_db


def rows(case) -> set:
    return set(CaseDue.objects.filter(case=case).values_list("deadline", "due_at"))


def open_limits(case) -> set:
    case.refresh_from_db()
    return {(lim.rule.key, lim.due) for lim in selectors.case_limits(case) if lim.is_open}


def test_the_due_rows_follow_every_service_that_changes_a_limit(
    staff, head, officer, professional_office, performers
):
    """After each service the rows are exactly the open limits the case page shows."""
    police = AgencyFactory(kind=Agency.Kind.POLICE, name="Công an huyện")
    litigation = accepted_case(staff, professional_office, form=Form.LITIGATION)
    req = receive(staff, proofs=())
    advice = services.accept_request(
        actor=head, request=req, department=professional_office, immediate_ground="d"
    )
    notice = proc.record_notice(
        actor=staff,
        fields={
            "kind": ProceduralNotice.Kind.NOTICE,
            "agency": police,
            "officer_name": "Đại úy Lò Văn Sáng",
            "officer_phone": "0912000111",
            "received_at": vn(2026, 11, 17, 23, 50),
            "by_phone": True,
            "person_name": "Hoàng Văn A",
            "person_status": ProceduralNotice.PersonStatus.DETAINED,
            "stage": "investigation",
            "agency_case_number": "12/2026/HS",
            "content": "",
        },
    )
    notified = accepted_case(
        staff, professional_office, form=Form.LITIGATION, channel=Channel.AUTHORITY_NOTICE,
        notifying_agency=police, notified_at=vn(2026, 11, 18, 8, 0),
    )  # fmt: skip
    keys = {
        litigation: {"appoint_litigation"},
        advice: {"supplement_proof", "written_advice"},
        notified: {"appoint_litigation"},
    }
    for case, expected in keys.items():
        assert {k for k, _ in rows(case)} == expected
        assert rows(case) == open_limits(case)

    steps = [
        ("link_notice", notified, lambda: proc.link_notice(
            actor=staff, notice=notice, request=notified.request), {"appoint_detained"}),
        ("force_majeure", advice, lambda: proc.record_force_majeure(
            actor=staff, case=advice, note="Lũ quét"),
            {"supplement_proof_disadvantaged", "written_advice"}),
        ("papers_arrived", advice, lambda: _later(proc.record_papers_arrived,
            actor=staff, case=advice, note="Bản án"),
            {"supplement_proof_disadvantaged", "written_advice"}),
        ("extend_advice", advice, lambda: services.extend_advice(
            actor=head, case=advice, days=20),
            {"supplement_proof_disadvantaged", "written_advice"}),
        ("record_proof", advice, lambda: services.record_proof(
            actor=staff, request=advice.request, proofs=[_proof("ho_ngheo")]), {"written_advice"}),
        ("approve_assignment", litigation, lambda: _appoint(staff, head, litigation, officer),
            set()),
    ]  # fmt: skip
    for name, case, call, expected in steps:
        before = rows(case)
        call()
        assert {k for k, _ in rows(case)} == expected, name
        assert rows(case) == open_limits(case), name
        if name in ("papers_arrived", "extend_advice"):
            assert rows(case) != before, name  # the advice limit moved

    change = services.request_performer_change(actor=staff, case=litigation, reason="Không hợp")
    assert {k for k, _ in rows(litigation)} == {"change_performer_answer"}
    assert rows(litigation) == open_limits(litigation)
    services.answer_performer_change(actor=head, change=change, accept=False, answer="Giữ nguyên")
    assert rows(litigation) == set()
    services.start_case(actor=officer, case=litigation)
    services.close_case(actor=officer, case=litigation, outcome="done", outcome_note="Xong")
    assert {k for k, _ in rows(litigation)} == {"file_hand_in"}
    assert rows(litigation) == open_limits(litigation)
    services.update_case_file(
        actor=officer, case=litigation, items=[], handed_in_on=datetime.date(2026, 11, 19)
    )
    assert rows(litigation) == set()


def _later(service, **kwargs):
    # Monday 23/11: ten days from the acceptance (18/11) and from the papers fall on
    # different working days (from 19/11 both would end on Monday 30/11).
    with time_machine.travel(vn(2026, 11, 23, 10), tick=False):
        return service(**kwargs)


def _proof(code):
    from .factories import proof

    return proof(code)


def _appoint(staff, head, case, officer):
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=head, assignment=assignment)


def test_a_changed_holiday_calendar_moves_the_due_rows(staff, professional_office):
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)  # Wed 18/11
    (before,) = rows(case)
    HolidayOverride.objects.create(
        date=datetime.date(2026, 11, 19), kind=HolidayOverride.Kind.DAY_OFF, note="Nghỉ bù"
    )
    assert due.refresh_all_case_dues(batch=1) == 1
    (after,) = rows(case)
    # 19/11 off and 24/11 a holiday: Friday 20, Monday 23, Wednesday 25/11
    assert (before[1], after[1]) == (end_of(23), end_of(25))
    assert after == next(iter(open_limits(case)))


def end_of(day):
    return datetime.datetime.combine(datetime.date(2026, 11, day), datetime.time.max, tzinfo=VN)


def _litigation_cases(staff, department, n, at):
    with time_machine.travel(at, tick=False):
        return [accepted_case(staff, department, form=Form.LITIGATION) for _ in range(n)]


def test_the_scan_and_its_idle_rescan_are_a_fixed_number_of_queries(
    staff, head, professional_office, django_assert_num_queries
):
    monday = vn(2026, 6, 15)  # due Thursday 18/06
    _litigation_cases(staff, professional_office, 2, monday)
    scan.run_scan(now=vn(2026, 6, 17, 7), unit="days")  # the "before-1" reminders
    with django_assert_num_queries(FIRST_SCAN_QUERIES):
        first = scan.run_scan(now=vn(2026, 6, 18, 7), unit="days")
    assert first.created == 2
    with django_assert_num_queries(IDLE_SCAN_QUERIES):
        assert scan.run_scan(now=vn(2026, 6, 18, 15), unit="days").created == 0

    _litigation_cases(staff, professional_office, 6, vn(2026, 6, 22))  # due Thursday 25/06
    scan.run_scan(now=vn(2026, 6, 24, 7), unit="days")
    with django_assert_num_queries(FIRST_SCAN_QUERIES):
        assert scan.run_scan(now=vn(2026, 6, 25, 7), unit="days").created == 6
    with django_assert_num_queries(IDLE_SCAN_QUERIES):
        assert scan.run_scan(now=vn(2026, 6, 25, 15), unit="days").created == 0


# settings, calendar, the due rows, 1 batch of cases + 3 prefetches, requests, settings
# and proposals of the provider, plans' and reports' providers; then the write and claim
FIRST_SCAN_QUERIES = 22
IDLE_SCAN_QUERIES = 15


def test_more_cases_than_a_batch_are_each_reminded_once(
    staff, head, professional_office, monkeypatch
):
    monkeypatch.setattr(reminders, "BATCH", 2)
    monkeypatch.setattr(scan, "BATCH", 3)
    cases = _litigation_cases(staff, professional_office, 7, vn(2026, 6, 15))
    result = scan.run_scan(now=vn(2026, 6, 18, 7), unit="days")
    assert result.created == 7
    sent = Reminder.objects.filter(deadline="appoint_litigation", step="due")
    assert sorted(sent.values_list("object_id", flat=True)) == sorted(c.pk for c in cases)
    assert set(sent.values_list("recipient", flat=True)) == {head.pk}
    assert all(r.notified_at for r in sent)
    assert scan.run_scan(now=vn(2026, 6, 18, 8), unit="days").created == 0
    # a week overdue: one new step each, again across the batches
    assert scan.run_scan(now=vn(2026, 6, 26, 7), unit="days").created == 7
    assert scan.run_scan(now=vn(2026, 6, 26, 9), unit="days").created == 0


def test_an_hours_limit_is_found_by_the_frequent_scan_only_when_due(
    staff, head, professional_office
):
    monday = vn(2026, 6, 15)
    with time_machine.travel(monday, tick=False):
        req = receive(staff, form=Form.LITIGATION, detained=True, at=monday)
        services.accept_request(actor=staff, request=req, department=professional_office)
    assert scan.run_scan(now=monday + datetime.timedelta(hours=5), unit="hours").created == 0
    assert scan.run_scan(now=monday + datetime.timedelta(hours=9), unit="hours").created == 1
    assert scan.run_scan(now=monday + datetime.timedelta(hours=10), unit="hours").created == 0
    late = monday + datetime.timedelta(days=2, hours=13)
    assert scan.run_scan(now=late, unit="hours").created == 1
    assert Reminder.objects.filter(step="overdue-2").exists()
    assert scan.run_scan(now=late + datetime.timedelta(hours=1), unit="hours").created == 0
