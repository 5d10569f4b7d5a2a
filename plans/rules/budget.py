"""The figures of a budget line (issue 17.8). Pure Python.

- planned: what the plan wrote for the line;
- funded: the sum the funding decisions (Quyết định giao dự toán) gave it; a line no
  decision names is "chưa giao dự toán" (not the same as a line given 0 đ);
- committed: what contracts and orders still owe (a commitment less the payments that
  settle it);
- paid: every payment;
- left: funded − paid − committed (what may still be committed or paid).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

UNFUNDED_LABEL = "chưa giao dự toán"


@dataclass(frozen=True)
class Figures:
    planned: int
    funded: int
    committed: int
    paid: int
    is_funded: bool

    @property
    def left(self) -> int:
        return self.funded - self.paid - self.committed

    @property
    def over(self) -> bool:
        return self.left < 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.planned + other.planned,
            self.funded + other.funded,
            self.committed + other.committed,
            self.paid + other.paid,
            self.is_funded or other.is_funded,
        )


ZERO = Figures(0, 0, 0, 0, False)


def outstanding(commitment: int, settled: Iterable[int]) -> int:
    """What a commitment still owes after the payments that settle it (never below 0)."""
    return max(0, commitment - sum(settled))


def line_figures(
    planned: int,
    allocations: Iterable[int],
    commitments: dict[int, int],
    payments: Iterable[tuple[int, int | None]],
) -> Figures:
    """`commitments` {entry id: amount}; `payments` (amount, id of the commitment it
    settles or None)."""
    allocations = list(allocations)
    payments = list(payments)
    settled: dict[int, list[int]] = {}
    for amount, settles in payments:
        if settles is not None:
            settled.setdefault(settles, []).append(amount)
    committed = sum(outstanding(a, settled.get(pk, ())) for pk, a in commitments.items())
    paid = sum(amount for amount, _ in payments)
    return Figures(planned, sum(allocations), committed, paid, bool(allocations))


def left_after(figures: Figures, kind: str, amount: int, settles_outstanding: int = 0) -> int:
    """What would be left after a new commitment or payment; a payment that settles a
    commitment uses what the commitment held (up to its outstanding part)."""
    if kind == "payment":
        return figures.left - amount + min(amount, settles_outstanding)
    return figures.left - amount
