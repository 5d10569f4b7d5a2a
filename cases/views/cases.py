"""Pages of cases: list, detail with limits and timeline, head's inbox, performers."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from cases import selectors, selectors_rows, services
from cases.forms import (
    AnswerChangeForm,
    CaseFileForm,
    ChangeRequestForm,
    CloseForm,
    DecisionForm,
    DiscontinueForm,
    ExtendAdviceForm,
    LogForm,
    ProposeForm,
)
from cases.states import CASE_TRANSITIONS, AssignmentStatus, Form
from tgpl import roles
from tgpl.actions import Action, submit
from tgpl.audit import ReadKind, log_read
from tgpl.audit.selectors import reads_of
from tgpl.documents.selectors import documents_of
from tgpl.files import private_file_response
from tgpl.forms import error_summary
from tgpl.history import timeline_for
from tgpl.kernel import allowed
from tgpl.paginate import paginate

from .appraisal import case_panel_context
from .common import filter_panel
from .proceedings import case_panel

LIST_CRUMB = ("Vụ việc", "/cases/list/")


def case_list(request):
    panel, filters = filter_panel(request, for_cases=True)
    page, query = paginate(
        request,
        selectors.case_list(request.user, filters),
        searched=bool(filters.q),
        rows=functools.partial(selectors_rows.case_rows, request.user, searched=bool(filters.q)),
    )
    return render(
        request,
        "cases/case_list.html",
        {
            "title": "Vụ việc trợ giúp pháp lý",
            "filter_panel": panel,
            "page": page,
            "query": query,
            "personal": roles.can_see_personal_data(request.user),
            "can_import": roles.can_import_registers(request.user),
        },
    )


def _permissions(user, case) -> dict:
    """Which buttons the page shows: the role (tgpl/roles.py) and the state table agree."""
    state = allowed(CASE_TRANSITIONS, case.status)
    work = roles.can_work_case(user, case)
    return {
        "propose": roles.can_propose_assignment(user, case)
        and bool({"propose_assignment", "propose_replacement"} & state),
        "work": work,
        "start": work and "start" in state,
        "log": work and "log_work" in state,
        "close": work and "close" in state,
        "discontinue": roles.can_discontinue_case(user, case) and "discontinue" in state,
        "record_change": roles.can_record_performer_change(user, case)
        and "request_performer_change" in state,
        "answer_change": roles.can_answer_performer_change(user, case),
        "update_file": _either(user, case) and "update_file" in state,
        "extend": _either(user, case) and "extend_advice" in state,
    }


def _forms(case, bound=None) -> dict:
    forms = {
        "propose": ProposeForm(performers=selectors.performer_choices(case.centre_id)),
        "log": LogForm(),
        "close": CloseForm(),
        "discontinue": DiscontinueForm(),
        "file": CaseFileForm(
            form=case.form,
            initial={"items": case.file_items, "handed_in_on": case.file_handed_in_on},
        ),
        "extend": ExtendAdviceForm(initial={"days": case.advice_days or 30}),
        "change": ChangeRequestForm(),
        "decision": DecisionForm(),
        "answer": AnswerChangeForm(),
    }
    forms.update(bound or {})
    return forms


def _overview(request, case):
    """What a supervisor (the Sở reviewer) sees of a case: code, state, form, field,
    department, dates, its time limits, who performs it and the proposals' decisions;
    never the person, a category, a free-text fact (outcome note, notice, work log,
    reasons) or the timeline. A whitelist: a field added to the full page stays there."""
    return render(
        request,
        "cases/case_overview.html",
        {
            "title": f"Vụ việc {case.code}",
            "breadcrumbs": [LIST_CRUMB, (case.code, "")],
            "case": case,
            "req": case.request,
            "limits": selectors.case_limits(case),
            "assignments": selectors.case_assignments(case),
            "checklist": case.checklist(),
            "appraisal": case_panel_context(request.user, case),
        },
    )


def _detail(request, case, bound=None, status=200):
    if not roles.can_read_case_facts(request.user):
        return _overview(request, case)
    log_read(request, case, ReadKind.VIEW, record=case.request)
    assignments = selectors.case_assignments(case)
    pending = next((a for a in assignments if a.status == AssignmentStatus.PROPOSED), None)
    changes = list(case.change_requests.select_related("recorded_by", "answered_by"))
    return render(
        request,
        "cases/case_detail.html",
        {
            "title": f"Vụ việc {case.code}",
            "breadcrumbs": [LIST_CRUMB, (case.code, "")],
            "case": case,
            "req": case.request,
            "personal": roles.can_see_personal_data(request.user),
            "limits": selectors.case_limits(case),
            "assignments": assignments,
            "pending": pending,
            "may_decide": pending is not None
            and roles.can_decide_assignment(request.user, pending),
            "changes": changes,
            "documents": documents_of(request.user, case),
            "log_entries": case.log_entries.select_related("created_by"),
            **case_panel(request.user, case),  # issue 17: proceedings, limit events
            "checklist": case.checklist(),
            "appraisal": case_panel_context(request.user, case),
            "can": _permissions(request.user, case),
            "is_advice": case.form == Form.ADVICE,
            "forms": _forms(case, bound),
            "timeline": timeline_for(case, *assignments, *changes, case.request),
            "reads": reads_of(request.user, case.request),
            "can_see_reads": roles.can_see_read_log(request.user, case.centre_id),
        },
        status=status,
    )


def case_detail(request, pk: int):
    return _detail(request, selectors.get_case_for(request.user, pk))


def _either(user, case) -> bool:
    return roles.can_work_case(user, case) or roles.can_discontinue_case(user, case)


def _propose(u, c, d):
    return services.propose_assignment(
        actor=u, case=c, performer=d["performer"].user, reason=d["reason"]
    )


def _start(u, c, d):
    return services.start_case(actor=u, case=c)


def _log(u, c, d):
    return services.add_log_entry(
        actor=u,
        case=c,
        on=d["on"],
        stage=d["stage"],
        agency_name=d["agency_name"],
        note=d["note"],
        attachment=d.get("attachment"),
    )


def _close(u, c, d):
    return services.close_case(
        actor=u, case=c, outcome=d["outcome"], outcome_note=d["outcome_note"]
    )


def _discontinue(u, c, d):
    return services.discontinue_case(
        actor=u, case=c, ground=d["ground"], notice_text=d["notice_text"]
    )


def _file(u, c, d):
    return services.update_case_file(
        actor=u, case=c, items=d["items"], handed_in_on=d["handed_in_on"]
    )


def _extend(u, c, d):
    return services.extend_advice(actor=u, case=c, days=d["days"])


def _change(u, c, d):
    return services.request_performer_change(actor=u, case=c, reason=d["reason"])


def _performers(case) -> dict:
    return {"performers": selectors.performer_choices(case.centre_id)}


CASE_ACTIONS = {
    "propose": Action(
        roles.can_propose_assignment,
        ProposeForm,
        _propose,
        "Đã gửi đề xuất cử người.",
        form_kwargs=_performers,
    ),
    "start": Action(roles.can_work_case, DecisionForm, _start, "Đã bắt đầu thực hiện."),
    "log": Action(roles.can_work_case, LogForm, _log, "Đã ghi nhật ký."),
    "close": Action(roles.can_work_case, CloseForm, _close, "Đã kết thúc vụ việc."),
    "discontinue": Action(
        roles.can_discontinue_case, DiscontinueForm, _discontinue, "Đã dừng thực hiện vụ việc."
    ),
    "file": Action(
        _either,
        CaseFileForm,
        _file,
        "Đã cập nhật hồ sơ.",
        form_kwargs=lambda case: {"form": case.form},
    ),
    "extend": Action(_either, ExtendAdviceForm, _extend, "Đã gia hạn trả lời tư vấn."),
    "change": Action(
        roles.can_record_performer_change,
        ChangeRequestForm,
        _change,
        "Đã ghi nhận đề nghị thay đổi người thực hiện.",
    ),
}


@require_POST
def case_action(request, pk: int, action: str):
    if action not in CASE_ACTIONS:
        raise Http404
    spec = CASE_ACTIONS[action]
    case = selectors.get_case_for(request.user, pk, can=spec.may)
    form = spec.bind(case, request.POST, request.FILES)
    if submit(
        request, form, lambda data: spec.call(request.user, case, data), success=spec.success
    ):
        return redirect("cases:case_detail", pk=pk)
    case.refresh_from_db()
    return _detail(request, case, bound={action: form}, status=400)


@require_POST
def decide_assignment(request, pk: int, decision: str):
    """Approve or return a proposal (inline from the inbox or the case page)."""
    if decision not in ("approve", "return"):
        raise Http404
    assignment = selectors.get_assignment_for(request.user, pk)
    if not roles.can_decide_assignment(request.user, assignment):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    decide = services.approve_assignment if decision == "approve" else services.return_assignment
    done = "Đã duyệt đề xuất." if decision == "approve" else "Đã trả lại đề xuất."
    outcome = submit(
        request,
        form,
        lambda data: decide(actor=request.user, assignment=assignment, note=data["note"]),
        success=done,
    )
    if not outcome:
        messages.error(request, error_summary(form))
    target = request.POST.get("next")
    if target == "inbox":
        return redirect("cases:inbox")
    return redirect("cases:case_detail", pk=assignment.case_id)


@require_POST
def change_answer(request, pk: int):
    change = selectors.get_change_request_for(
        request.user, pk, can=roles.can_answer_performer_change
    )
    case = change.case
    form = AnswerChangeForm(request.POST)

    def answer(data):
        return services.answer_performer_change(
            actor=request.user, change=change, accept=data["accept"], answer=data["answer"]
        )

    if not submit(request, form, answer, success="Đã trả lời đề nghị."):
        messages.error(request, error_summary(form))
    return redirect("cases:case_detail", pk=case.pk)


def inbox(request):
    if not roles.can_open_assignment_inbox(request.user):
        raise PermissionDenied
    page, query = paginate(request, selectors.approval_inbox(request.user))
    return render(
        request,
        "cases/inbox.html",
        {
            "title": "Đề xuất cử người chờ duyệt",
            "page": page,
            "query": query,
            "personal": roles.can_see_personal_data(request.user),
            "form": DecisionForm(),
        },
    )


def performer_list(request):
    if not roles.can_open_performer_list(request.user):
        raise PermissionDenied
    year = timezone.localdate().year
    if request.GET.get("year", "").isdigit():
        year = int(request.GET["year"])
    return render(
        request,
        "cases/performer_list.html",
        {
            "title": f"Người thực hiện – khối lượng và chỉ tiêu năm {year}",
            "rows": selectors.performer_rows(request.user, year),
            "year": year,
        },
    )


@require_GET
def case_log_attachment(request, pk: int, entry_pk: int):
    """A document attached to a work-log entry: served only to those who see the case."""
    case = selectors.get_case_for(request.user, pk, can=roles.can_open_attachments)
    entry = case.log_entries.filter(pk=entry_pk).first()
    if entry is None:
        raise Http404("Không tìm thấy tài liệu.")
    response = private_file_response(entry.attachment)
    log_read(request, entry, ReadKind.ATTACHMENT, record=case.request)
    return response
