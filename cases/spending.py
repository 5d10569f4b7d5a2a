"""The performers' fees as spending of the plan's budget (registered in tgpl.spending):
each performer's month of the payment file (sessions and lump sums), paid in that month."""

from __future__ import annotations

import calendar
from datetime import date

from django.db.models.functions import ExtractMonth
from django.urls import reverse

from tgpl import roles, spending
from tgpl.errors import BusinessRuleError
from tgpl.models import User

from .models import FeeSession, LumpSum
from .services.fees import month_payment


def _months(user, year: int) -> set[tuple[int, int]]:
    sessions = FeeSession.objects.filter(
        case__centre_id=user.centre_id, confirmed_at__isnull=False, on__year=year
    )
    lumps = LumpSum.objects.filter(case__centre_id=user.centre_id, on__year=year)
    found: set[tuple[int, int]] = set()
    for qs in (sessions, lumps):
        found |= set(
            qs.annotate(m=ExtractMonth("on")).order_by().values_list("performer_id", "m").distinct()
        )
    return found


def fee_spending(user, year: int) -> list[spending.Spending]:
    """A payment per performer and month with a total above 0 (one payment file each)."""
    if not roles.can_see_fees(user):
        return []
    months = _months(user, year)
    people = User.objects.in_bulk({pk for pk, _ in months})
    found = []
    for performer_id, month in sorted(months):
        performer = people[performer_id]
        try:
            pay = month_payment(actor=user, performer=performer, year=year, month=month)
        except BusinessRuleError:
            continue  # no base salary or rate for that month: nothing to pay from here
        if pay.total <= 0:
            continue
        found.append(
            spending.Spending(
                reference=f"fees:{performer_id}:{year}-{month:02d}",
                kind=spending.PAYMENT,
                purpose=spending.FEES,
                amount_vnd=pay.total,
                on=_month_end(year, month),
                what=f"Thù lao tháng {month:02d}/{year} – {performer.full_name}",
                url=reverse("cases:payment")
                + f"?performer={performer_id}&year={year}&month={month}",
            )
        )
    return found


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


SOURCE = spending.SpendingSource("fees", "Thù lao người thực hiện TGPL", fee_spending)
