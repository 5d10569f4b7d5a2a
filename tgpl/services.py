"""Writes to the organisation: one function per business action."""

from collections.abc import Callable, Iterable

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction

from . import roles
from .calendar import CALENDAR_CHANGED
from .errors import BusinessRuleError
from .kernel import delete, emit, require, save, set_related
from .models import Agency, Centre, Department, HolidayOverride, User
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
    if actor is not None and not roles.can_manage_record_of(actor, user.centre_id):
        raise BusinessRuleError("Bạn không có quyền phân vai trò cho người dùng này.")
    check_roles_given(user=user, new_roles=wanted, actor=actor)
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
    if Role.DEPARTMENT_HEAD not in wanted:
        release_headships(user=user, actor=actor, why="không còn vai trò Trưởng phòng")
    is_staff = bool(wanted & {Role.ADMINISTRATOR, Role.SYSTEM_ADMINISTRATOR}) or user.is_superuser
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        save(
            user,
            actor=actor,
            reason="Quyền vào trang quản trị theo vai trò",
            update_fields=["is_staff"],
        )
    roles.forget_roles(user)


def release_headships(
    *, user: User, actor: User | None, why: str, keeping: int | None = None
) -> int:
    """The departments `user` heads no longer have her as head: she was locked, lost the
    head role, left the centre or moved to another department (`keeping`: the one she
    now works in, which she may go on heading). A department without a head has its
    proposals decided by the centre's leadership (roles.can_approve_assignment), so none
    waits for a head who can no longer decide it. Each department's history names who
    and why."""
    released = 0
    headed = Department.objects.filter(head=user).order_by("pk")
    if keeping is not None:
        headed = headed.exclude(pk=keeping)
    for department in headed:
        department.head = None
        save(
            department,
            actor=actor,
            reason=f"Bỏ trưởng phòng {user.full_name or user.username}: {why}",
            update_fields=["head"],
        )
        released += 1
    return released


def check_department_head(department: Department) -> None:
    """A department's head is an active person of its centre who holds the head role."""
    head = department.head if department.head_id else None
    if head is not None and not (head.is_active and roles.is_department_head(head)):
        raise BusinessRuleError(
            f"{head.full_name or head.username} không thể là trưởng phòng: cần một tài khoản"
            " đang hoạt động có vai trò Trưởng phòng.",
            field="head",
        )


def refresh_search_keys(obj) -> None:
    """Fill the accent-insensitive `search_key` of an organisation record."""
    if isinstance(obj, User):
        obj.search_key = search_key(obj.full_name, obj.username, obj.email)
    elif isinstance(obj, Agency):
        obj.search_key = search_key(obj.name, obj.short_name, obj.aliases)


# --- the back office: organisation records, shared catalogues, lockouts -------------

OUTSIDE_CENTRE = "Bạn chỉ quản lý được dữ liệu của Trung tâm mình."
CATALOGUE_ONLY = (
    "Danh mục dùng chung chỉ do Quản trị hệ thống cấp tỉnh/quốc gia thay đổi; Trung tâm chỉ xem."
)
CENTRE_STRUCTURE = (
    "Sở Tư pháp chủ quản, tỉnh và trạng thái hoạt động của Trung tâm do quản trị cấp trên thay đổi."
)
CENTRE_STRUCTURE_FIELDS = ("parent_agency_id", "province_code", "is_active")


def check_roles_given(*, user: User, new_roles: Iterable[str], actor: User | None) -> None:
    """The role above the centres is given or taken only by a system administrator."""
    if actor is None:
        return
    changed = set(new_roles) ^ set(roles.roles_of(user) if user.pk else ())
    if not roles.can_give_roles(actor, changed):
        raise BusinessRuleError(
            "Chỉ Quản trị hệ thống cấp tỉnh/quốc gia mới giao hoặc bỏ vai trò này.", field="roles"
        )


def _stored(obj: models.Model):
    """The row as it is in the database before this change (None when it is new)."""
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def _own_centre_id(obj) -> int | None:
    return obj.pk if isinstance(obj, Centre) else obj.centre_id


def _default_reason(obj: models.Model, verb: str) -> str:
    return f"Trang quản trị: {verb} {obj._meta.verbose_name} “{obj}”"


