"""Appraisal end to end: plan → draw → appraisers → decision → sheet → conclusion → case."""

from datetime import date
from decimal import Decimal

import pytest

from cases.models import Appraisal, AppraisalCriterion, Case, GradeBand
from cases.rules import appraisal as rules
from cases.services import appraisal as services
from cases.states import AppraisalStatus, PlanStatus
from tests.factories import UserFactory
from tgpl.documents.models import IssuedDocument
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

from .appraisal_factories import closed_case, plan_for, scope, sheet
from .factories import make_performer

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(staff, head, officer_profile, lawyer_profile, professional_office, officer, lawyer):
    return [
        closed_case(staff, professional_office, officer, head, full_name="Một"),
        closed_case(staff, professional_office, officer, head, full_name="Hai"),
        closed_case(staff, professional_office, lawyer, head, full_name="Ba"),
    ]


@pytest.fixture
def appraiser_user(centre, professional_office):
    return UserFactory(
        username="thamdinh", full_name="Vi Thị Thẩm", centre=centre,
        department=professional_office, roles=[Role.LEGAL_AID_OFFICER],
    )  # fmt: skip


def decided_plan(director, appraiser_user, **overrides):
    plan = plan_for(director, **overrides)
    services.draw_cases(actor=director, plan=plan)
    for appraisal in plan.appraisals.all():
        services.assign_appraiser(actor=director, appraisal=appraisal, user=appraiser_user)
    services.issue_appraisers_decision(actor=director, plan=plan)
    plan.refresh_from_db()
    return plan


def test_a_case_is_appraised_from_plan_to_its_page(director, appraiser_user, closed):
    plan = decided_plan(director, appraiser_user)
    assert plan.status == PlanStatus.IN_APPRAISAL
    assert IssuedDocument.objects.filter(kind="QĐ", object_id=plan.pk).exists()
    appraisal = plan.appraisals.get(case=closed[0])
    services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=sheet(85), submit=True)
    appraisal.refresh_from_db()
    assert (appraisal.status, appraisal.total, appraisal.grade) == ("submitted", 85, rules.GOOD)
    services.approve_appraisal(actor=director, appraisal=appraisal, conclusion="Đạt loại khá.")
    appraisal.refresh_from_db()
    case = Case.objects.get(pk=closed[0].pk)
    assert appraisal.status == AppraisalStatus.APPROVED
    assert "appraisal_report" in case.file_items
    assert ("appraisal_report", True) in [(code, have) for code, _label, have in case.checklist()]
    assert IssuedDocument.objects.filter(kind="BC", object_id=appraisal.pk).exists()


def test_all_cases_of_the_scope_are_drawn_when_the_plan_says_all(director, closed):
    plan = plan_for(director)
    drawn = services.draw_cases(actor=director, plan=plan)
    assert {a.case_id for a in drawn} == {c.pk for c in closed}


def test_a_share_still_covers_every_performer(director, closed, officer, lawyer):
    plan = plan_for(director, share_percent=10)
    drawn = services.draw_cases(actor=director, plan=plan)
    assert {Case.objects.get(pk=a.case_id).performer_id for a in drawn} == {officer.pk, lawyer.pk}


def test_a_plan_draws_only_once(director, closed):
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    with pytest.raises(BusinessRuleError):
        services.draw_cases(actor=director, plan=plan)


def test_the_performer_may_not_appraise_their_own_case(director, closed, officer):
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    appraisal = plan.appraisals.get(case=closed[0])
    with pytest.raises(BusinessRuleError, match="chính mình"):
        services.assign_appraiser(actor=director, appraisal=appraisal, user=officer)


@pytest.mark.parametrize("who", ["staff", "head"])
def test_who_proposed_or_approved_the_assignment_may_not_appraise(director, closed, who, request):
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    appraisal = plan.appraisals.get(case=closed[0])
    with pytest.raises(BusinessRuleError, match="đề xuất hoặc duyệt"):
        services.assign_appraiser(
            actor=director, appraisal=appraisal, user=request.getfixturevalue(who)
        )


def test_the_decision_needs_an_appraiser_for_every_case(director, appraiser_user, closed):
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    services.assign_appraiser(
        actor=director, appraisal=plan.appraisals.first(), user=appraiser_user
    )
    with pytest.raises(BusinessRuleError, match="chưa có người thẩm định"):
        services.issue_appraisers_decision(actor=director, plan=plan)


def test_a_breach_of_article_6_1_fails_a_full_score(director, appraiser_user, closed):
    plan = decided_plan(director, appraiser_user)
    appraisal = plan.appraisals.first()
    services.save_sheet(
        actor=appraiser_user,
        appraisal=appraisal,
        sheet=sheet(100, breach_6_1=True, breach_note="Nhận tiền của người được TGPL"),
        submit=True,
    )
    appraisal.refresh_from_db()
    assert (appraisal.total, appraisal.grade) == (100, rules.FAIL)


