"""Requests in the kernel's reference registry (tgpl.references): other apps (outreach)
link to a request by its id and show its number and state, never the person."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone

from tgpl.references import RequestRef, RequestSource

from .models import LegalAidRequest


def _refs(rows) -> list[RequestRef]:
    return [
        RequestRef(
            id=r.pk,
            code=f"Yêu cầu số {r.pk}",
            received_on=timezone.localtime(r.received_at).date(),
            commune_code=r.commune_code,
            url=reverse("cases:request_detail", args=[r.pk]),
            state=r.get_status_display(),
        )
        for r in rows
    ]


def _visible(user):
    return LegalAidRequest.objects.visible_to(user).only(
        "pk", "received_at", "commune_code", "status", "centre_id"
    )


def _day(on: date) -> tuple[datetime, datetime]:
    start = datetime.combine(on, time.min, tzinfo=timezone.get_current_timezone())
    return start, start + timedelta(days=1)


def resolve(user, ids) -> dict[int, RequestRef]:
    return {ref.id: ref for ref in _refs(_visible(user).filter(pk__in=ids))}


def received_on(user, on: date) -> list[RequestRef]:
    if not getattr(user, "centre_id", None):
        return []
    start, end = _day(on)
    rows = _visible(user).filter(
        centre_id=user.centre_id, received_at__gte=start, received_at__lt=end
    )
    return _refs(rows.order_by("received_at"))


def from_commune(user, commune_code: int, year: int) -> list[RequestRef]:
    start, _ = _day(date(year, 1, 1))
    end, _ = _day(date(year + 1, 1, 1))
    rows = _visible(user).filter(
        commune_code=commune_code, received_at__gte=start, received_at__lt=end
    )
    return _refs(rows.order_by("-received_at"))


SOURCE = RequestSource(resolve=resolve, received_on=received_on, from_commune=from_commune)
