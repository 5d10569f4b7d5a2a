"""plans.reader: the two real plans of the Lạng Sơn centre, read field by field."""

import datetime as dt
from dataclasses import asdict

import pytest

from plans.reader import ParsedPlan, parse_plan, plan_to_json, read_plan_text
from plans.reader.units import (
    is_collective,
    match_units,
)
from tests.plans.reader.support import (
    HCTH,
    MID_2021,
    NV,
    SAMPLE_2021,
    SAMPLE_2025,
    YEAR_2021,
    check_well_formed,
    paths,
    task_row,
)

# --- Sample 2021: Kế hoạch 19/KH-TGPL (Markdown-ish, bold/italic marks, a page break) ----


@pytest.fixture(scope="module")
def plan_2021() -> ParsedPlan:
    return parse_plan(read_plan_text(SAMPLE_2021.read_bytes(), SAMPLE_2021.name))


def test_2021_header(plan_2021):
    assert plan_2021.number == 19
    assert plan_2021.symbol == "KH-TGPL"
    assert plan_2021.number_text == "19/KH-TGPL"
    assert plan_2021.place == "Lạng Sơn"
    assert plan_2021.date == dt.date(2021, 1, 20)
    assert plan_2021.year == 2021
    assert plan_2021.title == "Triển khai công tác trợ giúp pháp lý năm 2021"
    assert plan_2021.warnings == []


def test_2021_intro_and_sections(plan_2021):
    assert len(plan_2021.legal_bases) == 1
    assert plan_2021.legal_bases[0].startswith("Thực hiện Kế hoạch số 04/KH-STP ngày 08 tháng 01")
    assert plan_2021.legal_bases[0].endswith("năm 2021, như sau:")
    assert plan_2021.purpose_text.startswith("1. Mục đích\nĐể tổ chức triển khai")
    assert "2. Yêu cầu\nViệc triển khai" in plan_2021.purpose_text
    assert plan_2021.budget_text.startswith("Kinh phí thực hiện Kế hoạch được giao kèm theo")
    assert plan_2021.budget_text.endswith("theo quy định của pháp luật.")
    assert plan_2021.organisation_text.startswith("1. Căn cứ nội dung công việc được giao")
    assert "\n2. Phòng Hành chính - Tổng hợp có trách nhiệm" in plan_2021.organisation_text
    assert [s.number for s in plan_2021.sections] == ["I", "II", "III", "IV"]
    assert [s.role for s in plan_2021.sections] == ["purpose", "content", "budget", "organisation"]


def test_2021_recipients_and_signer(plan_2021):
    assert plan_2021.recipients == [
        "Cục Trợ giúp pháp lý - Bộ Tư pháp",
        "Sở Tư pháp",
        "Lãnh đạo Sở",
        "Phòng HCTP&BTTP",
        "Lưu: VT, HC-TH",
    ]
    assert asdict(plan_2021.signer) == {
        "name": "Hoàng Thị Bích",
        "title": None,
        "on_behalf": None,
    }


def test_2021_paths(plan_2021):
    assert [item.path for item in plan_2021.items] == paths(
        "I I.1 I.2 II II.1 II.2 II.2.1 II.2.2 II.2.2.1 II.2.2.2 II.2.3 II.3 II.3.1 II.3.2"
        " II.4 II.4.1 II.4.2 II.4.3 II.5 II.6 III IV IV.1 IV.2"
    )
    headings = [item.path for item in plan_2021.items if item.kind == "heading"]
    assert headings == ["I", "I.1", "I.2", "II", "II.2", "II.2.2", "II.3", "II.4", "III", "IV"]
    check_well_formed(plan_2021)


def test_2021_titles(plan_2021):
    assert plan_2021.item("I").title == "MỤC ĐÍCH, YÊU CẦU"
    assert plan_2021.item("I.1").title == "Mục đích"
    assert plan_2021.item("II.2.2.1").number == "2.2.1"
    assert plan_2021.item("II.2.2.1").level == 4
    assert plan_2021.item("II.2.2.1").title.startswith("Giao chỉ tiêu vụ việc tham gia tố tụng")
    assert plan_2021.item("II.2.2.1").title.endswith("đạt chỉ tiêu tham gia tố tụng năm 2021")
    assert plan_2021.item("II.2.3").title == (
        "Thẩm định chất lượng, thời gian thực hiện vụ việc TGPL theo quy định tại Thông tư "
        "12/2018/TT BTP ngày 28/8/2018 của Bộ Tư pháp"
    )
    assert plan_2021.item("II.5").title.startswith("Tăng cường phối hợp giữa Trung tâm")
    assert plan_2021.item("II.5").title.endswith("về hoạt động trợ giúp pháp lý")
    assert plan_2021.item("III").title == "KINH PHÍ THỰC HIỆN"
    assert plan_2021.item("IV.2").title.endswith("báo cáo việc triển khai thực hiện định kỳ")


