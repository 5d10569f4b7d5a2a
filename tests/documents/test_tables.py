"""The table block and phụ lục: a ruled table with merged header cells and numbers on the
right, in the body and in an annex on landscape pages, in the PDF and in the Word file
(one render of each; no database)."""

import io
from datetime import date

import pytest
from docx import Document as read_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tgpl.documents import (
    Annex,
    Cell,
    Document,
    Paragraph,
    Signer,
    Table,
    render_docx,
    render_pdf,
)
from tgpl.documents.content import with_end_mark

from .conftest import MM, pdf_pages

HEAD = (
    (Cell("Nội dung", rowspan=2), Cell("Tổng số", rowspan=2), Cell("Giới tính", colspan=2)),
    (Cell("Nam"), Cell("Nữ")),
)


def table(columns_after: int = 0, **kw) -> Table:
    extra = tuple(Cell(f"Cột {i}", rowspan=2) for i in range(columns_after))
    head = ((*HEAD[0], *extra), HEAD[1])
    numbers = [Cell("1.234", numeric=True, bold=True), Cell("600", numeric=True),
               Cell("634", numeric=True)]  # fmt: skip
    row = (Cell("Tổng số", bold=True), *numbers, *(Cell("7", numeric=True) for _ in extra))
    return Table(head=head, rows=(row,), unit="Lượt người", **kw)


@pytest.fixture(scope="module")
def doc():
    return Document(
        kind="BC",
        subject="kết quả công tác trợ giúp pháp lý quý III năm 2026",
        parent_body="Sở Tư pháp tỉnh Lạng Sơn",
        issuer="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
        number_text="/BC-TGPL",
        place="Lạng Sơn",
        date=date(2026, 9, 20),
        body=with_end_mark((Paragraph("Kết quả trong kỳ như sau."), table(title="Tóm tắt"))),
        signer=Signer(name="Hoàng Thị Bích", title="GIÁM ĐỐC"),
        recipients=("- Sở Tư pháp;", "- Lưu: VT."),
        annexes=(
            Annex(
                "Phụ lục I",
                "Biểu số 24/BTP/TGPL",
                (table(columns_after=9),),
                attached_to="Kèm theo Báo cáo quý III năm 2026",
                landscape=True,
            ),
        ),
    )


def test_the_pdf_puts_the_annex_on_a_landscape_page_with_its_table(doc):
    pages = pdf_pages(render_pdf(doc))
    first, annex = pages[0], pages[-1]
    assert round(first["width"] / MM) == 210
    assert round(first["height"] / MM) == 297
    assert round(annex["width"] / MM) == 297
    assert round(annex["height"] / MM) == 210
    assert "Phụ lục I" in annex["text"]
    assert "Giới tính" in annex["text"]
    assert "Tóm tắt" in first["text"]
    assert "Phụ lục" not in first["text"]
    # numbers right-aligned: "634" ends where its column ends, further right than "Nữ" starts
    words = {w["text"]: w for w in annex["words"]}
    assert words["634"]["x1"] > words["Nữ"]["x1"]
    # the group label, centred over the two columns it spans
    assert words["Nam"]["x0"] < words["Giới"]["x0"]
    assert words["tính"]["x1"] < words["Nữ"]["x1"]


def test_the_word_file_has_a_landscape_section_and_merged_header_cells(doc):
    word = read_docx(io.BytesIO(render_docx(doc)))
    portrait, landscape = word.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert round(landscape.page_width.mm) == 297
    assert round(landscape.page_height.mm) == 210
    body_table, annex_table = word.tables[1], word.tables[-1]
    assert len(annex_table.columns) == 13
    top = annex_table.rows[0]
    assert [c.text for c in top.cells][:4] == ["Nội dung", "Tổng số", "Giới tính", "Giới tính"]
    assert [c.text for c in annex_table.rows[1].cells][:4] == ["Nội dung", "Tổng số", "Nam", "Nữ"]
    xml = annex_table._tbl.xml
    assert xml.count("w:gridSpan") == 1
    assert xml.count("w:tblHeader") == 2
    assert top._tr.tc_lst[0].tcPr.find(qn("w:vMerge")) is not None
    total = annex_table.rows[2].cells
    assert total[1].text == "1.234"
    assert total[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert total[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert [c.text for c in body_table.rows[2].cells] == ["Tổng số", "1.234", "600", "634"]
