"""The demo's budget (issue 17.8): this year's approved plan gets a line per task budget,
a funding decision of the Sở for all lines but the last (left "chưa giao dự toán") and
one payment, so the budget page and its chart have something to show."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tgpl.models import Centre, User

from .models import BudgetEntry, Plan
from .services import budget as services


def seed_demo_budget(centre: Centre, stdout) -> None:
    director = User.objects.get(username="giamdoc")
    year = timezone.localdate().year
    plan = (
        Plan.objects.filter(centre=centre, year=year, status=Plan.Status.APPROVED)
        .order_by("pk")
        .first()
    )
    if plan is None or plan.budget_lines.exists():
        return
    lines = services.lines_from_tasks(actor=director, plan=plan)
    if len(lines) < 2:
        return
    services.record_funding_decision(
        actor=director, plan=plan, number=f"45/QĐ-STP-{year}", on=datetime.date(year, 1, 15),
        issuer="Sở Tư pháp", amounts={x.pk: x.planned_vnd for x in lines[:-1]},
    )  # fmt: skip
    first = lines[0]
    services.record_entry(
        actor=director, line=first, kind=BudgetEntry.Kind.PAYMENT,
        amount_vnd=max(1, first.planned_vnd // 3), on=datetime.date(year, 3, 10),
        what="Tạm ứng thực hiện nhiệm vụ",
    )  # fmt: skip
    stdout.write(f"  kinh phí: {len(lines)} dòng cho {plan}\n")
