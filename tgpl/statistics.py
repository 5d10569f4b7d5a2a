"""Counts that cannot single out a person: small-cell suppression of statistics tables.

A count of 1 to 4 people in a cell ("litigation, land, Đã kết thúc, Trung tâm số 2: 1")
can point at one person to a reader who knows the place; such a cell is shown as
"< 5" (the threshold is the setting STATISTICS_MIN_CELL). Zero is shown: it names
nobody.

A table with totals needs more than that: a row of [3, 20] with its total 23 gives
the hidden 3 back by subtraction. `suppress_table` therefore also hides, in every row
and column (its total counted as one more member), a second cell wherever exactly one
is hidden — the smallest one left — until no line has a single hidden member
("complementary suppression"). The result is a `Table` of `Cell`s; `str(cell)` is what
a page or a spreadsheet shows.

Pure Python: the only Django in here is the setting read when no threshold is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def default_threshold() -> int:
    from django.conf import settings

    return int(getattr(settings, "STATISTICS_MIN_CELL", 5))


def is_small(count: int, threshold: int) -> bool:
    """A count that could single a person out: more than none, fewer than the threshold."""
    return 0 < count < threshold


@dataclass(frozen=True)
class Cell:
    """One figure of a table: its value, and whether it is shown as "< threshold"."""

    value: int
    hidden: bool = False
    threshold: int = 0

    def __str__(self) -> str:
        return f"< {self.threshold}" if self.hidden else str(self.value)

    @property
    def shown(self) -> int | str:
        """The value for a spreadsheet cell: the number, or the text "< 5"."""
        return str(self) if self.hidden else self.value


def suppress(count: int, threshold: int | None = None) -> Cell:
    """One figure on its own (no totals beside it): hidden when it is small."""
    limit = default_threshold() if threshold is None else threshold
    return Cell(count, is_small(count, limit), limit)


@dataclass(frozen=True)
class Table:
    """A suppressed table: its cells, a total per row and per column, the grand total."""

    cells: list[list[Cell]]
    row_totals: list[Cell]
    column_totals: list[Cell]
    total: Cell
    threshold: int

    @property
    def rows(self) -> list[tuple[list[Cell], Cell]]:
        """Each row's cells with the row's total (what a template iterates)."""
        return list(zip(self.cells, self.row_totals, strict=True))

    @property
    def any_hidden(self) -> bool:
        return any(c.hidden for c in self._all())

    def _all(self):
        for row in self.cells:
            yield from row
        yield from self.row_totals
        yield from self.column_totals
        yield self.total


def _lines(n_rows: int, n_cols: int) -> list[list[tuple[int, int]]]:
    """Every sum the table shows, as the positions of its members: each row with its
    total (column n_cols), each column with its total (row n_rows), and the row of
    column totals with the grand total."""
    rows = [[(r, c) for c in range(n_cols + 1)] for r in range(n_rows + 1)]
    columns = [[(r, c) for r in range(n_rows + 1)] for c in range(n_cols + 1)]
    return rows + columns


def suppress_table(
    matrix: Sequence[Sequence[int]], threshold: int | None = None, *, columns: int | None = None
) -> Table:
    """The table of counts `matrix` (rows of equal length) with its totals, small cells
    hidden and, where one hidden cell could be worked out from a total, a second one.

    `threshold=1` hides nothing (the exact table, for those who may see the people);
    `columns` gives the width of a table that has no rows.
    """
    limit = default_threshold() if threshold is None else threshold
    counts = [list(row) for row in matrix]
    n_cols = len(counts[0]) if counts else (columns or 0)
    if any(len(row) != n_cols for row in counts):
        raise ValueError("every row of a table has the same number of columns")
    n_rows = len(counts)
    # the full grid: cells, then each row's total in the last column, then the totals row
    grid = [[*row, sum(row)] for row in counts]
    grid.append([sum(row[c] for row in grid) for c in range(n_cols + 1)])
    hidden = {
        (r, c)
        for r, row in enumerate(grid)
        for c, value in enumerate(row)
        if is_small(value, limit)
    }
    lines = _lines(n_rows, n_cols)
    changed = bool(hidden)
    while changed:
        changed = False
        for line in lines:
            secret = [p for p in line if p in hidden]
            if len(secret) != 1:
                continue
            # the smallest other member that counts someone; a line whose other members
            # are all zero cannot be alone (its total would be as small as its cell)
            candidates = [p for p in line if p not in hidden and grid[p[0]][p[1]] > 0]
            if candidates:
                hidden.add(min(candidates, key=lambda p: (grid[p[0]][p[1]], p)))
                changed = True

    def cell(r: int, c: int) -> Cell:
        return Cell(grid[r][c], (r, c) in hidden, limit)

    return Table(
        cells=[[cell(r, c) for c in range(n_cols)] for r in range(n_rows)],
        row_totals=[cell(r, n_cols) for r in range(n_rows)],
        column_totals=[cell(n_rows, c) for c in range(n_cols)],
        total=cell(n_rows, n_cols),
        threshold=limit,
    )


def exact_table(matrix: Sequence[Sequence[int]], *, columns: int | None = None) -> Table:
    """The same table with every figure shown."""
    return suppress_table(matrix, threshold=1, columns=columns)
