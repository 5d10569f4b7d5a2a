"""The register of issued documents (sổ đăng ký văn bản đi)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tgpl import roles
from tgpl.paginate import paginate

from . import registry, selectors
from .models import KIND_CHOICES


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
    for entry in page:
        ct = entry.content_type
        entry.link = registry.url_for(ct.app_label, ct.model, entry.object_id) if ct else ""
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
