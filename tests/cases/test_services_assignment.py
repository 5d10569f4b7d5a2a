"""Appointing and replacing performers, approved by the owning department's head."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases import selectors, services
from cases.models import Assignment
from cases.states import AssignmentStatus, CaseStatus, ChangeRequestStatus, Form
from tests.cases.factories import propose_checked
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.models import Notification

from .factories import accepted_case, assigned_case, in_progress_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(staff, professional_office, performers):
    return accepted_case(staff, professional_office, form=Form.LITIGATION)


def test_proposal_waits_for_the_head_and_approval_appoints(staff, head, officer, case):
    assignment = propose_checked(actor=staff, case=case, performer=officer, reason="Còn ít việc")
    case.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNMENT_PROPOSED
    services.approve_assignment(actor=head, assignment=assignment)
    case.refresh_from_db()
    assignment.refresh_from_db()
    assert case.status == CaseStatus.ASSIGNED
    assert case.performer == officer
    assert assignment.status == AssignmentStatus.APPROVED
    assert assignment.decided_by == head
    assert case.appointed_at is not None
    assert case.history.latest().history_user == head


def test_the_proposer_never_approves_their_own_proposal(head, director, officer, case):
    """(The director decides the head's own proposal: without her, no one could.)"""
    assignment = propose_checked(actor=head, case=case, performer=officer)
    with pytest.raises(BusinessRuleError, match="không được tự duyệt"):
        services.approve_assignment(actor=head, assignment=assignment)


def test_a_head_appointed_herself_is_decided_by_the_leadership(
    staff, head, director, officer, case, django_capture_on_commit_callbacks
):
    """No one decides her own appointment: the proposal leaves the head's inbox for the
    director's, who is told of it and may approve; the head may neither approve nor
    return it."""
    with django_capture_on_commit_callbacks(execute=True):
        assignment = propose_checked(actor=staff, case=case, performer=head, reason="Vụ phức tạp")
    assert roles.approvers_of(case, head.pk) == [director]
    assert roles.approvers_of(case, officer.pk) == [head]
    assert list(selectors.approval_inbox(head)) == []
    assert list(selectors.approval_inbox(director)) == [assignment]
    waiting = Notification.objects.filter(title__startswith="Đề xuất cử người chờ duyệt")
    assert list(waiting.values_list("recipient", flat=True)) == [director.pk]
    for decide, note in ((services.approve_assignment, ""), (services.return_assignment, "x")):
        with pytest.raises(BusinessRuleError, match="tự quyết định việc cử chính mình"):
            decide(actor=head, assignment=assignment, note=note)
    services.approve_assignment(actor=director, assignment=assignment)
    case.refresh_from_db()
    assert (case.status, case.performer) == (CaseStatus.ASSIGNED, head)
    assert Assignment.objects.get(pk=assignment.pk).decided_by == director


def test_a_heads_own_proposal_is_decided_by_the_leadership(
    head, director, officer, case, django_capture_on_commit_callbacks
):
    """The head who proposes cannot approve her own proposal: it goes to the director's
    inbox (not left where no one may decide it), and the director is told of it."""
    with django_capture_on_commit_callbacks(execute=True):
        assignment = propose_checked(actor=head, case=case, performer=officer)
    assert roles.approvers_of(case, officer.pk, head.pk) == [director]
    assert list(selectors.approval_inbox(head)) == []
    assert list(selectors.approval_inbox(director)) == [assignment]
    assert roles.can_decide_assignment(director, assignment)
    assert not roles.can_decide_assignment(head, assignment)
    waiting = Notification.objects.filter(title__startswith="Đề xuất cử người chờ duyệt")
    assert list(waiting.values_list("recipient", flat=True)) == [director.pk]
    services.approve_assignment(actor=director, assignment=assignment)
    case.refresh_from_db()
    assert (case.status, case.performer) == (CaseStatus.ASSIGNED, officer)


@pytest.mark.parametrize(
    ("leave", "why"),
    [
        ("lock", "tài khoản đã bị khóa"),
        ("drop_role", "không còn vai trò Trưởng phòng"),
        ("move", "đã chuyển sang phòng khác"),
    ],
)
def test_a_head_who_can_no_longer_decide_leaves_her_proposals_to_the_leadership(
    leave,
    why,
    administrator,
    staff,
    head,
    director,
    officer,
    case,
    professional_office,
    admin_office,
):
    """Locked, no longer holding the head role, or moved to another department of the
    centre: her department loses its head (its history says who and why), so a proposal
    waiting for her is in the director's inbox and the director decides it, not left
    where no one could (or with a head who no longer works there)."""
    from tgpl import services as organisation

    assignment = propose_checked(actor=staff, case=case, performer=officer)
    assert roles.approvers_of(case, officer.pk, staff.pk) == [head]
    if leave == "lock":
        head.is_active = False
        organisation.save_organisation_record(obj=head, actor=administrator)
    elif leave == "move":
        head.department = admin_office
        organisation.save_organisation_record(obj=head, actor=administrator)
    else:
        organisation.set_user_roles(
            user=head, new_roles=[roles.Role.LEGAL_AID_OFFICER], actor=administrator
        )
    professional_office.refresh_from_db()
    assert professional_office.head_id is None
    record = professional_office.history.latest()
    assert record.history_user == administrator
    assert record.history_change_reason == f"Bỏ trưởng phòng {head.full_name}: {why}"
    case.refresh_from_db()
    assert roles.approvers_of(case, officer.pk, staff.pk) == [director]
    assert list(selectors.approval_inbox(director)) == [assignment]
    assignment = Assignment.objects.get(pk=assignment.pk)
    assert roles.can_decide_assignment(director, assignment)
    services.approve_assignment(actor=director, assignment=assignment)
    case.refresh_from_db()
    assert (case.status, case.performer) == (CaseStatus.ASSIGNED, officer)


def test_a_head_who_moves_keeps_heading_the_department_she_moves_to(
    administrator, head, professional_office, admin_office
):
    """Moving into a department she already heads releases only the one she left; an
    edit that does not move her releases nothing."""
    from tgpl import services as organisation

    admin_office.head = head
    admin_office.save(update_fields=["head"])
    head.phone = "0205 3812 345"
    organisation.save_organisation_record(obj=head, actor=administrator)
    professional_office.refresh_from_db()
    assert professional_office.head_id == head.pk
    head.department = admin_office
    organisation.save_organisation_record(obj=head, actor=administrator)
    professional_office.refresh_from_db()
    admin_office.refresh_from_db()
    assert (professional_office.head_id, admin_office.head_id) == (None, head.pk)


def test_only_an_active_person_with_the_head_role_heads_a_department(
    administrator, officer, head, professional_office
):
    from tgpl import services as organisation

    professional_office.head = officer  # an officer, not a head
    with pytest.raises(BusinessRuleError, match="không thể là trưởng phòng") as refused:
        organisation.save_organisation_record(obj=professional_office, actor=administrator)
    assert refused.value.field == "head"
    professional_office.refresh_from_db()
    assert professional_office.head_id == head.pk
    head.is_active = False
    head.save(update_fields=["is_active"])  # locked outside the services (a shell)
    professional_office.head = head
    with pytest.raises(BusinessRuleError, match="không thể là trưởng phòng"):
        organisation.save_organisation_record(obj=professional_office, actor=administrator)


def test_a_proposal_no_one_could_decide_is_refused_and_nothing_is_kept(director, head, case):
    """A director who proposes the head, in a centre with no deputy: the head may not
    decide her own appointment, the director not her own proposal. The proposal is
    refused at once with the reason, not left waiting for no one."""
    with pytest.raises(BusinessRuleError, match="Không còn ai duyệt được đề xuất này"):
        services.propose_assignment(actor=director, case=case, performer=head)
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_ASSIGNMENT
    assert not Assignment.objects.filter(case=case).exists()


def test_the_head_still_decides_the_appointment_of_others(staff, head, director, officer, case):
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    assert list(selectors.approval_inbox(head)) == [assignment]
    assert list(selectors.approval_inbox(director)) == []
    with pytest.raises(BusinessRuleError, match="Chỉ Trưởng phòng"):
        services.approve_assignment(actor=director, assignment=assignment)


def test_head_of_other_department_cannot_approve(staff, admin_head, officer, case):
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    with pytest.raises(BusinessRuleError, match="Chỉ Trưởng phòng"):
        services.approve_assignment(actor=admin_head, assignment=assignment)


def test_director_does_not_approve_when_the_department_has_a_head(
    staff, head, director, officer, case
):
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    with pytest.raises(BusinessRuleError, match="Chỉ Trưởng phòng"):
        services.approve_assignment(actor=director, assignment=assignment)


def test_director_approves_when_the_department_has_no_head(
    staff, director, officer, branch, performers
):
    assert branch.head is None
    case = accepted_case(staff, branch, form=Form.LITIGATION)
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=director, assignment=assignment)
    case.refresh_from_db()
    assignment.refresh_from_db()
    assert (assignment.status, assignment.decided_by) == (AssignmentStatus.APPROVED, director)
    assert (case.status, case.performer) == (CaseStatus.ASSIGNED, officer)
    assert case.appointed_at == timezone.now()
    assert case.history.latest().history_user == director


