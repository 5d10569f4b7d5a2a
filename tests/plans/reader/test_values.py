"""plans.reader: One value at a time: money, quantities, unit names, milestones, matching."""

import pytest

from plans.reader.units import (
    find_money,
    find_quantities,
    match_units,
    parse_lead_value,
    parse_milestone,
    split_units,
)
from tests.plans.reader.support import (
    HCTH,
    NV,
)

# --- Helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("( kinh phí: 177.400.000đ);", [177_400_000]),
        ("40.000.000 đồng", [40_000_000]),
        ("3.000.000 đ", [3_000_000]),
        ("1,5 tỷ đồng", [1_500_000_000]),
        ("kinh phí: 240.000.000đ", [240_000_000]),
        ("40 triệu đồng và 2,5 triệu đồng", [40_000_000, 2_500_000]),
        ("Kinh phí dự kiến 2 tỷ", [2_000_000_000]),
        ("1.500.000 VNĐ", [1_500_000]),
        ("02 đồng chí lãnh đạo", []),
        ("2 triệu lượt người", []),
        ("số điện thoại 0205 375 7555", []),
        ("tỷ lệ 100%", []),
        ("10 đợt", []),
    ],
)
def test_find_money(text, amounts):
    assert find_money(text) == amounts


def test_find_quantities():
    assert find_quantities(
        "Đặt gia công 128 Bảng thông tin, 80.000 Tờ gấp, 01 Hội nghị tập huấn ở 10 huyện và 120 xã"
    ) == [
        {"quantity": 128, "unit": "Bảng thông tin"},
        {"quantity": 80_000, "unit": "Tờ gấp"},
        {"quantity": 1, "unit": "Hội nghị tập huấn"},
        {"quantity": 10, "unit": "huyện"},  # coverage targets count too (issue 13)
        {"quantity": 120, "unit": "xã"},
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đài Phát thanh – Truyền hình 10 huyện", [(10, "huyện")]),
        ("hệ thống loa phát thanh của 120 xã, thôn", [(120, "xã, thôn")]),
        ("Phát sóng 12 chương trình phát thanh", [(12, "chương trình phát thanh")]),
        ("Xây dựng 04 chuyên mục trên báo Lạng Sơn", [(4, "chuyên mục")]),
        ("tại 11 huyện, thành phố", [(11, "huyện, thành phố")]),
        ("Quý II năm 2024, ngày 15 tháng 3", []),
        ("Luật số 11/2017/QH14", []),
    ],
)
def test_coverage_and_programme_targets(text, expected):
    assert [(q["quantity"], q["unit"]) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("text", "names", "note"),
    [
        ("Các Phòng, Chi nhánh", ["Các Phòng, Chi nhánh"], None),
        ("Các phòng, Chi nhánh/định kỳ bài/ tuần", ["Các phòng, Chi nhánh"], "định kỳ bài/ tuần"),
        ("Phòng Nghiệp vụ, các Chi nhánh", [NV, "Các Chi nhánh"], None),
        (
            "Phòng Hành chính - Tổng hợp, các Trợ giúp viên pháp lý",
            [HCTH, "Các Trợ giúp viên pháp lý"],
            None,
        ),
        ("Phòng Nghiệp vụ (chủ trì xây dựng dự thảo)", [NV], "chủ trì xây dựng dự thảo"),
        (
            "Sở Lao động – Thương binh và Xã hội; Công an tỉnh",
            ["Sở Lao động – Thương binh và Xã hội", "Công an tỉnh"],
            None,
        ),
        ("", [], None),
    ],
)
def test_split_units(text, names, note):
    assert split_units(text) == (names, note)


def test_parse_lead_value():
    assert parse_lead_value("Giao Phòng Hành chính – Tổng hợp chủ trì.") == ([HCTH], [], None)
    assert parse_lead_value("Phòng Nghiệp vụ chủ trì, Chi nhánh số 2 phối hợp") == (
        [NV],
        ["Chi nhánh số 2"],
        None,
    )


def test_parse_milestone():
    assert parse_milestone("Phòng Nghiệp vụ: Nộp dự thảo trước ngày 20/3", 2025) == {
        "owner": NV,
        "text": "Nộp dự thảo trước ngày 20/3",
        "due": "2025-03-20",
    }
    assert parse_milestone("Hoàn thiện chậm nhất ngày 05 tháng 4 năm 2025.")["due"] == "2025-04-05"
    assert parse_milestone("Tổ chức hội nghị sơ kết") is None


def test_match_units():
    known = [
        ("hcth", ["Phòng Hành chính – Tổng hợp", "Phòng HC-TH"]),
        ("nv", ["Phòng Nghiệp vụ"]),
        ("cn", ["Chi nhánh"]),
    ]
    names = [
        "Phòng Hành chính - Tổng hợp",
        "phòng hành chính–tổng hợp;",
        "PHÒNG NGHIỆP VỤ.",
        "Phòng  Nghiệp   vụ",
        "các Chi nhánh",
        "Phong Nghiep vu",
        "Phòng HC - TH",
        "Sở Tư pháp",
    ]
    assert match_units(names, known) == [
        ("hcth", names[0]),
        ("hcth", names[1]),
        ("nv", names[2]),
        ("nv", names[3]),
        ("cn", names[4]),
        (None, names[5]),
        ("hcth", names[6]),
        (None, names[7]),
    ]
    assert match_units([], known) == []
