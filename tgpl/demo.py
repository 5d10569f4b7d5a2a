"""Demo data: the kernel's own (the Lạng Sơn centre, its departments and branches, agencies,
one user per role) and a registry through which each app adds its demo data.

An app registers its seeder in its AppConfig.ready:

    demo.register("cases", seed_demo_cases, after=["plans"])

`seed_demo` runs the organisation first, then every registered seeder after those it
names, so the kernel never imports an app. Every seeder is idempotent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tgpl import services
from tgpl.models import Agency, Centre, Department, User
from tgpl.roles import Role
from tgpl.security.passwords import DEMO_PASSWORD  # published in the README

LANG_SON = 20
XA_THAT_KHE = 6040

AGENCIES = [
    # (kind, name, short name, aliases)
    (Agency.Kind.DOJ, "Sở Tư pháp tỉnh Lạng Sơn", "STP", ["Sở Tư pháp", "Lãnh đạo Sở"]),
    (
        Agency.Kind.CENTRAL,
        "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý - Bộ Tư pháp",
        "Cục PBGDPL và TGPL",
        ["Cục Trợ giúp pháp lý - Bộ Tư pháp", "Cục Trợ giúp pháp lý"],
    ),
    (Agency.Kind.PEOPLES_COMMITTEE, "Ủy ban nhân dân tỉnh Lạng Sơn", "UBND tỉnh", ["UBND tỉnh"]),
    (Agency.Kind.COURT, "Tòa án nhân dân tỉnh Lạng Sơn", "TAND tỉnh", ["TAND tỉnh Lạng Sơn"]),
    (Agency.Kind.PROCURACY, "Viện kiểm sát nhân dân tỉnh Lạng Sơn", "VKSND tỉnh", []),
    (Agency.Kind.POLICE, "Công an tỉnh Lạng Sơn", "CA tỉnh", []),
    (Agency.Kind.DETENTION, "Trại tạm giam Công an tỉnh Lạng Sơn", "", []),
    (Agency.Kind.BAR, "Đoàn Luật sư tỉnh Lạng Sơn", "", []),
    (
        Agency.Kind.OTHER,
        "Hội đồng phối hợp liên ngành về trợ giúp pháp lý trong hoạt động tố tụng tỉnh Lạng Sơn",
        "Hội đồng phối hợp liên ngành",
        [],
    ),
    (
        Agency.Kind.OTHER,
        "Phòng Hành chính tư pháp và Bổ trợ tư pháp - Sở Tư pháp",
        "Phòng HCTP&BTTP",
        ["Phòng HCTP&BTTP"],
    ),
    (
        Agency.Kind.OTHER,
        "Đài Phát thanh - Truyền hình tỉnh Lạng Sơn",
        "",
        ["Đài Phát thanh –Truyền hình"],
    ),
    (
        Agency.Kind.OTHER,
        "Chính phủ nhân dân thành phố Sùng Tả, Khu tự trị dân tộc Choang Quảng Tây, Trung Quốc",
        "",
        [],
    ),
]

DEPARTMENTS = [
    # (short code, kind, name, aliases, position)
    ("HC-TH", Department.Kind.OFFICE, "Phòng Hành chính – Tổng hợp", ["HC-TH", "Phòng HC-TH"], 1),
    ("NV", Department.Kind.OFFICE, "Phòng Nghiệp vụ", [], 2),
    ("CN1", Department.Kind.BRANCH, "Chi nhánh số 1", [], 3),
    ("CN2", Department.Kind.BRANCH, "Chi nhánh số 2", [], 4),
]

USERS = [
    # (username, full name, department code, roles, job title)
    ("quantri", "Nguyễn Văn Quản", "HC-TH", [Role.ADMINISTRATOR, Role.STAFF], "Quản trị hệ thống"),
    ("giamdoc", "Hoàng Thị Bích", None, [Role.DIRECTOR, Role.LEGAL_AID_OFFICER], "Giám đốc"),
    (
        "phogiamdoc",
        "Lương Văn Minh",
        None,
        [Role.DEPUTY_DIRECTOR, Role.LEGAL_AID_OFFICER],
        "Phó Giám đốc",
    ),
    ("truongphong.hc", "Vi Văn Toàn", "HC-TH", [Role.DEPARTMENT_HEAD], "Trưởng phòng"),
    (
        "truongphong.nv",
        "Nông Thị Hạnh",
        "NV",
        [Role.DEPARTMENT_HEAD, Role.LEGAL_AID_OFFICER],
        "Trưởng phòng",
    ),
    (
        "truongcn1",
        "Hà Văn Dũng",
        "CN1",
        [Role.DEPARTMENT_HEAD, Role.LEGAL_AID_OFFICER],
        "Trưởng Chi nhánh",
    ),
    ("vienchuc", "Hoàng Văn Nam", "HC-TH", [Role.STAFF], "Chuyên viên"),
    ("tgv", "Lăng Thị Mai", "NV", [Role.LEGAL_AID_OFFICER], "Trợ giúp viên pháp lý"),
    ("tgv2", "Chu Văn Đức", "CN1", [Role.LEGAL_AID_OFFICER], "Trợ giúp viên pháp lý"),
    ("luatsu", "Trần Đức Long", "NV", [Role.CONTRACTED_LAWYER], "Luật sư ký hợp đồng"),
    ("ctv", "Đinh Văn Hùng", "CN2", [Role.COLLABORATOR], "Cộng tác viên"),
    ("sotuphap", "Phạm Thu Trang", None, [Role.DOJ_REVIEWER], "Chuyên viên Sở Tư pháp"),
    (
        "quantri.tinh",
        "Đặng Thị Thu",
        None,
        [Role.SYSTEM_ADMINISTRATOR],
        "Quản trị danh mục dùng chung (Sở Tư pháp)",
    ),
]
ABOVE_CENTRES = {Role.DOJ_REVIEWER, Role.SYSTEM_ADMINISTRATOR}  # work for the Sở, not a centre

HEADS = {"HC-TH": "truongphong.hc", "NV": "truongphong.nv", "CN1": "truongcn1"}


@dataclass(frozen=True)
class Seeder:
    name: str
    run: Callable  # (centre, stdout) -> None
    after: tuple[str, ...] = ()


_seeders: dict[str, Seeder] = {}


def register(name: str, run: Callable, *, after: Iterable[str] = ()) -> None:
    """Add an app's demo data; `after` names the seeders whose data it builds on."""
    _seeders[name] = Seeder(name, run, tuple(after))


