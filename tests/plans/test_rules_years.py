"""Copying a plan to the next year: which years move (plans.rules.years)."""

import pytest

from plans.rules.years import shift_plan_years

# (text of the 2026 plan, basis?, as it reads in the 2027 copy, why)
TABLE = [
    (
        "Triển khai công tác trợ giúp pháp lý năm 2026",
        False,
        "Triển khai công tác trợ giúp pháp lý năm 2027",
        "the plan's year in its title",
    ),
    (
        "Căn cứ Nghị định 144/2017/NĐ-CP ngày 29/12/2017 của Chính phủ",
        True,
        "Căn cứ Nghị định 144/2017/NĐ-CP ngày 29/12/2017 của Chính phủ",
        "a decree cited by number and year never changes",
    ),
    (
        "Luật Trợ giúp pháp lý số 11/2017/QH14; Thông tư 12/2018/TT-BTP",
        True,
        "Luật Trợ giúp pháp lý số 11/2017/QH14; Thông tư 12/2018/TT-BTP",
        "laws and circulars cited by number",
    ),
    (
        "Luật số 59/2024/QH15 (2026/QH16 giả định)",
        True,
        "Luật số 59/2024/QH15 (2026/QH16 giả định)",
        "a number of the plan's year is still a document number",
    ),
    (
        "Thực hiện Kế hoạch số 29/KH-TGPL ngày 13/01/2026 về triển khai công tác trợ giúp "
        "pháp lý năm 2026",
        True,
        "Thực hiện Kế hoạch số …/KH-TGPL ngày …/…/… về triển khai công tác trợ giúp "
        "pháp lý năm 2027",
        "a yearly document: next year's edition is cited, its number and date left blank",
    ),
    (
        "Kế hoạch số 08/KH-STP ngày 12 tháng 01 năm 2026 của Sở Tư pháp về triển khai công "
        "tác trợ giúp pháp lý năm 2026; Kế hoạch số 04/KH-STP ngày 08/01/2026 về chuyển đổi số",
        True,
        "Kế hoạch số …/KH-STP ngày … tháng … năm … của Sở Tư pháp về triển khai công "
        "tác trợ giúp pháp lý năm 2027; Kế hoạch số 04/KH-STP ngày 08/01/2026 về chuyển đổi số",
        "each citation judged in its own clause: the one not about the year stays",
    ),
    (
        "Nghị quyết số 12/2026/NQ-HĐND ngày 10/7/2026 về hỗ trợ năm 2026",
        True,
        "Nghị quyết số 12/2026/NQ-HĐND ngày 10/7/2026 về hỗ trợ năm 2027",
        "a number holding its year is a document of its own, never blanked",
    ),
    (
        "Kế hoạch số 04/KH-STP ngày 08 tháng 01 năm 2026 của Sở Tư pháp",
        True,
        "Kế hoạch số 04/KH-STP ngày 08 tháng 01 năm 2026 của Sở Tư pháp",
        "a date written in words in the bases is a cited document's date",
    ),
    (
        "Trên cơ sở kết quả công tác trợ giúp pháp lý năm 2025, Trung tâm xây dựng kế hoạch "
        "năm 2026",
        True,
        "Trên cơ sở kết quả công tác trợ giúp pháp lý năm 2026, Trung tâm xây dựng kế hoạch "
        "năm 2027",
        "the previous year's results become the results of the year just ended",
    ),
    (
        "Báo cáo tổng kết công tác năm 2025",
        False,
        "Báo cáo tổng kết công tác năm 2026",
        "a report of the previous year in a task",
    ),
    (
        "Triển khai Luật Tư pháp người chưa thành niên năm 2025",
        False,
        "Triển khai Luật Tư pháp người chưa thành niên năm 2025",
        "a year before the plan's, not about results: a law's name stays",
    ),
    (
        "Kết quả năm 2025 đạt tốt; triển khai Luật năm 2025",
        False,
        "Kết quả năm 2026 đạt tốt; triển khai Luật năm 2025",
        "the result word counts only within its own sentence",
    ),
    (
        "định hướng giai đoạn 2021 - 2025; Đề án giai đoạn 2021–2026",
        True,
        "định hướng giai đoạn 2021 - 2025; Đề án giai đoạn 2021–2026",
        "a period of several years stays",
    ),
    ("Hoàn thành trong Quý I/2026.", False, "Hoàn thành trong Quý I/2027.", "a quarter"),
    ("Tháng 01/2026", False, "Tháng 01/2027", "a month"),
    ("Cả năm 2026", False, "Cả năm 2027", "the whole year"),
    ("Quý II - III năm 2026", False, "Quý II - III năm 2027", "quarters written out"),
    (
        "gửi Ban lãnh đạo Trung tâm cho ý kiến trước ngày 15/3/2026.",
        False,
        "gửi Ban lãnh đạo Trung tâm cho ý kiến trước ngày 15/3/2027.",
        "a date of the plan's own schedule moves",
    ),
    (
        "họp ngày 08 tháng 01 năm 2026",
        False,
        "họp ngày 08 tháng 01 năm 2027",
        "a date in words in a task moves",
    ),
    (
        "Quyết định số 297/QĐ-STP ngày 22/12/2025 giao dự toán ngân sách năm 2026",
        True,
        "Quyết định số …/QĐ-STP ngày …/…/… giao dự toán ngân sách năm 2027",
        "next year's budget decision is another decision: its number and date left blank",
    ),
    ("đáp ứng 100% yêu cầu; 2026 lượt người", False, "đáp ứng 100% yêu cầu; 2027 lượt người",
     "a bare number equal to the year is read as the year"),
    ("In 12026 tờ gấp", False, "In 12026 tờ gấp", "digits of a longer number are not a year"),
    ("", False, "", "nothing"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "basis", "expected", "why"), TABLE)
def test_years_of_a_plan_copied_to_the_next_year(text, basis, expected, why):
    assert shift_plan_years(text, 2026, basis=basis) == expected, why


def test_the_2021_samples_bases_keep_their_cited_documents(sample_2021):
    bases = next(line for line in sample_2021.splitlines() if line.startswith("Thực hiện"))
    moved = shift_plan_years(bases, 2021, basis=True)
    # both plans of the Sở it carries out are yearly: next year's are cited, blank
    assert moved.startswith(
        "Thực hiện Kế hoạch số …/KH-STP ngày … tháng … năm … của Sở Tư pháp về triển khai "
        "công tác tư pháp năm 2022, định hướng giai đoạn 2021 - 2025; Kế hoạch số …/KH-STP "
        "ngày … tháng … năm … của Sở Tư pháp về triển khai công tác trợ giúp pháp lý năm 2022."
    )
    assert "04/KH-STP" not in moved
    assert "08/KH-STP" not in moved
    assert "2021" not in moved.replace("giai đoạn 2021 - 2025", "")
