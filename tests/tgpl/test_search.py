"""Tests for tgpl.search (pure Python; run with -p no:django)."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tgpl.search import normalize, search_key, terms


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoàng Thị Bích", "hoang thi bich"),
        ("Đặng Văn Đức", "dang van duc"),
        ("đặng văn đức", "dang van duc"),
        (nfd("Hoàng Thị Bích"), "hoang thi bich"),  # decomposed input
        (nfd("Đặng Văn Đức"), "dang van duc"),
        ("NGUYỄN THỊ MINH KHAI", "nguyen thi minh khai"),
        ("Trợ giúp pháp lý", "tro giup phap ly"),
        ("Ưu tiên người khuyết tật", "uu tien nguoi khuyet tat"),
        ("Quảng Ngãi", "quang ngai"),
        ("  Lê \t Văn\n\nTám  ", "le van tam"),  # collapse + strip whitespace
        ("Phạm\u00a0Thị\u3000Hương", "pham thi huong"),  # NBSP, ideographic space
        ("Ng\u200buyễn", "nguyen"),  # zero-width space dropped
        ("Ðặng", "dang"),  # Icelandic eth used for Đ by legacy encodings
        ("Số 12/2026/QĐ-TGPL", "so 12/2026/qd-tgpl"),
        ("", ""),
        ("   ", ""),
        (None, ""),
    ],
    ids=repr,
)
def test_normalize(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Hoàng Thị Bích", "079185000123", "Quận 1"), "hoang thi bich 079185000123 quan 1"),
        (("Đặng Văn Đức", None, "", "  ", "Hà Nội"), "dang van duc ha noi"),
        (("  Lê  Văn ", " Tám "), "le van tam"),
        ((), ""),
        ((None, ""), ""),
        (("Vụ việc", 42), "vu viec 42"),
    ],
    ids=repr,
)
def test_search_key(parts, expected):
    assert search_key(*parts) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hoàng Bích", ["hoang", "bich"]),
        ("  đức   Đức DUC duc  ", ["duc"]),  # dedupe after normalising, keep order
        ("bích hoàng Bích", ["bich", "hoang"]),
        (nfd("Nguyễn Văn A"), ["nguyen", "van", "a"]),
        ("", []),
        ("  \t ", []),
        (None, []),
    ],
    ids=repr,
)
def test_terms(query, expected):
    assert terms(query) == expected


def test_terms_match_search_key():
    key = search_key("Đặng Văn Đức", "Phường Bến Nghé")
    assert all(t in key for t in terms("duc ben nghe"))
    assert all(t in key for t in terms("ĐỨC bến"))


# --------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------

_VOWELS = "aăâeêioôơuưy"
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # huyền sắc hỏi ngã nặng
_LOWER = (
    "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES)
    + "bcdđghklmnpqrstvx"
)
VIETNAMESE_LETTERS = _LOWER + _LOWER.upper()
assert len(set(_LOWER)) == 12 * 6 + 17

vietnamese_text = st.builds(
    unicodedata.normalize,
    st.sampled_from(["NFC", "NFD"]),
    st.text(alphabet=VIETNAMESE_LETTERS + " \t\n", max_size=60),
)


@given(vietnamese_text)
def test_normalize_properties(text):
    out = normalize(text)
    assert normalize(out) == out  # idempotent
    assert out.isascii()
    assert out == out.lower() == out.strip()
    assert "  " not in out
    assert len(out.split()) == len(text.split())  # words are kept, only accents go
    assert normalize(unicodedata.normalize("NFC", text)) == out
    assert normalize(nfd(text)) == out


@given(st.text(max_size=60))
def test_normalize_idempotent_any_text(text):
    out = normalize(text)
    assert normalize(out) == out


@given(st.lists(vietnamese_text, max_size=5))
def test_terms_are_normalised_and_unique(parts):
    query = " ".join(parts)
    ts = terms(query)
    assert len(ts) == len(set(ts))
    assert all(t and normalize(t) == t and " " not in t for t in ts)
    assert set(ts) == set(search_key(*parts).split())
