"""Who may do what: Outreach: activities, materials, communes (issue 15).

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from tgpl.roles import *
from tgpl.roles import _same_centre  # noqa: F401

# --- outreach: activities, materials, communes (issue 15) ---------------------------

OUTREACH_RECORDERS = frozenset(
    {
        Role.DIRECTOR,
        Role.DEPUTY_DIRECTOR,
        Role.DEPARTMENT_HEAD,
        Role.STAFF,
        Role.LEGAL_AID_OFFICER,
    }
)


def can_see_outreach(user) -> bool:
    """Activities, materials, communes and their figures: the centre's people and the Sở
    reviewer (nothing there names an applicant; contacts are separate)."""
    return is_centre_member(user) or is_doj_reviewer(user) or bool(user.is_superuser)


def can_record_outreach(user, centre: Centre | None = None) -> bool:
    """Record activities, broadcasts, materials and placements of their own centre."""
    if not is_centre_member(user) or not has_role(user, *OUTREACH_RECORDERS):
        return False
    return centre is None or centre.pk == user.centre_id


def can_review_communes(user, centre: Centre | None = None) -> bool:
    """The yearly review of the communes' designations (ĐBKK, border, poor): leaders and
    department heads of the centre."""
    if not is_centre_member(user) or not (is_leadership(user) or is_department_head(user)):
        return False
    return centre is None or centre.pk == user.centre_id


def can_see_commune_contacts(user) -> bool:
    """Names and phones of grassroots contacts are personal data."""
    return can_see_personal_data(user) and is_centre_member(user)


def can_manage_commune_contacts(user, centre: Centre | None = None) -> bool:
    return can_record_outreach(user, centre)
