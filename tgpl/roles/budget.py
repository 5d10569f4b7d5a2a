"""Who may do what: The plan's budget (issue 17.8).

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from tgpl.roles import *

# The administration office (Phòng Hành chính – Tổng hợp) keeps the centre's accounts; it
# is known by its short code, as the centre writes it in its document symbols.
ADMINISTRATION_OFFICE_CODES = frozenset({"HC-TH", "HCTH"})


def heads_administration_office(user) -> bool:
    department = getattr(user, "department", None)
    return (
        is_department_head(user)
        and department is not None
        and department.short_code in ADMINISTRATION_OFFICE_CODES
    )


def can_see_budget(user, centre: Centre | None = None) -> bool:
    """A plan's budget and its spending: the leadership, the department heads and the
    staff of the centre (who keep the accounts and the payment files)."""
    if not is_centre_member(user):
        return False
    if not (is_leadership(user) or is_department_head(user) or has_role(user, Role.STAFF)):
        return False
    return centre is None or centre.pk == user.centre_id


def can_manage_budget(user, centre: Centre | None = None) -> bool:
    """Budget lines, funding decisions (Quyết định giao dự toán), commitments and payments:
    the director, the deputies and the head of the administration office."""
    if not is_centre_member(user):
        return False
    if not (is_leadership(user) or heads_administration_office(user)):
        return False
    return centre is None or centre.pk == user.centre_id


def can_allow_over_spend(user, centre: Centre | None = None) -> bool:
    """A payment or commitment beyond what was funded: only the director decides it."""
    return can_manage_budget(user, centre) and is_director(user)
