"""The plan's budget page (issue 17.8): a table per line (planned, funded, committed,
paid, left) and its chart, the funding decisions, the commitments and payments; the
spending the other apps report, to record against a line."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from tgpl import roles
from tgpl.actions import submit
from tgpl.forms import error_summary

from . import selectors
from .budget_chart import budget_chart
from .forms_budget import BudgetLineForm, EntryForm, FromSourceForm, FundingDecisionForm
from .rules.budget import UNFUNDED_LABEL
from .selectors_budget import budget_of, pending_spending
from .services import budget as services


def _plan_for(request, pk: int):
    plan = selectors.get_plan_for(request.user, pk)
    if not roles.can_see_budget(request.user, plan.centre):
        raise PermissionDenied
    return plan


def budget(request, pk: int):
    plan = _plan_for(request, pk)
    data = budget_of(plan)
    lines = [r.line for r in data.rows]
    chart = budget_chart(
        "Chi tiêu so với kinh phí của kế hoạch",
        [(r.line.label, [r.figures.planned, r.figures.funded, r.figures.committed,
                         r.figures.paid, r.figures.left],
          "" if r.figures.is_funded else UNFUNDED_LABEL) for r in data.rows],
    )  # fmt: skip
    may = roles.can_manage_budget(request.user, plan.centre)
    return render(
        request,
        "plans/budget.html",
        {
            "title": f"Kinh phí – {plan}",
            "breadcrumbs": [("Kế hoạch", "/plans/"), (str(plan), f"/plans/{plan.pk}/")],
            "plan": plan,
            "budget": data,
            "chart": chart,
            "unfunded_label": UNFUNDED_LABEL,
            "may_manage": may,
            "line_form": BudgetLineForm(plan=plan) if may else None,
            "decision_form": FundingDecisionForm(lines=lines) if may and lines else None,
            "entry_form": EntryForm(plan=plan) if may and lines else None,
        },
    )


def budget_sources(request, pk: int):
    """The spending the sources report for the plan's year, not recorded yet."""
    plan = _plan_for(request, pk)
    if not roles.can_manage_budget(request.user, plan.centre):
        raise PermissionDenied
    lines = list(plan.budget_lines.all())
    pending = pending_spending(request.user, plan, lines)
    rows = [
        (p, FromSourceForm(plan=plan, lines=lines, initial={
            "reference": p.spending.reference, "line": p.suggested_line_id}))
        for p in pending
    ]  # fmt: skip
    return render(
        request,
        "plans/budget_sources.html",
        {
            "title": f"Khoản chi từ các nguồn – {plan}",
            "breadcrumbs": [
                ("Kế hoạch", "/plans/"),
                (str(plan), f"/plans/{plan.pk}/"),
                ("Kinh phí", f"/plans/{plan.pk}/budget/"),
            ],
            "plan": plan,
            "rows": rows,
            "lines": lines,
        },
    )


@require_POST
def budget_action(request, pk: int, action: str):
    plan = _plan_for(request, pk)
    if not roles.can_manage_budget(request.user, plan.centre):
        raise PermissionDenied
    actor = request.user
    back = redirect("plans:budget", pk=pk)
    if action == "line":
        form = BudgetLineForm(request.POST, plan=plan)
        call = lambda d: services.add_budget_line(actor=actor, plan=plan, **d)  # noqa: E731
        success = "Đã thêm dòng kinh phí."
    elif action == "from-tasks":
        made = services.lines_from_tasks(actor=actor, plan=plan)
        messages.success(request, f"Đã thêm {len(made)} dòng kinh phí từ các nhiệm vụ.")
        return back
    elif action == "decision":
        form = FundingDecisionForm(request.POST, lines=list(plan.budget_lines.all()))

        def call(d):
            return services.record_funding_decision(
                actor=actor, plan=plan, number=d["number"], on=d["on"], issuer=d["issuer"],
                note=d["note"], amounts=form.amounts(),
            )  # fmt: skip

        success = "Đã ghi quyết định giao dự toán."
    elif action == "entry":
        form = EntryForm(request.POST, plan=plan)
        call = lambda d: services.record_entry(actor=actor, **d)  # noqa: E731
        success = "Đã ghi khoản chi."
    elif action == "source":
        form = FromSourceForm(request.POST, plan=plan)
        call = lambda d: services.record_from_source(actor=actor, **d)  # noqa: E731
        success = "Đã ghi khoản chi vào dòng kinh phí."
        back = redirect("plans:budget_sources", pk=pk)
    else:
        raise Http404
    if not submit(request, form, call, success=success):
        messages.error(request, error_summary(form))
    return back
