"""The 2021 sample plan printed to PDF and read back: the Nghị định 30/2020 layout."""

import io
from pathlib import Path

import pdfplumber
import pytest
from django.conf import settings
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from .conftest import MM, pdf_pages, pdf_text, squash

FONTS = Path(settings.BASE_DIR) / "static" / "fonts"
A4 = (210 * MM, 297 * MM)


@pytest.fixture
def pages(sample_2021_pdf):
    return pdf_pages(sample_2021_pdf)


@pytest.fixture
def first_page(sample_2021_pdf):
    with pdfplumber.open(io.BytesIO(sample_2021_pdf)) as pdf:
        page = pdf.pages[0]
        left = 30 * MM + 0.44 * 165 * MM
        header = (0, 0, page.width, 60 * MM)
        return {
            "agency": squash(page.crop((0, 0, left, 45 * MM)).extract_text()),
            "nation": squash(page.crop((left, 0, page.width, 45 * MM)).extract_text()),
            "header_chars": page.crop(header).chars,
            "chars": page.chars,
        }


def chars_of(chars, text):
    """The characters of the first run of `text` on the page (as pdfplumber reads them)."""
    flat = "".join(c["text"] for c in chars)
    start = flat.find(text)
    assert start >= 0, f"{text!r} not on the page"
    return chars[start : start + len(text)]


def test_every_page_is_a4_portrait(pages):
    assert len(pages) >= 3
    for page in pages:
        assert page["width"] == pytest.approx(A4[0], abs=0.5)
        assert page["height"] == pytest.approx(A4[1], abs=0.5)


def test_header_has_parent_and_issuer_left_and_motto_right(first_page):
    assert first_page["agency"].startswith("SỞ TƯ PHÁP TỈNH LẠNG SƠN")
    assert "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC" in first_page["agency"]
    assert "Số: 19/KH-TGPL" in first_page["agency"]
    assert first_page["nation"].startswith(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
    )
    assert "Lạng Sơn, ngày 20 tháng 01 năm 2021" in first_page["nation"]


def test_header_styles_follow_the_decree(first_page):
    chars = first_page["chars"]
    parent = chars_of(chars, "SỞ TƯ PHÁP")
    issuer = chars_of(chars, "TRUNG TÂM")
    nation = chars_of(chars, "CỘNG HÒA")
    motto = chars_of(chars, "Độc lập")
    date = chars_of(chars, "Lạng Sơn, ngày")
    number = chars_of(chars, "Số: 19")
    assert all(not c["fontname"].endswith("Bold") for c in parent)
    assert all(c["fontname"].endswith("-Bold") for c in issuer + nation + motto if c["text"] != " ")
    assert all(c["fontname"].endswith("-Italic") for c in date if c["text"] != " ")
    assert {round(c["size"]) for c in parent + issuer + nation} == {12}
    assert {round(c["size"]) for c in motto + date + number} == {13}
    # "Số" sits under the agency, the date under the motto, on the same line.
    assert number[0]["top"] == pytest.approx(date[0]["top"], abs=1)
    assert number[0]["x0"] < 30 * MM + 0.44 * 165 * MM < date[0]["x0"]


def test_type_and_subject_are_centred_bold(first_page):
    kind = chars_of(first_page["chars"], "KẾ HOẠCH")
    subject = chars_of(first_page["chars"], "Triển khai công tác trợ giúp pháp lý năm 2021")
    text_centre = (30 + 165 / 2) * MM
    for run in (kind, subject):
        assert all(c["fontname"].endswith("-Bold") for c in run if c["text"] != " ")
        assert (run[0]["x0"] + run[-1]["x1"]) / 2 == pytest.approx(text_centre, abs=2 * MM)


def test_every_task_of_the_sample_is_printed(sample_2021, sample_2021_pdf):
    text = pdf_text(sample_2021_pdf)
    _doc, tasks = sample_2021
    assert len(tasks) >= 12
    for title in tasks:
        assert squash(title) in text, title


