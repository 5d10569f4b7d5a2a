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
