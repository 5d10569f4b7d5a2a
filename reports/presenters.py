"""Sections ready for a template: the two header rows and each cell with its link."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from .figures import Section


@dataclass
class HeadCell:
    label: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TableView:
    section: Section
    head: list[list[HeadCell]]
    rows: list[tuple[object, list[tuple[int, str]]]]  # (Row, [(value, url)])
    estimated: bool = False  # every figure is an estimate (marked *)
    estimate: TableView | None = None  # the estimate of the rest of the period, below


def table_view(
    section: Section,
    report_pk: int | None,
    *,
    estimate: Section | None = None,
    estimated: bool = False,
) -> TableView:
    """A section's table; `estimate` (reports/figures/estimates.py) goes under it."""
    grouped = section.has_groups
    top: list[HeadCell] = [HeadCell("Nội dung", rowspan=2 if grouped else 1)]
    sub: list[HeadCell] = []
    index = 0
    for group, span in section.groups:
        if group:
            top.append(HeadCell(group, colspan=span))
            sub.extend(HeadCell(c.label) for c in section.columns[index : index + span])
        else:
            top.append(HeadCell(section.columns[index].label, rowspan=2 if grouped else 1))
        index += span
    base = (
        reverse("reports:drill", args=[report_pk, section.key])
        if report_pk and section.drill and not estimated
        else ""
    )
    rows = []
    for r in section.rows:
        cells = []
        for c, value in zip(section.columns, r.cells, strict=True):
            url = f"{base}?{urlencode({'row': r.key, 'column': c.key})}" if base and value else ""
            cells.append((value, url))
        rows.append((r, cells))
    below = table_view(estimate, None, estimated=True) if estimate is not None else None
    return TableView(section, [top, sub] if grouped else [top], rows, estimated, below)


def table_views(sections: list[Section], report_pk: int | None, estimates: dict) -> list:
    """Every section's table, each with its estimate (by section key) under it."""
    return [
        table_view(
            s,
            report_pk,
            estimate=estimates[s.key].section if s.key in estimates else None,
        )
        for s in sections
    ]
