"""A task's budget kept line by line (issue 17.8): several amounts in its "Kinh phí" or in
its bullets are several lines, the "trong đó" detail is not; the lines add up to the sum."""

import pytest

from plans.reader import parse_plan
from plans.reader.budget import labelled_lines, text_lines
from plans.samples import samples_dir


@pytest.fixture(scope="module")
def plan_2021():
    text = (samples_dir() / "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt").read_text(
        encoding="utf-8"
    )
    return parse_plan(text)


@pytest.mark.parametrize(
    ("values", "lines"),
    [
        (["in ấn 30.000.000 đồng; hội nghị 10.000.000 đồng"],
         [("in ấn", 30_000_000), ("hội nghị", 10_000_000)]),
        (["Tập huấn 20 triệu đồng + tài liệu 5.000.000đ"],
         [("Tập huấn", 20_000_000), ("tài liệu", 5_000_000)]),
        (["40 triệu đồng (trong đó in ấn 30.000.000 đồng)"], [("", 40_000_000)]),
        (["Kinh phí: 1,5 tỷ đồng"], [("", 1_500_000_000)]),
        (["Nguồn ngân sách nhà nước"], []),
    ],
)  # fmt: skip
def test_labelled_budget_lines(values, lines):
    assert [(x["label"], x["amount_vnd"]) for x in labelled_lines(values)] == lines


def test_bullets_naming_their_cost_are_lines_keeping_their_quantities():
    lines = text_lines(["Tuyên truyền", "Đặt in 80.000 Tờ gấp (kinh phí 40.000.000đ)",
                        "Duy trì đường dây nóng (kinh phí 3.000.000đ)"])  # fmt: skip
    assert [(x["label"], x["amount_vnd"]) for x in lines] == [
        ("Đặt in 80.000 Tờ gấp", 40_000_000),
        ("Duy trì đường dây nóng", 3_000_000),
    ]


def test_the_2021_sample_keeps_the_four_amounts_of_its_outreach_task(plan_2021):
    item = plan_2021.item("II.3.1")
    amounts = [x["amount_vnd"] for x in item.budget_lines]
    assert amounts == [177_400_000, 40_000_000, 240_000_000, 3_000_000]
    assert sum(amounts) == item.budget_vnd
    assert item.budget_lines[1]["label"] == "Biên soạn, đặt in 80.000 Tờ gấp pháp luật về TGPL"
