"""Outreach costs as spending of the plan's budget (registered in tgpl.spending): a
broadcast contract's value is a commitment from its start; an activity's and a
material's cost are paid on their day (an activity names the plan tasks it serves)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from tgpl import roles, spending

from .models import Activity, ActivityTask, BroadcastContract, Material


def outreach_spending(user, year: int) -> list[spending.Spending]:
    if not roles.can_see_budget(user):
        return []
    centre = user.centre_id
    found = []
    for c in BroadcastContract.objects.filter(
        centre_id=centre, start__year=year, amount_vnd__gt=0
    ).select_related("partner"):
        found.append(spending.Spending(
            f"outreach:contract:{c.pk}", spending.COMMITMENT, spending.OUTREACH, c.amount_vnd,
            c.start, f"HĐ {c.number} – {c.partner_label}"[:255], reverse("outreach:contracts"),
        ))  # fmt: skip
    activities = Activity.objects.filter(
        centre_id=centre, starts_at__year=year, cost_vnd__gt=0
    ).prefetch_related(
        Prefetch("tasks", queryset=ActivityTask.objects.only("activity", "plan_item_id"))
    )
    for a in activities:
        found.append(spending.Spending(
            f"outreach:activity:{a.pk}", spending.PAYMENT, spending.OUTREACH, a.cost_vnd,
            timezone.localdate(a.starts_at), f"{a.get_kind_display()}: {a.title}"[:255],
            reverse("outreach:activity", args=[a.pk]),
            tuple(t.plan_item_id for t in a.tasks.all()),
        ))  # fmt: skip
    for m in Material.objects.filter(centre_id=centre, produced_on__year=year, cost_vnd__gt=0):
        found.append(spending.Spending(
            f"outreach:material:{m.pk}", spending.PAYMENT, spending.MATERIALS, m.cost_vnd,
            m.produced_on, f"{m.get_kind_display()}: {m.title} ({m.quantity_produced})"[:255],
            reverse("outreach:material", args=[m.pk]),
        ))  # fmt: skip
    return found


SOURCE = spending.SpendingSource("outreach", "Truyền thông, tài liệu", outreach_spending)
