"""`manage.py restore ARCHIVE --yes`: replace the database and the files by a backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tgpl.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu và tệp đính kèm từ một bản sao lưu (thay thế dữ liệu hiện có)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--yes", action="store_true", help="Xác nhận thay thế toàn bộ dữ liệu hiện có."
        )

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError("Khôi phục thay thế toàn bộ dữ liệu hiện có: chạy lại với --yes.")
        try:
            manifest = restore_backup(Path(options["archive"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục bản sao lưu lập lúc {manifest['created_at']} "
                f"({manifest['media_files']} tệp đính kèm)."
            )
        )
