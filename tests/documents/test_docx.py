"""The Word version read back with python-docx: same header, margins, fonts, closing."""

import io

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn

from tgpl.documents import render_docx


@pytest.fixture
def word(sample_2021):
    return read_docx(io.BytesIO(render_docx(sample_2021[0])))


def test_page_is_a4_with_the_legal_margins(word):
    section = word.sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert 30 <= round(section.left_margin.mm, 1) <= 35
    assert 15 <= round(section.right_margin.mm, 1) <= 20
    assert 20 <= round(section.top_margin.mm, 1) <= 25
    assert 20 <= round(section.bottom_margin.mm, 1) <= 25


def test_header_table_has_no_borders_and_the_decree_texts(word):
    header = word.tables[0]
    agency, nation = (cell.text.split("\n") for cell in header.rows[0].cells)
    assert agency[:3] == ["SỞ TƯ PHÁP TỈNH LẠNG SƠN", "TRUNG TÂM TRỢ GIÚP PHÁP LÝ", "NHÀ NƯỚC"]
    assert nation == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number, date = (cell.text for cell in header.rows[1].cells)
    assert number == "Số: 19/KH-TGPL"
    assert date == "Lạng Sơn, ngày 20 tháng 01 năm 2021"
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_header_runs_are_bold_italic_and_sized_as_in_the_pdf(word):
    agency, nation = word.tables[0].rows[0].cells
    parent, issuer = agency.paragraphs[0].runs[0], agency.paragraphs[1].runs[0]
    assert (parent.bold, parent.font.size.pt) == (None, 12)
    assert (issuer.bold, issuer.font.size.pt) == (True, 12)
    motto = nation.paragraphs[1].runs[0]
    assert (motto.bold, motto.underline, motto.font.size.pt) == (True, True, 13)
    date = word.tables[0].rows[1].cells[1].paragraphs[0].runs[0]
    assert (date.italic, date.font.size.pt) == (True, 13)


def test_font_is_times_new_roman(word):
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"


def test_title_body_and_tasks_follow(word, sample_2021):
    texts = [p.text for p in word.paragraphs]
    assert texts[:2] == ["KẾ HOẠCH", "Triển khai công tác trợ giúp pháp lý năm 2021"]
    body = "\n".join(texts)
    for title in sample_2021[1]:
        assert title in body
    assert "- Phối hợp: Phòng Nghiệp vụ, các Chi nhánh" in body


def test_page_number_is_in_the_header_from_page_two(word):
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_closing_has_recipients_left_and_signer_right(word):
    recipients, signer = word.tables[-1].rows[0].cells
    lines = recipients.text.split("\n")
    assert lines[0] == "Nơi nhận:"
    assert lines[1] == "- Cục Trợ giúp pháp lý - Bộ Tư pháp;"
    assert lines[-1] == "- Lưu: VT, HC-TH."
    label = recipients.paragraphs[0].runs[0]
    assert (label.bold, label.italic, label.font.size.pt) == (True, True, 12)
    assert recipients.paragraphs[1].runs[0].font.size.pt == 11
    assert signer.text.strip().endswith("Hoàng Thị Bích")
    # no cell padding: "Nơi nhận" starts on the left margin
    margins = word.tables[-1]._tbl.tblPr.find(qn("w:tblCellMar"))
    assert margins.find(qn("w:left")).get(qn("w:w")) == "0"
