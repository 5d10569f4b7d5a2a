"""Downloads of the decisions and notices of requests and cases (PDF and Word).

The object is fetched with the access-checking helper of its kind (not yours: 404),
then the download needs the right to see personal data (a Sở reviewer: 403); the
document is built by its registered source (cases/documents.py), which answers
NotFound when the object has no such document (advice, not refused, ...).
"""

from __future__ import annotations

import io

from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from cases import selectors
from tgpl import roles
from tgpl.documents import render_docx, render_pdf
from tgpl.documents.registry import NotFound
from tgpl.documents.registry import get as get_source

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
