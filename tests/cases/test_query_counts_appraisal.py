"""Every appraisal and quota list page makes the same number of queries at 3 and at 15 rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import (
    Appraisal,
    AppraisalPlan,
    Appraiser,
    Case,
    CaseCriterion,
    CaseCriterionMark,
    CoPerformer,
    TimeAppraisal,
)
from cases.states import AppraisalStatus, CaseStatus, Form, PlanStatus
from tests.factories import UserFactory
from tgpl.roles import Role

from .factories import RequestFactory, make_performer

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(director):
    return AppraisalPlan.objects.create(
        centre=director.centre, title="Kế hoạch", period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31), forms=[Form.LITIGATION], seed="x",
        status=PlanStatus.IN_APPRAISAL, created_by=director, created_at=timezone.now(),
    )  # fmt: skip


def make_rows(n, *, plan, staff, department, lawyer, director):
    """n closed cases of as many officers, appraised (approved), with marks, co-performers
    and time checks: every relation a list page shows."""
    year = timezone.localdate().year
    start = Case.objects.count()
    criterion = CaseCriterion.objects.filter(catalogue="successful").first()
    for i in range(start, start + n):
        officer = UserFactory(
            centre=staff.centre, department=department, username=f"tgvq{i}",
            roles=[Role.LEGAL_AID_OFFICER],
        )  # fmt: skip
        make_performer(officer)
        req = RequestFactory(
            received_by=staff,
            department=department,
            case_department=department,
            status="accepted",
            form=Form.LITIGATION,
        )
        case = Case.objects.create(
            centre=staff.centre, request=req, department=department, received_by=staff,
            register_year=year,
            register_number=i + 1, code=f"TT.TGTT.{i + 1:02d}.{year}", form=Form.LITIGATION,
            status=CaseStatus.CLOSED, accepted_at=timezone.now(), accepted_by=staff,
            performer=officer, ended_at=timezone.now(),
        )  # fmt: skip
        appraisal = Appraisal.objects.create(
            plan=plan, case=case, criteria_on=date(2026, 11, 18), status=AppraisalStatus.APPROVED,
            total=Decimal(80 + i % 20), grade="good", approved_by=director,
            approved_at=timezone.now(),
        )  # fmt: skip
        Appraiser.objects.create(appraisal=appraisal, user=lawyer, assigned_by=director)
        CaseCriterionMark.objects.create(
            case=case, criterion=criterion, recorded_by=officer, recorded_at=timezone.now()
        )
        CoPerformer.objects.create(case=case, user=director, added_by=director)
        TimeAppraisal.objects.create(
            case=case, performer=officer, checker=lawyer, assigned_by=director,
            assigned_at=timezone.now(), claimed_hours=4, claimed_work="Bào chữa",
        )  # fmt: skip


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# (page, persona, pinned number of queries)
PAGES = [
    ("cases:appraisal_plans", "director", None, 6),
    ("cases:appraisal_plan", "director", "plan", 11),
    ("cases:appraisal_results", "director", None, 7),
    ("cases:appraisal_results", "reviewer", None, 6),
    ("cases:my_appraisals", "lawyer", None, 7),
    ("cases:time_checks", "lawyer", None, 7),
    ("cases:quotas", "director", None, 11),
]


@pytest.mark.parametrize(("page", "persona", "arg", "pinned"), PAGES)
def test_list_page_query_count_does_not_grow_with_rows(
    page, persona, arg, pinned, request, login, staff, director, lawyer, professional_office, plan
):
    client = login(request.getfixturevalue(persona))
    url = reverse(page, args=[plan.pk] if arg else [])
    rows = {"plan": plan, "staff": staff, "department": professional_office, "lawyer": lawyer,
            "director": director}  # fmt: skip
    make_rows(3, **rows)
    client.get(url)  # caches of the process (content types) warmed
    small = count(client, url)
    make_rows(12, **rows)
    large = count(client, url)
    assert small == large
    assert small == pinned


def test_the_plans_list_counts_each_plans_appraisals_drawn_and_approved(
    login, staff, director, lawyer, professional_office, plan
):
    make_rows(3, plan=plan, staff=staff, department=professional_office, lawyer=lawyer,
              director=director)  # fmt: skip
    Appraisal.objects.filter(pk=plan.appraisals.order_by("pk")[0].pk).update(
        status=AppraisalStatus.SUBMITTED
    )
    empty = AppraisalPlan.objects.create(
        centre=director.centre, title="Kế hoạch mới", period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30), forms=[Form.LITIGATION], seed="y",
        created_by=director, created_at=timezone.now(),
    )  # fmt: skip
    page = login(director).get(reverse("cases:appraisal_plans")).context["page"]
    counts = {p.pk: (p.drawn, p.approved) for p in page}
    assert counts == {plan.pk: (3, 2), empty.pk: (0, 0)}
