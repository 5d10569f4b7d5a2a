"""plans.reader.pdf: a .pdf with a text layer is read; a scan, a broken file, a locked one
or one too long gets a Vietnamese message, and nothing else is attempted."""

import io

import pytest
from pypdf import PdfWriter

from plans.reader import PlanParseError, parse_plan, read_plan_text
from plans.reader import pdf as reader_pdf
from tests.plans.reader.unseen import ha_giang_2021


def blank_pdf(pages: int = 1, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_with_text_is_read_with_its_lines_joined():
    text = read_plan_text(ha_giang_2021.document(), "ke-hoach.PDF")
    plan = parse_plan(text)
    assert plan.number_text == "11/KH-TGPL"
    assert plan.item("II.1").title.startswith(
        "Thực hiện trợ giúp pháp lý lưu động tại các xã, thôn đặc biệt khó khăn của các huyện"
    )
    assert plan.legal_bases[0] == (
        "Căn cứ Kế hoạch số 18/KH-STP ngày 25/01/2021 của Sở Tư pháp tỉnh Hà Giang về công tác "
        "tư pháp năm 2021;"
    )


def test_a_scanned_pdf_without_text_says_so():
    with pytest.raises(PlanParseError, match="không có lớp chữ"):
        read_plan_text(blank_pdf(2), "ban-scan.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4 broken", b"not a pdf at all", b"%PDF-1.7\n%%EOF"])
def test_a_broken_pdf_is_refused_in_vietnamese(data):
    with pytest.raises(PlanParseError, match=r"tệp \.pdf bị hỏng"):
        read_plan_text(data, "ke-hoach.pdf")


def test_a_locked_pdf_asks_for_the_password_to_be_removed():
    with pytest.raises(PlanParseError, match="mật khẩu"):
        read_plan_text(blank_pdf(1, password="secret"), "ke-hoach.pdf")


def test_a_pdf_longer_than_the_limit_is_not_read(monkeypatch):
    monkeypatch.setattr(reader_pdf, "MAX_PAGES", 3)
    with pytest.raises(PlanParseError, match="nhiều hơn 3 trang"):
        read_plan_text(blank_pdf(4), "ke-hoach.pdf")
