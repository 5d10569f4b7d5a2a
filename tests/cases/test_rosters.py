# ruff: noqa: E501 - tables read best one case per line
"""Duty rosters: refused with a clear message for a performer on leave or on another duty,
a collaborator on a litigation duty, a contract not valid that day; issued as the
official document with the performers' phones (issue 17)."""

from datetime import date, time

import pytest
from django.urls import reverse

from cases.documents import ROSTER, roster_notice
from cases.models import DutyRoster, LawyerContract
from cases.rules import rosters as rules
from cases.services import rosters as svc
from tests.factories import AgencyFactory
from tgpl.errors import BusinessRuleError
from tgpl.models import Agency

DAY = date(2026, 12, 7)
MORNING = rules.Shift(DAY, time(7, 30), time(11, 30), "Tòa án nhân dân tỉnh")


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (rules.PerformerFacts("Lăng Thị Mai", rules.LEGAL_AID_OFFICER), []),
        (rules.PerformerFacts("Đinh Văn Hùng", rules.COLLABORATOR), ["cộng tác viên"]),
        (rules.PerformerFacts("Lăng Thị Mai", rules.LEGAL_AID_OFFICER, leaves=((date(2026, 12, 7), date(2026, 12, 9)),)), ["nghỉ phép từ 07/12/2026 đến 09/12/2026"]),
        (rules.PerformerFacts("Lăng Thị Mai", rules.LEGAL_AID_OFFICER, leaves=((date(2026, 12, 8), date(2026, 12, 9)),)), []),
        (rules.PerformerFacts("Trần Đức Long", rules.CONTRACTED_LAWYER, contracts=((date(2024, 1, 1), date(2026, 12, 6)),)), ["không có hiệu lực ngày 07/12/2026"]),
        (rules.PerformerFacts("Trần Đức Long", rules.CONTRACTED_LAWYER, contracts=((date(2024, 1, 1), date(2026, 12, 7)),)), []),
        (rules.PerformerFacts("Lăng Thị Mai", rules.LEGAL_AID_OFFICER, other_shifts=(rules.Shift(DAY, time(11, 0), time(17, 0), "Công an huyện"),)), ["đã có lịch trực Công an huyện"]),
        (rules.PerformerFacts("Lăng Thị Mai", rules.LEGAL_AID_OFFICER, other_shifts=(rules.Shift(DAY, time(11, 30), time(17, 0), "Công an huyện"),)), []),
        (rules.PerformerFacts("Lăng Thị Mai", rules.LEGAL_AID_OFFICER, active=False), ["không còn hoạt động"]),
    ],
)  # fmt: skip
def test_shift_problems(facts, expected):
    problems = rules.shift_problems(facts, MORNING)
    assert len(problems) == len(expected)
    for problem, fragment in zip(problems, expected, strict=True):
        assert fragment in problem


@pytest.fixture
def court(db):
    return AgencyFactory(kind=Agency.Kind.COURT, name="Tòa án nhân dân tỉnh Cao Bằng")


@pytest.fixture
def police(db):
    return AgencyFactory(kind=Agency.Kind.POLICE, name="Công an huyện Bảo Lạc")


@pytest.fixture
def roster(director, court):
    return svc.create_roster(actor=director, agency=court, year=2026, month=12)


def test_a_roster_is_for_a_procedural_body_once_a_month(director, court):
    doj = AgencyFactory(kind=Agency.Kind.DOJ)
    with pytest.raises(BusinessRuleError, match="Tòa án"):
        svc.create_roster(actor=director, agency=doj, year=2026, month=12)
    svc.create_roster(actor=director, agency=court, year=2026, month=12)
    with pytest.raises(BusinessRuleError, match="Đã có lịch trực"):
        svc.create_roster(actor=director, agency=court, year=2026, month=12)


def test_a_collaborator_is_refused_a_litigation_duty(roster, director, collaborator_profile):
    with pytest.raises(BusinessRuleError, match="cộng tác viên"):
        svc.add_shift(actor=director, roster=roster, performer=collaborator_profile.user,
                      day=DAY, phone="0912000000")  # fmt: skip


def test_a_performer_on_leave_is_refused(roster, director, officer_profile):
    svc.record_leave(actor=director, performer=officer_profile.user,
                     start=date(2026, 12, 7), end=date(2026, 12, 8), reason="Nghỉ phép năm")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="nghỉ phép từ 07/12/2026"):
        svc.add_shift(actor=director, roster=roster, performer=officer_profile.user, day=DAY,
                      phone="0912000000")  # fmt: skip


def test_a_performer_on_another_duty_at_the_same_time_is_refused(
    roster, director, officer_profile, police
):
    other = svc.create_roster(actor=director, agency=police, year=2026, month=12)
    svc.add_shift(actor=director, roster=other, performer=officer_profile.user, day=DAY,
                  start=time(13, 0), end=time(17, 0), phone="0912000000")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="đã có lịch trực Công an huyện Bảo Lạc"):
        svc.add_shift(actor=director, roster=roster, performer=officer_profile.user, day=DAY,
                      start=time(7, 30), end=time(14, 0), phone="0912000000")  # fmt: skip
    shift = svc.add_shift(actor=director, roster=roster, performer=officer_profile.user,
                          day=DAY, start=time(7, 30), end=time(12, 0), phone="0912000000")  # fmt: skip
    assert shift.pk


