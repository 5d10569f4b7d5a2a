"""The plan as an official document: PDF and Word downloads, and issuing its number."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from tgpl import roles
from tgpl.documents import render_docx, render_pdf
from tgpl.errors import BusinessRuleError

from . import selectors
from .documents import plan_document
from .services.issuing import issue_plan

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _download(data: bytes, filename: str, content_type: str) -> FileResponse:
    return FileResponse(
        io.BytesIO(data), as_attachment=True, filename=filename, content_type=content_type
    )


@require_GET
def plan_pdf(request, pk):
    doc = plan_document(selectors.get_plan_for(request.user, pk))
    return _download(render_pdf(doc), f"{doc.file_stem}.pdf", "application/pdf")


@require_GET
def plan_docx(request, pk):
    doc = plan_document(selectors.get_plan_for(request.user, pk))
    return _download(render_docx(doc), f"{doc.file_stem}.docx", DOCX)


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
