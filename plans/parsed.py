"""The result of reading a plan document: plain dataclasses, JSON-able."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields


def no_timeframe() -> dict:
    return {"text": None, "start": None, "end": None, "recurrence": "none"}


def _jsonable(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    return value


@dataclass
class ParsedSigner:
    name: str | None = None
    title: str | None = None  # "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    on_behalf: str | None = None  # "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"

    def to_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "on_behalf": self.on_behalf}


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
    timeframe_parsed: dict = field(default_factory=no_timeframe)
    result: str | None = None
    budget_text: str | None = None
    budget_vnd: int | None = None
    quantities: list[dict] = field(default_factory=list)  # [{quantity, unit}]
    milestones: list[dict] = field(default_factory=list)  # [{owner, text, due}]

    def to_json_dict(self) -> dict:
        return {
            "path": self.path,
            "number": self.number,
            "title": self.title,
            "lead": list(self.lead),
            "partners": list(self.partners),
            "timeframe": {k: self.timeframe_parsed.get(k) for k in no_timeframe()},
            "result": self.result,
            "budget_vnd": self.budget_vnd,
        }

    def to_full_dict(self) -> dict:
        return _jsonable(self)


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
    year: int | None = None  # of the date; else of the date line; else "năm 2025" of the title
    period_year: int | None = None  # "năm 2023" of the title, else ``year``: timeframes use it
    title: str | None = None
    issuer: str | None = None  # "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"
    parent_agency: str | None = None  # "SỞ TƯ PHÁP TỈNH LẠNG SƠN"
    legal_bases: list[str] = field(default_factory=list)
    sections: list[ParsedSection] = field(default_factory=list)
    purpose_text: str | None = None
    budget_text: str | None = None
    organisation_text: str | None = None
    closing: str | None = None  # "Trên đây là Kế hoạch ..."
    recipients: list[str] = field(default_factory=list)
    signer: ParsedSigner = field(default_factory=ParsedSigner)
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json_dict(self) -> dict:
        return {
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "year": self.year,
            "title": self.title,
            "recipients": list(self.recipients),
            "signer": self.signer.to_dict(),
            "items": [item.to_json_dict() for item in self.items],
        }

    def to_full_dict(self) -> dict:
        return _jsonable(self)

    def item(self, path: str) -> ParsedItem | None:
        return next((item for item in self.items if item.path == path), None)
