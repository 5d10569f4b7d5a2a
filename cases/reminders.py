"""Legal time limits of requests and cases for the reminder scan (tgpl.notifications).

Missing proof, appointment after acceptance (03 working days or 12 hours),
written advice, the answer to a change-of-performer request, the case-file
hand-in, and assignment proposals waiting for the head. Messages name the case code,
never the applicant: e-mail is not the place for personal data.

The scan (issue 18.4) passes a `window`: the due moments kept as CaseDue rows
(cases/due.py) and the requests' `proof_due_at` are filtered in SQL to what needs a
reminder now that none has had, the matching cases are read in batches and only their
limits are computed. Without a window (the calendar feed, the home page) every open
limit is given. A fixed number of queries per batch whatever the number of cases.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from tgpl import roles
from tgpl.calendar import work_calendar
from tgpl.models import ReminderSettings
from tgpl.notifications.deadlines import Deadline

from .due import BATCH, FILE_LOOK_BACK, OPEN_STATES, cases_with_limits, running_limits, unit_of
from .models import Assignment, Case, CaseDue, LegalAidRequest
from .rules import limits
from .states import AssignmentStatus, RequestStatus

# Who answers for each limit: "performer", "head" (of the case's department), "receiver".
OWNERS = {
    "supplement_proof": ("receiver", "performer"),
    "supplement_proof_disadvantaged": ("receiver", "performer"),
    "appoint_litigation": ("head",),
    "appoint_detained": ("head",),
    "appoint_representation": ("head",),
    "appoint_immediately": ("head",),
    "written_advice": ("performer",),
    "change_performer_answer": ("head",),
    "file_hand_in": ("performer",),
}


def _head(department):
    return department.head_id if department is not None else None


def _limit_deadlines(cases, calendar, now):
    for case in cases:
        head = _head(case.department)
        people = {
            "head": head,
            "performer": case.performer_id,
            "receiver": case.request.received_by_id,
        }
        url = reverse("cases:case_detail", args=[case.pk])
        for limit in running_limits(case, calendar, timezone.localtime(now)):
            if not limit.is_open:
                continue
            owners = tuple(
                p for p in (people[k] for k in OWNERS.get(limit.rule.key, ("head",))) if p
            ) or ((head,) if head else ())
            yield Deadline(
                subject=case,
                deadline=limit.rule.key,
                label=f"{limit.rule.label} ({limit.rule.article})",
                title=f"Vụ việc {case.code}",
                due_at=limit.due,
                owners=owners,
                escalate_to=(head,) if head else owners,
                url=url,
                unit=unit_of(limit),
                next_step=limit.rule.next_step,
            )


def _pending_case_ids(window, scope: Q):
    """Ids of the cases with a due row that needs a reminder now, in order, streamed."""
    file_cut = window.now - FILE_LOOK_BACK
    pending = Q()
    for unit in ("days", "hours"):
        pending |= Q(unit=unit) & window.pending(
            model=Case, object_ref="case_id", deadline_ref="deadline", due="due_at", unit=unit
        )
    dues = (
        CaseDue.objects.filter(pending, scope)
        .exclude(deadline="file_hand_in", due_at__lt=file_cut)
        .order_by("case_id")
        .values_list("case_id", flat=True)
        .distinct()
    )
    return dues.iterator(chunk_size=BATCH)


def _batches(ids, size):
    chunk: list[int] = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def case_deadlines(
    today: datetime.date, now: datetime.datetime, until=None, centre_ids=None, window=None
):
    calendar = work_calendar()
    scope = Q() if centre_ids is None else Q(centre_id__in=centre_ids)
    reach = Q(status__in=OPEN_STATES) | Q(
        ended_at__gte=now - FILE_LOOK_BACK, file_handed_in_on__isnull=True
    )
    if window is None:
        yield from _limit_deadlines(
            cases_with_limits(Case.objects.filter(reach, scope)), calendar, now
        )
    else:
        due_scope = Q() if centre_ids is None else Q(case__centre_id__in=centre_ids)
        for chunk in _batches(_pending_case_ids(window, due_scope), BATCH):
            cases = cases_with_limits(Case.objects.filter(reach, pk__in=chunk)).order_by("pk")
            yield from _limit_deadlines(cases, calendar, now)
        if window.unit == "hours":
            return  # the proof of requests and the proposals are counted in days

    awaiting = LegalAidRequest.objects.filter(
        scope, status=RequestStatus.AWAITING_PROOF, proof_due_at__isnull=False
    )
    if window is not None:
        awaiting = awaiting.filter(
            window.pending(
                model=LegalAidRequest, object_ref="pk", deadline="request_proof", due="proof_due_at"
            )
        )
    rule = limits.RULES["supplement_proof"]
    for request in awaiting.select_related("department").order_by("pk").iterator(BATCH):
        head = _head(request.department)
        yield Deadline(
            subject=request,
            deadline="request_proof",
            label=f"{rule.label} ({rule.article})",
            title=f"Yêu cầu TGPL số {request.pk}",
            due_at=request.proof_due_at,
            owners=tuple(p for p in (request.received_by_id,) if p),
            escalate_to=(head,) if head else (),
            url=reverse("cases:request_detail", args=[request.pk]),
            next_step="Hết hạn mà không bổ sung: từ chối thụ lý, thông báo bằng văn bản.",
        )

    wait = ReminderSettings.current().approval_wait_workdays
    proposal_scope = Q() if centre_ids is None else Q(case__centre_id__in=centre_ids)
    proposals = Assignment.objects.filter(
        proposal_scope, status=AssignmentStatus.PROPOSED
    ).select_related("case__department", "performer")
    leaders: dict[int, list[int]] = {}  # per centre, read once: not a query per proposal
    for proposal in proposals.order_by("pk").iterator(BATCH):
        head = _head(proposal.case.department)
        deciders: tuple[int, ...] = (head,)
        # No head, or her own appointment or her own proposal: the leadership decides,
        # neither the appointed nor the proposer (roles.approvers_of).
        if head is None or head in (proposal.performer_id, proposal.proposed_by_id):
            centre_id = proposal.case.centre_id
            if centre_id not in leaders:
                leaders[centre_id] = [u.pk for u in roles.leaders_of(centre_id)]
            barred = (head, proposal.performer_id, proposal.proposed_by_id)
            deciders = tuple(pk for pk in leaders[centre_id] if pk not in barred)
        proposed_on = timezone.localtime(proposal.proposed_at).date()
        due_day = calendar.add_workdays(proposed_on, wait)
        yield Deadline(
            subject=proposal,
            deadline="approval_wait",
            label="Đề xuất cử người thực hiện đang chờ duyệt",
            title=f"Đề xuất cử {proposal.performer} — vụ việc {proposal.case.code}",
            due_at=timezone.make_aware(datetime.datetime.combine(due_day, datetime.time(23, 59))),
            owners=deciders,
            escalate_to=deciders,
            url=reverse("cases:inbox"),
            next_step="Duyệt hoặc trả lại đề xuất trong hộp chờ duyệt.",
        )


case_deadlines.takes_window = True  # type: ignore[attr-defined]
