"""A task's percent from its quantity targets (plans.rules.progress), computed by hand."""

import pytest

from plans.rules.progress import percent_from_targets, shortfalls, thousands

# (achieved, target) pairs, expected percent, how it was computed
TABLE = [
    ([], None, "no target: the percent is typed"),
    ([(0, 0)], None, "a target of 0 counts nothing"),
    ([(0, 128)], 0, "0/128: nothing done"),
    ([(64, 128)], 50, "64/128 = 50 %"),
    ([(128, 128)], 100, "met"),
    ([(200, 128)], 100, "more than planned is capped at 100 %"),
    ([(127, 128)], 99, "99.2 % is rounded down: 100 % only when met"),
    ([(128, 128), (0, 80000)], 50, "(100 + 0) / 2: each target weighs the same"),
    ([(64, 128), (60000, 80000)], 62, "(50 + 75) / 2 = 62.5 -> 62"),
    ([(300, 128), (0, 80000)], 50, "a target beyond 100 % does not make up for another"),
    ([(1, 3), (1, 3), (1, 3)], 33, "33.33 % three times -> 33"),
    ([(2, 3), (1, 1)], 83, "(66.67 + 100) / 2 = 83.33 -> 83"),
    ([(10, 0), (5, 10)], 50, "the empty target is left out: 5/10"),
]


@pytest.mark.parametrize(("targets", "expected", "why"), TABLE)
def test_percent_from_targets(targets, expected, why):
    assert percent_from_targets(targets) == expected, why


def test_shortfalls_name_unmet_targets_with_separators():
    assert shortfalls(
        [("Bảng thông tin", 0, 128), ("Tờ gấp", 80000, 80000), ("Lượt người", 1500, 25000)]
    ) == ["0/128 Bảng thông tin", "1.500/25.000 Lượt người"]


@pytest.mark.parametrize(
    ("number", "text"), [(0, "0"), (999, "999"), (1000, "1.000"), (80000, "80.000"),
                         (177400000, "177.400.000"), (-2500, "-2.500")],
)  # fmt: skip
def test_thousands_separator_is_a_dot(number, text):
    assert thousands(number) == text
