"""Who may receive legal aid: Điều 7 Luật TGPL 2017 as amended, judged at a date.

A category applies on a date when that date is within [valid_from, valid_to].
Its proof is complete when every proof group has at least one document received
(TT 08/2017 Điều 33: e.g. the khoản 7 groups need proof of financial hardship
*and* proof of the group).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class CategoryRule:
    code: str
    article: str
    name: str
    valid_from: date
    valid_to: date | None = None
    proof_groups: tuple[tuple[str, ...], ...] = ()

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class CategoryFinding:
    rule: CategoryRule
    in_force: bool
    missing_groups: tuple[tuple[str, ...], ...]

    @property
    def proven(self) -> bool:
        return self.in_force and not self.missing_groups


@dataclass
class Assessment:
    on: date
    findings: list[CategoryFinding] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        """At least one claimed category is in force on the date."""
        return any(f.in_force for f in self.findings)

    @property
    def proven(self) -> bool:
        """At least one claimed category in force has all its proof."""
        return any(f.proven for f in self.findings)

    @property
    def not_in_force(self) -> list[CategoryFinding]:
        return [f for f in self.findings if not f.in_force]

    def missing_documents(self, names: Mapping[str, str] | None = None) -> list[str]:
        """Readable list of what is missing for the categories in force ("A hoặc B")."""
        names = names or {}
        out: list[str] = []
        for finding in self.findings:
            if not finding.in_force:
                continue
            for group in finding.missing_groups:
                text = " hoặc ".join(names.get(code, code) for code in group)
                out.append(f"{finding.rule.code}: {text}")
        return out


def assess(claimed: Iterable[CategoryRule], received: Iterable[str], on: date) -> Assessment:
    """Judge the claimed categories with the documents received, by the rules at `on`."""
    have = set(received)
    result = Assessment(on=on)
    for rule in claimed:
        missing = tuple(g for g in rule.proof_groups if not have.intersection(g))
        result.findings.append(CategoryFinding(rule, rule.in_force(on), missing))
    return result


def categories_in_force(rules: Iterable[CategoryRule], on: date) -> list[CategoryRule]:
    return [r for r in rules if r.in_force(on)]
