# ruff: noqa: E501 - tables read best one case per line
"""Complaints (Luật TGPL Điều 45): their limits at the boundary, the steps, the figures,
and who may do what (issue 17)."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.urls import reverse

from cases.models import Complaint
from cases.rules import complaints as rules
from cases.selectors_proceedings import complaint_figures, complaint_limits
from cases.services import complaints as svc
from tests.clock import VN, vn
from tgpl.errors import BusinessRuleError
from tgpl.workdays import WorkCalendar

from .factories import accepted_case

CAL = WorkCalendar(extra_workdays=[date(2026, 8, 22)])


def end_of(y, m, d):
    return datetime.combine(date(y, m, d), time.max, tzinfo=VN)


@pytest.mark.parametrize(
    ("facts", "key", "due", "article"),
    [
        (rules.ComplaintFacts(received_at=vn(2026, 11, 20, 16, 59)), "accept", end_of(2026, 11, 26), "Điều 45: 03 ngày làm việc, 24/11 nghỉ"),
        (rules.ComplaintFacts(received_at=vn(2026, 11, 16), accepted_at=vn(2026, 11, 16, 10)), "decide", end_of(2026, 12, 1), "Điều 45: 15 ngày"),
        (rules.ComplaintFacts(received_at=vn(2026, 11, 12), accepted_at=vn(2026, 11, 13, 10)), "decide", end_of(2026, 11, 30), "Điều 45: 15 ngày, ngày cuối thứ Bảy → thứ Hai (BLDS Điều 148)"),
        (rules.ComplaintFacts(received_at=vn(2026, 10, 1), accepted_at=vn(2026, 10, 2), decided_at=vn(2026, 10, 9), appealed_at=vn(2026, 11, 9)), "appeal_decide", end_of(2026, 11, 25), "Điều 45: Sở 15 ngày; 24/11 nghỉ → 25/11"),
    ],
)  # fmt: skip
def test_complaint_limits(facts, key, due, article):
    running = {r.rule.key: r for r in rules.complaint_limits(facts, CAL, now=vn(2026, 11, 18))}
    assert running[key].due == due, article


def test_a_decline_meets_the_acceptance_limit():
    facts = rules.ComplaintFacts(received_at=vn(2026, 11, 16), declined_at=vn(2026, 11, 20, 9))
    [accept] = rules.complaint_limits(facts, CAL, now=vn(2026, 11, 25))
    assert accept.state == "late"  # 03 working days from Mon 16/11 end on Thu 19/11


@pytest.fixture
def complaint(db, staff, professional_office, lawyer):
    case = accepted_case(staff, professional_office)
    return svc.receive_complaint(
        actor=staff,
        fields={
            "complainant_name": "Hoàng Thị Bích Ngọc",
            "against": Complaint.Against.CENTRE,
            "ground": "refusal",
            "case": case,
            "content": "Trung tâm chậm cử người.",
            "received_at": vn(2026, 11, 18, 8),
        },
    )


def test_the_steps_of_a_complaint_and_the_sos_appeal(complaint, director, staff):
    with pytest.raises(BusinessRuleError):
        svc.accept_complaint(actor=staff, complaint=complaint)  # the head decides
    svc.accept_complaint(actor=director, complaint=complaint)
    with pytest.raises(BusinessRuleError, match="nội dung quyết định"):
        svc.decide_complaint(actor=director, complaint=complaint, result="rejected", text="")
    svc.decide_complaint(
        actor=director, complaint=complaint, result="partly", text="Đã cử người ngay."
    )
    svc.record_appeal(actor=staff, complaint=complaint)
    with time_machine.travel(vn(2026, 11, 30, 9), tick=False):
        c = svc.record_appeal_decision(
            actor=staff, complaint=complaint, result="rejected", text="Giữ nguyên."
        )
    assert c.status == "closed"
    states = [lim.state for lim in complaint_limits(c, now=vn(2026, 12, 1))]
    assert states == ["done", "done", "done"]
    assert c.history.count() == 5


def test_a_decided_complaint_cannot_be_accepted_again(complaint, director):
    svc.accept_complaint(actor=director, complaint=complaint)
    with pytest.raises(BusinessRuleError):
        svc.accept_complaint(actor=director, complaint=complaint)


def test_a_complaint_against_a_performer_names_one(db, staff):
    with pytest.raises(BusinessRuleError, match="người thực hiện"):
        svc.receive_complaint(
            actor=staff,
            fields={
                "complainant_name": "A",
                "against": "performer",
                "ground": "unlawful",
                "content": "x",
            },
        )


def test_figures_count_by_ground_and_result(complaint, director):
    svc.accept_complaint(actor=director, complaint=complaint)
    svc.decide_complaint(actor=director, complaint=complaint, result="upheld", text="Đúng.")
    figures = complaint_figures(director, 2026)
    assert figures["total"] == 1
    assert figures["upheld"] == 1
    assert dict(figures["by_ground"])["Từ chối thụ lý yêu cầu TGPL"] == 1


@pytest.mark.django_db
def test_complaint_pages_permissions(client, login, complaint, staff, lawyer, reviewer, director):
    url = reverse("cases:complaint_list")
    assert client.get(url).status_code == 302
    assert login(lawyer).get(url).status_code == 403
    assert login(reviewer).get(url).status_code == 403
    assert (
        login(lawyer).get(reverse("cases:complaint_detail", args=[complaint.pk])).status_code == 404
    )
    assert login(staff).get(url).status_code == 200
    step = reverse("cases:complaint_action", args=[complaint.pk, "accept"])
    assert login(director).get(step).status_code == 405
    response = login(director).post(step, {"at": "18/11/2026 09:00"})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "accepted"


@pytest.mark.parametrize("rows", [1, 5])
def test_complaint_list_query_count_is_pinned(
    login, staff, professional_office, rows, django_assert_num_queries
):
    for n in range(rows):
        svc.receive_complaint(
            actor=staff,
            fields={
                "complainant_name": f"Người {n}",
                "against": "centre",
                "ground": "change",
                "content": "x",
            },
        )
    client = login(staff)
    with django_assert_num_queries(7):
        assert client.get(reverse("cases:complaint_list")).status_code == 200
