"""Assignment waits for the conflict-of-interest check (issue 17.5): proposing and
approving are refused while no check cleared the performer for the case, while the last
check found a conflict, or when a match appeared since; allowed after a decision, which
the assignment records (history)."""

import pytest
from django.urls import reverse

from cases import services
from cases.models import ConflictCheck
from cases.services import conflicts
from cases.states import AssignmentStatus, Form
from tgpl.errors import BusinessRuleError

from .factories import accepted_case, clear_conflicts, receive

pytestmark = pytest.mark.django_db
ASSIGNMENT = ConflictCheck.Stage.ASSIGNMENT


@pytest.fixture
def case(staff, professional_office, performers):
    return accepted_case(
        staff, professional_office, form=Form.LITIGATION, full_name="Lý Thị Mến",
        identity_number="", opposing_parties="Nguyễn Văn An",
    )  # fmt: skip


def test_proposal_is_refused_without_a_check_for_that_performer(staff, officer, lawyer, case):
    with pytest.raises(BusinessRuleError, match="Chưa kiểm tra xung đột lợi ích"):
        services.propose_assignment(actor=staff, case=case, performer=officer)
    clear_conflicts(staff, case, lawyer)  # cleared for someone else
    with pytest.raises(BusinessRuleError, match="Chưa kiểm tra xung đột lợi ích"):
        services.propose_assignment(actor=staff, case=case, performer=officer)


def test_a_match_must_be_decided_with_a_reason_before_the_proposal(staff, head, officer, case):
    earlier = receive(staff, full_name="Nguyễn Văn An", identity_number="")
    with pytest.raises(BusinessRuleError, match="trường hợp trùng"):
        conflicts.record_conflict_check(
            actor=staff, request=case.request, stage=ASSIGNMENT, decision="no_conflict",
            performer=officer,
        )  # fmt: skip
    conflicts.record_conflict_check(
        actor=staff, request=case.request, stage=ASSIGNMENT, decision="conflict",
        note="Trung tâm đang giúp ông An.", performer=officer,
    )  # fmt: skip
    with pytest.raises(BusinessRuleError, match="có xung đột lợi ích"):
        services.propose_assignment(actor=staff, case=case, performer=officer)
    check = conflicts.record_conflict_check(
        actor=staff, request=case.request, stage=ASSIGNMENT, decision="proceed",
        note="Ông An ở yêu cầu khác là người cùng tên, khác địa chỉ.", performer=officer,
    )  # fmt: skip
    assignment = services.propose_assignment(actor=staff, case=case, performer=officer)
    assert assignment.conflict_check == check
    assert check.found[0]["request"] == earlier.pk
    recorded = f"xung đột lợi ích #{check.pk}: 1 trùng, không xung đột, có lý do"
    assert recorded in assignment.history.latest().history_change_reason
    services.approve_assignment(actor=head, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.status == AssignmentStatus.APPROVED
    assert recorded in assignment.history.latest().history_change_reason
    assert assignment.conflict_check.note.startswith("Ông An")


def test_approval_is_refused_when_a_match_appeared_since_the_check(staff, head, officer, case):
    clear_conflicts(staff, case, officer)  # nothing found then
    assignment = services.propose_assignment(actor=staff, case=case, performer=officer)
    receive(staff, full_name="Nguyễn Văn An", identity_number="")  # the other side asks
    with pytest.raises(BusinessRuleError, match="trường hợp trùng mới"):
        services.approve_assignment(actor=head, assignment=assignment)
    clear_conflicts(staff, case, officer)  # decided now, with its reason
    services.approve_assignment(actor=head, assignment=assignment)


def test_the_assignment_form_leads_to_the_check_and_back(login, staff, officer_profile, case):
    client = login(staff)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    check_url = reverse("cases:conflict_check", args=[case.request_id])
    assert f"{check_url}?stage=assignment" in page
    refused = client.post(
        reverse("cases:case_action", args=[case.pk, "propose"]),
        {"performer": officer_profile.pk},
    )
    assert refused.status_code == 400
    assert "Chưa kiểm tra xung đột lợi ích" in refused.content.decode()
    response = client.post(
        check_url,
        {"stage": "assignment", "performer": officer_profile.pk, "decision": "no_conflict"},
    )
    assert response.url == reverse("cases:case_detail", args=[case.pk])
    done = client.post(
        reverse("cases:case_action", args=[case.pk, "propose"]),
        {"performer": officer_profile.pk},
    )
    assert done.status_code == 302
