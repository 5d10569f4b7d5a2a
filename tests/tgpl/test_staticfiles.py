"""collectstatic under production storage accepts the document stylesheet (the finding:
it stopped on url("tgpl-static:fonts/…")), and the PDF fetcher finds the collected files.
The whole static tree under production settings: tests/production."""

import json
import re
import shutil
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

from tgpl.documents import fetcher

STATIC = Path(__file__).resolve().parents[2] / "static"
PRODUCTION_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "tgpl.staticfiles.StaticFilesStorage"},
}


def test_collectstatic_keeps_private_scheme_urls_and_hashes_the_others(tmp_path):
    source, target = tmp_path / "static", tmp_path / "collected"
    (source / "documents").mkdir(parents=True)
    shutil.copy(STATIC / "documents" / "document.css", source / "documents")
    (source / "fonts").mkdir()
    (source / "fonts" / "LiberationSerif-Regular.ttf").write_bytes(b"a small stand-in")
    (source / "css").mkdir()
    (source / "css" / "page.css").write_text(
        '@font-face { src: url("../fonts/LiberationSerif-Regular.ttf"); }'
    )
    with override_settings(
        STATICFILES_DIRS=[source],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STATIC_ROOT=target,
        STORAGES=PRODUCTION_STORAGE,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    paths = json.loads((target / "staticfiles.json").read_text())["paths"]
    document_css = (target / paths["documents/document.css"]).read_text()
    assert 'url("tgpl-static:fonts/LiberationSerif-Regular.ttf")' in document_css
    page_css = (target / paths["css/page.css"]).read_text()
    assert re.search(r"fonts/LiberationSerif-Regular\.[0-9a-f]{12}\.ttf", page_css)


def test_the_pdf_fetcher_reads_the_collected_files_when_the_sources_are_absent(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "Only-Collected.ttf").write_bytes(b"font")
    with override_settings(STATIC_ROOT=tmp_path):
        assert fetcher.resolve("tgpl-static:fonts/Only-Collected.ttf").read_bytes() == b"font"
