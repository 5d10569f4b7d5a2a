"""Complaints (Luật TGPL Điều 45): the list with the year's figures, a complaint with its
limits, and the steps (accept, decline, decide, appeal to the Sở and its decision)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import selectors_proceedings as selectors
from cases.forms_proceedings import ComplaintForm, ComplaintStepForm
from cases.models import Case
from cases.services import complaints as services
from cases.states import COMPLAINT_TRANSITIONS
from tgpl import roles
from tgpl.actions import submit
from tgpl.forms import error_summary
from tgpl.kernel import allowed
from tgpl.models import User
from tgpl.paginate import paginate

CRUMB = ("Khiếu nại", "/cases/complaints/")


def complaint_list(request):
    if not roles.can_handle_complaints(request.user):
        raise PermissionDenied
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year
    page, query = paginate(request, selectors.complaint_list(request.user, year=year))
    return render(
        request,
        "cases/proceedings/complaint_list.html",
        {
            "title": "Khiếu nại về trợ giúp pháp lý (Điều 45)",
            "page": page,
            "query": query,
            "year": year,
            "figures": selectors.complaint_figures(request.user, year),
        },
    )


def complaint_create(request):
    if not roles.can_handle_complaints(request.user):
        raise PermissionDenied
    kwargs = {
        "cases": Case.objects.visible_to(request.user).only("pk", "code"),
        "performers": User.objects.filter(
            performer__centre_id=request.user.centre_id, performer__is_active=True
        ).order_by("full_name"),
    }
    form = ComplaintForm(
        request.POST if request.method == "POST" else None,
        initial={"received_at": timezone.localtime()},
        **kwargs,
    )
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.receive_complaint(actor=request.user, fields=d),
            success="Đã nhận đơn khiếu nại; hạn thụ lý 03 ngày làm việc.",
        )
        if outcome:
            return redirect("cases:complaint_detail", pk=outcome.value.pk)
    return render(
        request,
        "cases/proceedings/complaint_form.html",
        {"title": "Nhận đơn khiếu nại", "breadcrumbs": [CRUMB, ("Nhận đơn", "")], "form": form},
        status=400 if request.method == "POST" else 200,
    )


def complaint_detail(request, pk: int):
    complaint = selectors.get_complaint_for(request.user, pk)
    steps = allowed(COMPLAINT_TRANSITIONS, complaint.status)
    may_decide = roles.can_decide_complaints(request.user, complaint)
    return render(
        request,
        "cases/proceedings/complaint_detail.html",
        {
            "title": str(complaint),
            "breadcrumbs": [CRUMB, (f"#{complaint.pk}", "")],
            "complaint": complaint,
            "limits": selectors.complaint_limits(complaint),
            "steps": [s for s in steps if may_decide or s in ("appeal", "close")],
            "form": ComplaintStepForm(initial={"at": timezone.localtime()}),
        },
    )


STEPS = {
    "accept": (lambda u, c, d: services.accept_complaint(actor=u, complaint=c, at=d["at"]),
               "Đã thụ lý đơn khiếu nại; hạn giải quyết 15 ngày."),
    "decline": (lambda u, c, d: services.decline_complaint(
                    actor=u, complaint=c, reason=d["text"], at=d["at"]),
                "Đã ghi không thụ lý đơn khiếu nại."),
    "decide": (lambda u, c, d: services.decide_complaint(
                   actor=u, complaint=c, result=d["result"], text=d["text"], at=d["at"]),
               "Đã ghi quyết định giải quyết khiếu nại."),
    "appeal": (lambda u, c, d: services.record_appeal(actor=u, complaint=c, at=d["at"]),
               "Đã ghi nhận khiếu nại lên Giám đốc Sở Tư pháp."),
    "close": (lambda u, c, d: services.record_appeal_decision(
                  actor=u, complaint=c, result=d["result"], text=d["text"], at=d["at"]),
              "Đã ghi quyết định của Sở Tư pháp."),
}  # fmt: skip


@require_POST
def complaint_action(request, pk: int, action: str):
    if action not in STEPS:
        raise Http404
    complaint = selectors.get_complaint_for(request.user, pk)
    call, done = STEPS[action]
    form = ComplaintStepForm(request.POST)
    if not submit(request, form, lambda d: call(request.user, complaint, d), success=done):
        messages.error(request, error_summary(form))
    return redirect("cases:complaint_detail", pk=pk)
