"""Durations in Vietnamese words: "1 giờ", "30 phút", "1 ngày 2 giờ" (never "PT1H")."""

from __future__ import annotations

from datetime import timedelta

_UNITS = (("ngày", 86400), ("giờ", 3600), ("phút", 60))


def duration_vi(delta: timedelta | None) -> str:
    """The duration rounded up to the minute: "1 giờ 30 phút"."""
    if delta is None:
        return ""
    seconds = max(0, int(-(-delta.total_seconds() // 60)) * 60)  # round up to the minute
    if seconds == 0:
        return "1 phút"
    parts = []
    for name, size in _UNITS:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {name}")
    return " ".join(parts)
