"""The home page of each role: panels that the apps register, each a screen's worth of what
a person must do now, every line a link.

    home.register(Panel("cases.reception", "Tiếp nhận", order=10,
                        applies=roles.can_receive_requests, build=reception_lines))

`build(user, today)` returns the panel's lines (and optionally a small table or chart);
a panel with nothing to say returns an empty list and is not shown. Each build keeps a
fixed number of queries whatever the size of the centre (the home page's query count
is tested at two sizes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Line:
    label: str
    count: int | None = None
    url: str = ""
    tone: str = "secondary"  # Bootstrap colour: danger (late), warning (soon), primary ...
    note: str = ""


@dataclass(frozen=True)
class Bar:
    """One bar of a panel's chart, with its number (also shown as text)."""

    label: str
    value: int
    url: str = ""
    tone: str = "primary"


@dataclass
class PanelView:
    key: str
    title: str
    icon: str
    lines: list[Line] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    table: dict | None = None  # {"head": [...], "rows": [[cell, ...], ...]} cells: Line or text
    link: Line | None = None  # "see all"

    @property
    def empty(self) -> bool:
        return not (self.lines or self.bars or self.table)

    @property
    def bar_max(self) -> int:
        return max((b.value for b in self.bars), default=0) or 1


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    build: Callable[..., PanelView]  # (user, today) -> PanelView
    applies: Callable[..., bool]  # (user) -> bool
    order: int = 50
    icon: str = "bi-list-check"


_panels: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels_for(user, today: date) -> list[PanelView]:
    views = []
    for panel in sorted(_panels.values(), key=lambda p: (p.order, p.key)):
        if panel.applies(user):
            view = panel.build(user, today)
            if not view.empty:
                views.append(view)
    return views