def test_a_breach_must_say_what_it_was(director, appraiser_user, closed):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    with pytest.raises(BusinessRuleError, match="vi phạm"):
        services.save_sheet(
            actor=appraiser_user, appraisal=appraisal, sheet=sheet(100, breach_6_1=True)
        )


def test_a_sub_score_over_its_maximum_is_refused(director, appraiser_user, closed):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    scores = sheet(90).scores | {"2a": Decimal("6")}
    with pytest.raises(BusinessRuleError, match="tối đa"):
        services.save_sheet(
            actor=appraiser_user, appraisal=appraisal, sheet=services.Sheet(scores=scores)
        )


def test_an_incomplete_sheet_may_be_kept_but_not_submitted(director, appraiser_user, closed):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    partial = services.Sheet(scores={"1a": Decimal("9.5")}, satisfaction_source="phone")
    services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=partial)
    with pytest.raises(BusinessRuleError, match="Chưa chấm đủ"):
        services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=partial, submit=True)


def test_the_satisfaction_source_is_recorded_before_submitting(director, appraiser_user, closed):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    with pytest.raises(BusinessRuleError, match="lấy ý kiến"):
        services.save_sheet(
            actor=appraiser_user,
            appraisal=appraisal,
            sheet=sheet(90, satisfaction_source=""),
            submit=True,
        )


def test_someone_not_assigned_may_not_score(director, appraiser_user, closed, head):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.save_sheet(actor=head, appraisal=appraisal, sheet=sheet(90))


def test_a_returned_sheet_is_scored_again(director, appraiser_user, closed):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=sheet(60), submit=True)
    services.return_appraisal(actor=director, appraisal=appraisal, note="Xem lại tiêu chí 2c.")
    services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=sheet(72), submit=True)
    appraisal.refresh_from_db()
    assert (appraisal.status, appraisal.grade) == ("submitted", rules.GOOD)


def test_only_the_director_approves_the_conclusion(director, appraiser_user, closed, head):
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=sheet(95), submit=True)
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        services.approve_appraisal(actor=head, appraisal=appraisal)


def test_criteria_are_judged_on_the_day_the_case_ended(director, appraiser_user, closed):
    """A new version of a criterion from 01/12/2026 does not apply to a case ended before."""
    AppraisalCriterion.objects.filter(code="2a").update(valid_to=date(2026, 11, 30))
    AppraisalCriterion.objects.create(
        code="2a", group=2, label="Mới", max_points=8, position=4, valid_from=date(2026, 12, 1)
    )
    appraisal = decided_plan(director, appraiser_user).appraisals.first()
    assert appraisal.criteria_on == date(2026, 11, 18)
    criteria, _ = services.sheet_rules(appraisal.criteria_on)
    assert next(c for c in criteria if c.code == "2a").max_points == 5
    criteria_later, _ = services.sheet_rules(date(2026, 12, 1))
    assert next(c for c in criteria_later if c.code == "2a").max_points == 8


def test_bands_are_data_judged_on_the_date(director):
    assert GradeBand.objects.in_force(date(2026, 11, 18)).count() == 4
    assert GradeBand.objects.in_force(date(2018, 1, 1)).count() == 0


def test_a_draw_of_an_empty_scope_is_refused(director):
    with pytest.raises(BusinessRuleError, match="Không có vụ việc"):
        services.draw_cases(actor=director, plan=plan_for(director))


def test_the_doj_organises_a_plan_of_a_centre_of_its_province(reviewer, centre, closed, officer):
    plan = services.create_plan(
        actor=reviewer,
        centre=centre,
        scope=scope(),
    )
    assert plan.organiser == "doj"
    services.draw_cases(actor=reviewer, plan=plan)
    assert Appraisal.objects.filter(plan=plan).count() == 3


def test_a_lawyer_may_be_invited_to_appraise_another_performers_case(
    director, closed, centre, professional_office
):
    invited = UserFactory(
        username="lsmoi", full_name="Luật Sư Mời", centre=centre, roles=[Role.CONTRACTED_LAWYER]
    )
    make_performer(invited, kind="contracted_lawyer")
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    row = services.assign_appraiser(
        actor=director, appraisal=plan.appraisals.first(), user=invited, invited=True
    )
    assert row.invited


def test_appraisers_and_the_director_are_told(
    director, appraiser_user, closed, django_capture_on_commit_callbacks
):
    from tgpl.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        plan = decided_plan(director, appraiser_user)
    assert Notification.objects.filter(recipient=appraiser_user).count() == len(closed)
    appraisal = plan.appraisals.first()
    with django_capture_on_commit_callbacks(execute=True):
        services.save_sheet(actor=appraiser_user, appraisal=appraisal, sheet=sheet(90), submit=True)
    assert Notification.objects.filter(recipient=director, title__contains="chờ duyệt").exists()