def test_sections_items_and_task_lines_are_numbered_as_in_the_original(sample_2021_pdf):
    text = pdf_text(sample_2021_pdf)
    for label in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "II. NỘI DUNG",
        "2.1. Công tác tiếp nhận",
        "2.2.1. Giao chỉ tiêu",
        "III. KINH PHÍ THỰC HIỆN",
        "IV. TỔ CHỨC THỰC HIỆN",
        "- Thực hiện: Các Phòng, Chi nhánh",
        "- Chủ trì: Phòng Hành chính – Tổng hợp",
        "- Phối hợp: Phòng Nghiệp vụ, các Chi nhánh",
        "- Thời gian thực hiện: Quý II - III năm 2021",
        "- Kết quả: Quyết định giao chỉ tiêu",
        "(kinh phí 40.000.000đ)",
    ):
        assert label in text, label
    assert text.rstrip().count("./.") == 1


def test_signer_and_recipients_close_the_document(pages, sample_2021_pdf):
    last = pages[-1]["text"]
    assert "Hoàng Thị Bích" in last
    assert "Nơi nhận:" in last
    for line in (
        "- Cục Trợ giúp pháp lý - Bộ Tư pháp;",
        "- Sở Tư pháp;",
        "- Lãnh đạo Sở;",
        "- Lưu: VT, HC-TH.",
    ):
        assert line in last
    with pdfplumber.open(io.BytesIO(sample_2021_pdf)) as pdf:
        chars = pdf.pages[-1].chars
    label = chars_of(chars, "Nơi nhận:")
    assert {round(c["size"]) for c in label} == {12}
    assert all(c["fontname"].endswith("Bold-Italic") for c in label if c["text"] != " ")
    assert {round(c["size"]) for c in chars_of(chars, "- Sở Tư pháp;")} == {11}
    name = chars_of(chars, "Hoàng Thị Bích")
    assert all(c["fontname"].endswith("-Bold") for c in name if c["text"] != " ")
    assert name[0]["top"] > label[0]["top"] + 20 * MM  # room for signature and seal


def test_left_margin_is_between_30_and_35_mm(pages):
    for page in pages:
        left = min(w["x0"] for w in page["words"]) / MM
        assert 30 - 0.05 <= left <= 35, left


def test_right_top_and_bottom_margins(pages):
    for page in pages:
        body = [w for w in page["words"] if w["top"] > 20 * MM]
        # Justified lines end on the margin; glyph advances read back overshoot by < 0.6 mm.
        assert max(w["x1"] for w in body) <= (210 - 15 + 0.6) * MM
        assert min(w["top"] for w in body) >= 20 * MM
        assert max(w["bottom"] for w in body) <= (297 - 20) * MM


def test_page_number_is_centred_at_the_top_from_page_two(pages):
    top = [w for w in pages[0]["words"] if w["bottom"] < 20 * MM]
    assert top == []
    for number, page in enumerate(pages[1:], start=2):
        top = [w for w in page["words"] if w["bottom"] < 20 * MM]
        assert [w["text"] for w in top] == [str(number)]
        centre = (top[0]["x0"] + top[0]["x1"]) / 2
        assert centre == pytest.approx((30 + 165 / 2) * MM, abs=2 * MM)


def test_embedded_fonts_are_the_shipped_liberation_serif(sample_2021_pdf):
    shipped = set()
    for path in FONTS.glob("LiberationSerif-*.ttf"):
        names = TTFont(path)["name"]
        shipped.add((names.getDebugName(4), names.getDebugName(5)))
    reader = PdfReader(io.BytesIO(sample_2021_pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            # The family is the one declared by @font-face in document.css, not a system font.
            assert str(font["/BaseFont"]).split("+", 1)[1].startswith("TGPL-Serif")
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            program = TTFont(io.BytesIO(descriptor.get_object()["/FontFile2"].get_data()))
            seen.add((program["name"].getDebugName(4), program["name"].getDebugName(5)))
    assert seen
    assert seen <= shipped
