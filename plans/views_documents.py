"""Issuing a plan's number. Its PDF and Word downloads are the kernel's one download
view (plans/urls.py), of the kind declared in plans/documents.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from tgpl import roles
from tgpl.errors import BusinessRuleError

from . import selectors
from .services.issuing import issue_plan


@require_POST
def plan_issue(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    if not roles.can_issue_documents(request.user, plan.centre):
        raise PermissionDenied
    try:
        issued = issue_plan(plan=plan, actor=request.user)
    except BusinessRuleError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã cấp số {issued.number_text} cho kế hoạch.")
    return redirect("plans:detail", pk=plan.pk)
