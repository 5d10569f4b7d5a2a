"""plans.reader: The parser never crashes (hypothesis over random, shuffled and broken input)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from plans.reader import (
    PlanParseError,
    parse_plan,
    read_plan_text,
)
from tests.plans.reader.support import (
    SAMPLE_2021,
    SAMPLE_2025,
    check_well_formed,
)

# --- Never crash --------------------------------------------------------------------------

# fmt: off
TOKENS = [
    "I. ", "II. ", "IV. ", "1. ", "2.1. ", "2.2.1. ", "1.1 ", "01 ", "a) ", "đ) ", "b. ", "- ",
    "+ ", "• ", "– ", "* ", "**", "*", "# ", "## ", "|", "\\", "\n", "\n", "\n\n", "  ",
    "Thực hiện:", "Chủ trì: ", "Phối hợp: ", "Thời gian: ", "Kinh phí: ", "Kết quả: ",
    "Phân công thực hiện: Giao ", " chủ trì", "177.400.000đ", "1,5 tỷ đồng", "128 Bảng thông tin",
    "Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "KẾ HOẠCH", "Số: 12/KH-TGPL",
    "Số: /KH-", "Lạng Sơn, ngày 20 tháng 01 năm 2021", ", ngày tháng năm 2025",
    "trước ngày 15/3/2025", "trước ngày 31/2", "Quý I/2025", "Hằng tháng", "Cả năm", "(", ")",
    "/", ":", ";", ".", ",", "Phòng Nghiệp vụ", "các Chi nhánh", "Các Phòng, Chi nhánh/",
    "Trên đây là", "PHỤ LỤC", "Căn cứ ", "của", "và", "Hoàng Thị Bích", "2", "\u00a0", "—",
    "\u0301", "Ð", "(Đã ký)", "<br>", "|---|",
]
# fmt: on


@settings(max_examples=300)
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=80).map("".join))
def test_never_crashes_on_random_text(text):
    check_well_formed(parse_plan(text))


def _sample_lines() -> list[str]:
    return SAMPLE_2021.read_text(encoding="utf-8").split("\n") + SAMPLE_2025.read_text(
        encoding="utf-8"
    ).split("\n")


@settings(max_examples=60)
@given(st.permutations(_sample_lines()))
def test_never_crashes_on_shuffled_samples(lines):
    check_well_formed(parse_plan("\n".join(lines)))


@settings(max_examples=100)
@given(st.lists(st.sampled_from(_sample_lines()), max_size=60), st.text(max_size=20))
def test_never_crashes_on_sample_fragments(lines, noise):
    check_well_formed(parse_plan(noise.join(lines)))


@settings(max_examples=100)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.docx", "a.pdf"]))
def test_read_plan_text_raises_only_plan_parse_error(data, name):
    try:
        text = read_plan_text(data, name)
    except PlanParseError:
        return
    check_well_formed(parse_plan(text))
