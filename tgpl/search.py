"""Accent-insensitive Vietnamese search helpers (pure Python, no Django imports).

``normalize("Đặng Văn Đức") == "dang van duc"``; store ``search_key(...)`` of a
record's searchable fields in a column and match each of ``terms(query)`` against it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalize", "search_key", "terms"]

# "đ" has no Unicode decomposition, so NFD leaves it alone. "ð"/"Ð" (Icelandic eth,
# U+00F0/U+00D0) is a common stand-in for Đ in text converted from legacy
# Vietnamese encodings and fonts, so it is mapped as well.
_LETTER_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def normalize(text: str | None) -> str:
    """Lower case, strip diacritics (NFD + drop combining marks), đ -> d,
    drop invisible format characters (zero-width space, soft hyphen, ...),
    collapse whitespace and strip. ``None`` -> ``""``.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).lower().translate(_LETTER_MAP))
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    # Re-compose whatever is left (non-Vietnamese scripts) so the output is stable.
    return " ".join(unicodedata.normalize("NFC", kept).split())


def search_key(*parts: object) -> str:
    """Normalise each non-empty part and join them with a single space.

    ``None`` and parts that normalise to ``""`` are skipped; non-strings are ``str()``-ed.
    """
    keys = (normalize(p if isinstance(p, str) else str(p)) for p in parts if p is not None)
    return " ".join(k for k in keys if k)


def terms(query: str | None) -> list[str]:
    """Normalised whitespace-separated terms of a user query, de-duplicated in order."""
    return list(dict.fromkeys(normalize(query).split()))
