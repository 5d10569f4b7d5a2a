"""A task with quantity targets takes its percent from them: never typed, never 100 %
while a target reads 0/128; thousands separators wherever a quantity is printed."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader
from pytest_django.asserts import assertContains, assertNotContains

from plans import services
from plans.models import PlanItem, QuantityTarget
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.errors import BusinessRuleError

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 6, 1)


@pytest.fixture
def plan(centre, staff):
    return PlanFactory(centre=centre, created_by=staff, number=12, year=2026)


@pytest.fixture
def task(plan, admin_office, director):
    item = PlanItemFactory(
        plan=plan, path="II.1", title="Lắp đặt bảng thông tin, phát tờ gấp", budget_vnd=177400000
    )
    lead(item, admin_office)
    QuantityTarget.objects.create(item=item, label="Bảng thông tin", target=128)
    QuantityTarget.objects.create(item=item, label="Tờ gấp", target=80000)
    services.approve_plan(plan=plan, actor=director)
    return item


def targets(task):
    return {q.label: q for q in task.quantities.all()}


def report(task, actor, label, count, **extra):
    return services.record_progress(
        item=task,
        actor=actor,
        on=DAY,
        note="Đã thực hiện",
        quantity=targets(task)[label],
        quantity_achieved=count,
        **extra,
    )


# (reports of Bảng thông tin / 128, Tờ gấp / 80.000), percent by hand, status
TABLE = [
    ([("Bảng thông tin", 64)], 25, "in_progress", "(50 + 0) / 2"),
    ([("Tờ gấp", 80000)], 50, "in_progress", "(0 + 100) / 2"),
    ([("Bảng thông tin", 128), ("Tờ gấp", 20000)], 62, "in_progress", "(100 + 25) / 2 = 62.5"),
    ([("Bảng thông tin", 200), ("Tờ gấp", 0 + 1)], 50, "in_progress", "200/128 capped at 100"),
    ([("Bảng thông tin", 128), ("Tờ gấp", 80000)], 100, "done", "both met: done by itself"),
]


@pytest.mark.parametrize(("reports", "percent", "status", "why"), TABLE)
def test_the_percent_follows_the_targets(task, staff, reports, percent, status, why):
    for label, count in reports:
        report(task, staff, label, count)
    task.refresh_from_db()
    assert (task.percent, task.status) == (percent, status), why


def test_a_typed_percent_is_refused_when_the_task_has_targets(task, staff):
    with pytest.raises(BusinessRuleError, match="tính từ số lượng đã thực hiện"):
        services.record_progress(item=task, actor=staff, on=DAY, note="x", percent=100)
    task.refresh_from_db()
    assert task.percent == 0


def test_done_is_refused_while_a_target_reads_0_of_128(task, staff):
    with pytest.raises(BusinessRuleError, match=r"0/128 Bảng thông tin; 0/80\.000 Tờ gấp"):
        services.record_progress(item=task, actor=staff, on=DAY, note="Xong", done=True)
    with pytest.raises(BusinessRuleError, match="0/128 Bảng thông tin"):
        report(task, staff, "Tờ gấp", 80000, done=True)
    task.refresh_from_db()
    assert (task.percent, task.status) == (0, PlanItem.Status.NOT_STARTED)
    assert not task.updates.exists()  # the refused report left nothing behind


def test_done_when_the_last_target_is_met(task, staff):
    report(task, staff, "Tờ gấp", 80000)
    report(task, staff, "Bảng thông tin", 128, done=True)
    task.refresh_from_db()
    assert (task.percent, task.status) == (100, PlanItem.Status.DONE)


def test_a_task_without_targets_keeps_its_typed_percent(task, staff, admin_office):
    other = PlanItemFactory(plan=task.plan, path="II.2")
    lead(other, admin_office)
    services.record_progress(item=other, actor=staff, on=DAY, note="x", percent=40)
    other.refresh_from_db()
    assert other.percent == 40


def test_the_progress_form_has_no_percent_for_a_task_with_targets(login, staff, task):
    page = login(staff).get(reverse("plans:item", args=[task.pk]))
    assertNotContains(page, 'name="percent"')
    assertContains(page, "Tờ gấp (0/80.000)")


# --- thousands separators ---------------------------------------------------------------


def test_quantities_and_money_carry_separators_on_every_page(login, staff, task):
    report(task, staff, "Tờ gấp", 12500)
    client = login(staff)
    detail = client.get(reverse("plans:detail", args=[task.plan_id])).content.decode()
    assert "12.500/80.000 Tờ gấp" in detail
    assert "177.400.000 đ" in detail
    item = client.get(reverse("plans:item", args=[task.pk])).content.decode()
    assert "12.500/80.000" in item
    assert "+12.500 Tờ gấp" in item
    assert "177.400.000 đ" in item
    for html in (detail, item):
        assert "80000" not in html
        assert "12500" not in html


def test_the_board_and_list_counts_carry_separators(login, staff, plan, admin_office, task):
    PlanItem.objects.bulk_create(
        PlanItem(plan=plan, path=f"III.{n}", position=100 + n, title=f"Việc {n}", kind="task")
        for n in range(1, 1200)
    )
    page = login(staff).get(reverse("plans:index")).content.decode()
    assert "0/1.200" in page


def test_the_plan_pdf_prints_money_with_separators(login, staff, task):
    response = login(staff).get(reverse("plans:document_pdf", args=[task.plan_id]))
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages
    )
    assert "177.400.000đ" in text
    assert "177400000" not in text


def test_the_migration_recomputes_tasks_left_at_100_with_targets_at_0(plan, admin_office):
    """The old demo marked tasks done at 100 % with only their first target counted."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "plans.migrations.0005_task_closing_and_progress_from_targets"
    )
    wrong = PlanItemFactory(plan=plan, path="IV.1", percent=100, status=PlanItem.Status.DONE)
    QuantityTarget.objects.create(item=wrong, label="Bảng thông tin", target=128, achieved=0)
    QuantityTarget.objects.create(item=wrong, label="Tờ gấp", target=80000, achieved=80000)
    plain = PlanItemFactory(plan=plan, path="IV.2", percent=70)
    migration.percent_from_targets(apps, None)
    wrong.refresh_from_db()
    plain.refresh_from_db()
    assert (wrong.percent, wrong.status) == (50, PlanItem.Status.DONE)
    assert plain.percent == 70  # no target: the typed percent stays
