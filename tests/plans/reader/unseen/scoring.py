"""Field-by-field comparison of a plan reading with a reading by hand.

An expected reading is a dict: the plan's fields (number, symbol, date, year, issuer,
kind, title, signer, recipients) and ``items``, {path: fields} for every numbered item of
the document, where a task lists what a reader must get right: ``lead`` (owners),
``partners``, ``dates`` ((start, end) and, for separate periods, the list of them),
``recurrence`` and ``targets`` ([(quantity, unit)]). Every expected field counts one;
an item the reader finds that the document does not number counts one wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plans.reader import ParsedItem, ParsedPlan

PLAN_FIELDS = ("number", "symbol", "date", "year", "issuer", "kind", "title", "recipients")
SIGNER_FIELDS = ("name", "title", "on_behalf")


@dataclass
class Score:
    name: str
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def check(self, what: str, got, expected) -> None:
        self.total += 1
        if got == expected:
            self.right += 1
        else:
            self.wrong.append(f"{self.name} {what}: got {got!r}, expected {expected!r}")

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def _squash(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text).strip().casefold() if text else text


def _dates(item: ParsedItem):
    frame = item.timeframe_parsed
    periods = [(p["start"], p["end"]) for p in item.periods]
    return (frame["start"], frame["end"], periods) if periods else (frame["start"], frame["end"])


def _targets(item: ParsedItem):
    return [(q["quantity"], q["unit"].casefold()) for q in item.quantities]


def score(name: str, plan: ParsedPlan, expected: dict) -> Score:
    result = Score(name)
    got = {
        "number": plan.number,
        "symbol": plan.symbol,
        "date": plan.date.isoformat() if plan.date else None,
        "year": plan.year,
        "issuer": _squash(plan.issuing_body),
        "kind": plan.kind,
        "title": _squash(plan.title),
        "recipients": plan.recipients,
    }
    for key in PLAN_FIELDS:
        want = expected[key]
        if key in ("issuer", "title"):
            want = _squash(want)
        result.check(key, got[key], want)
    for key in SIGNER_FIELDS:
        result.check(f"signer.{key}", getattr(plan.signer, key), expected["signer"][key])
    items = {item.path: item for item in plan.items}
    for path, fields in expected["items"].items():
        item = items.get(path)
        result.check(f"item {path}", item is not None, True)
        if item is None:
            result.total += len(fields)  # every field of a missing item is wrong too
            continue
        readers = {
            "lead": lambda i: i.lead,
            "partners": lambda i: i.partners,
            "dates": _dates,
            "recurrence": lambda i: i.timeframe_parsed["recurrence"],
            "targets": _targets,
        }
        for key, want in fields.items():
            if key == "targets":
                want = [(n, unit.casefold()) for n, unit in want]
            result.check(f"{path}.{key}", readers[key](item), want)
    for path in items.keys() - expected["items"].keys():
        result.total += 1
        result.wrong.append(f"{name} item {path}: not numbered in the document")
    return result
