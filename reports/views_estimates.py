"""The estimates of a report with an estimated part (TT 03/2019's 6-month and annual
reports): one table at a time, entered cell by cell, and proposed again on newer data."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from tgpl import roles
from tgpl.actions import perform, submit

from . import selectors, services
from .forms import EstimateForm


def _editable_report(request, pk: int):
    report = selectors.get_report_for(request.user, pk)
    if not roles.can_prepare_reports(request.user, report.centre):
        raise PermissionDenied
    return report


@require_http_methods(["GET", "POST"])
def edit_estimate(request, pk: int, section: str):
    report = _editable_report(request, pk)
    estimates = selectors.report_estimates(report)
    if section not in estimates:
        raise Http404("Bảng này không có số liệu ước tính.")
    form = EstimateForm(request.POST or None, estimate=estimates[section])
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda _d: services.save_estimates(
                actor=request.user, report=report, section=section, values=form.cells()
            ),
            success="Đã lưu số liệu ước tính.",
        )
        if outcome:
            return redirect(f"{reverse('reports:detail', args=[report.pk])}#estimate-{section}")
    return render(
        request,
        "reports/estimate.html",
        {
            "title": f"Số liệu ước tính: {estimates[section].section.title}",
            "report": report,
            "form": form,
            "section": section,
            "others": [(key, e.section.title) for key, e in estimates.items()],
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
def propose_again(request, pk: int):
    report = _editable_report(request, pk)
    perform(
        request,
        lambda: services.propose_estimates_again(actor=request.user, report=report),
        success="Đã đề xuất lại số liệu ước tính theo số liệu hiện có; các ô đã sửa được giữ.",
    )
    return redirect("reports:edit", pk=report.pk)
