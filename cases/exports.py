"""The registers exported by a worker (tgpl.exports): Sổ tiếp nhận and Sổ thụ lý.

Each job re-applies, as its owner, the list's own scoped selector with the list's filters
(selectors.request_list / case_list: visible_to + the filters the user may use), and
writes the columns of the resources the synchronous export wrote (cases/resources.py).
A row per person: only for who may export per person (never the Sở reviewer).
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date

from cases import resources, selectors
from cases.models import Case, LegalAidRequest
from tgpl import roles
from tgpl.exports import ExportKind, ExportTable, register

REQUEST_REGISTER = "cases.request_register"
CASE_REGISTER = "cases.case_register"
_DATES = {"date_from", "date_to"}
_NUMBERS = {"legal_field", "category", "performer", "department"}


def params_of(f: selectors.Filters) -> dict:
    """The list's filters as a job keeps them (JSON)."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(f).items()}


def filters_of(params: dict) -> selectors.Filters:
    """The filters back from a job's params (unknown keys ignored)."""
    known = {f.name for f in fields(selectors.Filters)}
    values: dict = {}
    for key, value in (params or {}).items():
        if key not in known or value in (None, ""):
            continue
        if key in _DATES:
            value = date.fromisoformat(value)
        elif key in _NUMBERS:
            value = int(value)
        values[key] = value
    return selectors.Filters(**values)


def _table(resource, qs) -> ExportTable:
    return ExportTable(
        headers=resource.get_export_headers(), rows=qs, cells=resource.export_resource
    )


def request_table(user, params: dict) -> ExportTable:
    qs = selectors.request_list(user, filters_of(params))
    return _table(resources.RequestPersonalResource(), qs)


def case_table(user, params: dict) -> ExportTable:
    qs = selectors.case_list(user, filters_of(params))
    return _table(resources.CasePersonalResource(), qs)


def register_exports() -> None:
    register(
        ExportKind(
            name=REQUEST_REGISTER,
            label="Sổ tiếp nhận (.xlsx)",
            filename="so-tiep-nhan",
            model=LegalAidRequest,
            allowed=roles.can_export_per_person,
            table=request_table,
            sheet="Sổ tiếp nhận",
        )
    )
    register(
        ExportKind(
            name=CASE_REGISTER,
            label="Sổ thụ lý (.xlsx)",
            filename="so-thu-ly",
            model=Case,
            allowed=roles.can_export_per_person,
            table=case_table,
            sheet="Sổ thụ lý",
        )
    )
