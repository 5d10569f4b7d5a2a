"""Who is told of what happens to requests and cases (outbox subscribers, see apps.py).

Notices name the case by its code, never the aided person: an e-mail leaves the
intranet. Each links to the page where the person acts.
"""

from __future__ import annotations

from django.urls import reverse

from cases.models import Assignment, Case, LegalAidRequest, PerformerChangeRequest
from tgpl import roles
from tgpl.kernel import subscribe
from tgpl.kernel.events import Event
from tgpl.models import Department
from tgpl.notifications.notify import Notice, notify


def _case_url(case: Case) -> str:
    return reverse("cases:case_detail", args=[case.pk])


def assignment_proposed(event: Event) -> None:
    assignment = Assignment.objects.select_related("case__department__head", "performer").get(
        pk=event.payload["assignment"]
    )
    case = assignment.case
    verb = "thay thế người thực hiện" if assignment.kind == Assignment.Kind.REPLACE else "cử người"
    notify(
        event,
        "proposal_waiting",
        roles.approvers_of(case, assignment.performer_id, assignment.proposed_by_id),
        Notice(
            f"Đề xuất {verb} chờ duyệt: vụ việc {case.code}",
            f"Đề xuất {verb} {assignment.performer.full_name} cho vụ việc {case.code} "
            "đang chờ anh/chị duyệt.",
            reverse("cases:inbox"),
        ),
        actor_id=event.actor_id,
    )


def assignment_decided(event: Event) -> None:
    assignment = Assignment.objects.select_related("case", "performer", "proposed_by").get(
        pk=event.payload["assignment"]
    )
    case = assignment.case
    approved = event.topic == "assignment_approved"
    outcome = "đã được duyệt" if approved else "bị trả lại"
    note = f" Ý kiến: {assignment.decision_note}" if assignment.decision_note else ""
    notify(
        event,
        "proposal_decided",
        [assignment.proposed_by],
        Notice(
            f"Đề xuất cử người {outcome}: vụ việc {case.code}",
            f"Đề xuất cử {assignment.performer.full_name} cho vụ việc {case.code} {outcome}."
            + note,
            _case_url(case),
        ),
        actor_id=event.actor_id,
    )
    if not approved:
        return
    replacing = assignment.kind == Assignment.Kind.REPLACE
    notify(
        event,
        "case_assigned",
        [assignment.performer],
        Notice(
            f"Anh/chị được cử thực hiện vụ việc {case.code}",
            f"Anh/chị được {'cử thay thế' if replacing else 'cử'} thực hiện vụ việc {case.code} "
            f"({case.get_form_display().lower()}). Mở vụ việc để bắt đầu thực hiện.",
            _case_url(case),
        ),
        actor_id=event.actor_id,
    )
    if replacing:
        previous = (
            case.assignments.filter(status="superseded")
            .exclude(performer_id=assignment.performer_id)
            .order_by("-decided_at", "-pk")
            .select_related("performer")
            .first()
        )
        if previous is not None:
            notify(
                event,
                "case_replaced",
                [previous.performer],
                Notice(
                    f"Anh/chị được thay thế ở vụ việc {case.code}",
                    f"Vụ việc {case.code} được giao cho {assignment.performer.full_name} "
                    "thực hiện thay anh/chị.",
                    _case_url(case),
                ),
                actor_id=event.actor_id,
            )


def performer_change_requested(event: Event) -> None:
    change = PerformerChangeRequest.objects.select_related("case__department__head").get(
        pk=event.payload["change"]
    )
    case = change.case
    notify(
        event,
        "change_asked",
        roles.approvers_of(case),
        Notice(
            f"Đề nghị thay đổi người thực hiện: vụ việc {case.code}",
            f"Người được TGPL đề nghị thay đổi người thực hiện vụ việc {case.code}; "
            "cần trả lời bằng văn bản trong 03 ngày làm việc.",
            _case_url(case),
        ),
        actor_id=event.actor_id,
    )


def performer_change_answered(event: Event) -> None:
    change = PerformerChangeRequest.objects.select_related("case", "recorded_by").get(
        pk=event.payload["change"]
    )
    case = change.case
    notify(
        event,
        "change_answered",
        [change.recorded_by, case.performer_id],
        Notice(
            f"Đã trả lời đề nghị thay đổi người thực hiện: vụ việc {case.code}",
            f"Đề nghị thay đổi người thực hiện vụ việc {case.code}: "
            f"{change.get_status_display().lower()}.",
            _case_url(case),
        ),
        actor_id=event.actor_id,
    )


def request_accepted(event: Event) -> None:
    """Accepted into a branch's register: the branch head learns of the new case."""
    department = Department.objects.select_related("head").get(pk=event.payload["department"])
    if department.kind != Department.Kind.BRANCH or department.head is None:
        return
    case = Case.objects.get(pk=event.payload["case"])
    notify(
        event,
        "accepted_at_branch",
        [department.head],
        Notice(
            f"Vụ việc mới thụ lý tại {department.name}: {case.code}",
            f"Vụ việc {case.code} đã được thụ lý vào sổ của {department.name} "
            "và đang chờ cử người thực hiện.",
            _case_url(case),
        ),
        actor_id=event.actor_id,
    )


def request_transferred(event: Event) -> None:
    """Transferred to another centre that uses this software: its leaders are told (they
    see no data of the request here; the file travels as the law says, Mẫu 09)."""
    req = LegalAidRequest.objects.select_related("centre").get(pk=event.payload["request"])
    if req.transferred_to_id is None:
        return
    notify(
        event,
        "request_transferred",
        roles.leaders_of(req.transferred_to_id),
        Notice(
            f"Yêu cầu TGPL được chuyển đến từ {req.centre.name}",
            f"{req.centre.name} đã chuyển một yêu cầu trợ giúp pháp lý đến Trung tâm "
            "(Điều 35 Luật TGPL); hồ sơ được gửi kèm văn bản chuyển.",
            "",
        ),
        actor_id=event.actor_id,
    )


def register() -> None:
    subscribe("assignment_proposed", assignment_proposed)
    subscribe("assignment_approved", assignment_decided)
    subscribe("assignment_returned", assignment_decided)
    subscribe("performer_change_requested", performer_change_requested)
    subscribe("performer_change_answered", performer_change_answered)
    subscribe("request_accepted", request_accepted)
    subscribe("request_transferred", request_transferred)