EXPECTED_2021 = {
    "II.1": (
        ["Các Phòng, Chi nhánh"],
        [],
        "Cả năm 2021",
        *YEAR_2021,
        "Hiệu quả của các hoạt động",
        None,
    ),
    "II.2.1": (
        ["Các Phòng, Chi nhánh"],
        [],
        "Cả năm 2021",
        *YEAR_2021,
        "Yêu cầu TGPL được tiếp nhận, thụ lý; văn bản tư vấn pháp luật",
        None,
    ),
    "II.2.2.1": (
        [HCTH],
        [],
        "Tháng 01/2021",
        "2021-01-01",
        "2021-01-31",
        "Quyết định giao chỉ tiêu",
        None,
    ),
    "II.2.2.2": (
        ["Các Phòng, Chi nhánh"],
        [],
        "Cả năm 2021",
        *YEAR_2021,
        "Các Quyết định cử/thay thế Trợ giúp viên pháp lý, Luật sư thực hiện TGPL "
        "tham gia tố tụng, đại diện ngoài tố tụng",
        None,
    ),
    "II.2.3": (
        [HCTH, "Các Trợ giúp viên pháp lý"],
        [],
        "Cả năm 2021",
        *YEAR_2021,
        "Các Quyết định phân công thẩm định, Báo cáo thẩm định vụ việc trợ giúp pháp lý",
        None,
    ),
    "II.3.1": (
        [HCTH],
        [NV, "Các Chi nhánh"],
        "Cả năm 2021",
        *YEAR_2021,
        "Các hoạt động truyền thông, thông tin được thực hiện",
        460_400_000,
    ),
    "II.3.2": (
        ["Các phòng, Chi nhánh"],
        [],
        "Cả năm 2021",
        *YEAR_2021,
        "Các tin, bài viết về hoạt động TGPL",
        None,
    ),
    "II.4.1": (
        ["Phòng Hành Chính – Tổng hợp"],
        [NV, "Các Chi nhánh"],
        "Cả năm 2021",
        *YEAR_2021,
        "Văn bản trình Giám đốc Sở Tư pháp cử viên chức tham gia khóa học, "
        "văn bản cử tham gia tập huấn",
        None,
    ),
    "II.4.2": (
        [HCTH],
        [NV, "Các Chi nhánh"],
        "Quý II - III năm 2021",
        *MID_2021,
        "01 Hội nghị tập huấn được tổ chức",
        None,
    ),
    "II.4.3": (
        [NV],
        [HCTH, "Các Chi nhánh"],
        "Quý II - III năm 2021",
        *MID_2021,
        "Hội thảo, đợt học tập kinh nghiệm được tổ chức",
        None,
    ),
    "II.5": (
        ["Các Phòng, Chi nhánh"],
        [],
        "Cả năm 2021",
        *YEAR_2021,
        "Hiệu quả phối hợp được nâng cao",
        None,
    ),
    "II.6": (
        [HCTH],
        [NV, "Các Chi nhánh"],
        "Cả năm 2021",
        *YEAR_2021,
        "Thông tin cán bộ, vụ việc được cập nhật lên phần mềm quản lý tổ chức và hoạt động "
        "trợ giúp pháp lý; sử dụng hộp thư điện tử công vụ, phần mềm quản lý văn bản VNPT "
        "iOffice",
        None,
    ),
    "IV.1": ([], [], None, None, None, None, None),
    "IV.2": ([], [], None, None, None, None, None),
}


@pytest.mark.parametrize("path", sorted(EXPECTED_2021))
def test_2021_tasks(plan_2021, path):
    item = plan_2021.item(path)
    assert item.kind == "task"
    assert task_row(item) == EXPECTED_2021[path]


def test_2021_tasks_are_all_listed(plan_2021):
    assert sorted(i.path for i in plan_2021.items if i.kind == "task") == sorted(EXPECTED_2021)


