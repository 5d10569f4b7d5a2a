"""Owners and partners of a task: matching the names as written to the centre's units."""

import re
from typing import cast

from plans.models import PlanItem, PlanItemUnit
from plans.reader.units import is_collective, match_units, people_of
from tgpl.models import Agency, Centre, Department


def unit_catalogue(centre: Centre) -> list[tuple[tuple[str, int], list[str]]]:
    """Known units for `match_units`: the centre's departments first, then agencies."""
    known: list[tuple[tuple[str, int], list[str]]] = []
    for dept in Department.objects.filter(centre=centre, is_active=True):
        known.append((("department", dept.pk), [dept.name, dept.short_code, *dept.alias_list()]))
    agencies = Agency.objects.filter(is_active=True).filter(
        province_code__in=[centre.province_code, None]
    )
    for agency in agencies:
        names = [agency.name, *agency.alias_list()]
        if agency.short_name:
            names.append(agency.short_name)
        known.append((("agency", agency.pk), names))
    return known


def collective_of(name: str) -> str:
    """Which group a collective name covers: all units, the offices, or the branches."""
    if not is_collective(name):
        return PlanItemUnit.Collective.NONE
    text = name.casefold()
    offices = "phòng" in text
    branches = "chi nhánh" in text
    if offices and not branches:
        return PlanItemUnit.Collective.OFFICES
    if branches and not offices:
        return PlanItemUnit.Collective.BRANCHES
    return PlanItemUnit.Collective.ALL


def build_units(item: PlanItem, role: str, names: list[str], known: list) -> list[PlanItemUnit]:
    """Unsaved PlanItemUnit rows for the names as written, matched where possible."""
    units = []
    cleaned = [re.sub(r"\s+", " ", n).strip() for n in names if n and n.strip()]
    for position, (key, name) in enumerate(match_units(cleaned, known)):
        unit = PlanItemUnit(item=item, role=role, position=position, name=name[:255])
        if key is not None:
            kind, pk = cast(tuple[str, int], key)
            if kind == "department":
                unit.department_id = pk
            else:
                unit.agency_id = pk
        elif people := people_of(name):
            unit.people = people  # people, not every department
        else:
            unit.collective = collective_of(name)
        units.append(unit)
    return units


def split_names(text: str) -> list[str]:
    """Names typed in a form: one per line or separated by ";"."""
    parts = re.split(r"[\n;]+", text or "")
    return [p.strip(" -–•\t") for p in parts if p.strip(" -–•\t")]
