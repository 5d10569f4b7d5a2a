"""The centre the public pages speak for (the login page's header, the online intake).

CENTRE_NAME names it; when empty, the centre is the only one the database holds. With
several centres and no setting, the pages name none (the online intake then lets the
person choose).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from . import catalogues
from .models import Centre

DEFAULT_CENTRE = "Trung tâm Trợ giúp pháp lý nhà nước"


def public_centre() -> Centre | None:
    if settings.CENTRE_NAME:
        return (
            Centre.objects.filter(name=settings.CENTRE_NAME).select_related("parent_agency").first()
        )
    only = list(Centre.objects.select_related("parent_agency").order_by("pk")[:2])
    return only[0] if len(only) == 1 else None


@dataclass(frozen=True)
class Band:
    """The two lines of the page's band."""

    parent: str
    name: str


def band_for(user) -> Band:
    """A centre's people read their Sở and centre; a person signed in above the centres
    the Sở and the software; the public pages (login, online intake) the software's name
    and the centre they belong to, never the host's name."""
    if user is not None and user.is_authenticated:
        if user.centre_id is not None:
            key = f"band:{user.centre_id}"  # on every page: kept (tgpl/catalogues.py)
            return catalogues.remembered({key: lambda: _centre_band(user.centre_id)})[key]
        return Band("Sở Tư pháp", settings.SITE_NAME)
    centre = public_centre()
    return Band(settings.SITE_NAME, centre.name if centre else DEFAULT_CENTRE)


def _centre_band(centre_id: int) -> Band:
    centre = Centre.objects.select_related("parent_agency").get(pk=centre_id)
    return Band(centre.parent_agency.name, centre.name)
