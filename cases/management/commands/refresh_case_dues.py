"""Recompute the due moments the reminder scan reads (issue 18.4), e.g. after the
holiday calendar changed outside the back office: `manage.py refresh_case_dues`."""

from django.core.management.base import BaseCommand

from cases.due import BATCH, refresh_all_case_dues


class Command(BaseCommand):
    help = "Tính lại hạn của các vụ việc (dùng cho quét nhắc hạn), theo lô."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=BATCH)

    def handle(self, *args, batch: int, **options):
        written = refresh_all_case_dues(batch=batch)
        self.stdout.write(f"Đã tính lại {written} thời hạn đang chạy.")
