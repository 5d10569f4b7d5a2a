"""Numbers of outgoing documents (Nghị định 30/2020, Điều 15): per centre, type and year."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from plans.models import Plan
from plans.services.issuing import issue_plan
from tests.factories import UserFactory
from tests.plans.factories import PlanFactory, PlanItemFactory
from tgpl.documents.models import DocumentCounter, IssuedDocument
from tgpl.documents.services import issue_document
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

pytestmark = pytest.mark.django_db

JAN_5 = datetime.date(2026, 1, 5)


def issue(centre, actor, kind="QĐ", on=JAN_5, **kwargs):
    return issue_document(
        centre=centre, kind=kind, subject="Về việc cử người thực hiện", actor=actor, on=on, **kwargs
    )


def test_numbers_follow_each_other_with_a_leading_zero(centre, director):
    numbers = [issue(centre, director).number_text for _ in range(10)]
    assert numbers[:2] == ["01/QĐ-TGPL", "02/QĐ-TGPL"]
    assert numbers[8:] == ["09/QĐ-TGPL", "10/QĐ-TGPL"]


def test_each_type_and_each_centre_has_its_own_series(centre, other_centre, director):
    other_director = UserFactory(centre=other_centre, roles=[Role.DIRECTOR])
    assert issue(centre, director, "QĐ").serial == 1
    assert issue(centre, director, "TB").number_text == "01/TB-TGPL"
    assert issue(centre, director, "QĐ").serial == 2
    assert issue(other_centre, other_director, "QĐ").serial == 1


def test_numbering_restarts_on_the_first_of_january(centre, director):
    issue(centre, director, on=datetime.date(2025, 12, 31))
    last = issue(centre, director, on=datetime.date(2025, 12, 31))
    first = issue(centre, director, on=datetime.date(2026, 1, 1))
    assert (last.year, last.serial) == (2025, 2)
    assert (first.year, first.serial, first.number_text) == (2026, 1, "01/QĐ-TGPL")


def test_a_number_is_never_reused_even_if_its_register_row_disappears(centre, director):
    issue(centre, director)
    second = issue(centre, director)
    IssuedDocument.objects.filter(pk=second.pk).delete()
    assert issue(centre, director).serial == 3


def test_numbers_given_outside_the_register_are_skipped(centre, director):
    assert issue(centre, director, kind="KH", after=19).number_text == "20/KH-TGPL"
    assert issue(centre, director, kind="KH", after=3).serial == 21


def test_the_register_row_points_to_its_object(centre, director):
    plan = PlanFactory(centre=centre, number=None)
    issued = issue(centre, director, kind="KH", obj=plan)
    assert issued.obj == plan
    assert issued.issued_by == director
    assert issued.issued_on == JAN_5


@pytest.mark.parametrize("persona", ["lawyer", "reviewer", "other_centre_staff", "collaborator"])
def test_only_the_centres_leaders_heads_and_staff_issue_numbers(request, centre, persona):
    with pytest.raises(BusinessRuleError, match="không có quyền"):
        issue(centre, request.getfixturevalue(persona))
    assert not DocumentCounter.objects.exists()


@pytest.mark.parametrize("persona", ["director", "head", "staff"])
def test_leaders_heads_and_staff_issue_numbers(request, centre, persona):
    assert issue(centre, request.getfixturevalue(persona)).serial == 1


def test_unknown_type_code_is_refused(centre, director):
    with pytest.raises(BusinessRuleError, match="không có trong danh mục"):
        issue(centre, director, kind="CV")


# --- issuing a plan ------------------------------------------------------------------


def approved_plan(centre, **kwargs):
    plan = PlanFactory(centre=centre, number=None, status=Plan.Status.APPROVED, **kwargs)
    PlanItemFactory(plan=plan)
    return plan


def test_issuing_a_plan_gives_it_the_next_kh_number_and_todays_date(centre, staff):
    plan = approved_plan(centre, year=2026)
    issued = issue_plan(plan=plan, actor=staff)
    plan.refresh_from_db()
    assert plan.number_text == issued.number_text == "01/KH-TGPL"
    assert plan.date == issued.issued_on
    assert issued.obj == plan
    assert "01/kh-tgpl" in plan.search_key
    assert plan.history.first().history_change_reason == "Cấp số 01/KH-TGPL"


def test_issuing_skips_numbers_of_plans_entered_with_their_number(centre, staff):
    today = timezone.localdate()
    PlanFactory(centre=centre, number=19, year=today.year, date=today)
    plan = approved_plan(centre, year=today.year)
    assert issue_plan(plan=plan, actor=staff).number_text == "20/KH-TGPL"


def test_a_plan_with_a_number_or_not_approved_is_not_issued(centre, staff):
    numbered = approved_plan(centre)
    numbered.number = 7
    numbered.save()
    with pytest.raises(BusinessRuleError, match="đã có số 07/KH-TGPL"):
        issue_plan(plan=numbered, actor=staff)
    draft = PlanFactory(centre=centre, number=None, status=Plan.Status.DRAFT)
    with pytest.raises(BusinessRuleError, match="đã được phê duyệt"):
        issue_plan(plan=draft, actor=staff)
    assert not IssuedDocument.objects.exists()


# --- concurrency (PostgreSQL: real row locks) ----------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_issuers_never_get_the_same_number(centre, director):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (runs in CI)")
    workers, per_worker = 8, 5
    results: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def work():
        try:
            start.wait()
            for _ in range(per_worker):
                results.append(issue(centre, director).serial)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == list(range(1, workers * per_worker + 1))
    assert DocumentCounter.objects.get().last_serial == workers * per_worker


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_numbers_of_a_new_year_create_one_series(centre, director):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (runs in CI)")
    workers = 6
    results: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def work():
        try:
            start.wait()
            results.append(issue(centre, director, on=datetime.date(2027, 1, 1)).serial)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(results) == list(range(1, workers + 1))
    assert DocumentCounter.objects.filter(year=2027).count() == 1
