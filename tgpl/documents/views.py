"""The register of issued documents (sổ đăng ký văn bản đi), and the one download view
of every declared kind of document (PDF and Word)."""

import io

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tgpl import roles
from tgpl.audit import ReadKind, log_read
from tgpl.paginate import paginate

from . import registry, render_docx, render_pdf, selectors
from .models import KIND_CHOICES

FORMATS = {
    "pdf": (render_pdf, "application/pdf"),
    "docx": (
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


@require_GET
def download(request, kind: str, pk: int, fmt: str, app_label: str | None = None):
    """A document of a declared kind: the object fetched with the kind's access check
    (not yours: 404; yours but not its documents: 403), 404 when it has no such
    document (advice has no decision, a request that was not refused no notice)."""
    declared = registry.get_or_404(kind, app_label=app_label)
    if fmt not in FORMATS:
        raise Http404
    obj = declared.fetch(request.user, pk)
    reason = declared.absent(obj)
    if reason:
        raise Http404(reason)
    doc = declared.document(obj)
    render_to, content_type = FORMATS[fmt]
    content = render_to(doc)
    if declared.read_record is not None:
        log_read(request, obj, ReadKind.DOCUMENT, record=declared.read_record(obj),
                 filters={"kind": declared.name, "format": fmt})  # fmt: skip
    return FileResponse(
        io.BytesIO(content),
        as_attachment=True,
        filename=f"{declared.file_name(doc)}.{fmt}",
        content_type=content_type,
    )


@require_GET
def register(request):
    if not roles.can_see_document_register(request.user):
        raise PermissionDenied
    kind = request.GET.get("kind", "")
    kind = kind if kind in dict(KIND_CHOICES) else ""
    year = request.GET.get("year", "")
    entries = selectors.register_entries(
        request.user, kind=kind, year=int(year) if year.isdigit() else None
    )
    page, query = paginate(request, entries, per_page=50)
    entries_on_page = list(page)
    links = registry.links_for(
        request.user,
        [
            (e.content_type.app_label, e.content_type.model, e.object_id)
            if e.content_type
            else ("", "", None)
            for e in entries_on_page
        ],
    )
    for entry, link in zip(entries_on_page, links, strict=True):
        entry.link = link
    return render(
        request,
        "documents/register.html",
        {
            "title": "Sổ đăng ký văn bản đi",
            "page": page,
            "query": query,
            "kind": kind,
            "year": year,
            "kinds": KIND_CHOICES,
            "years": selectors.register_years(request.user),
        },
    )
