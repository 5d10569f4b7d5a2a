"""What is known about a commune on a date (especially disadvantaged, border, poor), asked
by any app through this registry.

The communes' yearly designations are kept by outreach (the centre's annotations of its
province's communes, reviewed each year); cases needs one answer from them: is the
commune of a request an especially disadvantaged area (ĐBKK) on the request's date? It
asks here, and outreach registers the provider, so neither imports the other. With no
provider (or no designation recorded for that commune and year) the answer is None: the
person at the desk decides, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Designation:
    commune_code: int
    year: int
    disadvantaged: bool
    legal_basis: str = ""
    border: bool = False
    poor: bool = False


# (centre_id, commune_code, on) -> the designation in force that day, or None
DesignationProvider = Callable[[int | None, int, date], Designation | None]

_providers: list[DesignationProvider] = []


def register_designation_provider(provider: DesignationProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def designation_on(centre_id: int | None, commune_code: int | None, on: date) -> Designation | None:
    """The designation of a commune on a date, as the centre recorded it; None if unknown."""
    if not commune_code:
        return None
    for provider in _providers:
        found = provider(centre_id, commune_code, on)
        if found is not None:
            return found
    return None


def proposed_disadvantaged_area(
    centre_id: int | None, commune_code: int | None, on: date
) -> bool | None:
    """The "khu vực ĐBKK" a request should carry: from its commune's designation on the
    request date; None when no designation is recorded (left to the person)."""
    found = designation_on(centre_id, commune_code, on)
    return None if found is None else found.disadvantaged
