"""Estimates of the part of a period not yet covered by data (TT 03/2019: the 6-month
report's June, the annual report's November and December): proposed from the same period
of last year, pro rata to this year's actual data, and overwritable by the centre.

Stored on the report as {section: {column: {"proposed": n, "value": n}}} for the total
row of each table; an estimate whose value differs from its proposal was overwritten.
"""

from __future__ import annotations

from datetime import date

from reports import figures
from reports.figures import Scope
from reports.models import Report
from reports.rules import periods

ESTIMATED_SECTIONS = ("b24", "b25")


def _shift(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02
        return day.replace(year=day.year + years, day=28)


def propose_estimates(report: Report) -> dict:
    """A proposal per column of each table's total row (three computations of the tables,
    a constant number of queries)."""
    centres = (report.centre_id,)
    this = figures.compute(Scope(centres, report.start, report.end), ESTIMATED_SECTIONS)
    last_start, last_end = _shift(report.start, -1), _shift(report.end, -1)
    last_part = figures.compute(Scope(centres, last_start, last_end), ESTIMATED_SECTIONS)
    last_full = figures.compute(
        Scope(centres, last_start, _shift(report.covers_to, -1)), ESTIMATED_SECTIONS
    )
    out: dict[str, dict[str, dict[str, int]]] = {}
    for now, part, full in zip(this, last_part, last_full, strict=True):
        columns = out.setdefault(now.key, {})
        for c in now.columns:
            proposed = periods.estimate_pro_rata(
                full.cell("total", c.key), part.cell("total", c.key), now.cell("total", c.key)
            )
            columns[c.key] = {"proposed": proposed, "value": proposed}
    return out
