"""Limits of a complaint (Luật TGPL Điều 45). Pure Python, no Django.

A complaint against a refusal to accept, a failure to perform, an unlawful performance
or an unlawful change of performer goes to the head of the organisation: accepted
within 03 working days of its receipt, decided within 15 days of its acceptance; the
complainant who disagrees (or gets no answer) appeals to the Director of the Sở Tư pháp,
who decides within 15 days; then the court.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tgpl.workdays import DAYS, WORKDAYS, Limit, WorkCalendar, due_moment


@dataclass(frozen=True)
class ComplaintLimit:
    key: str
    limit: Limit
    article: str
    label: str
    starts_at: str


LIMITS = {
    lim.key: lim
    for lim in [
        ComplaintLimit(
            "accept",
            Limit(3, WORKDAYS),
            "Luật TGPL Điều 45",
            "Thụ lý đơn khiếu nại",
            "ngày nhận đơn",
        ),
        ComplaintLimit(
            "decide",
            Limit(15, DAYS),
            "Luật TGPL Điều 45",
            "Giải quyết khiếu nại (người đứng đầu tổ chức thực hiện TGPL)",
            "ngày thụ lý",
        ),
        ComplaintLimit(
            "appeal_decide",
            Limit(15, DAYS),
            "Luật TGPL Điều 45",
            "Giám đốc Sở Tư pháp giải quyết khiếu nại lần hai",
            "ngày nhận đơn khiếu nại lần hai",
        ),
    ]
}


@dataclass(frozen=True)
class ComplaintFacts:
    received_at: datetime
    accepted_at: datetime | None = None
    declined_at: datetime | None = None
    decided_at: datetime | None = None
    appealed_at: datetime | None = None
    appeal_decided_at: datetime | None = None


@dataclass(frozen=True)
class RunningComplaintLimit:
    rule: ComplaintLimit
    started: datetime
    due: datetime
    done_at: datetime | None
    now: datetime

    @property
    def state(self) -> str:
        if self.done_at is not None:
            return "late" if self.done_at > self.due else "done"
        return "overdue" if self.now > self.due else "running"


def complaint_limits(
    facts: ComplaintFacts, calendar: WorkCalendar, now: datetime
) -> list[RunningComplaintLimit]:
    def run(key: str, start: datetime, done: datetime | None) -> RunningComplaintLimit:
        rule = LIMITS[key]
        return RunningComplaintLimit(
            rule, start, due_moment(start, rule.limit, calendar), done, now
        )

    out = [run("accept", facts.received_at, facts.accepted_at or facts.declined_at)]
    if facts.accepted_at is not None:
        out.append(run("decide", facts.accepted_at, facts.decided_at))
    if facts.appealed_at is not None:
        out.append(run("appeal_decide", facts.appealed_at, facts.appeal_decided_at))
    return out