def test_2021_outreach_budget_and_quantities(plan_2021):
    item = plan_2021.item("II.3.1")
    assert item.budget_vnd == 177_400_000 + 40_000_000 + 240_000_000 + 3_000_000
    assert item.quantities == [
        {"quantity": 128, "unit": "Bảng thông tin"},
        {"quantity": 128, "unit": "Hộp tin"},
        {"quantity": 300, "unit": "Tờ thông tin"},
        {"quantity": 80_000, "unit": "Tờ gấp"},
        {"quantity": 10, "unit": "huyện"},  # coverage: "Đài Phát thanh – Truyền hình 10 huyện"
        {"quantity": 120, "unit": "xã, thôn"},  # "loa phát thanh của 120 xã, thôn"
    ]
    assert item.body.count("\n") == 4  # five bullets, the labelled lines left out
    assert "0205 375 7555" in item.body  # bold marks gone
    assert plan_2021.item("II.4.2").quantities == [{"quantity": 1, "unit": "Hội nghị tập huấn"}]


def test_2021_lines_broken_by_a_page_are_joined(plan_2021):
    body = plan_2021.item("II.1").body
    assert "\n" not in body
    assert "Quy chế phối hợp số 1217/QCPH-STP-TAND ngày 16/4/2020 về trợ giúp pháp lý" in body
    body = plan_2021.item("II.2.3").body
    assert "hoàn thành của Trợ giúp viên pháp lý, Luật sư thực hiện TGPL" in body
    assert "\n" not in body


def test_2021_frequency_note_is_kept_apart(plan_2021):
    item = plan_2021.item("II.3.2")
    assert item.lead == ["Các phòng, Chi nhánh"]
    assert item.note == "định kỳ bài/ tuần"
    assert item.lead_text == "Các phòng, Chi nhánh/định kỳ bài/ tuần"


JSON_ITEM_FIELDS = (
    "path",
    "number",
    "title",
    "lead",
    "partners",
    "timeframe",
    "timeframe_parsed",
    "result",
    "budget_vnd",
)


def test_2021_json(plan_2021):
    data = plan_to_json(plan_2021)
    assert data["date"] == "2021-01-20"
    first = data["items"][0]
    assert {key: first[key] for key in JSON_ITEM_FIELDS} == {
        "path": "I",
        "number": "I",
        "title": "MỤC ĐÍCH, YÊU CẦU",
        "lead": [],
        "partners": [],
        "timeframe": None,
        "timeframe_parsed": {"text": None, "start": None, "end": None, "recurrence": "none"},
        "result": None,
        "budget_vnd": None,
    }
    task = next(i for i in data["items"] if i["path"] == "II.4.2")
    assert task["timeframe"] == "Quý II - III năm 2021"
    assert task["timeframe_parsed"] == {
        "text": "Quý II - III năm 2021",
        "start": "2021-04-01",
        "end": "2021-09-30",
        "recurrence": "none",
    }


def test_2021_units_match_the_centre_departments(plan_2021):
    known = [
        ("hcth", ["Phòng Hành chính – Tổng hợp", "HC-TH"]),
        ("nv", ["Phòng Nghiệp vụ"]),
        ("branches", ["Chi nhánh"]),
    ]
    names = {n for item in plan_2021.items for n in item.lead + item.partners}
    matched = {name: key for key, name in match_units(sorted(names), known)}
    assert matched[HCTH] == matched["Phòng Hành Chính – Tổng hợp"] == "hcth"
    assert matched[NV] == "nv"
    assert matched["Các Chi nhánh"] == "branches"
    assert matched["Các Phòng, Chi nhánh"] is None  # collective: the caller decides
    assert is_collective("Các Phòng, Chi nhánh")


# --- Sample 2025: thematic plan, plain text, no number, no day ----------------------------


@pytest.fixture(scope="module")
def plan_2025() -> ParsedPlan:
    return parse_plan(read_plan_text(SAMPLE_2025.read_bytes(), SAMPLE_2025.name))


def test_2025_header(plan_2025):
    assert plan_2025.number is None
    assert plan_2025.symbol == "KH-TGPL"
    assert plan_2025.number_text == "/KH-TGPL"
    assert plan_2025.place == "Lạng Sơn"
    assert plan_2025.date is None
    assert plan_2025.year == 2025
    assert plan_2025.title == "Thực hiện chuyên đề về trợ giúp pháp lý năm 2025"
    assert plan_2025.legal_bases == [
        "Thực hiện Kế hoạch số 29/KH-TGPL ngày 13/01/2025 về triển khai công tác trợ giúp pháp "
        "lý năm 2025, Trung tâm Trợ giúp pháp lý nhà nước xây dựng Kế hoạch thực hiện chuyên "
        "đề về trợ giúp pháp lý (TGPL) năm 2025 như sau:"
    ]
    assert plan_2025.closing.startswith("Trên đây là Kế hoạch thực hiện chuyên đề")
    data = plan_to_json(plan_2025)
    assert (data["number"], data["symbol"], data["date"]) == (None, "KH-TGPL", None)


