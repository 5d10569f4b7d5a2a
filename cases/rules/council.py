"""The inter-agency council on legal aid in proceedings (TTLT 10/2018): its size, its
report periods and the members' allowance. Pure Python, no Django.

- at most 8 members; the chair is the Giám đốc Sở Tư pháp, the Centre's director is a
  member and heads the Tổ giúp việc (one of each at a time);
- each sector reports twice a year on the data of its register of notices (Mẫu 05):
  1st report 01/01–31/10 (content and data: Mẫu 06A, 06B), 2nd report 01/01–31/12 (data
  only: Mẫu 06C);
- each member receives 0.3 × the base salary a month.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

MAX_MEMBERS = 8
ALLOWANCE_COEFFICIENT = Decimal("0.3")

# sectors of the members
JUSTICE, LEGAL_AID, POLICE, PROCURACY = "justice", "legal_aid", "police", "procuracy"
COURT, MILITARY, FINANCE, OTHER = "court", "military", "finance", "other"
# positions in the council
CHAIR, VICE_CHAIR, SECRETARIAT_HEAD, MEMBER = "chair", "vice_chair", "secretariat", "member"
SINGLE_POSITIONS = (CHAIR, SECRETARIAT_HEAD)

FIRST, SECOND = 1, 2
FORMS = {FIRST: "Mẫu 06A (nội dung), Mẫu 06B (số liệu)", SECOND: "Mẫu 06C (số liệu chính thức)"}


def period(year: int, round_: int) -> tuple[date, date]:
    """The first and last day the report counts (both included)."""
    if round_ == FIRST:
        return date(year, 1, 1), date(year, 10, 31)
    if round_ == SECOND:
        return date(year, 1, 1), date(year, 12, 31)
    raise ValueError(f"unknown report round {round_!r}")


def has_content(round_: int) -> bool:
    """Only the 1st report carries a written content (Mẫu 06A); the 2nd is data only."""
    return round_ == FIRST


def forms_of(round_: int) -> str:
    return FORMS[round_]


def seats_problem(active_members: int) -> str | None:
    """Why one more member may not join (None if they may)."""
    if active_members >= MAX_MEMBERS:
        return (
            f"Hội đồng đã có đủ {MAX_MEMBERS} thành viên: cho một thành viên thôi tham gia trước."
        )
    return None


def monthly_allowance(base_salary: int) -> int:
    """0.3 × lương cơ sở a month, in whole đồng."""
    return int((ALLOWANCE_COEFFICIENT * base_salary).to_integral_value())
