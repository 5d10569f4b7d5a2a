"""The budget page's chart: a server-drawn SVG, one group of horizontal bars per line
(planned, funded, committed, paid, left), no script; the numbers are in the table beside
it. The same way as the reports' dashboards draw theirs (rectangles computed here)."""

from __future__ import annotations

from dataclasses import dataclass, field

SERIES = [("Dự kiến", "#6c757d"), ("Được giao", "#0d6efd"), ("Đã cam kết", "#ffc107"),
          ("Đã chi", "#198754"), ("Còn lại", "#0dcaf0")]  # fmt: skip
BAR, GAP, LABEL_W, WIDTH = 9, 14, 190, 640


@dataclass
class HBar:
    label: str
    value: int
    x: float
    y: float
    width: float
    tone: str
    text_x: float = 0


@dataclass
class HGroup:
    label: str
    y: float
    bars: list[HBar]
    note: str = ""  # "chưa giao dự toán"


@dataclass
class BudgetChart:
    title: str
    groups: list[HGroup] = field(default_factory=list)
    width: int = WIDTH
    height: int = 40
    axis_x: int = LABEL_W
    legend: list[tuple[str, str]] = field(default_factory=lambda: list(SERIES))


def budget_chart(title: str, rows: list[tuple[str, list[int], str]]) -> BudgetChart:
    """rows: (line label, [planned, funded, committed, paid, left], note)."""
    chart = BudgetChart(title)
    top = max((v for _, values, _ in rows for v in values), default=0) or 1
    plot_w = WIDTH - LABEL_W - 90
    y = 10.0
    for label, values, note in rows:
        bars = []
        for j, value in enumerate(values):
            w = plot_w * max(value, 0) / top
            bars.append(HBar(SERIES[j][0], value, LABEL_W, round(y + j * BAR, 1),
                             round(w, 1), SERIES[j][1], round(LABEL_W + w + 4, 1)))  # fmt: skip
        chart.groups.append(HGroup(label, round(y + 2.5 * BAR, 1), bars, note))
        y += len(values) * BAR + GAP
    chart.height = int(y) + 10
    return chart
