"""Notices of procedural bodies to the minute, their clocks on the case, registrations
refused and the replacement clock; papers arrived and force majeure (issue 17)."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.utils import timezone

from cases import selectors, selectors_proceedings, services
from cases.models import DefenceRegistration, LimitEvent, ProceduralNotice
from cases.services import proceedings as proc
from cases.states import Channel, Form
from tests.cases.factories import propose_checked
from tests.clock import VN, vn
from tests.factories import AgencyFactory
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency

from .factories import accepted_case, receive

pytestmark = pytest.mark.django_db

FRIDAY_NIGHT = vn(2026, 11, 20, 23, 50)  # Tuesday 24/11/2026 is a holiday


def end_of(y, m, d):
    return datetime.combine(date(y, m, d), time.max, tzinfo=VN)


@pytest.fixture
def police(db):
    return AgencyFactory(kind=Agency.Kind.POLICE, name="Cơ quan CSĐT Công an huyện Bảo Lạc")


def notice_fields(police, **overrides):
    fields = {
        "kind": ProceduralNotice.Kind.NOTICE,
        "agency": police,
        "officer_name": "Đại úy Lò Văn Sáng",
        "officer_phone": "0912000111",
        "received_at": FRIDAY_NIGHT,
        "by_phone": True,
        "person_name": "Hoàng Thị Bích Ngọc",
        "person_status": ProceduralNotice.PersonStatus.ACCUSED,
        "stage": "investigation",
        "agency_case_number": "12/2026/HS",
        "content": "",
    }
    fields.update(overrides)
    return fields


def test_a_notice_is_recorded_to_the_minute_with_its_serial(staff, police):
    notice = proc.record_notice(
        actor=staff,
        fields=notice_fields(police, received_at=vn(2026, 11, 18, 8, 41).replace(second=37)),
    )
    assert timezone.localtime(notice.received_at) == vn(2026, 11, 18, 8, 41)
    assert (notice.register_year, notice.register_number) == (2026, 1)
    second = proc.record_notice(
        actor=staff, fields=notice_fields(police, received_at=vn(2026, 11, 18, 8))
    )
    assert second.register_number == 2
    assert notice.history.count() == 1


def test_a_notice_must_come_from_a_procedural_body(staff):
    doj = AgencyFactory(kind=Agency.Kind.DOJ)
    with pytest.raises(BusinessRuleError, match="cơ quan tiến hành tố tụng"):
        proc.record_notice(actor=staff, fields=notice_fields(doj, received_at=vn(2026, 11, 18, 8)))


def test_information_cannot_carry_a_mandatory_defence(staff, police):
    fields = notice_fields(
        police, kind=ProceduralNotice.Kind.INFORMATION, mandatory_defence=True,
        received_at=vn(2026, 11, 18, 8),
    )  # fmt: skip
    with pytest.raises(BusinessRuleError, match="Mẫu 03"):
        proc.record_notice(actor=staff, fields=fields)


def test_a_performer_without_reception_cannot_record_a_notice(lawyer, police):
    with pytest.raises(BusinessRuleError):
        proc.record_notice(
            actor=lawyer, fields=notice_fields(police, received_at=vn(2026, 11, 18, 8))
        )


def test_friday_night_notice_to_replacement_after_a_refused_registration(
    staff, head, professional_office, officer_profile, officer, lawyer_profile, lawyer, police
):
    """A notice at 23:50 on the Friday before a holiday is accepted on Monday; its
    appointment limit runs from the notice; the registration is refused at 16:59 and
    the replacement is due 24 hours later."""
    with time_machine.travel(vn(2026, 11, 20, 23, 55), tick=False):
        notice = proc.record_notice(actor=staff, fields=notice_fields(police))
    with time_machine.travel(vn(2026, 11, 27, 9, 0), tick=False):  # a late acceptance
        case = accepted_case(
            staff, professional_office, form=Form.LITIGATION, channel=Channel.AUTHORITY_NOTICE,
            notifying_agency=police, notified_at=vn(2026, 11, 27, 8, 0),
        )  # fmt: skip
        proc.link_notice(actor=staff, notice=notice, request=case.request)
        case.refresh_from_db()
        [appoint] = selectors.case_limits(case)
        assert appoint.started == FRIDAY_NIGHT  # the notice minute, not the acceptance
        assert appoint.due == end_of(2026, 11, 26)
        assert appoint.state == "overdue"
        assert "thông báo" in appoint.start_label
        assignment = propose_checked(actor=staff, case=case, performer=lawyer)
        services.approve_assignment(actor=head, assignment=assignment)
        case.refresh_from_db()
    with time_machine.travel(vn(2026, 11, 30, 17, 0), tick=False):
        reg = proc.record_registration(
            actor=staff, case=case, kind=DefenceRegistration.Kind.DEFENCE, agency=police,
            submitted_at=vn(2026, 11, 30, 8, 0),
        )  # fmt: skip
        reg = proc.record_registration_outcome(
            actor=staff, registration=reg, outcome=DefenceRegistration.Outcome.REFUSED,
            reason="Người bị buộc tội từ chối người bào chữa.", at=vn(2026, 11, 30, 16, 59),
        )  # fmt: skip
        [row] = selectors_proceedings.case_registrations(case)
        register, replace = row.clocks
        assert register.state == "done"
        assert replace.due == vn(2026, 12, 1, 16, 59)
        assert replace.state == "running"
    with time_machine.travel(vn(2026, 12, 1, 10, 0), tick=False):
        replacement = propose_checked(
            actor=staff, case=case, performer=officer, reason="Thay người bị từ chối đăng ký"
        )
        services.approve_assignment(actor=head, assignment=replacement)
        [row] = selectors_proceedings.case_registrations(case)
        assert row.clocks[1].state == "done"
        assert row.clocks[1].done_at == vn(2026, 12, 1, 10, 0)


def test_a_refusal_needs_its_written_reason(
    staff, head, professional_office, lawyer_profile, lawyer, police
):
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    assignment = propose_checked(actor=staff, case=case, performer=lawyer)
    services.approve_assignment(actor=head, assignment=assignment)
    case.refresh_from_db()
    reg = proc.record_registration(actor=staff, case=case, kind="defence", agency=police)
    with pytest.raises(BusinessRuleError, match="lý do"):
        proc.record_registration_outcome(
            actor=staff, registration=reg, outcome="refused", reason=" "
        )


def test_only_a_registered_defence_can_be_cancelled(
    staff, head, professional_office, lawyer_profile, lawyer, police
):
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    services.approve_assignment(
        actor=head, assignment=propose_checked(actor=staff, case=case, performer=lawyer)
    )
    case.refresh_from_db()
    reg = proc.record_registration(actor=staff, case=case, kind="defence", agency=police)
    with pytest.raises(BusinessRuleError, match="đã được chấp nhận"):
        proc.record_registration_outcome(
            actor=staff, registration=reg, outcome="cancelled", reason="x"
        )
    proc.record_registration_outcome(actor=staff, registration=reg, outcome="registered")
    reg = proc.record_registration_outcome(
        actor=staff, registration=reg, outcome="cancelled", reason="Có căn cứ thay đổi."
    )
    [row] = selectors_proceedings.case_registrations(case)
    assert [c.clock.key for c in row.clocks] == ["register_defence", "replace_after_cancellation"]
    assert row.clocks[0].state == "done"


def test_papers_arriving_restart_the_advice_limit(staff, professional_office):
    case = accepted_case(staff, professional_office)  # advice, accepted Wed 18/11
    [advice] = selectors.case_limits(case)
    assert advice.due == end_of(2026, 11, 30)  # 28/11 is a Saturday: next working day
    with time_machine.travel(vn(2026, 11, 23, 10, 0), tick=False):
        proc.record_papers_arrived(actor=staff, case=case, note="Bản sao bản án sơ thẩm")
        [advice] = selectors.case_limits(case)
    assert advice.due == end_of(2026, 12, 3)
    assert advice.start_label == "thời điểm nhận đủ giấy tờ còn thiếu"


def test_papers_are_for_advice_cases_only(staff, professional_office):
    case = accepted_case(staff, professional_office, form=Form.REPRESENTATION)
    with pytest.raises(BusinessRuleError, match="tư vấn"):
        proc.record_papers_arrived(actor=staff, case=case, note="x")


def test_force_majeure_extends_the_proof_limit_to_ten_working_days(
    staff, head, professional_office
):
    req = receive(staff, proofs=())
    case = services.accept_request(
        actor=head, request=req, department=professional_office, immediate_ground="d"
    )
    # 05 working days (24/11 is a holiday)
    assert timezone.localtime(case.proof_due_at) == end_of(2026, 11, 26)
    with pytest.raises(BusinessRuleError, match="bất khả kháng"):
        proc.record_force_majeure(actor=staff, case=case, note=" ")
    event = proc.record_force_majeure(actor=staff, case=case, note="Lũ quét chia cắt xã Nà Lừa")
    case.refresh_from_db()
    assert timezone.localtime(case.proof_due_at) == end_of(2026, 12, 3)  # 10 working days
    assert event.kind == LimitEvent.Kind.FORCE_MAJEURE
    proof = next(r for r in selectors.case_limits(case) if r.rule.key.startswith("supplement"))
    assert proof.due == end_of(2026, 12, 3)
    with pytest.raises(BusinessRuleError, match="đã được ghi nhận"):
        proc.record_force_majeure(actor=staff, case=case, note="lần hai")
