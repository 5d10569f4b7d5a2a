"""Estimates of a report's figures for the days its data do not cover yet (TT 03/2019: the
6-month report's June, the annual report's November and December).

The estimate of a section is itself a `Section`, so every page, document and workbook that
shows a table shows it the same way, marked as an estimate:
- its rows are the section's rows this year, with those last year had and this year has
  not (a field with no case yet this year may have some in June);
- its columns are the section's, less its stock columns (`SectionSpec.stock`);
- a row with deeper rows under it (the total over the forms, a form over its fields) is
  their sum, so the table adds up whatever the centre overwrites; only the rows without
  deeper rows are entered ("leaves");
- each leaf cell is proposed pro rata (`periods.estimate_pro_rata`): last year's figure
  for the same days, scaled by this year's actual data against last year's same span.

Stored per section key as {"section": Section.to_json(), "proposed": [[n, ...], ...]}, the
proposals row by row beside the values; a cell whose value differs from its proposal was
overwritten by the centre. Pure: no ORM, no request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reports.rules import periods

from .base import Column, Row, Section, SectionSpec

NOTE = (
    "Số liệu ước tính, không phải số liệu thực tế: đề xuất theo cùng kỳ năm trước, tỉ lệ "
    "với số liệu thực tế năm nay; Trung tâm có thể sửa."
)


def title_of(section_title: str, start: date, end: date) -> str:
    return f"{section_title}: ước tính từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"


def children(rows: list[Row]) -> dict[int, list[int]]:
    """For each row, the rows directly under it: the following rows deeper than it, up to
    the next row at its level or above, at the least depth among them."""
    out: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        under = []
        for j in range(i + 1, len(rows)):
            if rows[j].level <= row.level:
                break
            under.append(j)
        if under:
            top = min(rows[j].level for j in under)
            out[i] = [j for j in under if rows[j].level == top]
    return out


def add_up(rows: list[Row]) -> None:
    """Set each row that has rows under it to their sum, deepest first."""
    under = children(rows)
    for i in sorted(under, reverse=True):
        rows[i].cells = [sum(rows[j].cells[c] for j in under[i]) for c in range(len(rows[i].cells))]


def _cells(section: Section | None) -> dict[tuple[str, str], int]:
    if section is None:
        return {}
    keys = [c.key for c in section.columns]
    return {(r.key, k): v for r in section.rows for k, v in zip(keys, r.cells, strict=True)}


def merged_rows(now: Section, other: Section | None) -> list[tuple[str, str, int]]:
    """(key, label, level) of this year's rows, with last year's others each placed after
    the row it followed last year."""
    out = [(r.key, r.label, r.level) for r in now.rows]
    if other is None:
        return out
    position = {key: i for i, (key, _, _) in enumerate(out)}
    previous = ""
    for r in other.rows:
        if r.key not in position:
            at = position[previous] + 1 if previous in position else len(out)
            out.insert(at, (r.key, r.label, r.level))
            position = {key: i for i, (key, _, _) in enumerate(out)}
        previous = r.key
    return out


@dataclass
class Estimate:
    section: Section  # the values, in the shape of the tables
    proposed: list[list[int]]  # row by row, beside section.rows

    @property
    def leaves(self) -> set[int]:
        return set(range(len(self.section.rows))) - set(children(self.section.rows))

    def is_overwritten(self, row: int, column: int) -> bool:
        return self.section.rows[row].cells[column] != self.proposed[row][column]

    def cell(self, row_key: str, column_key: str) -> int:
        return self.section.cell(row_key, column_key)

    def overwrite(self, values: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
        """Set the entered cells (row key, column key) -> value, then the sums; returns the
        cells that cannot be entered (unknown, a sum, or a stock column) and changes
        nothing when there is any."""
        rows = {r.key: i for i, r in enumerate(self.section.rows)}
        columns = {c.key: i for i, c in enumerate(self.section.columns)}
        leaves = self.leaves
        wrong = [
            key
            for key in values
            if key[0] not in rows or rows[key[0]] not in leaves or key[1] not in columns
        ]
        if wrong:
            return wrong
        for (row_key, column_key), value in values.items():
            self.section.rows[rows[row_key]].cells[columns[column_key]] = int(value)
        add_up(self.section.rows)
        return []

    def proposed_again(self, fresh: Estimate) -> Estimate:
        """`fresh` proposals for newer data, keeping what the centre overwrote here (in the
        cells that still exist)."""
        kept = {}
        keys = [c.key for c in self.section.columns]
        for i, r in enumerate(self.section.rows):
            for j, key in enumerate(keys):
                if i in self.leaves and self.is_overwritten(i, j):
                    kept[(r.key, key)] = r.cells[j]
        out = Estimate.from_json(fresh.to_json())
        out.overwrite({k: v for k, v in kept.items() if _exists(out, k)})
        return out

    def to_json(self) -> dict[str, Any]:
        return {"section": self.section.to_json(), "proposed": [list(p) for p in self.proposed]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Estimate:
        return cls(Section.from_json(data["section"]), [list(p) for p in data["proposed"]])


def _exists(estimate: Estimate, key: tuple[str, str]) -> bool:
    rows = {r.key: i for i, r in enumerate(estimate.section.rows)}
    return (
        key[0] in rows
        and rows[key[0]] in estimate.leaves
        and key[1] in {c.key for c in estimate.section.columns}
    )


def propose(
    spec: SectionSpec,
    now: Section,
    last_part: Section,
    last_full: Section,
    *,
    start: date,
    end: date,
) -> Estimate:
    """The proposal for the days start..end of one section, from this year's actual data
    (`now`), last year's same span (`last_part`) and last year's whole period (`last_full`)."""
    columns = [Column(c.key, c.label, c.group) for c in now.columns if c.key not in spec.stock]
    this, part, full = _cells(now), _cells(last_part), _cells(last_full)
    rows = [
        Row(
            key,
            label,
            [
                periods.estimate_pro_rata(
                    full.get((key, c.key), 0), part.get((key, c.key), 0), this.get((key, c.key), 0)
                )
                for c in columns
            ],
            level,
        )
        for key, label, level in merged_rows(now, last_full)
    ]
    # a row only last year had, with nothing to expect in these days, would be noise
    present = {r.key for r in now.rows}
    rows = [r for r in rows if r.key in present or any(r.cells)]
    add_up(rows)
    section = Section(
        key=now.key,
        title=title_of(now.title, start, end),
        unit=now.unit,
        columns=columns,
        rows=rows,
        note=NOTE,
        drill=False,
    )
    return Estimate(section, [list(r.cells) for r in rows])


def sections_of(stored: dict | None) -> dict[str, Estimate]:
    """The estimates stored on a report or a version, by section key, in section order."""
    return {key: Estimate.from_json(data) for key, data in (stored or {}).items()}
