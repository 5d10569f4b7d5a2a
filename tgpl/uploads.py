"""Which files may be uploaded: type and size of attachments (a request's papers, a
work-log document, a training certificate).

Pure: a file is judged by its name, its size and its first bytes (so a renamed
program is not accepted as a PDF). The messages are shown to the person uploading.
"""

from __future__ import annotations

from pathlib import PurePath

MAX_BYTES = 10 * 1024 * 1024  # 10 MB each
MAX_FILES = 20

# extension -> (content type, first bytes the file must start with)
TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
}
ACCEPT = ",".join(f".{ext}" for ext in TYPES)
ALLOWED_LABEL = "PDF, JPG, PNG, DOCX"


def extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def content_type(name: str) -> str:
    return TYPES.get(extension(name), ("application/octet-stream", ()))[0]


def upload_problem(name: str, size: int, head: bytes) -> str | None:
    """Why this file may not be attached (None if it may)."""
    ext = extension(name)
    if ext not in TYPES:
        return f"Tệp “{name}”: chỉ nhận tệp {ALLOWED_LABEL}."
    if size > MAX_BYTES:
        mb = size / (1024 * 1024)
        return f"Tệp “{name}” nặng {mb:.1f} MB, vượt quá 10 MB."
    if size == 0:
        return f"Tệp “{name}” rỗng."
    if not head.startswith(TYPES[ext][1]):
        return f"Tệp “{name}” không đúng định dạng {ext.upper()}."
    return None
