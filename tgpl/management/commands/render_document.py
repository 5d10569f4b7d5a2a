"""Print official documents in batch: `render_document plan 19/KH-TGPL OUT.pdf`.

The first argument names a chosen kind of document (tgpl/documents/kinds.py: each
app declares its own in its documents.py); OUT ending in .docx gives Word.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tgpl.documents import registry, render_docx, render_pdf


class Command(BaseCommand):
    help = "In một văn bản (kế hoạch, quyết định, thông báo...) ra tệp PDF hoặc Word (.docx)."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="Loại văn bản, ví dụ: plan")
        parser.add_argument("identifier", help="Mã hoặc số, ký hiệu, ví dụ 12 hoặc 19/KH-TGPL")
        parser.add_argument("out", help="Tệp ra: .pdf hoặc .docx")
        parser.add_argument("--year", type=int, help="Năm, khi số, ký hiệu trùng giữa các năm")

    def handle(self, *args, kind, identifier, out, year=None, **options):
        try:
            chosen = registry.get(kind)
        except registry.NotFound as exc:
            raise CommandError(str(exc)) from exc
        path = Path(out)
        suffix = path.suffix.lower()
        if suffix not in {".pdf", ".docx"}:
            raise CommandError("Tệp ra phải có đuôi .pdf hoặc .docx.")
        lookup = {"year": year} if year else {}
        try:
            doc = chosen.document(chosen.lookup(identifier, **lookup))
        except registry.NotFound as exc:
            raise CommandError(str(exc)) from exc
        data = render_docx(doc) if suffix == ".docx" else render_pdf(doc)
        path.write_bytes(data)
        self.stdout.write(f"Đã in {chosen.label} {doc.number_text} ra {path} ({len(data):,} byte).")
