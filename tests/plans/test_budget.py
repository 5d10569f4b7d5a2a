# ruff: noqa: E501 - tables and calls read best one case per line
"""The plan's budget by line (issue 17.8): planned, funded (Quyết định giao dự toán),
committed, paid and left per line, a line not funded marked, a payment beyond the funding
refused unless the director allows the over-spend, fees and outreach costs reaching the
lines through tgpl.spending, who may do what, the page's pinned query count."""

import re
from datetime import date

import pytest
from django.urls import reverse

from outreach.models import BroadcastContract
from plans.models import BudgetEntry, BudgetLine
from plans.rules.budget import line_figures
from plans.services import budget as svc
from tgpl import spending
from tgpl.errors import BusinessRuleError

from .factories import PlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(centre, director):
    return PlanFactory(centre=centre, created_by=director, year=2026)


def line(plan, actor, label, planned, kind=BudgetLine.Kind.OTHER, item=None):
    return svc.add_budget_line(actor=actor, plan=plan, label=label, planned_vnd=planned,
                               kind=kind, item=item)  # fmt: skip


def pay(actor, ln, amount, kind=BudgetEntry.Kind.PAYMENT, **kw):
    return svc.record_entry(actor=actor, line=ln, kind=kind, amount_vnd=amount,
                            on=date(2026, 11, 10), what="Chi", **kw)  # fmt: skip


def figures(ln):
    from plans.selectors_budget import figures_of

    return figures_of([ln.pk], {ln.pk: ln.planned_vnd})[ln.pk]


def test_the_figures_of_a_line_by_hand():
    # funded 100 + 20; a commitment of 50 settled by 30; a commitment of 10; a payment of 25
    f = line_figures(150, [100, 20], {1: 50, 2: 10}, [(30, 1), (25, None)])
    assert (f.planned, f.funded, f.committed, f.paid, f.left) == (150, 120, 30, 55, 35)
    assert f.is_funded
    assert not line_figures(10, [], {}, []).is_funded  # "chưa giao dự toán", not "0 đ given"


def test_the_sums_per_line_and_the_unfunded_line(login, plan, director, admin_head):
    outreach = line(plan, director, "Truyền thông trên Đài", 40_000_000, BudgetLine.Kind.OUTREACH)
    fees = line(plan, admin_head, "Thù lao vụ việc", 100_000_000, BudgetLine.Kind.FEES)
    it = line(plan, director, "Phần mềm", 15_000_000)
    svc.record_funding_decision(actor=director, plan=plan, number="125/QĐ-STP", on=date(2026, 2, 1),
                                issuer="Sở Tư pháp tỉnh Lạng Sơn",
                                amounts={outreach.pk: 30_000_000, fees.pk: 80_000_000})  # fmt: skip
    svc.record_funding_decision(actor=admin_head, plan=plan, number="310/QĐ-STP", on=date(2026, 7, 1),
                                issuer="Sở Tư pháp tỉnh Lạng Sơn", amounts={fees.pk: 10_000_000})  # fmt: skip
    contract = pay(director, outreach, 24_000_000, BudgetEntry.Kind.COMMITMENT)
    pay(director, outreach, 8_000_000, settles=contract)
    pay(director, fees, 12_500_000)
    o, f, i = figures(outreach), figures(fees), figures(it)
    assert (o.planned, o.funded, o.committed, o.paid, o.left) == (40_000_000, 30_000_000, 16_000_000, 8_000_000, 6_000_000)  # fmt: skip
    assert (f.funded, f.committed, f.paid, f.left) == (90_000_000, 0, 12_500_000, 77_500_000)
    assert not i.is_funded
    assert i.left == 0
    with pytest.raises(BusinessRuleError, match="chưa giao dự toán"):
        pay(admin_head, it, 1_000_000)

    html = login(director).get(reverse("plans:budget", args=[plan.pk])).content.decode()
    assert "chưa giao dự toán" in html
    assert "77.500.000" in html
    assert "<svg" in html  # the chart beside the table
    svg = html[html.index("<svg") : html.index("</svg>")]
    # lengths with a decimal point: the Vietnamese "10,0" is no SVG length
    assert not re.search(r'(?:x|y|width)="[0-9]+,[0-9]', svg)
    assert "125/QĐ-STP" in html


