"""The shape of a report's figures: a list of sections, each a table computed by one
function over the apps' data, with a way back from each cell to its records.

A section module (reports/figures/cases.py, plans.py ...) registers a `SectionSpec`:

    register(SectionSpec(
        key="b24", title="Biểu số 24/BTP/TGPL ...", order=10,
        build=biểu_24,            # (scope) -> Section, a constant number of queries
        records=biểu_24_records,  # (scope, row_key, column_key) -> queryset | None
    ))

`compute(scope)` runs every registered spec in `order`; the report stores the result
as JSON (`Section.to_json`) when it is sent, so the figures stay as sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Scope:
    """Whose data and which days: the centres of the report and its period's actual data."""

    centre_ids: tuple[int, ...]
    start: date
    end: date


@dataclass
class Column:
    key: str
    label: str
    group: str = ""  # a header spanning several columns ("Diện người được TGPL")


@dataclass
class Row:
    key: str
    label: str
    cells: list[int]
    level: int = 0  # 0: total, 1: a group (a form), 2: a line (a field)


@dataclass
class Section:
    key: str
    title: str
    unit: str
    columns: list[Column]
    rows: list[Row]
    note: str = ""
    drill: bool = True  # cells lead to their records

    def cell(self, row_key: str, column_key: str) -> int:
        column = [c.key for c in self.columns].index(column_key)
        return next(r.cells[column] for r in self.rows if r.key == row_key)

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    @property
    def groups(self) -> list[tuple[str, int]]:
        """The spanning header: (label, number of columns), "" for a column on its own."""
        out: list[tuple[str, int]] = []
        for c in self.columns:
            if out and c.group and out[-1][0] == c.group:
                out[-1] = (c.group, out[-1][1] + 1)
            else:
                out.append((c.group, 1))
        return out

    @property
    def has_groups(self) -> bool:
        return any(c.group for c in self.columns)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "unit": self.unit,
            "note": self.note,
            "drill": self.drill,
            "columns": [[c.key, c.label, c.group] for c in self.columns],
            "rows": [[r.key, r.label, r.level, list(r.cells)] for r in self.rows],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Section:
        return cls(
            key=data["key"],
            title=data["title"],
            unit=data["unit"],
            note=data.get("note", ""),
            drill=data.get("drill", True),
            columns=[Column(k, label, group) for k, label, group in data["columns"]],
            rows=[Row(k, label, list(cells), level) for k, label, level, cells in data["rows"]],
        )


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    order: int
    build: Callable[[Scope], Section]
    records: Callable[[Scope, str, str], Any] | None = None  # a queryset of the cell's records
    record_kind: str = "case"  # "case", "request", "plan_item": how the drill-down lists them
    # A report with an estimated part (TT 03/2019: the 6-month and annual reports) gets an
    # estimate of this section for the days not yet covered by data (reports/figures/
    # estimates.py); `stock` names the columns that are a state at a moment (carried over,
    # still open, distinct communes ...), not a count over the days, which are not estimated.
    estimated: bool = False
    stock: frozenset[str] = frozenset()


_SPECS: dict[str, SectionSpec] = {}


def register(spec: SectionSpec) -> SectionSpec:
    _SPECS[spec.key] = spec
    return spec


def specs() -> list[SectionSpec]:
    return sorted(_SPECS.values(), key=lambda s: (s.order, s.key))


def spec(key: str) -> SectionSpec | None:
    return _SPECS.get(key)


def compute(scope: Scope, keys: Iterable[str] | None = None) -> list[Section]:
    """Every registered section (or those named) for the scope, in order."""
    wanted = set(keys) if keys is not None else None
    return [s.build(scope) for s in specs() if wanted is None or s.key in wanted]


# --- helpers shared by section modules ---------------------------------------------------


@dataclass
class Grid:
    """Counts keyed by (row, column) while a section is built."""

    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, row: str, column: str, n: int) -> None:
        self.counts[(row, column)] = self.counts.get((row, column), 0) + n

    def get(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    def line(self, row: str, columns: list[Column]) -> list[int]:
        return [self.get(row, c.key) for c in columns]


def parse_key(key: str) -> dict[str, str]:
    """ "form:advice|field:3" -> {"form": "advice", "field": "3"}; "total" -> {}."""
    out: dict[str, str] = {}
    for part in key.split("|"):
        name, sep, value = part.partition(":")
        if sep:
            out[name] = value
        elif part and part != "total":
            out[part] = ""
    return out


def consolidate(sets: list[list[Section]]) -> list[Section]:
    """The sum of several reports' sections, cell by cell where row and column keys
    match (the province's table of its centres' accepted reports). Rows or columns that
    only some reports have are kept, counted from those that have them."""
    merged: dict[str, Section] = {}
    for sections in sets:
        for s in sections:
            target = merged.get(s.key)
            if target is None:
                merged[s.key] = Section.from_json(s.to_json())
                continue
            col_keys = [c.key for c in target.columns]
            for c in s.columns:
                if c.key not in col_keys:
                    target.columns.append(Column(c.key, c.label, c.group))
                    col_keys.append(c.key)
                    for r in target.rows:
                        r.cells.append(0)
            rows = {r.key: r for r in target.rows}
            for r in s.rows:
                into = rows.get(r.key)
                if into is None:
                    into = Row(r.key, r.label, [0] * len(col_keys), r.level)
                    target.rows.append(into)
                    rows[r.key] = into
                for c, value in zip(s.columns, r.cells, strict=True):
                    into.cells[col_keys.index(c.key)] += value
    return list(merged.values())
