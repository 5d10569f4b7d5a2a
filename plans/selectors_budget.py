"""Reads of a plan's budget (issue 17.8): the figures of every line in a fixed number of
queries, the funding decisions, and the spending of the sources not recorded yet."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Sum

from tgpl import spending

from .models import BudgetEntry, BudgetLine, FundingAllocation, FundingDecision, Plan
from .rules.budget import ZERO, Figures, line_figures


def figures_of(line_ids: list[int], planned: dict[int, int]) -> dict[int, Figures]:
    """Two queries whatever the number of lines: the allocations, the entries."""
    allocated: dict[int, list[int]] = {pk: [] for pk in line_ids}
    for line_id, amount in (
        FundingAllocation.objects.filter(line_id__in=line_ids)
        .order_by()
        .values_list("line_id")
        .annotate(total=Sum("amount_vnd"))
    ):
        allocated[line_id].append(amount)
    commitments: dict[int, dict[int, int]] = {pk: {} for pk in line_ids}
    payments: dict[int, list[tuple[int, int | None]]] = {pk: [] for pk in line_ids}
    for pk, line_id, kind, amount, settles in BudgetEntry.objects.filter(
        line_id__in=line_ids
    ).values_list("pk", "line_id", "kind", "amount_vnd", "settles_id"):
        if kind == BudgetEntry.Kind.COMMITMENT:
            commitments[line_id][pk] = amount
        else:
            payments[line_id].append((amount, settles))
    return {
        pk: line_figures(planned[pk], allocated[pk], commitments[pk], payments[pk])
        for pk in line_ids
    }


@dataclass
class LineRow:
    line: BudgetLine
    figures: Figures


@dataclass
class Budget:
    plan: Plan
    rows: list[LineRow] = field(default_factory=list)
    total: Figures = ZERO
    decisions: list[FundingDecision] = field(default_factory=list)
    entries: list[BudgetEntry] = field(default_factory=list)

    @property
    def unfunded(self) -> list[LineRow]:
        return [r for r in self.rows if not r.figures.is_funded]


def budget_of(plan: Plan) -> Budget:
    """Five queries whatever the size: lines, allocations, entries, decisions with their
    allocations, and the entries listed with their line."""
    lines = list(plan.budget_lines.select_related("item"))
    figures = figures_of([x.pk for x in lines], {x.pk: x.planned_vnd for x in lines})
    budget = Budget(plan, [LineRow(x, figures[x.pk]) for x in lines])
    for row in budget.rows:
        budget.total = budget.total + row.figures
    budget.decisions = list(
        plan.funding_decisions.prefetch_related(
            Prefetch("allocations", queryset=FundingAllocation.objects.select_related("line"))
        )
    )
    budget.entries = list(
        BudgetEntry.objects.filter(line__plan=plan)
        .select_related("line", "recorded_by")
        .order_by("-on", "-pk")
    )
    return budget


@dataclass(frozen=True)
class Pending:
    spending: spending.Spending
    suggested_line_id: int | None


def pending_spending(user, plan: Plan, lines: list[BudgetLine]) -> list[Pending]:
    """What the sources report for the plan's year and no plan of the centre recorded yet,
    each with the line suggested: the line of a task it serves, else the first of its kind."""
    recorded = set(
        BudgetEntry.objects.filter(line__plan__centre_id=plan.centre_id)
        .exclude(reference="")
        .values_list("kind", "reference")
    )
    by_item = {x.item_id: x.pk for x in lines if x.item_id}
    by_kind: dict[str, int] = {}
    for x in lines:
        by_kind.setdefault(x.kind, x.pk)
    found = []
    for s in spending.spending_for(user, plan.year):
        if (s.kind, s.reference) in recorded:
            continue
        line_id = next((by_item[i] for i in s.plan_item_ids if i in by_item), None)
        found.append(Pending(s, line_id or by_kind.get(s.purpose)))
    return found
