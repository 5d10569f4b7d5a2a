"""Case dates at the hard moments of tests/clock.py: just after midnight on New Year's
Day in Vietnam, when UTC is still in the old year, and the last working day before Tết.

Legal time limits count Vietnamese days (TT 12/2018, Luật TGPL, BLDS Điều 147-148):
the day a limit starts from and the end of its last day are Vietnam's, whatever the
server's time zone or UTC says.
"""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from cases import services
from cases.selectors import case_limits
from cases.states import Form
from tests.clock import VN

from .factories import accepted_case, assigned_case, in_progress_case, receive

pytestmark = pytest.mark.django_db


def end_of(day: date) -> datetime:
    """24:00 of a day in Vietnam, as the limits store it."""
    return datetime.combine(day, time.max, tzinfo=VN)


def limit_due(case, key: str) -> datetime:
    case.refresh_from_db()
    return next(limit.due for limit in case_limits(case) if limit.rule.key == key)


def test_a_case_accepted_at_half_past_midnight_on_new_year_opens_the_new_register(
    travel_to, staff, professional_office
):
    travel_to("new_year_vn")
    assert timezone.now().year == 2026  # still 31/12 in UTC
    case = accepted_case(staff, professional_office)
    assert (case.register_year, case.register_number) == (2027, 1)
    assert case.code == "TT.TV.01.2027"


def test_proof_asked_for_on_new_years_night_is_due_at_the_end_of_a_vietnamese_day(travel_to, staff):
    travel_to("new_year_vn")  # Friday 01/01/2027, Tết Dương lịch
    req = receive(staff, proofs=())
    services.request_missing_proof(actor=staff, request=req, note="Giấy chứng nhận hộ nghèo")
    req.refresh_from_db()
    # 05 working days counted from Friday 01/01: Monday 04/01 to Friday 08/01 (TT 12/2018 Điều 6.2).
    assert req.proof_due_at == end_of(date(2027, 1, 8))


def test_file_hand_in_counts_from_the_vietnamese_day_the_case_closed(
    travel_to, staff, head, officer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head)
    travel_to("new_year_vn")
    services.close_case(actor=officer, case=case, outcome="done", outcome_note="Đã trả lời")
    # 30 days from 01/01/2027 end on Sunday 31/01, so on Monday 01/02 (Luật TGPL Điều 39,
    # BLDS Điều 148.5), at 24:00 in Vietnam.
    assert limit_due(case, "file_hand_in") == end_of(date(2027, 2, 1))


def test_a_change_request_on_new_years_night_is_answered_within_three_vietnamese_working_days(
    travel_to, staff, head, officer, professional_office, performers
):
    case = assigned_case(staff, professional_office, officer, head)
    travel_to("new_year_vn")
    services.request_performer_change(actor=staff, case=case, reason="Không hợp tác")
    # From Friday 01/01/2027: Monday 04, Tuesday 05, Wednesday 06/01 (TT 12/2018 Điều 9.1).
    assert limit_due(case, "change_performer_answer") == end_of(date(2027, 1, 6))


def test_proof_asked_for_on_the_eve_of_tet_is_due_after_the_break(travel_to, staff):
    travel_to("last_workday_before_tet_2027")  # Wednesday 03/02/2027
    plain = receive(staff, proofs=())
    remote = receive(staff, proofs=(), disadvantaged_area=True)
    for req in (plain, remote):
        services.request_missing_proof(actor=staff, request=req, note="Giấy chứng nhận hộ nghèo")
        req.refresh_from_db()
    # The break runs Thursday 04/02 to Wednesday 10/02: counting starts on Thursday 11/02.
    assert plain.proof_due_at == end_of(date(2027, 2, 17))  # 05 working days
    assert remote.proof_due_at == end_of(date(2027, 2, 24))  # 10 working days, hard area


def test_a_litigation_case_accepted_on_the_eve_of_tet_is_appointed_after_the_break(
    travel_to, staff, professional_office
):
    travel_to("last_workday_before_tet_2027")
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    # 03 working days (Luật TGPL Điều 31.2): Thursday 11, Friday 12, Monday 15/02/2027.
    assert limit_due(case, "appoint_litigation") == end_of(date(2027, 2, 15))
