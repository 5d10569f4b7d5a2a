"""Who may do what. Every role check of the application lives here.

A role is held through a Django group whose name is the role's code; no other
module tests group names. A user may hold several roles. Predicates take the
user (and, where it matters, the object) and return a bool; scoping helpers
return querysets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:  # pragma: no cover
    from .models import Centre, Department


class Role(models.TextChoices):
    DIRECTOR = "director", "Giám đốc"
    DEPUTY_DIRECTOR = "deputy_director", "Phó Giám đốc"
    DEPARTMENT_HEAD = "department_head", "Trưởng phòng / Trưởng Chi nhánh"
    STAFF = "staff", "Viên chức"
    LEGAL_AID_OFFICER = "legal_aid_officer", "Trợ giúp viên pháp lý"
    CONTRACTED_LAWYER = "contracted_lawyer", "Luật sư ký hợp đồng"
    COLLABORATOR = "collaborator", "Cộng tác viên"
    DOJ_REVIEWER = "doj_reviewer", "Chuyên viên Sở Tư pháp"
    ADMINISTRATOR = "administrator", "Quản trị hệ thống"


LEADERSHIP = frozenset({Role.DIRECTOR, Role.DEPUTY_DIRECTOR})
PERFORMERS = frozenset({Role.LEGAL_AID_OFFICER, Role.CONTRACTED_LAWYER, Role.COLLABORATOR})
CENTRE_ROLES = frozenset(Role) - {Role.DOJ_REVIEWER}

_CACHE_ATTR = "_tgpl_roles"


def roles_of(user) -> frozenset[str]:
    """The role codes a user holds, read once per request and cached on the user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        valid = set(Role.values)
        names = [g.name for g in user.groups.all()]  # uses a prefetch when there is one
        cached = frozenset(n for n in names if n in valid)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles (after they were changed)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user).intersection(roles))


def role_labels(user) -> list[str]:
    held = roles_of(user)
    return [label for value, label in Role.choices if value in held]


# --- predicates -----------------------------------------------------------------


def is_director(user) -> bool:
    return has_role(user, Role.DIRECTOR)


def is_leadership(user) -> bool:
    """Giám đốc or Phó Giám đốc of the user's centre."""
    return has_role(user, *LEADERSHIP)


def is_department_head(user) -> bool:
    return has_role(user, Role.DEPARTMENT_HEAD)


def heads_department(user, department: Department | None) -> bool:
    """The user holds the head role and is recorded as this department's head."""
    return (
        department is not None
        and department.head_id == getattr(user, "pk", None)
        and is_department_head(user)
    )


def is_performer(user) -> bool:
    return has_role(user, *PERFORMERS)


def is_doj_reviewer(user) -> bool:
    return has_role(user, Role.DOJ_REVIEWER)


def is_administrator(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or has_role(user, Role.ADMINISTRATOR)


def is_centre_member(user) -> bool:
    """Works for a centre (any role other than the Sở reviewer)."""
    return bool(getattr(user, "centre_id", None)) and has_role(user, *CENTRE_ROLES)


def can_use_admin(user) -> bool:
    return is_administrator(user)


def can_manage_organisation(user, centre: Centre | None = None) -> bool:
    """Manage departments, agencies, staff and roles (of this centre)."""
    if not is_administrator(user):
        return False
    if user.is_superuser or centre is None:
        return True
    return centre.pk == user.centre_id


def can_see_personal_data(user) -> bool:
    """Applicants' personal data is for the centre's own people, never for reviewers."""
    return is_centre_member(user) or getattr(user, "is_superuser", False)


# --- scoping ----------------------------------------------------------------------


def visible_centres(user):
    """The centres whose records the user may see.

    Centre people see their own centre; a Sở Tư pháp reviewer sees every centre
    that Sở runs (the centres of the province); a superuser sees all.
    """
    from .models import Centre

    if user is None or not user.is_authenticated or not user.is_active:
        return Centre.objects.none()
    if user.is_superuser:
        return Centre.objects.all()
    ids: set[int] = set()
    if user.centre_id and has_role(user, *CENTRE_ROLES):
        ids.add(user.centre_id)
    if user.agency_id and is_doj_reviewer(user):
        return Centre.objects.filter(
            models.Q(pk__in=ids) | models.Q(parent_agency_id=user.agency_id)
        )
    return Centre.objects.filter(pk__in=ids)


def scope_to_centres(queryset, user, field: str = "centre"):
    """Filter any queryset with a centre foreign key to what the user may see."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return queryset
    return queryset.filter(**{f"{field}__in": visible_centres(user)})


def assignable_roles() -> Iterable[tuple[str, str]]:
    return Role.choices
