"""Spending recorded by the apps, offered to the plan's budget lines: a registry.

A plan's budget (plans: lines, funding decisions, commitments and payments) is spent by
work other apps record — performers' fees (cases: a performer's month of the payment
file), broadcast contracts, activities and materials (outreach). The apps are independent
(import-linter), so they meet here: an app registers a `SpendingSource` that lists, for a
user and a year, what was spent or committed, each with a `reference` unique across the
sources ("fees:12:2026-11", "outreach.contract:4").

Plans never guesses which line a spending belongs to: the budget page offers the items not
recorded yet, with the line suggested (the line of a task the spending serves, else the
first line of its kind), and whoever records it chooses the line. The plans service reads
the amount, date and label from the source again at that moment (never from the form),
and a reference is recorded once, so nothing is counted twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

COMMITMENT, PAYMENT = "commitment", "payment"

# What a spending is for: the kinds of budget lines (plans.BudgetLine.Kind uses them).
FEES, OUTREACH, MATERIALS, TRAINING, OTHER = "fees", "outreach", "materials", "training", "other"
KIND_LABELS = {
    FEES: "Thù lao, bồi dưỡng người thực hiện TGPL",
    OUTREACH: "Truyền thông, hợp đồng phát sóng, đăng tin",
    MATERIALS: "Tài liệu, sản phẩm truyền thông",
    TRAINING: "Tập huấn, bồi dưỡng nghiệp vụ",
    OTHER: "Chi khác",
}


@dataclass(frozen=True)
class Spending:
    reference: str  # unique across sources: "<source>:<id>[:<period>]"
    kind: str  # COMMITMENT (a contract signed) or PAYMENT (paid)
    purpose: str  # FEES, OUTREACH, MATERIALS, TRAINING, OTHER
    amount_vnd: int
    on: date
    what: str  # "Thù lao tháng 11/2026 – Trần Đức Long", "HĐ 05/2026 – Đài PT-TH tỉnh"
    url: str = ""
    plan_item_ids: tuple[int, ...] = ()  # the plan tasks it serves, when the source knows


@dataclass(frozen=True)
class SpendingSource:
    key: str
    label: str
    # (user, year) -> what the user's centre spent or committed that year
    spending: Callable[..., list[Spending]]


_sources: dict[str, SpendingSource] = {}


def register_source(source: SpendingSource) -> None:
    _sources[source.key] = source


def sources() -> list[SpendingSource]:
    return list(_sources.values())


def spending_for(user, year: int, only: Iterable[str] | None = None) -> list[Spending]:
    """Everything the sources report for the user's centre that year (each source decides
    what the user may see), oldest first."""
    keys = set(only) if only is not None else None
    found = [
        s
        for key, source in _sources.items()
        if keys is None or key in keys
        for s in source.spending(user, year)
    ]
    return sorted(found, key=lambda s: (s.on, s.reference))


def find(user, year: int, reference: str) -> Spending | None:
    source_key = reference.split(":", 1)[0]
    return next(
        (s for s in spending_for(user, year, [source_key]) if s.reference == reference), None
    )