def test_2025_recipients_and_signer(plan_2025):
    assert plan_2025.recipients == [
        "Sở Tư pháp",
        "Lãnh Trung tâm",
        "Các phòng thuộc Trung tâm",
        "Lưu VT",
    ]
    assert plan_to_json(plan_2025)["signer"] == {
        "name": "Hoàng Thị Bích",
        "title": "GIÁM ĐỐC",
        "on_behalf": None,
    }


def test_2025_paths(plan_2025):
    assert [item.path for item in plan_2025.items] == paths(
        "I I.1 I.1.1 I.1.2 I.2 II II.1 II.1.1 II.1.2 II.1.3 II.1.4 II.2"
        " II.3 II.3.1 II.3.2 II.3.3 II.3.4 III III.1 III.2"
    )
    headings = [item.path for item in plan_2025.items if item.kind == "heading"]
    assert headings == ["I", "I.1", "I.1.1", "I.1.2", "I.2", "II", "II.1", "II.3", "III"]
    assert plan_2025.item("II").title == "NỘI DUNG, PHƯƠNG PHÁP VÀ TIẾN ĐỘ THỰC HIỆN"
    assert plan_2025.item("II.3.1").title == (
        "Chuyên đề 1: Nâng cao năng lực truyền thông về trợ giúp pháp lý đối với người dân "
        "tộc thiểu số cho viên chức Trung tâm Trợ giúp pháp lý nhà nước"
    )
    assert plan_2025.item("II.1").quantities == [{"quantity": 4, "unit": "Chuyên đề"}]
    assert "Kinh nghiệm thực hiện chuyên đề" in plan_2025.item("II.2").body
    check_well_formed(plan_2025)


EXPECTED_2025 = {
    "II.3.1": ([HCTH], [], "Hoàn thành trong Quý I/2025", "2025-01-01", "2025-03-31", None, None),
    "II.3.2": ([NV], [], "Hoàn thành trong Quý II/2025", "2025-04-01", "2025-06-30", None, None),
    "II.3.3": ([NV], [], "Hoàn thành trong Quý III/2025", "2025-07-01", "2025-09-30", None, None),
    "II.3.4": ([NV], [], "Hoàn thành trong Quý IV/2025", "2025-10-01", "2025-12-31", None, None),
}
NO_FIELDS = ([], [], None, None, None, None, None)


@pytest.mark.parametrize(
    "path",
    [
        "II.1.1",
        "II.1.2",
        "II.1.3",
        "II.1.4",
        "II.2",
        "II.3.1",
        "II.3.2",
        "II.3.3",
        "II.3.4",
        "III.1",
        "III.2",
    ],
)
def test_2025_tasks(plan_2025, path):
    item = plan_2025.item(path)
    assert item.kind == "task"
    assert task_row(item) == EXPECTED_2025.get(path, NO_FIELDS)


@pytest.mark.parametrize(
    ("path", "dues"),
    [
        ("II.3.1", ["2025-03-15", "2025-03-20", "2025-03-28"]),
        ("II.3.2", ["2025-06-15", "2025-06-20", "2025-06-28"]),
        ("II.3.3", ["2025-09-15", "2025-09-20", "2025-09-30"]),
        ("II.3.4", ["2025-12-15", "2025-12-20", "2025-12-30"]),
    ],
)
def test_2025_milestones(plan_2025, path, dues):
    milestones = plan_2025.item(path).milestones
    assert [m["due"] for m in milestones] == dues
    drafter, reviewer = (HCTH, NV) if path == "II.3.1" else (NV, HCTH)
    assert [m["owner"] for m in milestones] == [drafter, reviewer, "Trung tâm"]


def test_2025_milestone_text(plan_2025):
    first, _, last = plan_2025.item("II.3.1").milestones
    assert first == {
        "owner": HCTH,
        "text": "Phân công viên chức tham mưu xây dựng dự thảo Chuyên đề, gửi Ban lãnh đạo "
        "Trung tâm xem xét, cho ý kiến trước ngày 15/3/2025.",
        "due": "2025-03-15",
    }
    assert last["text"].startswith("Trung tâm tổ chức sinh hoạt chuyên đề")


def test_2025_body_keeps_bullets_but_not_labels(plan_2025):
    body = plan_2025.item("II.3.1").body.split("\n")
    assert body[0] == "- Phương pháp thực hiện:"
    assert body[1].startswith("+ Phòng Hành chính – Tổng hợp: Phân công")
    assert body[-1].startswith("- Bộ cục chính cần có của chuyên đề: Mở đầu;")
    assert not any("Phân công thực hiện" in line for line in body)
