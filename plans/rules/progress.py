"""A task's progress from its quantity targets ("128 Bảng thông tin", "80.000 tờ gấp").

When a task states counted targets, its percent is not typed: it is what was achieved
against what was planned. Each target weighs the same (an average of the targets'
ratios, not a ratio of the summed counts): the targets of one task count different
things, and 80.000 leaflets must not drown 128 notice boards. Each ratio is capped at
100 % (doing more of one thing does not make up for another left undone), and the
average is rounded down, so a task reads 100 % only when every target is met.
"""

from __future__ import annotations

from collections.abc import Iterable


def percent_from_targets(targets: Iterable[tuple[int, int]]) -> int | None:
    """(achieved, target) pairs -> the task's percent; None when it has no target.

    A target of 0 (nothing to count) is left out.
    """
    ratios = [min(achieved, target) / target for achieved, target in targets if target > 0]
    if not ratios:
        return None
    return int(100 * sum(ratios) / len(ratios) + 1e-9)


def shortfalls(targets: Iterable[tuple[str, int, int]]) -> list[str]:
    """(label, achieved, target) -> the targets not met yet: "0/80.000 Tờ gấp"."""
    return [
        f"{thousands(achieved)}/{thousands(target)} {label}"
        for label, achieved, target in targets
        if achieved < target
    ]


def thousands(number: int) -> str:
    """80000 -> "80.000", the Vietnamese way (as the `num` template filter)."""
    sign = "-" if number < 0 else ""
    return f"{sign}{abs(number):,}".replace(",", ".")