def seeders() -> list[Seeder]:
    """The registered seeders, each after the ones it names (a stable topological order)."""
    ordered: list[Seeder] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(seeder: Seeder) -> None:
        if seeder.name in placed:
            return
        if seeder.name in visiting:
            raise ValueError(f"demo seeders depend on each other in a circle: {seeder.name}")
        visiting.add(seeder.name)
        for name in seeder.after:
            if name not in _seeders:
                raise ValueError(f"demo seeder {seeder.name} needs {name}, which is not registered")
            place(_seeders[name])
        visiting.discard(seeder.name)
        placed.add(seeder.name)
        ordered.append(seeder)

    for seeder in sorted(_seeders.values(), key=lambda s: s.name):
        place(seeder)
    return ordered


def seed_organisation() -> Centre:
    """The centre, its departments, the agencies and the demo users; returns the centre."""
    agencies = {}
    for kind, name, short, aliases in AGENCIES:
        agency, _ = Agency.objects.update_or_create(
            name=name,
            province_code=LANG_SON if kind != Agency.Kind.CENTRAL else None,
            defaults={"kind": kind, "short_name": short, "aliases": "\n".join(aliases)},
        )
        services.refresh_search_keys(agency)
        agency.save(update_fields=["search_key"])
        agencies[name] = agency
    doj = agencies["Sở Tư pháp tỉnh Lạng Sơn"]

    centre, _ = Centre.objects.update_or_create(
        name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
        defaults={
            "short_name": "Trung tâm TGPL tỉnh Lạng Sơn",
            "parent_agency": doj,
            "province_code": LANG_SON,
            "address": "Số 2 đường Hùng Vương, phường Lương Văn Tri, tỉnh Lạng Sơn",
            "hotline": "0205 375 7555",
            "document_symbol": "TGPL",
            "case_code_prefix": "TT",
        },
    )
    departments = {}
    for code, kind, name, aliases, position in DEPARTMENTS:
        dept, _ = Department.objects.update_or_create(
            centre=centre,
            short_code=code,
            defaults={
                "kind": kind,
                "name": name,
                "aliases": "\n".join(aliases),
                "position": position,
                "commune_code": XA_THAT_KHE if code == "CN1" else None,
            },
        )
        departments[code] = dept

    users = {}
    for username, full_name, dept_code, user_roles, job_title in USERS:
        above_centres = bool(ABOVE_CENTRES.intersection(user_roles))
        user, created = User.objects.update_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "job_title": job_title,
                "email": f"{username}@tgpl.langson.local",
                "centre": None if above_centres else centre,
                "department": departments.get(dept_code),
                "agency": doj if above_centres else None,
                "is_active": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            # The password is published (README): it must be changed at first sign-in.
            user.must_change_password = True
        services.refresh_search_keys(user)
        user.save()
        services.set_user_roles(user=user, new_roles=user_roles, actor=None)
        users[username] = user

    for code, username in HEADS.items():
        Department.objects.filter(pk=departments[code].pk).update(head=users[username])
    return centre
