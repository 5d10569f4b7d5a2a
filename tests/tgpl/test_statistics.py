"""Small-cell suppression: no figure of a table can single out a person."""

from itertools import product

import pytest

from tgpl.statistics import exact_table, is_small, suppress, suppress_table


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (120, "120")],
)
def test_a_single_count_below_the_threshold_is_shown_as_less_than(count, shown):
    assert str(suppress(count, threshold=5)) == shown


def test_zero_is_never_hidden_because_it_names_nobody():
    assert not is_small(0, 5)
    assert not suppress(0, threshold=5).hidden


def test_the_threshold_is_a_setting(settings):
    settings.STATISTICS_MIN_CELL = 10
    assert str(suppress(7)) == "< 10"
    assert str(suppress(10)) == "10"


def test_a_hidden_cell_keeps_its_value_for_no_one_but_shows_text_in_a_spreadsheet():
    cell = suppress(3, threshold=5)
    assert cell.shown == "< 5"
    assert suppress(30, threshold=5).shown == 30


def _recoverable(table) -> list[str]:
    """Hidden figures that one shown sum gives back: a line (row or column with its
    total) in which exactly one member is hidden."""
    grid = [[*cells, total] for cells, total in table.rows]
    grid.append([*table.column_totals, table.total])
    n_rows, n_cols = len(grid), len(grid[0])
    lines = [[grid[r][c] for c in range(n_cols)] for r in range(n_rows)]
    lines += [[grid[r][c] for r in range(n_rows)] for c in range(n_cols)]
    return [str(line) for line in lines if sum(c.hidden for c in line) == 1]


def test_a_small_cell_is_not_given_back_by_its_row_total():
    table = suppress_table([[3, 20, 40]], threshold=5)
    assert [str(c) for c in table.cells[0]] == ["< 5", "< 5", "40"]
    assert str(table.row_totals[0]) == "63"
    assert _recoverable(table) == []


def test_a_second_cell_is_hidden_in_the_column_too():
    table = suppress_table([[3, 20], [30, 40]], threshold=5)
    # row 0 hides 3 and then 20; column 0 then has 3 alone: 30 is hidden as well, and so on
    assert table.cells[0][0].hidden
    assert _recoverable(table) == []
    assert not table.total.hidden


def test_a_small_total_is_hidden():
    table = suppress_table([[1, 2], [0, 0]], threshold=5)
    assert str(table.row_totals[0]) == "< 5"
    assert str(table.total) == "< 5"
    assert str(table.row_totals[1]) == "0"


def test_a_table_of_large_counts_hides_nothing():
    table = suppress_table([[10, 20], [30, 0]], threshold=5)
    assert not table.any_hidden
    assert [[c.value for c in row] for row in table.cells] == [[10, 20], [30, 0]]
    assert [c.value for c in table.column_totals] == [40, 20]
    assert table.total.value == 60


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_figure_can_be_worked_out_from_one_sum(seed):
    """Tables of every shape with small and large counts mixed."""
    values = [0, 1, 2, 4, 5, 7, 30]
    n_rows, n_cols = 1 + seed % 4, 1 + (seed // 4) % 5
    cells = list(product(range(n_rows), range(n_cols)))
    matrix = [[0] * n_cols for _ in range(n_rows)]
    for i, (r, c) in enumerate(cells):
        matrix[r][c] = values[(seed * 7 + i * 3) % len(values)]
    table = suppress_table(matrix, threshold=5)
    assert _recoverable(table) == []
    assert all(c.hidden for row in table.cells for c in row if is_small(c.value, 5))


def test_the_exact_table_hides_nothing():
    table = exact_table([[1, 2], [3, 4]])
    assert not table.any_hidden
    assert str(table.cells[0][0]) == "1"


def test_an_empty_table_keeps_its_columns():
    table = suppress_table([], threshold=5, columns=3)
    assert table.cells == []
    assert [str(c) for c in table.column_totals] == ["0", "0", "0"]
    assert str(table.total) == "0"


def test_rows_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="same number of columns"):
        suppress_table([[1, 2], [3]], threshold=5)
