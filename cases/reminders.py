"""Legal time limits of requests and cases for the reminder scan (tgpl.notifications).

Missing proof, appointment after acceptance (03 working days or 12 hours),
written advice, the answer to a change-of-performer request, the case-file
hand-in, and assignment proposals waiting for the head. A fixed number of
queries whatever the number of cases. Messages name the case code, never the
applicant: e-mail is not the place for personal data.
"""

import datetime

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from tgpl.calendar import work_calendar
from tgpl.models import ReminderSettings
from tgpl.notifications.deadlines import Deadline
from tgpl.workdays import HOURS

from .models import Assignment, Case, LegalAidRequest, PerformerChangeRequest, ProceduralNotice
from .rules import limits
from .selectors import case_facts
from .selectors_proceedings import clock_starts
from .states import AssignmentStatus, CaseStatus, RequestStatus

FILE_LOOK_BACK = datetime.timedelta(days=120)
# What case_facts() and the messages read: loading only these keeps a scan of tens of
# thousands of cases light.
CASE_FIELDS = [
    "code",
    "form",
    "status",
    "accepted_at",
    "proof_due_at",
    "proof_supplied_at",
    "appointed_at",
    "advice_days",
    "ended_at",
    "file_handed_in_on",
    "performer",
    "request__detained",
    "request__disadvantaged_area",
    "request__received_by",
    "department__head",
    "request__channel",  # issue 17: the appointment limit runs from the notice
    "request__notified_at",
]
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


def case_deadlines(today: datetime.date, now: datetime.datetime, until=None, centre_ids=None):
    calendar = work_calendar()
    scope = Q() if centre_ids is None else Q(centre_id__in=centre_ids)
    open_states = [
        CaseStatus.AWAITING_ASSIGNMENT,
        CaseStatus.ASSIGNMENT_PROPOSED,
        CaseStatus.ASSIGNED,
        CaseStatus.IN_PROGRESS,
    ]
    cases = (
        Case.objects.filter(
            Q(status__in=open_states)
            | Q(ended_at__gte=now - FILE_LOOK_BACK, file_handed_in_on__isnull=True),
            scope,
        )
        .select_related("request", "department")
        .only(*CASE_FIELDS)
        .prefetch_related(
            "limit_events",
            Prefetch(
                "request__notices",
                queryset=ProceduralNotice.objects.only("request_id", "mandatory_defence"),
            ),
            Prefetch(
                "change_requests",
                queryset=PerformerChangeRequest.objects.only(
                    "case_id", "status", "requested_at", "answered_at"
                ),
            ),
        )
    )
    for case in cases:
        head = _head(case.department)
        people = {
            "head": head,
            "performer": case.performer_id,
            "receiver": case.request.received_by_id,
        }
        url = reverse("cases:case_detail", args=[case.pk])
        starts = clock_starts(case)
        for limit in limits.case_limits_with_starts(
            case_facts(case), starts, calendar, timezone.localtime(now)
        ):
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
                unit="hours" if limit.rule.limit.unit == HOURS else "days",
                next_step=limit.rule.next_step,
            )

    awaiting = LegalAidRequest.objects.filter(
        scope, status=RequestStatus.AWAITING_PROOF, proof_due_at__isnull=False
    ).select_related("department")
    for request in awaiting:
        head = _head(request.department)
        rule = limits.RULES["supplement_proof"]
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
    for proposal in proposals:
        head = _head(proposal.case.department)
        if head is None:
            continue
        proposed_on = timezone.localtime(proposal.proposed_at).date()
        due_day = calendar.add_workdays(proposed_on, wait)
        yield Deadline(
            subject=proposal,
            deadline="approval_wait",
            label="Đề xuất cử người thực hiện đang chờ Trưởng phòng duyệt",
            title=f"Đề xuất cử {proposal.performer} — vụ việc {proposal.case.code}",
            due_at=timezone.make_aware(datetime.datetime.combine(due_day, datetime.time(23, 59))),
            owners=(head,),
            escalate_to=(head,),
            url=reverse("cases:inbox"),
            next_step="Duyệt hoặc trả lại đề xuất trong hộp chờ duyệt.",
        )
