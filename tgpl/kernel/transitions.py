"""The one shape of a state table, shared by every stateful model of every app.

A table names each action a service may take, the states it may start from and the
state it leads to (None: the state does not change, e.g. "log work" on a case in
progress). Services call `check_transition` before they change anything; views and
templates call `allowed` to show only the buttons that can work.

    PLAN_TRANSITIONS = Transitions(
        Plan.Status,
        approve=Transition({S.DRAFT}, S.APPROVED, "phê duyệt kế hoạch"),
        edit=Transition({S.DRAFT}, None, "sửa kế hoạch"),
    )
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models

from tgpl.errors import BusinessRuleError


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str | None
    label: str  # the action in Vietnamese, as in "Không thể {label} khi ..."
    refusal: str = ""  # a more helpful message than the generic one, when there is one

    def __init__(self, sources: Iterable[str], target: str | None, label: str, refusal: str = ""):
        object.__setattr__(self, "sources", frozenset(str(s) for s in sources))
        object.__setattr__(self, "target", None if target is None else str(target))
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "refusal", refusal)


class Transitions:
    """The allowed actions of one stateful model."""

    def __init__(
        self,
        states: type[models.TextChoices],
        table: dict[str, Transition] | None = None,
        **actions: Transition,
    ):
        self.states = states
        self.actions: dict[str, Transition] = {**(table or {}), **actions}
        known = set(states.values)
        for name, transition in self.actions.items():
            unknown = (transition.sources | {transition.target or ""}) - known - {""}
            if unknown:
                raise ValueError(f"{name}: unknown states {sorted(unknown)}")

    def __contains__(self, action: str) -> bool:
        return action in self.actions

    def __getitem__(self, action: str) -> Transition:
        return self.actions[action]

    def label_of(self, state: str) -> str:
        return str(dict(self.states.choices).get(state, state))

    def can(self, action: str, current: str) -> bool:
        return current in self.actions[action].sources

    def check(self, action: str, current: str) -> str:
        """The state after `action` from `current`, or a BusinessRuleError in Vietnamese."""
        transition = self.actions[action]
        if current not in transition.sources:
            raise BusinessRuleError(
                transition.refusal
                or f"Không thể {transition.label} khi đang ở trạng thái “{self.label_of(current)}”."
            )
        return current if transition.target is None else transition.target

    def allowed(self, current: str) -> frozenset[str]:
        """Every action that may start from `current`."""
        return frozenset(name for name, t in self.actions.items() if current in t.sources)

    def sources_of(self, action: str) -> frozenset[str]:
        return self.actions[action].sources


def check_transition(table: Transitions, action: str, current: str) -> str:
    """The state after `action` from `current`; refuses anything the table does not allow."""
    return table.check(action, current)


def allowed(table: Transitions, current: str) -> frozenset[str]:
    """The actions the table allows from `current` (for views: which buttons to show)."""
    return table.allowed(current)