def test_a_lawyer_whose_contract_ended_is_refused(roster, director, lawyer_profile):
    LawyerContract.objects.filter(performer=lawyer_profile).update(end=date(2026, 12, 6))
    with pytest.raises(BusinessRuleError, match="không có hiệu lực ngày 07/12/2026"):
        svc.add_shift(actor=director, roster=roster, performer=lawyer_profile.user, day=DAY,
                      phone="0912000000")  # fmt: skip


def test_a_day_outside_the_month_and_a_missing_phone_are_refused(roster, director, officer_profile):
    with pytest.raises(BusinessRuleError, match="tháng 12/2026"):
        svc.add_shift(actor=director, roster=roster, performer=officer_profile.user,
                      day=date(2027, 1, 4), phone="0912000000")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="điện thoại"):
        svc.add_shift(actor=director, roster=roster, performer=officer_profile.user, day=DAY)


def test_leave_over_a_duty_already_set_is_refused(roster, director, officer_profile):
    svc.add_shift(actor=director, roster=roster, performer=officer_profile.user, day=DAY,
                  phone="0912000000")  # fmt: skip
    with pytest.raises(BusinessRuleError, match="đã có lịch trực ngày 07/12/2026"):
        svc.record_leave(actor=director, performer=officer_profile.user, start=DAY, end=DAY)


def test_an_issued_roster_is_the_document_with_the_phones_and_is_kept(
    roster, director, officer_profile, lawyer_profile
):
    with pytest.raises(BusinessRuleError, match="chưa có ca trực"):
        svc.issue_roster(actor=director, roster=roster)
    svc.add_shift(actor=director, roster=roster, performer=officer_profile.user, day=DAY,
                  phone="0912111222")  # fmt: skip
    svc.add_shift(actor=director, roster=roster, performer=lawyer_profile.user,
                  day=date(2026, 12, 8), phone="0988777666")  # fmt: skip
    roster = svc.issue_roster(actor=director, roster=roster)
    assert ROSTER.absent(roster) == ""
    doc = roster_notice(roster)
    text = " ".join(p.text for p in doc.body)
    assert "Trợ giúp viên pháp lý Lăng Thị Mai, điện thoại 0912111222" in text
    assert "Luật sư Trần Đức Long, điện thoại 0988777666" in text
    assert doc.addressees == ("Tòa án nhân dân tỉnh Cao Bằng",)
    with pytest.raises(BusinessRuleError, match="đã ban hành"):
        svc.add_shift(actor=director, roster=roster, performer=officer_profile.user,
                      day=date(2026, 12, 9), phone="0912111222")  # fmt: skip


def test_an_officer_cannot_build_rosters(court, officer):
    with pytest.raises(BusinessRuleError):
        svc.create_roster(actor=officer, agency=court, year=2026, month=12)


def test_roster_pages(client, login, roster, director, officer, reviewer, officer_profile):
    url = reverse("cases:roster_detail", args=[roster.pk])
    assert client.get(url).status_code == 302
    assert login(reviewer).get(reverse("cases:roster_list")).status_code == 403
    assert login(officer).get(url).status_code == 200
    add = reverse("cases:roster_action", args=[roster.pk, "add"])
    assert login(officer).post(add, {}).status_code == 403
    assert login(director).get(add).status_code == 405
    response = login(director).post(
        add,
        {"day": "07/12/2026", "start": "07:30", "end": "17:00",
         "performer": officer_profile.user.pk, "phone": "0912000000"},
    )  # fmt: skip
    assert response.status_code == 302
    assert roster.shifts.count() == 1
    refused = login(director).post(
        add,
        {"day": "07/12/2026", "start": "08:00", "end": "09:00",
         "performer": officer_profile.user.pk, "phone": "0912000000"},
    )  # fmt: skip
    assert refused.status_code == 400
    assert "đã có lịch trực" in refused.content.decode()


@pytest.mark.parametrize("rows", [1, 4])
def test_roster_list_query_count_is_pinned(login, director, rows, django_assert_num_queries):
    for n in range(rows):
        agency = AgencyFactory(kind=Agency.Kind.COURT, name=f"Tòa án số {n}")
        svc.create_roster(actor=director, agency=agency, year=2026, month=11)
    client = login(director)
    with django_assert_num_queries(7):
        assert client.get(reverse("cases:roster_list")).status_code == 200
    assert DutyRoster.objects.count() == rows


def test_the_issued_roster_downloads_as_pdf_and_gets_its_number(
    login, roster, director, officer_profile
):
    svc.add_shift(actor=director, roster=roster, performer=officer_profile.user, day=DAY,
                  phone="0912111222")  # fmt: skip
    svc.issue_roster(actor=director, roster=roster)
    client = login(director)
    pdf = client.get(reverse("cases:document", args=["roster", roster.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    number = client.post(reverse("cases:number_document", args=["roster", roster.pk]))
    assert number.status_code == 302
    page = client.get(reverse("cases:roster_detail", args=[roster.pk])).content.decode()
    assert "/TB-" in page
