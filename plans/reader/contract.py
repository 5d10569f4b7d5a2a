"""The reading of a plan document: the one typed contract of the plan reader.

The parser fills a :class:`ParsedPlan`; the command line prints it, the web preview
builds its forms from it and turns them back into it, and the import service saves it.
Its one JSON form is :func:`plan_to_json`, read back by :func:`plan_from_json` (the web
preview keeps a plan in the session that way, and ``import_plan --json`` prints it).

Dates are :class:`datetime.date` on the plan and ISO strings inside the small
dictionaries (time frames, periods, milestones), which are JSON as they stand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypedDict

# Kinds of plan, as the model's choices name them (plans.models.Plan.Kind).
KINDS = ("annual", "thematic", "policy", "law", "coordination", "other")


class TimeframeData(TypedDict):
    text: str | None  # "Quý II - III năm 2021" as written
    start: str | None  # ISO dates
    end: str | None
    recurrence: str  # none / monthly / quarterly / yearly / continuous


class Period(TypedDict):
    """One of several separate periods of a task ("Quý II, IV" is two)."""

    start: str
    end: str


class Quantity(TypedDict):
    quantity: int
    unit: str  # as written: "Bảng thông tin", "huyện", "chương trình phát thanh"


class MilestoneData(TypedDict):
    owner: str | None
    text: str
    due: str | None


class PlanReference(TypedDict):
    """A plan named by a legal basis: "Kế hoạch số 08/KH-STP ngày 12/01/2021"."""

    number: int
    symbol: str
    date: str | None
    year: int | None
    text: str  # the basis it was read from


class BudgetLineData(TypedDict):
    label: str  # what the amount is for, as written ("" when the text names only the sum)
    amount_vnd: int


def no_timeframe() -> TimeframeData:
    return {"text": None, "start": None, "end": None, "recurrence": "none"}


@dataclass
class ParsedSigner:
    name: str | None = None
    title: str | None = None  # "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    on_behalf: str | None = None  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"


@dataclass
class ParsedItem:
    path: str  # "II.2.2.1", "II.1.1.a"
    number: str  # as written, without the trailing dot: "2.2.1", "a", "II"
    level: int  # number of parts of the path: "II" -> 1, "II.2.2.1" -> 4
    title: str
    parent: str | None = None
    section_role: str | None = None  # purpose / content / budget / organisation / None
    kind: str = "heading"  # "heading" or "task"
    body: str = ""
    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    lead_text: str | None = None  # the labelled values as written
    partners_text: str | None = None
    note: str | None = None  # "định kỳ bài/ tuần" and other remarks next to unit names
    timeframe: str | None = None
    timeframe_parsed: TimeframeData = field(default_factory=no_timeframe)
    periods: list[Period] = field(default_factory=list)  # only when there are several
    result: str | None = None
    budget_text: str | None = None
    budget_vnd: int | None = None
    budget_lines: list[BudgetLineData] = field(default_factory=list)  # they sum to budget_vnd
    quantities: list[Quantity] = field(default_factory=list)
    milestones: list[MilestoneData] = field(default_factory=list)


@dataclass
class ParsedSection:
    number: str  # "I" (or "1" in a plan without Roman sections)
    title: str
    role: str | None
    text: str  # everything under the heading, one paragraph a line


@dataclass
class ParsedPlan:
    number: int | None = None
    symbol: str | None = None
    number_text: str | None = None  # "19/KH-TGPL", "/KH-TGPL"
    place: str | None = None
    date: dt.date | None = None
    year: int | None = None  # of the date; else of the date line, the title, the body
    period_year: int | None = None  # "năm 2023" of the title, else ``year``: timeframes use it
    kind: str = "other"  # one of KINDS, read from the text (see plans.reader.kinds)
    title: str | None = None
    issuer: str | None = None  # the letterhead: "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"
    parent_agency: str | None = None  # "SỞ TƯ PHÁP TỈNH LẠNG SƠN"
    issuing_body: str | None = None  # as the text names it: "Ủy ban nhân dân tỉnh Lạng Sơn"
    legal_bases: list[str] = field(default_factory=list)
    referenced_plans: list[PlanReference] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    purpose_text: str | None = None
    budget_text: str | None = None
    organisation_text: str | None = None
    closing: str | None = None  # "Trên đây là Kế hoạch ..."
    recipients: list[str] = field(default_factory=list)
    signer: ParsedSigner = field(default_factory=ParsedSigner)
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def item(self, path: str) -> ParsedItem | None:
        return next((item for item in self.items if item.path == path), None)


# --- The one JSON form ---------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def plan_to_json(plan: ParsedPlan) -> dict[str, Any]:
    """The plan as JSON-able data: every field, dates as ISO strings."""
    return _jsonable(plan)


class ContractError(ValueError):
    """Data that is not a plan reading (a stale session, a hand-edited JSON file)."""


def _read(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        return _read(options[0], value, where)
    if origin is list:
        if not isinstance(value, list):
            raise ContractError(f"{where}: expected a list")
        (inner,) = typing.get_args(hint)
        return [_read(inner, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if hint is dt.date:
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise ContractError(f"{where}: not an ISO date") from exc
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _read_dataclass(hint, value, where)
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            raise ContractError(f"{where}: expected an object")
        missing = set(hint.__required_keys__) - set(value)
        if missing:
            raise ContractError(f"{where}: missing {sorted(missing)}")
        return {k: value[k] for k in hint.__annotations__}
    if hint in (int, str, bool) and not isinstance(value, hint):
        raise ContractError(f"{where}: expected {hint.__name__}")
    return value


def _read_dataclass(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise ContractError(f"{where}: expected an object")
    hints = typing.get_type_hints(cls)
    kwargs = {
        f.name: _read(hints[f.name], value[f.name], f"{where}.{f.name}")
        for f in dataclasses.fields(cls)
        if f.name in value
    }
    return cls(**kwargs)


def plan_from_json(data: dict[str, Any]) -> ParsedPlan:
    """Read back what :func:`plan_to_json` wrote; :class:`ContractError` when it is not that."""
    return _read_dataclass(ParsedPlan, data, "plan")
