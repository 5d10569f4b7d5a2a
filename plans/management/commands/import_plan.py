"""python manage.py import_plan PATH [--dry-run] [--json] [--centre ID] [--kind KIND]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plans.models import Plan
from plans.reader import PlanParseError, parse_plan, plan_to_json, read_plan_text
from plans.services import create_plan_from_parsed
from tgpl.errors import BusinessRuleError
from tgpl.models import Centre


class Command(BaseCommand):
    help = "Đọc một văn bản kế hoạch (.docx, .pdf, .txt) và lưu thành kế hoạch dự thảo."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp .docx, .pdf hoặc .txt")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đọc, không lưu.")
        parser.add_argument("--json", action="store_true", help="In kết quả đọc dạng JSON.")
        parser.add_argument(
            "--centre", type=int, help="Mã (id) Trung tâm; mặc định: Trung tâm duy nhất."
        )
        parser.add_argument(
            "--kind",
            choices=Plan.Kind.values,
            default=None,
            help="Loại kế hoạch; mặc định: nhận biết theo nội dung văn bản.",
        )

    def handle(self, *args, path, dry_run, json: bool, centre, kind, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        try:
            text = read_plan_text(file.read_bytes(), file.name)
        except PlanParseError as exc:
            raise CommandError(str(exc)) from exc
        parsed = parse_plan(text)
        if json:
            self.stdout.write(_dumps(plan_to_json(parsed)))
        else:
            self._summary(parsed)
        if dry_run:
            return
        target = self._centre(centre)
        try:
            plan = create_plan_from_parsed(
                centre=target, plan=parsed, kind=kind, actor=None, source_text=text
            )
        except BusinessRuleError as exc:
            raise CommandError(exc.message) from exc
        self.stderr.write(
            self.style.SUCCESS(
                f"Đã lưu kế hoạch #{plan.pk} ({plan.number_text}) với {plan.items.count()} mục."
            )
        )

    def _summary(self, parsed):
        self.stdout.write(
            f"Số: {parsed.number_text or '—'}  Ngày: {parsed.date or '—'}  Năm: {parsed.year}"
            f"  Loại: {parsed.kind}"
        )
        self.stdout.write(f"Cơ quan ban hành: {parsed.issuing_body or '—'}")
        self.stdout.write(f"Trích yếu: {parsed.title}")
        for item in parsed.items:
            self.stdout.write(f"  {item.path:<12} {item.kind:<7} {item.title[:70]}")

    def _centre(self, centre_id):
        if centre_id:
            try:
                return Centre.objects.get(pk=centre_id)
            except Centre.DoesNotExist as exc:
                raise CommandError(f"Không có Trung tâm mã {centre_id}.") from exc
        centres = list(Centre.objects.all()[:2])
        if len(centres) != 1:
            raise CommandError("Có nhiều (hoặc không có) Trung tâm: chỉ rõ --centre ID.")
        return centres[0]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
