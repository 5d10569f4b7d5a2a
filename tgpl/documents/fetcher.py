"""The only way WeasyPrint may load anything: the application's own static files.

Document templates name their stylesheet and fonts with the private scheme
``tgpl-static:`` ("tgpl-static:fonts/LiberationSerif-Regular.ttf"). The fetcher
looks such a path up with the staticfiles finders (the same files `collectstatic`
ships), then in STATIC_ROOT, and refuses every other URL: file://, http(s)://,
ftp://, data:, relative paths, traversal. Nothing leaves the machine and no file outside
the static files is read, whatever a document's text holds (the text is escaped anyway;
this is the second lock).
"""

from __future__ import annotations

import logging
import mimetypes
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

SCHEME = "tgpl-static:"
logger = logging.getLogger(__name__)

_SAFE_PATH = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_./-]*$")
_TYPES = {".css": "text/css", ".ttf": "font/ttf", ".woff2": "font/woff2", ".svg": "image/svg+xml"}


class RefusedURL(ValueError):
    """A URL the document renderer will not load."""


def static_url(path: str) -> str:
    """The URL a document template uses for a static file: "tgpl-static:fonts/x.ttf"."""
    return f"{SCHEME}{path}"


def resolve(url: str) -> Path:
    """The static file a ``tgpl-static:`` URL names, or RefusedURL."""
    if not url.startswith(SCHEME):
        raise RefusedURL(f"Không tải tài nguyên ngoài ứng dụng: {url[:80]}")
    path = url.removeprefix(SCHEME)
    parts = path.split("/")
    if not _SAFE_PATH.match(path) or any(part in {"", ".", ".."} for part in parts):
        raise RefusedURL(f"Đường dẫn tài nguyên không hợp lệ: {url[:80]}")
    found = finders.find(path) or _collected(path)
    if not found:
        raise RefusedURL(f"Không có tệp tĩnh {path}")
    return Path(found)


def _collected(path: str) -> str | None:
    """The file as `collectstatic` copied it to STATIC_ROOT (a server that ships only the
    collected files). The path was checked above: no traversal, no absolute path."""
    root = Path(settings.STATIC_ROOT).resolve()
    candidate = (root / path).resolve()
    if candidate.is_file() and candidate.is_relative_to(root):
        return str(candidate)
    return None


class StaticOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves static files and refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols=())

    def fetch(self, url, headers=None):
        try:
            path = resolve(url)
        except RefusedURL:
            logger.warning("Document renderer refused to fetch %.120s", url)
            raise
        content_type = _TYPES.get(path.suffix.lower()) or (
            mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )
