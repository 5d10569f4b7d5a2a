"""Text clean-up shared by the plan reader: Unicode, spaces, dashes. Pure Python."""

from __future__ import annotations

import re
import unicodedata

# --- Text ------------------------------------------------------------------------------

_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LONG_DASHES = re.compile(r"[\u2012\u2014\u2015\u2e3a\u2e3b\ufe58]")  # -> en dash
_HYPHENS = re.compile(r"[\u2010\u2011\u2043\u2212\ufe63\uff0d]")  # -> "-"


def normalize_text(text: str) -> str:
    """NFC, plain spaces, no invisible characters, two kinds of dash ("-" and "–")."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _LONG_DASHES.sub("–", text)
    text = _HYPHENS.sub("-", text)
    # Legacy Vietnamese fonts type the Icelandic eth for "Đ".
    return text.replace("Ð", "Đ").replace("ð", "đ")


def canonical_dashes(name: str) -> str:
    """ "Hành chính - Tổng hợp", "Hành chính–Tổng hợp" -> "Hành chính – Tổng hợp".

    A hyphen between two words without spaces ("HC-TH", "KH-TGPL") is left alone.
    """
    name = re.sub(r"\s*–\s*|\s+-\s*|\s*-\s+", " – ", name)
    return re.sub(r"\s+", " ", name).strip()


def capitalise(name: str) -> str:
    return name[:1].upper() + name[1:] if name[:1].islower() else name