def test_second_decision_is_told_it_was_already_decided(staff, head, officer, case):
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=head, assignment=assignment)
    with pytest.raises(BusinessRuleError, match=r"đã được quyết định .*Nông Thị Hạnh"):
        services.approve_assignment(actor=head, assignment=assignment)
    with pytest.raises(BusinessRuleError, match="đã được quyết định"):
        services.return_assignment(actor=head, assignment=assignment, note="x")


def test_already_decided_message_gives_the_time_in_vietnam(staff, head, officer, case):
    import datetime

    assignment = propose_checked(actor=staff, case=case, performer=officer)
    decided = case.accepted_at
    services.approve_assignment(actor=head, assignment=assignment, at=decided)
    local = decided.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    with pytest.raises(BusinessRuleError) as refused:
        services.approve_assignment(actor=head, assignment=assignment)
    assert f"lúc {local:%H:%M %d/%m/%Y}" in refused.value.message


def test_returning_needs_a_reason_and_reopens_the_case_for_proposal(staff, head, officer, case):
    assignment = propose_checked(actor=staff, case=case, performer=officer)
    with pytest.raises(BusinessRuleError, match="lý do trả lại"):
        services.return_assignment(actor=head, assignment=assignment, note="")
    services.return_assignment(actor=head, assignment=assignment, note="Đang quá tải")
    case.refresh_from_db()
    assert case.status == CaseStatus.AWAITING_ASSIGNMENT
    propose_checked(actor=staff, case=case, performer=officer)


