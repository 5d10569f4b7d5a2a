"""Working a case to its end: start, log, file, close, discontinue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import services
from cases.selectors import case_limits
from cases.states import CaseStatus, DiscontinueGround, Form, Outcome, Stage
from tgpl.errors import BusinessRuleError
from tgpl.history import timeline_for

from .factories import accepted_case, assigned_case, in_progress_case, proof, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(staff, head, officer, professional_office, performers):
    return assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)


def test_only_the_performer_starts_the_case(case, officer, lawyer, head):
    with pytest.raises(BusinessRuleError, match="Chỉ người thực hiện"):
        services.start_case(actor=head, case=case)
    with pytest.raises(BusinessRuleError, match="Chỉ người thực hiện"):
        services.start_case(actor=lawyer, case=case)
    services.start_case(actor=officer, case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.started_at
    with pytest.raises(BusinessRuleError, match="Không thể bắt đầu"):
        services.start_case(actor=officer, case=case)


def test_performer_logs_work_with_stage_and_court(case, officer):
    entry = services.add_log_entry(
        actor=officer,
        case=case,
        on=timezone.localdate(),
        stage=Stage.FIRST_INSTANCE,
        agency_name="Tòa án nhân dân khu vực 1 - Lạng Sơn",
        note="Tham gia phiên tòa sơ thẩm",
    )
    assert entry.created_by == officer


def test_log_date_must_be_within_the_case(case, officer):
    with pytest.raises(BusinessRuleError, match="từ ngày thụ lý"):
        services.add_log_entry(
            actor=officer,
            case=case,
            on=timezone.localdate() - timedelta(days=40),
            stage="other",
            note="x",
        )


def test_another_officer_cannot_log_on_the_case(case, head):
    with pytest.raises(BusinessRuleError, match="ghi nhật ký"):
        services.add_log_entry(
            actor=head, case=case, on=timezone.localdate(), stage="other", note="x"
        )


def test_closing_needs_a_started_case_and_an_outcome(case, officer):
    with pytest.raises(BusinessRuleError, match="Không thể kết thúc"):
        services.close_case(actor=officer, case=case, outcome=Outcome.DONE, outcome_note="x")
    services.start_case(actor=officer, case=case)
    with pytest.raises(BusinessRuleError, match="Ghi kết quả"):
        services.close_case(actor=officer, case=case, outcome=Outcome.DONE, outcome_note="")
    with pytest.raises(BusinessRuleError, match="Chọn kết quả"):
        services.close_case(actor=officer, case=case, outcome="win", outcome_note="x")
    services.close_case(
        actor=officer, case=case, outcome=Outcome.DONE, outcome_note="Bị cáo được hưởng án treo"
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.ended_at


def test_discontinue_by_the_head_with_written_notice(case, head, officer):
    with pytest.raises(BusinessRuleError, match="Chỉ Lãnh đạo"):
        services.discontinue_case(actor=officer, case=case, ground="c", notice_text="x")
    with pytest.raises(BusinessRuleError, match="bằng văn bản"):
        services.discontinue_case(actor=head, case=case, ground="c", notice_text="")
    services.discontinue_case(
        actor=head,
        case=case,
        ground=DiscontinueGround.WITHDRAWN,
        notice_text="Người được TGPL rút yêu cầu.",
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.DISCONTINUED
    with pytest.raises(BusinessRuleError, match="Không thể dừng"):
        services.discontinue_case(actor=head, case=case, ground="c", notice_text="x")


def test_discontinue_for_missing_proof_only_after_the_limit(staff, head, professional_office):
    req = receive(staff, proofs=(), trial_on=timezone.localdate() + timedelta(days=1))
    case = services.accept_request(
        actor=head, request=req, department=professional_office, immediate_ground="d"
    )
    with pytest.raises(BusinessRuleError, match="quá hạn bổ sung"):
        services.discontinue_case(
            actor=head, case=case, ground=DiscontinueGround.NO_PROOF, notice_text="x"
        )


def test_supplied_proof_closes_the_proof_limit(staff, head, professional_office):
    req = receive(staff, proofs=())
    case = services.accept_request(
        actor=head, request=req, department=professional_office, immediate_ground="d"
    )
    services.record_proof(actor=staff, request=req, proofs=[proof("ho_ngheo")])
    case.refresh_from_db()
    assert case.proof_supplied_at is not None


def test_case_file_checklist_and_hand_in_after_the_end(case, officer):
    services.start_case(actor=officer, case=case)
    with pytest.raises(BusinessRuleError, match="sau khi vụ việc kết thúc"):
        services.update_case_file(
            actor=officer, case=case, items=[], handed_in_on=timezone.localdate()
        )
    services.update_case_file(actor=officer, case=case, items=["request_papers", "bogus"])
    case.refresh_from_db()
    assert case.file_items == ["request_papers"]
    services.close_case(actor=officer, case=case, outcome=Outcome.DONE, outcome_note="Xong")
    services.update_case_file(
        actor=officer, case=case, items=["request_papers"], handed_in_on=timezone.localdate()
    )
    case.refresh_from_db()
    assert case.file_handed_in_on == timezone.localdate()


def test_advice_limit_extends_to_thirty_days_at_most(
    staff, head, officer, professional_office, performers
):
    advice = assigned_case(staff, professional_office, officer, head, form=Form.ADVICE)
    services.extend_advice(actor=officer, case=advice, days=25)
    with pytest.raises(BusinessRuleError, match="tối đa 30 ngày"):
        services.extend_advice(actor=officer, case=advice, days=31)


def test_only_advice_is_extended(case, officer):
    with pytest.raises(BusinessRuleError, match="tư vấn"):
        services.extend_advice(actor=officer, case=case, days=20)


def test_case_page_limits_show_the_appointment_limit(staff, professional_office, performers):
    case = accepted_case(staff, professional_office, form=Form.LITIGATION, detained=True)
    [limit] = case_limits(case)
    assert limit.rule.key == "appoint_detained"
    assert limit.state == "running"
    assert limit.due - case.accepted_at == timedelta(hours=12)


def test_every_change_is_on_the_timeline_with_who(
    staff, head, officer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head)
    services.close_case(actor=officer, case=case, outcome=Outcome.DONE, outcome_note="Xong")
    entries = timeline_for(case, *case.assignments.all())
    who = [e.who for e in entries]
    assert {"Hoàng Văn Nam", "Nông Thị Hạnh", "Lăng Thị Mai"} <= set(who)
    assert any("Kết thúc vụ việc" in e.reason for e in entries)
