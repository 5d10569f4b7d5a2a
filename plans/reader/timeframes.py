"""A task's "Thời gian thực hiện" as the contract holds it (tgpl.timeframes does the reading)."""

from __future__ import annotations

import logging

from tgpl.timeframes import parse_timeframe

from .contract import Period, TimeframeData

logger = logging.getLogger(__name__)


def read_timeframe(text: str | None, year: int | None) -> tuple[TimeframeData, list[Period]]:
    """The time frame of a task and, when it names several separate periods ("Quý II, IV"),
    those periods; a recurring frame ("Hằng quý") keeps its rule instead of a list."""
    text = (text or "").strip() or None
    empty: TimeframeData = {"text": text, "start": None, "end": None, "recurrence": "none"}
    if text is None:
        return empty, []
    try:
        parsed = parse_timeframe(text, default_year=year)
    except Exception:  # the reader must not fail on one odd cell
        logger.exception("parse_timeframe failed on %r", text)
        return empty, []
    data: TimeframeData = {
        "text": text,
        "start": parsed.start.isoformat() if parsed.start else None,
        "end": parsed.end.isoformat() if parsed.end else None,
        "recurrence": parsed.recurrence or "none",
    }
    periods: list[Period] = []
    if parsed.recurrence == "none" and len(parsed.periods) > 1:
        periods = [{"start": s.isoformat(), "end": e.isoformat()} for s, e in parsed.periods]
    return data, periods