def test_a_payment_beyond_the_funding_is_refused_unless_the_director_allows_it(
    plan, director, admin_head
):
    ln = line(plan, director, "Tài liệu", 10_000_000, BudgetLine.Kind.MATERIALS)
    svc.record_funding_decision(actor=director, plan=plan, number="1/QĐ", on=date(2026, 2, 1),
                                issuer="Sở Tư pháp", amounts={ln.pk: 10_000_000})  # fmt: skip
    pay(admin_head, ln, 9_000_000)
    with pytest.raises(
        BusinessRuleError, match=r"Vượt dự toán được giao: dòng này chỉ còn 1\.000\.000 đồng"
    ):
        pay(admin_head, ln, 2_000_000)
    with pytest.raises(BusinessRuleError, match="Chỉ Giám đốc"):
        pay(admin_head, ln, 2_000_000, over_spend=True)
    entry = pay(director, ln, 2_000_000, over_spend=True)
    assert entry.over_spend
    assert figures(ln).left == -1_000_000
    assert entry.history.first().history_change_reason == "Chi vượt dự toán (Giám đốc cho phép)"


def test_who_may_manage_the_budget(plan, director, admin_head, head, staff, officer, reviewer):
    for user in (head, staff, officer):
        with pytest.raises(BusinessRuleError):
            line(plan, user, "x", 1)
    from tgpl import roles

    assert roles.can_see_budget(staff, plan.centre)
    assert not roles.can_see_budget(officer, plan.centre)
    assert not roles.can_see_budget(reviewer)
    assert roles.can_manage_budget(admin_head, plan.centre)
    assert not roles.can_allow_over_spend(admin_head, plan.centre)


def test_budget_pages_answer_by_role(login, client, plan, director, staff, officer, reviewer):
    url = reverse("plans:budget", args=[plan.pk])
    assert client.get(url).status_code == 302  # to the login page
    assert login(officer).get(url).status_code == 403
    assert login(reviewer).get(url).status_code in (403, 404)
    assert login(staff).get(url).status_code == 200
    action = reverse("plans:budget_action", args=[plan.pk, "line"])
    assert (
        login(staff).post(action, {"label": "x", "kind": "other", "planned_vnd": 1}).status_code
        == 403
    )
    c = login(director)
    assert c.get(action).status_code == 405
    assert (
        c.post(
            action, {"label": "In tờ gấp", "kind": "materials", "planned_vnd": 5_000_000}
        ).status_code
        == 302
    )
    assert plan.budget_lines.get().label == "In tờ gấp"
    assert c.get(reverse("plans:budget_sources", args=[plan.pk])).status_code == 200


def test_a_plan_copied_to_next_year_keeps_its_lines_as_planned(plan, director):
    from plans import services

    task = PlanItemFactory(plan=plan, budget_vnd=12_000_000, title="In tờ gấp năm 2026")
    on_task = line(
        plan, director, "In tờ gấp năm 2026", 12_000_000, BudgetLine.Kind.MATERIALS, item=task
    )
    other = line(plan, director, "Chi khác", 3_000_000)
    svc.record_funding_decision(actor=director, plan=plan, number="2/QĐ", on=date(2026, 2, 1),
                                issuer="Sở Tư pháp", amounts={on_task.pk: 12_000_000})  # fmt: skip
    pay(director, on_task, 5_000_000)
    copy = services.copy_plan_to_next_year(plan=plan, actor=director)
    lines = list(copy.budget_lines.select_related("item"))
    assert [(x.label, x.kind, x.planned_vnd, x.position) for x in lines] == [
        ("In tờ gấp năm 2027", "materials", 12_000_000, on_task.position),
        ("Chi khác", "other", 3_000_000, other.position),
    ]
    assert lines[0].item.plan == copy  # on the copied task, not the old one
    assert lines[0].item.path == task.path
    assert lines[1].item is None
    assert (figures(lines[0]).funded, figures(lines[0]).paid) == (0, 0)  # funding stays behind
    assert not copy.funding_decisions.exists()
    assert lines[0].history.latest().history_user == director


