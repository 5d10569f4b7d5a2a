"""Cấp số of a draft notice, and the page an assignment's register row links to.

Downloads of every kind are the kernel's one view (tgpl/documents/views.py), at the
URLs `tgpl.documents.urls.document_urls("cases", ...)` gives cases/urls.py; the kinds
are declared in cases/documents.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from cases import selectors, services
from tgpl import roles
from tgpl.documents import registry
from tgpl.errors import BusinessRuleError


@require_GET
def assignment_detail(request, pk: int):
    """An assignment has no page of its own: its case's page (the register links here)."""
    assignment = selectors.get_assignment_for(request.user, pk)
    return redirect("cases:case_detail", pk=assignment.case_id)


@require_POST
def number_document(request, kind: str, pk: int):
    """Cấp số: give a draft its register number (those who may issue documents), for
    every kind declared `numbered_later`; back to the page that lists it."""
    declared = registry.get_or_404(kind, app_label="cases")
    if not declared.numbered_later:
        raise Http404
    obj = declared.fetch(request.user, pk)
    if not roles.can_issue_documents(request.user, declared.centre(obj)):
        raise PermissionDenied
    try:
        issued = services.number_later(actor=request.user, kind=declared, obj=obj)
    except BusinessRuleError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã cấp số {issued.number_text}.")
    return redirect(declared.page(obj))
