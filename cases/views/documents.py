"""Downloads of the decisions and notices of requests and cases (PDF and Word).

The object is fetched with the access-checking helper of its kind (not yours: 404),
then the download needs the right to see personal data (a Sở reviewer: 403); the
document is built by its registered source (cases/documents.py), which answers
NotFound when the object has no such document (advice, not refused, ...).
"""

from __future__ import annotations

import io

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from cases import selectors, services
from tgpl import roles
from tgpl.documents import render_docx, render_pdf
from tgpl.documents.registry import NotFound
from tgpl.documents.registry import get as get_source
from tgpl.errors import BusinessRuleError

FETCH = {
    "refusal": selectors.get_request_for,
    "discontinuation": selectors.get_case_for,
    "assignment": selectors.get_assignment_for,
}
FORMATS = {
    "pdf": (render_pdf, "application/pdf"),
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


@require_GET
def case_document(request, kind: str, pk: int, fmt: str):
    if kind not in FETCH or fmt not in FORMATS:
        raise Http404
    obj = FETCH[kind](request.user, pk, can=roles.can_download_case_documents)
    source = get_source(kind)
    try:
        doc = source.build(source.find(str(obj.pk)))
    except NotFound as exc:
        raise Http404(str(exc)) from None
    render, content_type = FORMATS[fmt]
    return FileResponse(
        io.BytesIO(render(doc)),
        as_attachment=True,
        filename=f"{doc.file_stem}.{fmt}",
        content_type=content_type,
    )


@require_GET
def assignment_detail(request, pk: int):
    """An assignment has no page of its own: its case's page (the register links here)."""
    assignment = selectors.get_assignment_for(request.user, pk)
    return redirect("cases:case_detail", pk=assignment.case_id)


def _may_issue(user, obj) -> bool:
    return roles.can_issue_documents(user, obj.centre)


# kind: (service that numbers the draft, its keyword, page to return to)
NUMBER_LATER = {
    "refusal": (services.number_refusal_later, "request", "cases:request_detail"),
    "discontinuation": (services.number_discontinuation_later, "case", "cases:case_detail"),
}


@require_POST
def number_document(request, kind: str, pk: int):
    """Cấp số: give a draft notice its register number (those who may issue documents)."""
    if kind not in NUMBER_LATER:
        raise Http404
    obj = FETCH[kind](request.user, pk, can=_may_issue)
    number, keyword, page = NUMBER_LATER[kind]
    try:
        issued = number(actor=request.user, **{keyword: obj})
    except BusinessRuleError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Đã cấp số {issued.number_text}.")
    return redirect(page, pk=obj.pk)
