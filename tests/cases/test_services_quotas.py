"""The quota decision of a year and officers' progress with shared cases (domain.md 2.5)."""

from datetime import date
from fractions import Fraction

import pytest

from cases import selectors_appraisal as sa
from cases.models import OfficerQuota, Performer
from cases.services import quotas as services
from cases.states import Form
from tests.factories import UserFactory
from tgpl.documents.models import IssuedDocument
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

from .factories import assigned_case, make_performer

pytestmark = pytest.mark.django_db


@pytest.fixture
def officers(centre, professional_office, officer, head):
    """Officers appointed in 2015, 2022, 2025 and in September 2026 (hand-computed tiers)."""
    make_performer(officer)
    Performer.objects.filter(user=officer).update(appointed_on=date(2015, 3, 1))
    make_performer(head)
    Performer.objects.filter(user=head).update(appointed_on=date(2022, 6, 1))
    newer = UserFactory(
        username="tgvmoi", full_name="Mới Bổ Nhiệm", centre=centre,
        department=professional_office, roles=[Role.LEGAL_AID_OFFICER],
    )  # fmt: skip
    make_performer(newer)
    Performer.objects.filter(user=newer).update(appointed_on=date(2026, 9, 1))
    late = UserFactory(
        username="tgvmuon", full_name="Vừa Bổ Nhiệm", centre=centre,
        department=professional_office, roles=[Role.LEGAL_AID_OFFICER],
    )  # fmt: skip
    make_performer(late)
    Performer.objects.filter(user=late).update(appointed_on=date(2026, 10, 1))
    return {"officer": officer, "head": head, "newer": newer, "late": late}


def levels(line: OfficerQuota):
    return (int(line.pass_from), int(line.good_from), int(line.excellent_from))


def test_the_decision_gives_each_officer_the_tier_of_their_seniority(director, officers):
    decision = services.prepare_quota_decision(actor=director, centre=director.centre, year=2026)
    lines = {line.user_id: line for line in decision.lines.all()}
    assert levels(lines[officers["officer"].pk]) == (13, 21, 27)  # 11 years
    assert levels(lines[officers["head"].pk]) == (10, 15, 21)  # 4 years
    assert levels(lines[officers["newer"].pk]) == (2, 4, 6)  # 4 months of 6/12/16
    assert "chưa đủ 4 tháng" in lines[officers["late"].pk].exempt_reason


def test_a_leader_from_july_and_an_absence_are_recorded(director, officers):
    decision = services.prepare_quota_decision(actor=director, centre=director.centre, year=2026)
    line = decision.lines.get(user=officers["officer"])
    services.update_officer_quota(
        actor=director, line=line, leader_from=date(2026, 7, 1), absent_months=0
    )
    assert levels(line) == (10, 16, 21)
    services.update_officer_quota(actor=director, line=line, leader_from=None, absent_months=9)
    assert "Vắng mặt trên 8 tháng" in line.exempt_reason


def test_the_decision_is_issued_once_with_its_number(director, officers):
    decision = services.prepare_quota_decision(actor=director, centre=director.centre, year=2026)
    services.issue_quota_decision(actor=director, decision=decision)
    assert IssuedDocument.objects.filter(kind="QĐ", object_id=decision.pk).exists()
    with pytest.raises(BusinessRuleError):
        services.issue_quota_decision(actor=director, decision=decision)
    line = decision.lines.first()
    with pytest.raises(BusinessRuleError):
        services.update_officer_quota(actor=director, line=line, leader_from=None, absent_months=1)


def test_only_the_director_prepares_the_decision(head, officers):
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.prepare_quota_decision(actor=head, centre=head.centre, year=2026)


def test_a_shared_case_counts_half_for_each_officer(
    director, staff, head, officers, professional_office
):
    officer = officers["officer"]
    one = assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION, full_name="B")
    services.add_co_performer(actor=head, case=one, user=officers["newer"])
    counts = sa.litigation_counts(director.centre_id, 2026)
    assert counts[officer.pk] == Fraction(3, 2)
    assert counts[officers["newer"].pk] == Fraction(1, 2)
    rows = {r.user.pk: r for r in sa.quota_rows(director, director.centre_id, 2026)}
    assert rows[officer.pk].count_text == "1,5"
    assert rows[officer.pk].behind


def test_one_officers_count_reads_only_their_cases_and_keeps_the_shares(
    director, staff, head, officers, professional_office
):
    officer, newer = officers["officer"], officers["newer"]
    shared = assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    assigned_case(staff, professional_office, officer, head, form=Form.LITIGATION, full_name="B")
    services.add_co_performer(actor=head, case=shared, user=newer)
    everyone = sa.litigation_counts(director.centre_id, 2026)
    # the co-performer's share of a case performed by someone else
    assert sa.litigation_counts(director.centre_id, 2026, [newer.pk]) == {newer.pk: Fraction(1, 2)}
    assert sa.litigation_counts(director.centre_id, 2026, [officer.pk]) == {
        officer.pk: everyone[officer.pk]
    }
    assert sa.litigation_counts(director.centre_id, 2026, [officers["late"].pk]) == {}
    (mine,) = sa.quota_rows(newer, director.centre_id, 2026, only=newer)
    assert mine.count == Fraction(1, 2)


def test_the_counts_split_shared_cases_and_count_the_others_whole(
    director, staff, head, officers, professional_office
):
    """Cases done alone are counted by the database, shared ones split in Python: the
    sum is what splitting every case by hand gives (case_shares over all of them)."""
    from cases.models import Case, CoPerformer
    from cases.rules.quotas import case_shares

    officer, newer, late = officers["officer"], officers["newer"], officers["late"]

    def make(who, name, form=Form.LITIGATION):
        approver = director if who == head else head  # a head's own appointment: the director
        return assigned_case(staff, professional_office, who, approver, form=form, full_name=name)

    alone = [make(officer, "A"), make(officer, "B"), make(head, "C")]
    two, three = make(officer, "D"), make(head, "E")
    services.add_co_performer(actor=head, case=two, user=newer)
    services.add_co_performer(actor=head, case=three, user=officer)
    services.add_co_performer(actor=head, case=three, user=late)
    make(newer, "F", Form.ADVICE)  # advice is not counted: litigation only
    Case.objects.filter(pk=alone[2].pk).update(status="discontinued")
    by_hand = {}
    for case in Case.objects.filter(form=Form.LITIGATION).exclude(status="discontinued"):
        by_hand[case.pk] = [
            case.performer_id,
            *CoPerformer.objects.filter(case=case).values_list("user_id", flat=True),
        ]
    expected = case_shares(by_hand)
    assert sa.litigation_counts(director.centre_id, 2026) == expected
    assert expected == {officer.pk: Fraction(17, 6), head.pk: Fraction(1, 3),
                        newer.pk: Fraction(1, 2), late.pk: Fraction(1, 3)}  # fmt: skip
    for user_id, share in expected.items():  # one officer's count: their own cases only
        assert sa.litigation_counts(director.centre_id, 2026, [user_id]) == {user_id: share}
    assert sa.litigation_counts(director.centre_id, 2026, [officer.pk, late.pk]) == {
        officer.pk: expected[officer.pk],
        late.pk: expected[late.pk],
    }
    assert sa.litigation_counts(director.centre_id, 2027) == {}


def test_the_performer_is_not_their_own_co_performer(staff, head, officers, professional_office):
    case = assigned_case(
        staff, professional_office, officers["officer"], head, form=Form.LITIGATION
    )
    with pytest.raises(BusinessRuleError, match="đang là người thực hiện"):
        services.add_co_performer(actor=head, case=case, user=officers["officer"])
