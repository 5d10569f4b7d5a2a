"""Uploaded files are never served from /media/ directly: a view checks access, then
calls `private_file_response`. (In production nothing serves /media/ at all.)"""

import mimetypes
from pathlib import PurePath

from django.http import FileResponse, Http404


def private_file_response(field_file, filename: str | None = None) -> FileResponse:
    if not field_file:
        raise Http404("Không tìm thấy tài liệu.")
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    name = filename or PurePath(field_file.name).name
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
