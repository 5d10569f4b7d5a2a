"""Who may do what: Periodic reports and the Sở's review (issue 16).

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from tgpl.roles import *
from tgpl.roles import _same_centre  # noqa: F401

# --- reports (issue 16) ---------------------------------------------------------------

REPORT_PREPARERS = frozenset(
    {Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.DEPARTMENT_HEAD, Role.STAFF}
)


def can_prepare_reports(user, centre: Centre | None = None) -> bool:
    """Open, fill and correct the centre's periodic reports: leaders, heads, staff."""
    if not is_centre_member(user) or not has_role(user, *REPORT_PREPARERS):
        return False
    return centre is None or centre.pk == user.centre_id


def can_sign_off_reports(user, centre: Centre | None = None) -> bool:
    """Sign a report off for sending to the Sở: the director (a deputy signs "KT.")."""
    return can_prepare_reports(user, centre) and is_leadership(user)


def can_review_reports(user, centre: Centre | None = None) -> bool:
    """Comment on, return and accept reports: a Sở reviewer, of the province's centres."""
    if not is_doj_reviewer(user):
        return False
    return centre is None or visible_centres(user).filter(pk=centre.pk).exists()


def can_see_reports(user) -> bool:
    return (
        can_prepare_reports(user)
        or is_doj_reviewer(user)
        or bool(getattr(user, "is_superuser", False))
    )
