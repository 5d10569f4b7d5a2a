"""Writes to the organisation: one function per business action."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .errors import BusinessRuleError
from .kernel import save, set_related
from .models import Agency, User
from .roles import Role
from .search import search_key


def check_roles_fit(wanted: set[str], *, centre, agency) -> None:
    """Roles need a place: centre roles a centre, the reviewer role a Sở Tư pháp."""
    if Role.DOJ_REVIEWER in wanted and (agency is None or agency.kind != Agency.Kind.DOJ):
        raise BusinessRuleError(
            "Chuyên viên Sở Tư pháp phải có cơ quan công tác là một Sở Tư pháp.", field="agency"
        )
    if wanted & roles.CENTRE_ROLES and centre is None:
        raise BusinessRuleError(
            "Vai trò của Trung tâm cần chọn Trung tâm cho người dùng.", field="centre"
        )


@transaction.atomic
def set_user_roles(*, user: User, new_roles: Iterable[str], actor: User | None) -> None:
    """Give a user exactly these roles. `actor` None means a system action (seeding)."""
    wanted = set(new_roles)
    unknown = wanted - set(Role.values)
    if unknown:
        raise BusinessRuleError(f"Vai trò không hợp lệ: {', '.join(sorted(unknown))}.")
    if actor is not None and not roles.can_manage_organisation(actor, user.centre):
        raise BusinessRuleError("Bạn không có quyền phân vai trò cho người dùng này.")
    dropping_own_admin = (
        actor is not None
        and not actor.is_superuser
        and actor.pk == user.pk
        and Role.ADMINISTRATOR in roles.roles_of(user)
        and Role.ADMINISTRATOR not in wanted
    )
    if dropping_own_admin:
        raise BusinessRuleError("Không thể tự bỏ vai trò quản trị của chính mình.")
    check_roles_fit(wanted, centre=user.centre, agency=user.agency)
    groups = [Group.objects.get_or_create(name=code)[0] for code in sorted(wanted)]
    labels = ", ".join(str(Role(code).label) for code in sorted(wanted)) or "không có vai trò"
    set_related(user, "groups", groups, actor=actor, reason=f"Phân vai trò: {labels}")
    is_staff = Role.ADMINISTRATOR in wanted or user.is_superuser
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        save(
            user,
            actor=actor,
            reason="Quyền vào trang quản trị theo vai trò",
            update_fields=["is_staff"],
        )
    roles.forget_roles(user)


def refresh_search_keys(obj) -> None:
    """Fill the accent-insensitive `search_key` of an organisation record."""
    if isinstance(obj, User):
        obj.search_key = search_key(obj.full_name, obj.username, obj.email)
    elif isinstance(obj, Agency):
        obj.search_key = search_key(obj.name, obj.short_name, obj.aliases)
