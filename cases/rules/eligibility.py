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
    min_age: int | None = None  # inclusive ("từ đủ")
    max_age: int | None = None  # exclusive ("dưới")

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def admits_age(self, age: int) -> bool:
        return (self.min_age is None or age >= self.min_age) and (
            self.max_age is None or age < self.max_age
        )

    @property
    def age_label(self) -> str:
        """ "dưới 16 tuổi", "từ đủ 16 tuổi đến dưới 18 tuổi", "từ đủ 60 tuổi"."""
        if self.min_age is not None and self.max_age is not None:
            return f"từ đủ {self.min_age} tuổi đến dưới {self.max_age} tuổi"
        if self.max_age is not None:
            return f"dưới {self.max_age} tuổi"
        if self.min_age is not None:
            return f"từ đủ {self.min_age} tuổi"
        return ""


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


# --- age on the request date (Điều 7 khoản 3, 5, 7 điểm c, đ) ---------------------------

EARLIEST_BIRTH_YEAR = 1900


def age_on(birth: date, on: date) -> int:
    """Whole years of age on `on` ("đủ ... tuổi"): the birthday itself counts; a person
    born on 29/02 comes of age on 01/03 in a common year."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def possible_ages(birth_date: date | None, birth_year: int | None, on: date) -> tuple[int, int]:
    """The youngest and oldest the person can be on `on`: exact with a birth date; with
    only a year, the two ages of that year (before and after the birthday)."""
    if birth_date is not None:
        age = age_on(birth_date, on)
        return age, age
    if birth_year is None:
        raise ValueError("birth date or year needed")
    oldest = on.year - birth_year
    return (oldest if (on.month, on.day) == (12, 31) else oldest - 1), oldest


def birth_problem(birth_date: date | None, birth_year: int | None, today: date) -> str | None:
    """Why a date (or year) of birth cannot be right, in Vietnamese; None if it can."""
    if birth_date is not None:
        if birth_date > today:
            return f"Ngày sinh {birth_date:%d/%m/%Y} ở tương lai."
        if birth_date.year < EARLIEST_BIRTH_YEAR:
            return (
                f"Ngày sinh {birth_date:%d/%m/%Y} không hợp lý (trước năm {EARLIEST_BIRTH_YEAR})."
            )
    if birth_year is not None:
        if birth_year > today.year:
            return f"Năm sinh {birth_year} ở tương lai."
        if birth_year < EARLIEST_BIRTH_YEAR:
            return f"Năm sinh {birth_year} không hợp lý (trước năm {EARLIEST_BIRTH_YEAR})."
    return None


def age_problems(
    claimed: Iterable[CategoryRule], birth_date: date | None, birth_year: int | None, on: date
) -> list[str]:
    """The claimed categories that the person's age on the request date rules out, each
    said with the category and the age. With only a birth year, a category is ruled out
    only when neither of the two possible ages fits."""
    if birth_date is None and birth_year is None:
        return []
    youngest, oldest = possible_ages(birth_date, birth_year, on)
    problems = []
    for rule in claimed:
        if rule.min_age is None and rule.max_age is None:
            continue
        if any(rule.admits_age(a) for a in range(max(youngest, 0), oldest + 1)):
            continue
        age = f"{oldest} tuổi" if youngest == oldest else f"{max(youngest, 0)}–{oldest} tuổi"
        problems.append(
            f"Diện {rule.code} “{rule.name}” ({rule.article}) dành cho người "
            f"{rule.age_label}; người này {age} vào ngày tiếp nhận {on:%d/%m/%Y}."
        )
    return problems
