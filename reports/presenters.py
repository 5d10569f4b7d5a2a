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
    estimate: list[int] | None = None


def table_view(section: Section, report_pk: int | None, *, estimates: dict | None = None):
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
        if report_pk and section.drill
        else ""
    )
    rows = []
    for r in section.rows:
        cells = []
        for c, value in zip(section.columns, r.cells, strict=True):
            url = f"{base}?{urlencode({'row': r.key, 'column': c.key})}" if base and value else ""
            cells.append((value, url))
        rows.append((r, cells))
    estimate = None
    if estimates and section.key in estimates:
        est = estimates[section.key]
        estimate = [est.get(c.key, {}).get("value", 0) for c in section.columns]
    return TableView(section, [top, sub] if grouped else [top], rows, estimate)
