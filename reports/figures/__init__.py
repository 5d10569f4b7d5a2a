"""The figures of a report: sections registered by the modules below (see base.py).

Adding a section (appraisal, outreach, trainings ...): write a module here with a
`build(scope) -> Section` over that app's models or selectors and a
`records(scope, row_key, column_key)` giving the queryset behind a cell, register a
`SectionSpec` at its end, and import the module in the list below.
"""

from . import appraisal, cases, outreach, plans, trainings  # noqa: F401  (each registers its sections)
from .base import Column, Row, Scope, Section, SectionSpec, compute, consolidate, register, spec

__all__ = [
    "Column",
    "Row",
    "Scope",
    "Section",
    "SectionSpec",
    "compute",
    "consolidate",
    "register",
    "spec",
]
