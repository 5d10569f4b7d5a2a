"""Every write of outreach: one function per business action (keyword-only, atomic)."""

from .activities import (
    add_attachment,
    link_requests,
    record_activity,
    record_contract,
    record_recurring_target,
    update_activity,
)
from .communes import add_contact, end_contact, review_year, save_commune_year
from .materials import place_material, record_inspection, record_material

__all__ = [
    "add_attachment",
    "add_contact",
    "end_contact",
    "link_requests",
    "place_material",
    "record_activity",
    "record_contract",
    "record_inspection",
    "record_material",
    "record_recurring_target",
    "review_year",
    "save_commune_year",
    "update_activity",
]