def test_only_one_proposal_waits_at_a_time(staff, officer, lawyer, case):
    propose_checked(actor=staff, case=case, performer=officer)
    with pytest.raises(BusinessRuleError, match="Không thể đề xuất cử người"):
        propose_checked(actor=staff, case=case, performer=lawyer)


def test_collaborator_is_refused_for_litigation(staff, collaborator, case):
    with pytest.raises(BusinessRuleError, match="Cộng tác viên chỉ thực hiện tư vấn"):
        propose_checked(actor=staff, case=case, performer=collaborator)


def test_collaborator_may_give_advice(staff, professional_office, collaborator, performers):
    advice = accepted_case(staff, professional_office, form=Form.ADVICE)
    assert propose_checked(actor=staff, case=advice, performer=collaborator)


def test_lawyer_whose_contract_has_ended_is_refused(staff, lawyer, lawyer_profile, case):
    lawyer_profile.contracts.update(end=timezone.localdate() - timedelta(days=1))
    with pytest.raises(BusinessRuleError, match=r"Hợp đồng .* không còn hiệu lực"):
        propose_checked(actor=staff, case=case, performer=lawyer)


def test_someone_without_a_performer_profile_is_refused(staff, case, director):
    with pytest.raises(BusinessRuleError, match="không có trong danh sách người thực hiện"):
        propose_checked(actor=staff, case=case, performer=director)


