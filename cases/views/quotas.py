"""Pages of the yearly quota: each officer's progress and expected tier, the decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import selectors_appraisal as sa
from cases.forms_appraisal import QuotaLineForm
from cases.models import OfficerQuota
from cases.services import quotas as services
from cases.states import QUOTA_TRANSITIONS
from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.documents.selectors import documents_of
from tgpl.forms import error_summary
from tgpl.kernel import allowed


def quota_page(request, year: int | None = None):
    """The director and heads: every officer; an officer: their own line."""
    user = request.user
    if not roles.is_centre_member(user):
        raise PermissionDenied
    year = year or timezone.localdate().year
    everyone = roles.can_see_all_quotas(user)
    if not everyone and not roles.is_performer(user):
        raise PermissionDenied
    rows = sa.quota_rows(user, user.centre_id, year, only=None if everyone else user)
    decision = sa.quota_decision_of(user.centre_id, year)
    manage = roles.can_manage_quotas(user)
    editable = (
        manage and decision is not None and "edit" in allowed(QUOTA_TRANSITIONS, decision.status)
    )
    return render(
        request,
        "cases/appraisal/quotas.html",
        {
            "title": f"Chỉ tiêu vụ việc tham gia tố tụng năm {year}",
            "year": year,
            "rows": rows,
            "behind": [r for r in rows if r.behind],
            "decision": decision,
            "can_prepare": manage and decision is None,
            "can_issue": editable,
            "line_form": QuotaLineForm if editable else None,
            "documents": documents_of(user, decision) if decision else [],
            "everyone": everyone,
        },
    )


@require_POST
def quota_prepare(request, year: int):
    if not roles.can_manage_quotas(request.user):
        raise PermissionDenied
    perform(
        request,
        lambda: services.prepare_quota_decision(
            actor=request.user, centre=request.user.centre, year=year
        ),
        success="Đã lập dự thảo quyết định giao chỉ tiêu.",
    )
    return redirect("cases:quota_decision", year=year)


@require_POST
def quota_issue(request, year: int):
    if not roles.can_manage_quotas(request.user):
        raise PermissionDenied
    decision = sa.quota_decision_of(request.user.centre_id, year)
    if decision is None:
        raise Http404
    perform(
        request,
        lambda: services.issue_quota_decision(actor=request.user, decision=decision),
        success="Đã ban hành quyết định giao chỉ tiêu.",
    )
    return redirect("cases:quota_decision", year=year)


@require_POST
def quota_line(request, pk: int):
    if not roles.can_manage_quotas(request.user):
        raise PermissionDenied
    line = (
        OfficerQuota.objects.filter(pk=pk, decision__centre_id=request.user.centre_id)
        .select_related("decision", "user")
        .first()
    )
    if line is None:
        raise Http404
    form = QuotaLineForm(request.POST)

    def update(data):
        return services.update_officer_quota(
            actor=request.user,
            line=line,
            leader_from=data["leader_from"],
            absent_months=data["absent_months"],
        )

    if not submit(
        request, form, update, success=f"Đã cập nhật chỉ tiêu của {line.user.full_name}."
    ):
        messages.error(request, error_summary(form))
    return redirect("cases:quota_decision", year=line.decision.year)
