"""Demo data: the Lạng Sơn centre, its departments and branches, agencies, one user per role.

Idempotent: running it again updates what it created and adds nothing twice.
Each app adds its demo data through `_extensions()` (one function per app).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

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
]

HEADS = {"HC-TH": "truongphong.hc", "NV": "truongphong.nv", "CN1": "truongcn1"}


def _extensions():
    """Each app's demo data, in dependency order: functions (centre, stdout) -> None."""
    from cases.demo import seed_demo_cases
    from plans.demo import seed_demo_plans

    return [seed_demo_plans, seed_demo_cases]


class Command(BaseCommand):
    help = "Tạo (hoặc cập nhật) dữ liệu mẫu: Trung tâm TGPL tỉnh Lạng Sơn và người dùng mẫu."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Chạy cả khi DEBUG=false: chỉ trên máy trình diễn, không bao giờ trên máy thật.",
        )

    def handle(self, *args, **options):
        if not settings.DEVELOPMENT and not options["demo"]:
            raise CommandError(
                "seed_demo tạo tài khoản mẫu với mật khẩu đã công bố (cả tài khoản quản trị): "
                "không chạy khi DEBUG=false. Nếu đây là máy trình diễn, thêm --demo."
            )
        self._seed()

    @transaction.atomic
    def _seed(self):
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
            is_reviewer = Role.DOJ_REVIEWER in user_roles
            user, created = User.objects.update_or_create(
                username=username,
                defaults={
                    "full_name": full_name,
                    "job_title": job_title,
                    "email": f"{username}@tgpl.langson.local",
                    "centre": None if is_reviewer else centre,
                    "department": departments.get(dept_code),
                    "agency": doj if is_reviewer else None,
                    "is_active": True,
                },
            )
            if created:
                # The password is published (README): it must be changed at first sign-in.
                user.set_password(DEMO_PASSWORD)
                user.must_change_password = True
            services.refresh_search_keys(user)
            user.save()
            services.set_user_roles(user=user, new_roles=user_roles, actor=None)
            users[username] = user

        for code, username in HEADS.items():
            Department.objects.filter(pk=departments[code].pk).update(head=users[username])

        for extend in _extensions():
            extend(centre, self.stdout)

        self.stdout.write(self.style.SUCCESS("Đã tạo dữ liệu mẫu cho " + centre.name))
        self.stdout.write(
            f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}; đổi mật khẩu ở lần đăng nhập đầu;"
            " quản trị và giám đốc đăng ký xác thực hai lớp):"
        )
        for username, full_name, _dept, user_roles, _title in USERS:
            labels = ", ".join(Role(r).label for r in user_roles)
            self.stdout.write(f"  {username:<16} {full_name:<18} {labels}")