def test_performer_for_the_other_side_in_the_same_matter_is_refused(
    staff, head, officer, professional_office, performers
):
    assigned_case(staff, professional_office, officer, head, full_name="Lý Văn Bảo")
    opposing = accepted_case(
        staff, professional_office, full_name="Vy Thị Cúc", opposing_parties="Ly Van Bao\nUBND xã"
    )
    with pytest.raises(BusinessRuleError, match=r"Điều 25.2"):
        propose_checked(actor=staff, case=opposing, performer=officer)


def test_replacement_goes_through_the_same_approval(
    staff, head, officer, lawyer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    replacement = propose_checked(actor=staff, case=case, performer=lawyer, reason="Xung đột lịch")
    assert replacement.kind == Assignment.Kind.REPLACE
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert case.performer == officer
    services.approve_assignment(actor=head, assignment=replacement)
    case.refresh_from_db()
    assert case.performer == lawyer
    assert case.status == CaseStatus.IN_PROGRESS
    statuses = sorted(case.assignments.values_list("status", flat=True))
    assert statuses == [AssignmentStatus.APPROVED, AssignmentStatus.SUPERSEDED]


def test_replacement_by_the_same_performer_is_refused(
    staff, head, officer, professional_office, performers
):
    case = assigned_case(staff, professional_office, officer, head)
    with pytest.raises(BusinessRuleError, match="đang là người thực hiện"):
        propose_checked(actor=staff, case=case, performer=officer)


def test_returned_replacement_keeps_the_current_performer(
    staff, head, officer, lawyer, professional_office, performers
):
    case = assigned_case(staff, professional_office, officer, head)
    replacement = propose_checked(actor=staff, case=case, performer=lawyer)
    services.return_assignment(actor=head, assignment=replacement, note="Không cần thay")
    case.refresh_from_db()
    assert case.performer == officer
    assert case.status == CaseStatus.ASSIGNED


def test_no_proposal_for_a_closed_case(
    staff, head, officer, lawyer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head)
    services.close_case(actor=officer, case=case, outcome="done", outcome_note="Đã trả lời")
    with pytest.raises(BusinessRuleError, match="Không thể đề xuất cử người"):
        propose_checked(actor=staff, case=case, performer=lawyer)


def test_performer_change_request_is_answered_once(
    staff, head, officer, professional_office, performers
):
    case = assigned_case(staff, professional_office, officer, head)
    change = services.request_performer_change(actor=staff, case=case, reason="Không hợp tác")
    with pytest.raises(BusinessRuleError, match="đang chờ trả lời"):
        services.request_performer_change(actor=staff, case=case, reason="Lần hai")
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.answer_performer_change(actor=officer, change=change, accept=True, answer="x")
    services.answer_performer_change(
        actor=head, change=change, accept=True, answer="Chấp nhận, sẽ cử người khác."
    )
    change.refresh_from_db()
    assert change.status == ChangeRequestStatus.ACCEPTED
    assert change.answered_by == head
    with pytest.raises(BusinessRuleError, match="đã được trả lời"):
        services.answer_performer_change(actor=head, change=change, accept=False, answer="x")


def test_performer_change_needs_a_working_case_and_a_reason(staff, case):
    with pytest.raises(BusinessRuleError, match="Không thể ghi nhận đề nghị"):
        services.request_performer_change(actor=staff, case=case, reason="x")
