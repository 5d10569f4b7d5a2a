"""`manage.py seed_demo`: the organisation, then each app's registered demo data.

Refused under production settings unless `--demo` is given: the demo accounts share a
published password (README), administrators included.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tgpl import demo
from tgpl.roles import Role


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
        centre = demo.seed_organisation()
        for seeder in demo.seeders():
            seeder.run(centre, self.stdout)

        self.stdout.write(self.style.SUCCESS("Đã tạo dữ liệu mẫu cho " + centre.name))
        self.stdout.write(
            f"Tài khoản mẫu (mật khẩu chung: {demo.DEMO_PASSWORD}; đổi mật khẩu ở lần đăng nhập "
            "đầu; quản trị và giám đốc đăng ký xác thực hai lớp):"
        )
        for username, full_name, _dept, user_roles, _title in demo.USERS:
            labels = ", ".join(Role(r).label for r in user_roles)
            self.stdout.write(f"  {username:<16} {full_name:<18} {labels}")
