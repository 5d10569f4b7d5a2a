"""The error pages, in Vietnamese and in the application's layout.

Wired in tgpl/urls.py (handler400/403/404/500) and settings (CSRF_FAILURE_VIEW).
Django's own views render 400 and the CSRF page without the request (no layout, no
site name) and its 413 does not exist: a body over DATA_UPLOAD_MAX_MEMORY_SIZE is a
RequestDataTooBig, answered as a 400 in English. Here it is a 413, and so is a
request whose announced length is over REQUEST_MAX_MB (`RequestSizeLimitMiddleware`,
which answers before anything reads the body).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.template import loader
from django.utils.datastructures import MultiValueDict

logger = logging.getLogger(__name__)

# Last resort when even the 500 template cannot be rendered (e.g. no static manifest).
_PLAIN_500 = (
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi 500</title>'
    "</head><body><h1>Hệ thống gặp lỗi</h1><p>Dữ liệu của bạn chưa bị thay đổi; vui lòng "
    "thử lại sau ít phút hoặc báo quản trị hệ thống.</p></body></html>"
)


def _page(request, template: str, status: int, context: dict | None = None) -> HttpResponse:
    return render(request, template, {"code": status, **(context or {})}, status=status)


def request_too_large(request, exception=None) -> HttpResponse:
    """413: the body is over a limit. It was not read, and nothing reads it now."""
    if isinstance(exception, RequestDataTooBig):
        limit = max(1, settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024))
    else:
        limit = settings.REQUEST_MAX_MB
    request._post, request._files = QueryDict(), MultiValueDict()
    return _page(request, "413.html", 413, {"limit_mb": limit})


def bad_request(request, exception=None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request, exception)
    return _page(request, "400.html", 400)


def permission_denied(request, exception=None) -> HttpResponse:
    return _page(request, "403.html", 403)


def page_not_found(request, exception=None) -> HttpResponse:
    return _page(request, "404.html", 404)


def server_error(request) -> HttpResponse:
    """Rendered without the request: no user, no database query, no context processor."""
    try:
        body = loader.get_template("500.html").render({"site_name": settings.SITE_NAME})
    except Exception:  # the page of last resort must not fail
        logger.exception("The 500 page could not be rendered")
        body = _PLAIN_500
    return HttpResponse(body, status=500)


def csrf_failure(request, reason: str = "") -> HttpResponse:
    logger.warning("CSRF failure on %s: %s", request.path, reason)
    return _page(request, "403_csrf.html", 403)
