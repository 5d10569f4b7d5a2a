"""Which files a request may carry: the application's one rule of uploads (tgpl/uploads.py),
pure, shared with the other apps."""

from tgpl.uploads import (
    ACCEPT,
    ALLOWED_LABEL,
    MAX_BYTES,
    MAX_FILES,
    TYPES,
    content_type,
    extension,
    upload_problem,
)

__all__ = [
    "ACCEPT",
    "ALLOWED_LABEL",
    "MAX_BYTES",
    "MAX_FILES",
    "TYPES",
    "content_type",
    "extension",
    "upload_problem",
]
