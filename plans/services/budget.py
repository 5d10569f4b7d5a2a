"""The plan's budget (issue 17.8): lines, funding decisions (Quyết định giao dự toán),
commitments and payments against a line, from a spending source or typed by hand.

A commitment or payment beyond what is left of the line's funding is refused, unless the
director records it as an over-spend (chi vượt dự toán được giao): the over-spend stays
visible on the line (left below 0) and in the line's history."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction

from plans.models import BudgetEntry, BudgetLine, FundingAllocation, FundingDecision, Plan, PlanItem
from plans.rules.budget import left_after, outstanding
from plans.selectors_budget import figures_of
from tgpl import roles, spending
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, create, require, require_text

REASONS: dict[str, str] = {
    BudgetEntry.Kind.COMMITMENT: "Ghi cam kết chi",
    BudgetEntry.Kind.PAYMENT: "Ghi khoản đã chi",
}


def _may_manage(actor, plan: Plan) -> None:
    require(roles.can_manage_budget(actor, plan.centre))


def _vnd(amount, message: str, field: str, *, positive: bool = True) -> int:
    try:
        value = int(amount)
    except (TypeError, ValueError):
        raise BusinessRuleError(message, field=field) from None
    if value < (1 if positive else 0):
        raise BusinessRuleError(message, field=field)
    return value


@transaction.atomic
def add_budget_line(
    *,
    actor,
    plan: Plan,
    label: str,
    planned_vnd: int,
    kind: str = BudgetLine.Kind.OTHER,
    item: PlanItem | None = None,
) -> BudgetLine:
    _may_manage(actor, plan)
    if item is not None and item.plan_id != plan.pk:
        raise BusinessRuleError("Nhiệm vụ không thuộc kế hoạch này.", field="item")
    if kind not in BudgetLine.Kind.values:
        raise BusinessRuleError("Loại chi không hợp lệ.", field="kind")
    return create(
        BudgetLine,
        actor=actor,
        reason="Thêm dòng kinh phí",
        plan=plan,
        item=item,
        label=require_text(label, "Ghi nội dung chi.", "label"),
        planned_vnd=_vnd(planned_vnd, "Số dự kiến không hợp lệ.", "planned_vnd", positive=False),
        kind=kind,
        position=plan.budget_lines.count() + 1,
    )


@transaction.atomic
def lines_from_tasks(*, actor, plan: Plan) -> list[BudgetLine]:
    """A line for every task whose budget has no line yet (the plan's "Kinh phí" of each
    task, as imported or typed)."""
    _may_manage(actor, plan)
    have = set(plan.budget_lines.exclude(item=None).values_list("item_id", flat=True))
    start = plan.budget_lines.count()
    tasks = plan.items.filter(kind=PlanItem.Kind.TASK, budget_vnd__gt=0).exclude(pk__in=have)
    new = [
        BudgetLine(plan=plan, item=task, label=f"{task.number} {task.title}".strip()[:255],
                   planned_vnd=task.budget_vnd or 0, position=start + n)
        for n, task in enumerate(tasks.order_by("position"), start=1)
    ]  # fmt: skip
    return bulk_create(BudgetLine, new, actor=actor, reason="Dòng kinh phí từ các nhiệm vụ")


@transaction.atomic
def record_funding_decision(
    *,
    actor,
    plan: Plan,
    number: str,
    on: date,
    issuer: str,
    amounts: Mapping[int, int],
    note: str = "",
) -> FundingDecision:
    """Quyết định giao dự toán: its number, date, issuer and the amount of each line it
    funds (a line it leaves out stays "chưa giao dự toán" unless another decision funds it)."""
    Plan.objects.select_for_update().get(pk=plan.pk)
    _may_manage(actor, plan)
    number = require_text(number, "Ghi số, ký hiệu của quyết định.", "number")
    if plan.funding_decisions.filter(number=number).exists():
        raise BusinessRuleError("Quyết định này đã được ghi.", field="number")
    lines = {x.pk: x for x in plan.budget_lines.filter(pk__in=list(amounts))}
    given = {
        pk: _vnd(v, "Số giao dự toán không hợp lệ.", "amounts", positive=False)
        for pk, v in amounts.items()
        if v not in (None, "")
    }
    if not given or set(given) - set(lines):
        raise BusinessRuleError("Ghi số giao cho ít nhất một dòng kinh phí của kế hoạch.")
    decision = create(
        FundingDecision,
        actor=actor,
        reason="Ghi quyết định giao dự toán",
        plan=plan,
        number=number,
        date=on,
        issuer=require_text(issuer, "Ghi cơ quan giao dự toán.", "issuer"),
        note=note,
        recorded_by=actor,
    )
    bulk_create(
        FundingAllocation,
        [FundingAllocation(decision=decision, line=lines[pk], amount_vnd=v)
         for pk, v in given.items()],
        actor=actor,
        reason=f"Giao dự toán theo QĐ {number}",
    )  # fmt: skip
    return decision


@transaction.atomic
def record_entry(
    *,
    actor,
    line: BudgetLine,
    kind: str,
    amount_vnd: int,
    on: date,
    what: str,
    settles: BudgetEntry | None = None,
    over_spend: bool = False,
    source: str = "manual",
    reference: str = "",
) -> BudgetEntry:
    """A commitment or payment against a line. Beyond what is left of its funding (a line
    not funded has nothing left): refused, unless the director records an over-spend."""
    line = BudgetLine.objects.select_for_update().select_related("plan__centre").get(pk=line.pk)
    _may_manage(actor, line.plan)
    if kind not in BudgetEntry.Kind.values:
        raise BusinessRuleError("Chọn cam kết chi hoặc đã chi.", field="kind")
    amount = _vnd(amount_vnd, "Số tiền phải lớn hơn 0.", "amount_vnd")
    what = require_text(what, "Ghi nội dung khoản chi.", "what")
    held = 0
    if settles is not None:
        if kind != BudgetEntry.Kind.PAYMENT or settles.kind != BudgetEntry.Kind.COMMITMENT:
            raise BusinessRuleError("Chỉ khoản đã chi mới thanh toán cho một cam kết.")
        if settles.line_id != line.pk:
            raise BusinessRuleError("Cam kết thuộc dòng kinh phí khác.", field="settles")
        paid = settles.settled_by.values_list("amount_vnd", flat=True)
        held = outstanding(settles.amount_vnd, paid)
    if reference and BudgetEntry.objects.filter(kind=kind, reference=reference).exists():
        raise BusinessRuleError("Khoản chi này đã được ghi vào dự toán.")
    figures = figures_of([line.pk], {line.pk: line.planned_vnd})[line.pk]
    left = left_after(figures, kind, amount, held)
    if left < 0 and left < figures.left:
        if not figures.is_funded and not over_spend:
            raise BusinessRuleError(
                "Dòng kinh phí chưa giao dự toán: chưa được cam kết, chi. "
                "Chỉ Giám đốc cho chi vượt dự toán."
            )
        if not over_spend:
            raise BusinessRuleError(
                f"Vượt dự toán được giao: dòng này chỉ còn {max(figures.left, 0):,} đồng. "
                "Chỉ Giám đốc cho chi vượt dự toán.".replace(",", ".")
            )
        if not roles.can_allow_over_spend(actor, line.plan.centre):
            raise BusinessRuleError("Chỉ Giám đốc cho chi vượt dự toán được giao.")
    elif over_spend:
        over_spend = False  # within the funding: nothing to allow
    return create(
        BudgetEntry,
        actor=actor,
        reason="Chi vượt dự toán (Giám đốc cho phép)" if over_spend else REASONS[kind],
        line=line,
        kind=kind,
        amount_vnd=amount,
        on=on,
        what=what[:255],
        settles=settles,
        over_spend=over_spend,
        source=source,
        reference=reference,
        recorded_by=actor,
    )


def record_from_source(
    *, actor, line: BudgetLine, reference: str, over_spend: bool = False
) -> BudgetEntry:
    """Record a spending a source reports (tgpl.spending) against a line: the amount, date
    and label are read from the source now, never taken from the form."""
    plan = line.plan
    _may_manage(actor, plan)
    found = spending.find(actor, plan.year, reference)
    if found is None:
        raise BusinessRuleError("Không tìm thấy khoản chi này ở nguồn (hoặc bạn không được xem).")
    source = reference.split(":", 1)[0]
    return record_entry(
        actor=actor, line=line, kind=found.kind, amount_vnd=found.amount_vnd, on=found.on,
        what=found.what, over_spend=over_spend, source=source, reference=found.reference,
    )  # fmt: skip