def _validated(obj: models.Model) -> None:
    """Model invariants (clean(), constraints) as a BusinessRuleError."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        field = next(iter(exc.message_dict), None) if hasattr(exc, "error_dict") else None
        raise BusinessRuleError(
            " ".join(exc.messages), field=None if field == "__all__" else field
        ) from exc


def check_organisation_change(
    *, obj: models.Model, actor: User, centre_of: Callable = _own_centre_id
) -> None:
    """May `actor` save this organisation record (centre, department, user, performer ...)?

    The centre it belonged to and the centre it will belong to must both be the actor's.
    """
    before = _stored(obj)
    centre_ids = {centre_of(obj)} | ({centre_of(before)} if before is not None else set())
    for centre_id in centre_ids:
        require(roles.can_manage_record_of(actor, centre_id), OUTSIDE_CENTRE)
    if isinstance(obj, User) and obj.pk == actor.pk and not obj.is_active:
        raise BusinessRuleError("Không thể tự khóa tài khoản của chính mình.", field="is_active")
    if isinstance(obj, Department):
        check_department_head(obj)
    if isinstance(obj, Centre):
        moved = before is None or any(
            getattr(obj, f) != getattr(before, f) for f in CENTRE_STRUCTURE_FIELDS
        )
        if moved and not actor.is_superuser:
            raise BusinessRuleError(CENTRE_STRUCTURE)


@transaction.atomic
def save_organisation_record(
    *,
    obj: models.Model,
    actor: User,
    reason: str = "",
    centre_of: Callable = _own_centre_id,
):
    """An administrator saves organisation data of their centre (the admin's save)."""
    check_organisation_change(obj=obj, actor=actor, centre_of=centre_of)
    _validated(obj)
    created = obj.pk is None
    before = _stored(obj) if isinstance(obj, User) else None  # a head locked or moved
    refresh_search_keys(obj)
    saved = save(
        obj, actor=actor, reason=reason or _default_reason(obj, "thêm" if created else "sửa")
    )
    if isinstance(obj, User) and before is not None:
        if not obj.is_active:
            release_headships(user=obj, actor=actor, why="tài khoản đã bị khóa")
        elif obj.centre_id != before.centre_id:
            release_headships(user=obj, actor=actor, why="đã chuyển sang Trung tâm khác")
        elif obj.department_id != before.department_id:
            release_headships(
                user=obj, actor=actor, why="đã chuyển sang phòng khác", keeping=obj.department_id
            )
    return saved


@transaction.atomic
def delete_organisation_record(
    *, obj: models.Model, actor: User, centre_of: Callable = _own_centre_id
) -> None:
    require(roles.can_manage_record_of(actor, centre_of(obj)), OUTSIDE_CENTRE)
    delete(obj, actor=actor, reason=_default_reason(obj, "xóa"))


def check_agency_change(*, agency: Agency, actor: User) -> None:
    """Sở Tư pháp rows and the ministry's are shared catalogues; a centre's administrator
    keeps the other agencies of the centre's province."""
    before = _stored(agency)
    for state in (agency, before):
        if state is not None and not roles.can_manage_agency(actor, state):
            raise BusinessRuleError(
                "Sở Tư pháp và cơ quan trung ương là danh mục dùng chung, chỉ Quản trị hệ thống"
                " cấp tỉnh/quốc gia thay đổi; Trung tâm quản lý cơ quan khác trong tỉnh mình.",
                field="kind" if state is agency else None,
            )


@transaction.atomic
def save_agency(*, agency: Agency, actor: User, reason: str = "") -> Agency:
    check_agency_change(agency=agency, actor=actor)
    _validated(agency)
    created = agency.pk is None
    refresh_search_keys(agency)
    return save(
        agency, actor=actor, reason=reason or _default_reason(agency, "thêm" if created else "sửa")
    )


def check_catalogue_change(*, actor: User) -> None:
    require(roles.can_manage_catalogues(actor), CATALOGUE_ONLY)


@transaction.atomic
def save_catalogue_entry(*, entry: models.Model, actor: User, reason: str = ""):
    """A shared catalogue (eligibility categories, holidays, quota tiers, reminder settings
    ...) changes the rules of every centre: only a system administrator saves it."""
    check_catalogue_change(actor=actor)
    _validated(entry)
    created = entry.pk is None
    saved = save(
        entry, actor=actor, reason=reason or _default_reason(entry, "thêm" if created else "sửa")
    )
    _calendar_changed(entry, actor)
    return saved


@transaction.atomic
def delete_catalogue_entry(*, entry: models.Model, actor: User) -> None:
    check_catalogue_change(actor=actor)
    day = getattr(entry, "date", None)
    delete(entry, actor=actor, reason=_default_reason(entry, "xóa"))
    _calendar_changed(entry, actor, day=day)


def _calendar_changed(entry: models.Model, actor: User, *, day=None) -> None:
    """The due moments kept for the reminder scan count working days: a changed holiday
    calendar has them recomputed after commit, by a worker (issue 18.4)."""
    if isinstance(entry, HolidayOverride):
        day = day or entry.date
        emit(CALENDAR_CHANGED, actor=actor, day=day.isoformat() if day else "")


@transaction.atomic
def unlock_account(*, user: User, actor: User) -> int:
    """Lift the login lockout of a person of the actor's centre; the person's history
    records who lifted it and when. Returns how many locked attempts were cleared."""
    from axes.utils import reset

    from .lockouts import locking_attempts

    require(roles.can_unlock_account(actor, user), OUTSIDE_CENTRE)
    addresses = sorted(
        {
            a or "?"
            for a in locking_attempts()
            .filter(username=user.username)
            .values_list("ip_address", flat=True)
        }
    )
    if not addresses:
        raise BusinessRuleError(f"Tài khoản {user.username} không bị tạm khóa đăng nhập.")
    reset(username=user.username)
    save(
        user,
        actor=actor,
        reason=f"Mở khóa đăng nhập (từ địa chỉ {', '.join(addresses)})",
        update_fields=["is_active"],
    )
    return len(addresses)
