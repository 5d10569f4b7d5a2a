"""The limits of the home page come from the maintained due rows (issue 18.2): a head
sees the department's running out, a performer their own, the director the late ones;
a met limit leaves the page; another department's limit is not the head's."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from cases import home, services
from cases.models import CaseDue
from cases.states import Form
from tests.cases.factories import accepted_case, assigned_case, make_performer, propose_checked
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def texts(view) -> list[str]:
    return [line.label for line in view.lines]


def test_a_head_sees_the_departments_appointment_limit_running_out(
    staff, head, officer, professional_office
):
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    due = CaseDue.objects.get(case=case)  # 03 working days to appoint
    with time_machine.travel(due.due_at - datetime.timedelta(days=1), tick=False):
        view = home.head(head, timezone.localdate())
    assert "Vụ việc của phòng sắp hết thời hạn" in texts(view)
    [line] = [line for line in view.lines if case.code in line.label]
    assert line.url == f"/cases/{case.pk}/"
    assert line.tone == "warning"
    assert re.fullmatch(r"hạn \d\d/\d\d/\d{4}", line.note)
    assert due.deadline.startswith("appoint")


def test_a_met_limit_leaves_the_heads_panel(staff, head, officer, professional_office):
    make_performer(officer)
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    soon = CaseDue.objects.get(case=case).due_at - datetime.timedelta(days=1)
    with time_machine.travel(soon, tick=False):
        assert any(case.code in t for t in texts(home.head(head, timezone.localdate())))
    propose = propose_checked(actor=staff, case=case, performer=officer)
    services.approve_assignment(actor=head, assignment=propose)
    with time_machine.travel(soon, tick=False):
        after = texts(home.head(head, timezone.localdate()))
    assert not any(case.code in t and "Điều" in t for t in after), after
    assert not CaseDue.objects.filter(case=case, deadline__startswith="appoint").exists()


def test_another_departments_limit_is_not_the_heads(staff, head, centre):
    branch = DepartmentFactory(centre=centre, name="Chi nhánh số 9", short_code="CN9")
    case = accepted_case(staff, branch, form=Form.LITIGATION)
    ours = accepted_case(staff, head.department, form=Form.LITIGATION)
    soon = CaseDue.objects.get(case=case).due_at - datetime.timedelta(days=1)
    with time_machine.travel(soon, tick=False):
        lines = texts(home.head(head, timezone.localdate()))
    assert any(ours.code in t for t in lines)
    assert not any(case.code in t for t in lines)


def test_the_director_sees_a_late_limit_counted_and_named(staff, director, professional_office):
    case = accepted_case(staff, professional_office, form=Form.LITIGATION)
    due = CaseDue.objects.get(case=case).due_at
    with time_machine.travel(due + datetime.timedelta(days=2), tick=False):
        view = home.centre_glance(director, timezone.localdate())
    counted = [line for line in view.lines if line.label == "Thời hạn đã quá"]
    assert counted
    assert counted[0].count == 1
    [line] = [line for line in view.lines if case.code in line.label]
    assert line.tone == "danger"
    assert line.note.startswith("quá hạn từ ")


def test_a_performer_sees_the_written_advice_limit_of_their_case(
    staff, head, officer, professional_office
):
    make_performer(officer)
    case = assigned_case(staff, professional_office, officer, head, form=Form.ADVICE)
    due = CaseDue.objects.get(case=case, deadline="written_advice").due_at
    with time_machine.travel(due - datetime.timedelta(days=1), tick=False):
        mine = home.performer(officer, timezone.localdate())
        other = home.performer(head, timezone.localdate())
    assert any(case.code in t and "văn bản" in t.lower() for t in texts(mine)), texts(mine)
    assert not any(case.code in t for t in texts(other))
