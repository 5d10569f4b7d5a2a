"""Printing the 2021 sample plan: our renderer against bare WeasyPrint on the same HTML."""

from __future__ import annotations

import io
import statistics
import time
from pathlib import Path

from django.conf import settings

RUNS = 5


def _timed(func, runs: int = RUNS) -> tuple[float, float, float, object]:
    """Seconds of the first call, median and best of `runs` more calls; the last result."""
    started = time.perf_counter()
    result = func()
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return first, statistics.median(times), min(times), result


def _bare_html(html: str) -> tuple[str, str]:
    """The same HTML for WeasyPrint alone: stylesheet inlined, fonts as file:// URLs."""
    static = Path(settings.BASE_DIR) / "static"
    css = (static / "documents" / "document.css").read_text(encoding="utf-8")
    css = css.replace("tgpl-static:", static.as_uri() + "/")
    link = '<link rel="stylesheet" href="tgpl-static:documents/document.css">'
    assert link in html, "the document template changed its stylesheet link"
    return html.replace(link, f"<style>{css}</style>"), static.as_uri() + "/"


def bench_plan_2021_pdf():
    from pypdf import PdfReader
    from weasyprint import HTML

    from plans.documents import plan_document
    from plans.models import Plan
    from tgpl.documents import render_docx, render_pdf
    from tgpl.documents.pdf import document_html

    plan = Plan.objects.select_related("centre__parent_agency").get(year=2021, number=19)

    cold, ours, ours_best, pdf = _timed(lambda: render_pdf(plan_document(plan)))
    html, base = _bare_html(document_html(plan_document(plan)))
    _, bare, bare_best, bare_pdf = _timed(lambda: HTML(string=html, base_url=base).write_pdf())
    _, docx, docx_best, _ = _timed(lambda: render_docx(plan_document(plan)))

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    bare_pages = len(PdfReader(io.BytesIO(bare_pdf)).pages)
    print(
        f"Kế hoạch {plan.number_text}: {pages} trang PDF ({len(pdf):,} byte); "
        f"WeasyPrint trần: {bare_pages} trang ({len(bare_pdf):,} byte)"
    )
    print(f"  {'':34}{'trung vị':>10}{'tốt nhất':>10}   ({RUNS} lần, sau 1 lần khởi động)")
    print(f"  {'render_pdf (dữ liệu → PDF)':34}{ours:>9.3f}s{ours_best:>9.3f}s")
    print(f"  {'WeasyPrint trần (cùng HTML)':34}{bare:>9.3f}s{bare_best:>9.3f}s")
    print(f"  {'tỉ lệ render_pdf / trần':34}{ours / bare:>9.2f}×{ours_best / bare_best:>9.2f}×")
    print(f"  {'render_pdf lần đầu (nạp phông)':34}{cold:>9.3f}s")
    print(f"  {'render_docx (dữ liệu → Word)':34}{docx:>9.3f}s{docx_best:>9.3f}s")
