"""The words of the Nghị định 30/2020 format, as both renderers print them."""

import datetime

import pytest

from plans.documents import number_label
from tgpl.documents import Document
from tgpl.documents.formatting import (
    BLANK,
    date_line,
    file_stem,
    issuer_name,
    number_line,
    number_text,
    place_name,
    recipient_lines,
    upper,
    vnd,
)


@pytest.mark.parametrize(
    ("serial", "kind", "expected", "rule"),
    [
        (5, "QĐ", "05/QĐ-TGPL", "PL I mục II.3: số dưới 10 ghi thêm số 0"),
        (19, "KH", "19/KH-TGPL", "PL I mục II.3"),
        (120, "TB", "120/TB-TGPL", "PL I mục II.3"),
    ],
)
def test_number_text_has_leading_zero_under_ten(serial, kind, expected, rule):
    assert number_text(serial, kind, "TGPL") == expected, rule


def test_number_line_keeps_room_before_the_slash_of_an_unnumbered_draft():
    assert number_line("19/KH-TGPL") == "Số: 19/KH-TGPL"
    assert number_line("/KH-TGPL") == f"Số:{BLANK}/KH-TGPL"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2021, 1, 20), "Lạng Sơn, ngày 20 tháng 01 năm 2021"),
        (datetime.date(2026, 2, 5), "Lạng Sơn, ngày 05 tháng 02 năm 2026"),
        (datetime.date(2026, 3, 5), "Lạng Sơn, ngày 05 tháng 3 năm 2026"),
        (datetime.date(2026, 12, 31), "Lạng Sơn, ngày 31 tháng 12 năm 2026"),
    ],
)
def test_date_line_pads_days_under_ten_and_months_one_and_two(day, expected):
    assert date_line("Lạng Sơn", day) == expected


def test_date_line_of_an_undated_draft_leaves_room_for_the_day():
    assert date_line("Lạng Sơn", None, 2025) == f"Lạng Sơn, ngày{BLANK}tháng{BLANK}năm 2025"


def test_money_is_written_with_dots_and_d():
    assert vnd(177_400_000) == "177.400.000đ"
    assert vnd(0) == "0đ"
    assert vnd(None) == ""


def test_upper_keeps_vietnamese_letters():
    assert upper("Sở Tư pháp  tỉnh Lạng Sơn") == "SỞ TƯ PHÁP TỈNH LẠNG SƠN"
    assert upper("đồng") == "ĐỒNG"


def test_issuer_does_not_repeat_the_locality_of_its_parent():
    parent = "Sở Tư pháp tỉnh Lạng Sơn"
    assert (
        issuer_name("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn", parent)
        == "Trung tâm Trợ giúp pháp lý nhà nước"
    )
    assert (
        issuer_name("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng", parent)
        == "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng"
    )


def test_recipients_end_with_semicolons_and_a_full_stop():
    assert recipient_lines(["Sở Tư pháp;", "- Lãnh đạo Sở", "", "Lưu: VT, HC-TH."]) == [
        "- Sở Tư pháp;",
        "- Lãnh đạo Sở;",
        "- Lưu: VT, HC-TH.",
    ]


def test_place_of_a_provincial_body_drops_the_word_province():
    assert place_name("Tỉnh Lạng Sơn") == "Lạng Sơn"
    assert place_name("Thành phố Hà Nội") == "Hà Nội"


@pytest.mark.parametrize(
    ("number", "label"),
    [("I", "I."), ("2", "2."), ("2.2.1", "2.2.1."), ("a", "a)"), ("b)", "b)"), ("3.", "3.")],
)
def test_plan_item_numbers_are_printed_as_in_the_original(number, label):
    assert number_label(number) == label


def test_file_name_is_ascii():
    doc = Document(
        kind="QĐ",
        subject="Về việc cử người thực hiện trợ giúp pháp lý",
        parent_body="Sở Tư pháp tỉnh Lạng Sơn",
        issuer="Trung tâm",
        number_text="05/QĐ-TGPL",
        place="Lạng Sơn",
        date=datetime.date(2026, 3, 5),
    )
    assert file_stem(doc) == "QD-05-2026"
    assert doc.file_stem == "QD-05-2026"


def test_unknown_document_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown document kind"):
        Document(
            kind="CV",
            subject="",
            parent_body="",
            issuer="",
            number_text="",
            place="",
            date=None,
        )
