"""Successful (QĐ 1179/QĐ-BTP) and complex/typical (TT 09/2018) checklists of a case, and
time appraisal (TT 12/2018 Điều 12)."""

from datetime import date
from decimal import Decimal

import pytest

from cases.models import CaseCriterion, CaseCriterionMark
from cases.services import appraisal as services
from cases.states import Form
from tgpl.errors import BusinessRuleError

from .appraisal_factories import closed_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(staff, head, officer, professional_office, performers):
    return closed_case(staff, professional_office, officer, head)


def criteria(catalogue, *codes):
    return list(CaseCriterion.objects.filter(catalogue=catalogue, code__in=codes))


def test_the_performer_records_the_successful_criteria(case, officer):
    services.record_case_checklist(
        actor=officer, case=case, catalogue="successful", criteria=criteria("successful", "hs1")
    )
    services.record_case_checklist(
        actor=officer, case=case, catalogue="successful",
        criteria=criteria("successful", "hs2", "hs3"),
    )  # fmt: skip
    marked = set(
        CaseCriterionMark.objects.filter(case=case).values_list("criterion__code", flat=True)
    )
    assert marked == {"hs2", "hs3"}


def test_complex_criteria_are_kept_apart_from_successful_ones(case, head):
    services.record_case_checklist(
        actor=head, case=case, catalogue="successful", criteria=criteria("successful", "hs1")
    )
    services.record_case_checklist(
        actor=head, case=case, catalogue="complex", criteria=criteria("complex", "c1", "hs5")
    )
    assert CaseCriterionMark.objects.filter(case=case).count() == 3


def test_a_criterion_not_in_force_when_the_case_ended_is_refused(case, head):
    later = CaseCriterion.objects.create(
        catalogue="successful", group="criminal", code="hs9", label="Tiêu chí mới",
        valid_from=date(2027, 1, 1),
    )  # fmt: skip
    with pytest.raises(BusinessRuleError, match="không áp dụng"):
        services.record_case_checklist(
            actor=head, case=case, catalogue="successful", criteria=[later]
        )


def test_success_is_only_for_litigation(staff, head, officer, professional_office, performers):
    advice = closed_case(staff, professional_office, officer, head, form=Form.REPRESENTATION)
    with pytest.raises(BusinessRuleError, match="tham gia tố tụng"):
        services.record_case_checklist(actor=head, case=advice, catalogue="successful", criteria=[])


def test_the_years_success_share_counts_each_closed_case_once(
    case, staff, head, officer, director, professional_office
):
    """Two closed litigation cases of the year, one marked successful on two criteria:
    one success of two (50 %), not two successes, nor a case counted twice."""
    from django.utils import timezone

    from cases import selectors_appraisal

    closed_case(staff, professional_office, officer, head)
    closed_case(staff, professional_office, officer, head, form=Form.REPRESENTATION)
    services.record_case_checklist(
        actor=officer, case=case, catalogue="successful",
        criteria=criteria("successful", "hs1", "hs2"),
    )  # fmt: skip
    results = selectors_appraisal.results(director, year=timezone.localdate().year)
    assert (results.litigation_closed, results.successful) == (2, 1)
    assert results.successful_percent == 50
    assert selectors_appraisal.results(director, year=timezone.localdate().year - 1).successful == 0


def test_the_confirmed_hours_are_kept_for_payment(case, head, staff):
    check = services.assign_time_appraisal(
        actor=head, case=case, checker=staff, claimed_hours=Decimal(12), claimed_work="3 buổi"
    )
    services.confirm_time_appraisal(
        actor=staff, time_appraisal=check, confirmed_hours=Decimal("10.5"), note="Bớt 1 buổi đi lại"
    )
    check.refresh_from_db()
    assert (check.status, check.confirmed_hours) == ("confirmed", Decimal("10.5"))


def test_fewer_hours_than_claimed_need_a_reason(case, head, staff):
    check = services.assign_time_appraisal(
        actor=head, case=case, checker=staff, claimed_hours=Decimal(12), claimed_work="3 buổi"
    )
    with pytest.raises(BusinessRuleError, match="lý do"):
        services.confirm_time_appraisal(
            actor=staff, time_appraisal=check, confirmed_hours=Decimal(8)
        )


def test_more_hours_than_claimed_are_refused(case, head, staff):
    check = services.assign_time_appraisal(
        actor=head, case=case, checker=staff, claimed_hours=Decimal(12), claimed_work="3 buổi"
    )
    with pytest.raises(BusinessRuleError, match="từ 0 đến số giờ kê khai"):
        services.confirm_time_appraisal(
            actor=staff, time_appraisal=check, confirmed_hours=Decimal(13)
        )


def test_the_performer_does_not_check_their_own_time(case, head, officer):
    with pytest.raises(BusinessRuleError, match="chính mình"):
        services.assign_time_appraisal(
            actor=head, case=case, checker=officer, claimed_hours=Decimal(4), claimed_work="x"
        )


def test_only_the_assigned_checker_confirms(case, head, staff, director):
    check = services.assign_time_appraisal(
        actor=head, case=case, checker=staff, claimed_hours=Decimal(4), claimed_work="x"
    )
    with pytest.raises(BusinessRuleError, match="Chỉ người được phân công"):
        services.confirm_time_appraisal(
            actor=director, time_appraisal=check, confirmed_hours=Decimal(4)
        )
