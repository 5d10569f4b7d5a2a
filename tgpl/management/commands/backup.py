"""`manage.py backup [--dir DIR]`: the database and the uploaded files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tgpl.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đính kèm vào một tệp .tar có mã kiểm tra."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="backups", help="Thư mục lưu bản sao lưu.")

    def handle(self, *args, **options):
        try:
            result = create_backup(Path(options["dir"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu: {result.path} (cơ sở dữ liệu {result.database_bytes:,} byte, "
                f"{result.media_files} tệp đính kèm)".replace(",", ".")
            )
        )
