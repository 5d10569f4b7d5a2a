"""Legal-aid requests referred to by other apps, by id, through this registry.

Outreach records the requests taken at an event (a session at a commune, a hotline day)
and the page of a commune lists the requests from it; the requests live in cases, which
outreach may not import. cases registers a `RequestSource`; outreach keeps only the
request's id (an indexed integer) and asks here for what to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RequestRef:
    id: int
    code: str  # register number or case code, never the person's name
    received_on: date
    commune_code: int | None
    url: str = ""
    state: str = ""


@dataclass(frozen=True)
class RequestSource:
    # (user, ids) -> {id: RequestRef} of the ids the user may see
    resolve: Callable[..., dict[int, RequestRef]]
    # (user, on) -> requests the user's centre received that day (to link to an event)
    received_on: Callable[..., list[RequestRef]]
    # (user, commune_code, year) -> requests from that commune that year
    from_commune: Callable[..., list[RequestRef]]


_sources: list[RequestSource] = []


def register_request_source(source: RequestSource) -> None:
    if source not in _sources:
        _sources.append(source)


def resolve_requests(user, ids: Sequence[int]) -> dict[int, RequestRef]:
    found: dict[int, RequestRef] = {}
    if ids:
        for source in _sources:
            found.update(source.resolve(user, list(ids)))
    return found


def requests_received_on(user, on: date) -> list[RequestRef]:
    return [ref for source in _sources for ref in source.received_on(user, on)]


def requests_from_commune(user, commune_code: int, year: int) -> list[RequestRef]:
    return [ref for source in _sources for ref in source.from_commune(user, commune_code, year)]
