"""The pages of export jobs: the user's list, a job's progress, its download.

Apps start a job from their list with `export_page` (GET: what will be exported and a
button; POST: the job, then its page)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from tgpl.audit import ReadKind, log_read
from tgpl.errors import BusinessRuleError
from tgpl.files import private_file_response
from tgpl.paginate import paginate

from . import selectors, services
from .models import ExportStatus
from .registry import get_kind


def export_page(request, *, kind: str, params: dict, back: tuple[str, str]):
    """GET: a page saying what will be exported, with its button; POST: start the job."""
    export_kind = get_kind(kind)
    if export_kind is None or not export_kind.allowed(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            job = services.request_export(actor=request.user, kind=kind, params=params)
        except BusinessRuleError as exc:
            messages.error(request, exc.message)
            return redirect(back[1])
        messages.info(request, f"Đã bắt đầu xuất {export_kind.label}. Tệp sẽ có ở trang này.")
        return redirect("exports:detail", pk=job.pk)
    return render(
        request,
        "exports/confirm.html",
        {
            "title": f"Xuất {export_kind.label}",
            "breadcrumbs": [back, ("Xuất Excel", "")],
            "kind": export_kind,
            "params": {k: v for k, v in params.items() if v not in (None, "", [], ())},
        },
    )


@require_GET
def export_list(request):
    page, query = paginate(request, selectors.jobs_of(request.user), per_page=20)
    return render(
        request,
        "exports/list.html",
        {"title": "Các tệp xuất Excel của tôi", "page": page, "query": query},
    )


@require_GET
def export_detail(request, pk: int):
    job = selectors.get_export_for(request.user, pk)
    context = {"title": job.label, "job": job}
    if request.htmx:
        return render(request, "exports/_progress.html", context)
    context["breadcrumbs"] = [("Tệp xuất Excel", "/exports/"), (f"#{job.pk}", "")]
    return render(request, "exports/detail.html", context)


@never_cache
@require_GET
def export_download(request, pk: int):
    """Only the owner, only while they may still export this kind; logged as a read."""
    job = selectors.get_export_for(request.user, pk)
    if job.status != ExportStatus.DONE or not job.file:
        raise Http404("Tệp chưa sẵn sàng hoặc đã bị xoá.")
    kind = get_kind(job.kind)
    if kind is None or not kind.allowed(request.user):
        raise PermissionDenied
    log_read(request, kind.model, ReadKind.EXPORT, label=kind.label, rows=job.done,
             filters=job.params)  # fmt: skip
    response = private_file_response(job.file, job.filename or None)
    response["Cache-Control"] = "private, no-store"
    return response
