"""`manage.py seed_demo`: the organisation, then each app's registered demo data."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tgpl import demo
from tgpl.roles import Role


class Command(BaseCommand):
    help = "Tạo (hoặc cập nhật) dữ liệu mẫu: Trung tâm TGPL tỉnh Lạng Sơn và người dùng mẫu."

    @transaction.atomic
    def handle(self, *args, **options):
        centre = demo.seed_organisation()
        for seeder in demo.seeders():
            seeder.run(centre, self.stdout)

        self.stdout.write(self.style.SUCCESS("Đã tạo dữ liệu mẫu cho " + centre.name))
        self.stdout.write(f"Tài khoản mẫu (mật khẩu chung: {demo.DEMO_PASSWORD}):")
        for username, full_name, _dept, user_roles, _title in demo.USERS:
            labels = ", ".join(Role(r).label for r in user_roles)
            self.stdout.write(f"  {username:<16} {full_name:<18} {labels}")
