"""Duty rosters (lịch trực): who may be on duty at a procedural body on a day. Pure
Python, no Django. A duty at a court, an investigation body or a detention facility is
litigation work, so a collaborator (advice only, Luật TGPL Điều 17, 23) cannot take it;
a performer on leave or on another duty at the same time cannot; a contracted lawyer
needs a contract valid that day."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

LEGAL_AID_OFFICER, CONTRACTED_LAWYER, COLLABORATOR = (
    "legal_aid_officer",
    "contracted_lawyer",
    "collaborator",
)


@dataclass(frozen=True)
class Shift:
    day: date
    start: time
    end: time
    place: str = ""  # the agency's name, for the message

    def overlaps(self, other: Shift) -> bool:
        return self.day == other.day and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class PerformerFacts:
    name: str
    kind: str
    active: bool = True
    leaves: tuple[tuple[date, date], ...] = ()
    contracts: tuple[tuple[date, date], ...] = ()
    other_shifts: tuple[Shift, ...] = ()


def d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def shift_problems(performer: PerformerFacts, shift: Shift) -> list[str]:
    """Every reason the performer cannot take the shift, in Vietnamese ([] if none)."""
    out: list[str] = []
    if shift.end <= shift.start:
        out.append("Giờ kết thúc phải sau giờ bắt đầu.")
    if not performer.active:
        out.append(f"{performer.name} không còn hoạt động thực hiện TGPL.")
    if performer.kind == COLLABORATOR:
        out.append(
            f"{performer.name} là cộng tác viên: chỉ tư vấn pháp luật, không trực tham gia tố tụng."
        )
    for start, end in performer.leaves:
        if start <= shift.day <= end:
            out.append(f"{performer.name} nghỉ phép từ {d(start)} đến {d(end)}.")
    if performer.kind == CONTRACTED_LAWYER and not any(
        start <= shift.day <= end for start, end in performer.contracts
    ):
        out.append(f"Hợp đồng TGPL của {performer.name} không có hiệu lực ngày {d(shift.day)}.")
    for other in performer.other_shifts:
        if other.overlaps(shift):
            out.append(
                f"{performer.name} đã có lịch trực {other.place} ngày {d(other.day)} "
                f"từ {other.start:%H:%M} đến {other.end:%H:%M}."
            )
    return out


def month_days(year: int, month: int) -> list[date]:
    day = date(year, month, 1)
    out = []
    while day.month == month:
        out.append(day)
        day = date.fromordinal(day.toordinal() + 1)
    return out


def uncovered_days(days: Iterable[date], covered: Iterable[date]) -> list[date]:
    have = set(covered)
    return [day for day in days if day not in have]
