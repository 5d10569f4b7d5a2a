"""Events of requests and cases reach the person who must act, once, in the bell and by
e-mail for those who want it; a notice names the case, never the aided person."""

import pytest
from django.core import mail

from cases import services
from cases.states import Form
from tests.cases.factories import propose_checked
from tgpl.kernel import events
from tgpl.models import Notification, NotificationPreference

from .factories import accepted_case, assigned_case, make_performer

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_events(django_capture_on_commit_callbacks):
    """Services run with their after-commit side effects, as in a request."""

    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            return call()

    return run


def notices(user):
    return list(Notification.objects.filter(recipient=user).values_list("title", flat=True))


def test_a_proposal_waiting_reaches_the_head_in_the_bell_and_by_email(
    staff, head, officer, professional_office, run_events
):
    head.email = "hanh@tgpl.local"
    head.save()
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    run_events(lambda: propose_checked(actor=staff, case=case, performer=officer))
    assert notices(head) == [f"Đề xuất cử người chờ duyệt: vụ việc {case.code}"]
    note = Notification.objects.get(recipient=head)
    assert note.url == "/cases/inbox/"
    assert [m.to for m in mail.outbox] == [["hanh@tgpl.local"]]
    assert case.request.full_name not in mail.outbox[0].body  # the e-mail leaves the intranet
    assert notices(staff) == []  # the proposer knows what they did


def test_approval_tells_the_proposer_and_the_performer(
    staff, head, officer, professional_office, run_events
):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    run_events(lambda: services.approve_assignment(actor=head, assignment=proposal))
    assert notices(staff) == [f"Đề xuất cử người đã được duyệt: vụ việc {case.code}"]
    assert notices(officer) == [f"Anh/chị được cử thực hiện vụ việc {case.code}"]


def test_a_returned_proposal_tells_the_proposer_why(
    staff, head, officer, professional_office, run_events
):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    proposal = propose_checked(actor=staff, case=case, performer=officer)
    run_events(
        lambda: services.return_assignment(actor=head, assignment=proposal, note="Đang quá tải")
    )
    note = Notification.objects.get(recipient=staff)
    assert "bị trả lại" in note.title
    assert "Đang quá tải" in note.body
    assert notices(officer) == []


def test_a_replacement_tells_the_new_and_the_former_performer(
    staff, head, officer, lawyer, professional_office, run_events
):
    make_performer(officer)
    make_performer(lawyer, kind="contracted_lawyer")
    case = assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    proposal = propose_checked(actor=staff, case=case, performer=lawyer)
    run_events(lambda: services.approve_assignment(actor=head, assignment=proposal))
    assert notices(lawyer) == [f"Anh/chị được cử thực hiện vụ việc {case.code}"]
    assert f"Anh/chị được thay thế ở vụ việc {case.code}" in notices(officer)


def test_a_change_of_performer_is_asked_of_the_head_and_answered_to_who_recorded_it(
    staff, head, officer, professional_office, run_events
):
    make_performer(officer)
    case = assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    change = run_events(
        lambda: services.request_performer_change(actor=staff, case=case, reason="Xin đổi")
    )
    assert notices(head) == [f"Đề nghị thay đổi người thực hiện: vụ việc {case.code}"]
    run_events(
        lambda: services.answer_performer_change(
            actor=head, change=change, accept=False, answer="Không có căn cứ"
        )
    )
    title = f"Đã trả lời đề nghị thay đổi người thực hiện: vụ việc {case.code}"
    assert title in notices(staff)
    assert title in notices(officer)


def test_acceptance_at_a_branch_tells_the_branch_head(staff, branch, branch_head, run_events):
    case = run_events(lambda: accepted_case(staff, branch))
    assert notices(branch_head) == [f"Vụ việc mới thụ lý tại {branch.name}: {case.code}"]


def test_no_email_for_who_turned_it_off_and_no_notice_twice(
    staff, head, officer, professional_office, run_events
):
    head.email = "hanh@tgpl.local"
    head.save()
    NotificationPreference.objects.create(user=head, email_enabled=False)
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    run_events(lambda: propose_checked(actor=staff, case=case, performer=officer))
    assert mail.outbox == []
    message = events.OutboxMessage.objects.get(topic="assignment_proposed")
    events.OutboxMessage.objects.filter(pk=message.pk).update(processed_at=None)
    events.deliver(message.pk)  # delivered again (a retry after a crash)
    assert len(notices(head)) == 1