def test_lines_from_the_tasks_budgets(plan, director):
    PlanItemFactory(plan=plan, budget_vnd=12_000_000, title="In tờ gấp")
    PlanItemFactory(plan=plan, budget_vnd=None)
    made = svc.lines_from_tasks(actor=director, plan=plan)
    assert [x.planned_vnd for x in made] == [12_000_000]
    assert svc.lines_from_tasks(actor=director, plan=plan) == []  # not twice


def test_outreach_and_fees_reach_the_lines_through_the_spending_registry(
    login, plan, director, centre
):
    ln = line(plan, director, "Phát sóng", 50_000_000, BudgetLine.Kind.OUTREACH)
    svc.record_funding_decision(actor=director, plan=plan, number="2/QĐ", on=date(2026, 2, 1),
                                issuer="Sở Tư pháp", amounts={ln.pk: 20_000_000})  # fmt: skip
    contract = BroadcastContract.objects.create(centre=centre, number="05/2026/HĐ", partner_name="Đài PT-TH tỉnh",
                                                start=date(2026, 3, 1), end=date(2026, 12, 31), amount_vnd=18_000_000)  # fmt: skip
    reference = f"outreach:contract:{contract.pk}"
    found = spending.find(director, 2026, reference)
    assert (found.kind, found.amount_vnd) == (spending.COMMITMENT, 18_000_000)
    c = login(director)
    page = c.get(reverse("plans:budget_sources", args=[plan.pk])).content.decode()
    assert "HĐ 05/2026/HĐ" in page
    # the amount is read from the source, never from the form
    response = c.post(reverse("plans:budget_action", args=[plan.pk, "source"]),
                      {"reference": reference, "line": ln.pk, "amount_vnd": 1})  # fmt: skip
    assert response.status_code == 302
    entry = ln.entries.get()
    assert (entry.kind, entry.amount_vnd, entry.source) == ("commitment", 18_000_000, "outreach")
    assert figures(ln).committed == 18_000_000
    assert (
        "HĐ 05/2026/HĐ"
        not in c.get(reverse("plans:budget_sources", args=[plan.pk])).content.decode()
    )
    with pytest.raises(BusinessRuleError, match="đã được ghi"):
        svc.record_from_source(actor=director, line=ln, reference=reference)
    assert {s.key for s in spending.sources()} >= {"fees", "outreach"}


@pytest.mark.parametrize("size", [1, 6])
def test_the_budget_page_query_count_is_pinned(
    login, plan, director, size, django_assert_num_queries
):
    lines = [line(plan, director, f"Dòng {n}", 1_000_000 * (n + 1)) for n in range(size)]
    svc.record_funding_decision(actor=director, plan=plan, number="9/QĐ", on=date(2026, 2, 1),
                                issuer="Sở Tư pháp", amounts={x.pk: 1_000_000 for x in lines})  # fmt: skip
    for x in lines:
        pay(director, x, 500_000)
    c = login(director)
    with django_assert_num_queries(14):
        assert c.get(reverse("plans:budget", args=[plan.pk])).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_the_budget_sources_page_query_count_is_pinned(
    login, plan, director, centre, size, django_assert_num_queries
):
    """Each pending row offers the plan's lines: read once for the page, not per row."""
    for n in range(3):
        line(plan, director, f"Dòng {n}", 10_000_000, BudgetLine.Kind.OUTREACH)
    for n in range(size):
        BroadcastContract.objects.create(centre=centre, number=f"{n + 1}/2026/HĐ", partner_name="Đài PT-TH tỉnh",
                                         start=date(2026, 3, 1), end=date(2026, 12, 31), amount_vnd=1_000_000)  # fmt: skip
    c = login(director)
    with django_assert_num_queries(12):
        page = c.get(reverse("plans:budget_sources", args=[plan.pk])).content.decode()
    assert page.count('name="line"') == size
    assert page.count(">Dòng 2</option>") == size
    # an outreach cost suggests the plan's first outreach line
    first = plan.budget_lines.get(label="Dòng 0").pk
    assert page.count(f'<option value="{first}" selected>Dòng 0</option>') == size
