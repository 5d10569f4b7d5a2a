"""plans.parsing: Vietnamese plans (Kế hoạch) as text or .docx -> structured data.

Pure Python: runs without Django (``pytest -p no:django``). The two real plans of the Lạng
Sơn centre are read from /work/shared/samples; the other plans are written here the way
other centres and provinces write them.
"""

import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.parsing import (
    PATH_RE,
    ParsedPlan,
    PlanParseError,
    parse_plan,
    parse_plan_file,
    read_plan_text,
)
from plans.parsing_units import (
    find_money,
    find_quantities,
    is_collective,
    match_units,
    parse_lead_value,
    parse_milestone,
    split_units,
)

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SAMPLE_2021 = SAMPLES / "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt"
SAMPLE_2025 = SAMPLES / "ke-hoach-2025-chuyen-de-tgpl.txt"

HCTH = "Phòng Hành chính – Tổng hợp"
NV = "Phòng Nghiệp vụ"
YEAR_2021 = ("2021-01-01", "2021-12-31")
MID_2021 = ("2021-04-01", "2021-09-30")


def paths(text: str) -> list[str]:
    """ "I I.1 II.2.1" -> ["I", "I.1", "II.2.1"]"""
    return text.split()


def check_well_formed(plan: ParsedPlan) -> None:
    """What every parse must satisfy, whatever the text."""
    paths = [item.path for item in plan.items]
    assert len(paths) == len(set(paths)), paths
    seen = set()
    for item in plan.items:
        assert PATH_RE.match(item.path), item.path
        assert item.level == item.path.count(".") + 1
        assert item.kind in ("heading", "task")
        assert item.parent is None or item.parent in seen, (item.path, item.parent)
        assert item.parent is None or item.path.startswith(item.parent + ".")
        assert item.budget_vnd is None or item.budget_vnd >= 0
        assert set(item.timeframe_parsed) == {"text", "start", "end", "recurrence"}
        seen.add(item.path)
    data = plan.to_json_dict()
    assert set(data) == {
        "number",
        "symbol",
        "place",
        "date",
        "year",
        "title",
        "recipients",
        "signer",
        "items",
    }
    assert set(data["signer"]) == {"name", "title", "on_behalf"}
    for item in data["items"]:
        assert set(item) == {
            "path",
            "number",
            "title",
            "lead",
            "partners",
            "timeframe",
            "result",
            "budget_vnd",
        }
        assert set(item["timeframe"]) == {"text", "start", "end", "recurrence"}
    json.dumps(data, ensure_ascii=False)
    json.dumps(plan.to_full_dict(), ensure_ascii=False)


def task_row(item):
    tf = item.timeframe_parsed
    return (
        item.lead,
        item.partners,
        tf["text"],
        tf["start"],
        tf["end"],
        item.result,
        item.budget_vnd,
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
    assert plan_2021.signer.to_dict() == {
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


def test_2021_json(plan_2021):
    data = plan_2021.to_json_dict()
    assert data["date"] == "2021-01-20"
    assert data["items"][0] == {
        "path": "I",
        "number": "I",
        "title": "MỤC ĐÍCH, YÊU CẦU",
        "lead": [],
        "partners": [],
        "timeframe": {"text": None, "start": None, "end": None, "recurrence": "none"},
        "result": None,
        "budget_vnd": None,
    }
    task = next(i for i in data["items"] if i["path"] == "II.4.2")
    assert task["timeframe"] == {
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
    data = plan_2025.to_json_dict()
    assert (data["number"], data["symbol"], data["date"]) == (None, "KH-TGPL", None)


def test_2025_recipients_and_signer(plan_2025):
    assert plan_2025.recipients == [
        "Sở Tư pháp",
        "Lãnh Trung tâm",
        "Các phòng thuộc Trung tâm",
        "Lưu VT",
    ]
    assert plan_2025.signer.to_dict() == {
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


# --- Other centres, other wordings ------------------------------------------------------

HA_TINH = """\
UBND TỈNH HÀ TĨNH
SỞ TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 125/KH-STP
Hà Tĩnh, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Truyền thông về trợ giúp pháp lý
trên địa bàn tỉnh Hà Tĩnh năm 2024

Căn cứ Luật Trợ giúp pháp lý ngày 20 tháng 6 năm 2017;
Căn cứ Kế hoạch số 20/KH-UBND ngày 15/01/2024 của UBND tỉnh về công tác tư pháp năm 2024;
Sở Tư pháp ban hành Kế hoạch truyền thông về trợ giúp pháp lý năm 2024 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của người dân về quyền được trợ giúp pháp lý.
2. Hoạt động truyền thông phải thiết thực, tiết kiệm, hiệu quả.

II. NỘI DUNG
1. Tổ chức truyền thông trên Đài Phát thanh và Truyền hình tỉnh
Cơ quan chủ trì: Trung tâm Trợ giúp pháp lý nhà nước
Cơ quan phối hợp: Sở Lao động – Thương binh và Xã hội, Ban Dân tộc tỉnh và UBND các huyện, \
thành phố
Thời gian: Hằng tháng
Kinh phí: 15.000.000 đồng
Sản phẩm: 12 chuyên mục được phát sóng
2. Biên soạn, phát hành 5.000 Tờ gấp và 200 Sổ tay pháp luật về trợ giúp pháp lý
Cơ quan thực hiện: Phòng Phổ biến, giáo dục pháp luật
Thời hạn: trước ngày 30/6/2024
Kinh phí: 40 triệu đồng (trong đó in ấn 30.000.000 đồng)
3. Tổ chức 03 Hội nghị truyền thông tại các xã đặc biệt khó khăn. Chủ trì: Trung tâm Trợ giúp \
pháp lý nhà nước; phối hợp: UBND các xã; thời gian: Quý III/2024.

III. KINH PHÍ
Tổng kinh phí thực hiện Kế hoạch là 1,5 tỷ đồng từ nguồn ngân sách tỉnh năm 2024.

IV. TỔ CHỨC THỰC HIỆN
1. Trung tâm Trợ giúp pháp lý nhà nước chủ trì, theo dõi việc thực hiện Kế hoạch.
2. Các cơ quan, đơn vị báo cáo kết quả về Sở Tư pháp trước ngày 15/12/2024./.

Nơi nhận:
- Bộ Tư pháp (Cục TGPL);
- UBND tỉnh (để b/c);
- Giám đốc, các PGĐ Sở;
- Lưu: VT, PBGDPL.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
(Đã ký)
Nguyễn Văn Hùng
"""


def test_ha_tinh_department_of_justice_plan():
    plan = parse_plan(HA_TINH)
    check_well_formed(plan)
    assert (plan.number, plan.symbol, plan.number_text) == (125, "KH-STP", "125/KH-STP")
    assert (plan.place, plan.date, plan.year) == ("Hà Tĩnh", dt.date(2024, 3, 5), 2024)
    assert (plan.parent_agency, plan.issuer) == ("UBND TỈNH HÀ TĨNH", "SỞ TƯ PHÁP")
    assert plan.title == "Truyền thông về trợ giúp pháp lý trên địa bàn tỉnh Hà Tĩnh năm 2024"
    assert len(plan.legal_bases) == 3
    assert plan.legal_bases[0] == "Căn cứ Luật Trợ giúp pháp lý ngày 20 tháng 6 năm 2017;"
    assert [i.path for i in plan.items] == paths("I I.1 I.2 II II.1 II.2 II.3 III IV IV.1 IV.2")
    assert plan.recipients == [
        "Bộ Tư pháp (Cục TGPL)",
        "UBND tỉnh (để b/c)",
        "Giám đốc, các PGĐ Sở",
        "Lưu: VT, PBGDPL",
    ]
    assert plan.signer.to_dict() == {
        "name": "Nguyễn Văn Hùng",
        "title": "PHÓ GIÁM ĐỐC",
        "on_behalf": "KT. GIÁM ĐỐC",
    }
    assert plan.warnings == []


def test_ha_tinh_labels():
    plan = parse_plan(HA_TINH)
    radio = plan.item("II.1")
    assert radio.lead == ["Trung tâm Trợ giúp pháp lý nhà nước"]
    assert radio.partners == [  # "và" inside an agency's name does not split it
        "Sở Lao động – Thương binh và Xã hội",
        "Ban Dân tộc tỉnh",
        "UBND các huyện, thành phố",
    ]
    assert radio.timeframe_parsed == {
        "text": "Hằng tháng",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "recurrence": "monthly",
    }
    assert radio.budget_vnd == 15_000_000
    assert radio.budget_text == "15.000.000 đồng"
    assert radio.result == "12 chuyên mục được phát sóng"

    leaflets = plan.item("II.2")
    assert leaflets.lead == ["Phòng Phổ biến, giáo dục pháp luật"]
    assert leaflets.timeframe_parsed["start"] is None
    assert leaflets.timeframe_parsed["end"] == "2024-06-30"
    assert leaflets.budget_vnd == 40_000_000  # the total, not the "trong đó" part
    assert leaflets.quantities == [
        {"quantity": 5000, "unit": "Tờ gấp"},
        {"quantity": 200, "unit": "Sổ tay pháp luật"},
    ]

    inline = plan.item("II.3")  # labels on the numbered line itself
    assert inline.title == "Tổ chức 03 Hội nghị truyền thông tại các xã đặc biệt khó khăn"
    assert inline.lead == ["Trung tâm Trợ giúp pháp lý nhà nước"]
    assert inline.partners == ["UBND các xã"]
    assert inline.timeframe == "Quý III/2024"
    assert inline.kind == "task"

    assert plan.item("III").budget_vnd == 1_500_000_000
    assert plan.item("III").kind == "heading"
    assert plan.budget_text.startswith("Tổng kinh phí")
    assert plan.item("I.1").kind == "heading"  # purpose, not a task
    assert plan.item("IV.1").kind == "task"


CAO_BANG_PDF = """\
SỞ TƯ PHÁP TỈNH CAO BẰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC Độc lập – Tự do – Hạnh phúc
Số: 07/KH-TGPL Cao Bằng, ngày 10 tháng 02 năm 2023
KẾ HOẠCH
Thực hiện trợ giúp pháp lý cho người dân tộc thiểu số năm 2023
Thực hiện Quyết định số 1019/QĐ-BTP ngày 20/5/2021 của Bộ Tư pháp phê duyệt Kế hoạch
triển khai thực hiện Đề án đổi mới công tác trợ giúp pháp lý, Trung tâm Trợ giúp pháp
lý nhà nước tỉnh Cao Bằng xây dựng Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế - xã hội đặc biệt
khó khăn được tiếp cận dịch vụ trợ giúp pháp lý kịp thời, đúng quy định của pháp luật;
nâng cao chất lượng vụ việc trợ giúp pháp lý.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Tổ chức các đợt trợ giúp pháp lý lưu động tại các xã đặc biệt khó khăn của huyện Bảo
Lạc, Bảo Lâm và Hà Quảng
a) Khảo sát nhu cầu trợ giúp pháp lý của người dân tộc thiểu số tại 20 xã, thị trấn
– Đơn vị chủ trì: Phòng Nghiệp vụ
– Đơn vị phối hợp: Chi nhánh số 1, Chi nhánh số 2,
Phòng Hành chính – Tổng hợp
– Tiến độ: Quý I/2023
b) Tổ chức 06 Đợt trợ giúp pháp lý lưu động, mỗi đợt 02 ngày, kết hợp truyền thông về
trợ giúp pháp lý tại nhà văn hóa thôn, bản do Ủy ban nhân dân các xã bố trí, kèm theo
2

Hội Nông dân xã cùng tham gia
– Đơn vị chủ trì: Các Chi nhánh
– Tiến độ: Tháng 4 - 9/2023
– Kết quả thực hiện: Báo cáo kết quả các đợt trợ giúp pháp lý lưu động của Chi nhánh
gửi Phòng Nghiệp vụ tổng hợp
– Kinh phí: 36.000.000 đ
2. Phối hợp với Ban Dân tộc tỉnh cập nhật danh sách xã, thôn đặc biệt khó khăn
– Đơn vị thực hiện: Phòng Hành chính – Tổng hợp
– Thời gian thực hiện: Tháng 01 hằng năm
III. TỔ CHỨC THỰC HIỆN
Phòng Nghiệp vụ có trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ báo cáo
Giám đốc Trung tâm kết quả thực hiện theo quy định./.
Nơi nhận:
- Sở Tư pháp (b/c);
- Lưu: VT, NV.
Q. GIÁM ĐỐC
Đàm Thị Mai
"""


def test_pdf_copied_plan_with_lettered_items():
    plan = parse_plan(CAO_BANG_PDF)
    check_well_formed(plan)
    assert (plan.number_text, plan.place, plan.date) == (
        "07/KH-TGPL",
        "Cao Bằng",
        dt.date(2023, 2, 10),
    )
    assert (plan.parent_agency, plan.issuer) == (
        "SỞ TƯ PHÁP TỈNH CAO BẰNG",
        "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC",
    )
    assert plan.legal_bases[0].endswith(
        "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng xây dựng Kế hoạch như sau:"
    )
    assert [i.path for i in plan.items] == ["I", "II", "II.1", "II.1.a", "II.1.b", "II.2", "III"]
    assert plan.item("II.1").title.endswith("của huyện Bảo Lạc, Bảo Lâm và Hà Quảng")
    assert plan.item("II.1").kind == "heading"

    survey = plan.item("II.1.a")
    assert (survey.number, survey.level, survey.parent) == ("a", 3, "II.1")
    assert survey.lead == [NV]
    assert survey.partners == ["Chi nhánh số 1", "Chi nhánh số 2", HCTH]
    assert survey.timeframe_parsed["start"] == "2023-01-01"

    trips = plan.item("II.1.b")
    assert trips.title.endswith(
        "do Ủy ban nhân dân các xã bố trí, kèm theo Hội Nông dân xã cùng tham gia"
    )  # across a page number and a blank line
    assert trips.lead == ["Các Chi nhánh"]
    assert trips.result.endswith("của Chi nhánh gửi Phòng Nghiệp vụ tổng hợp")
    assert trips.budget_vnd == 36_000_000
    assert trips.quantities == [{"quantity": 6, "unit": "Đợt trợ giúp pháp lý lưu động"}]
    assert (trips.timeframe_parsed["start"], trips.timeframe_parsed["end"]) == (
        "2023-04-01",
        "2023-09-30",
    )
    assert plan.item("II.2").timeframe_parsed["recurrence"] == "yearly"
    assert plan.organisation_text == (
        "Phòng Nghiệp vụ có trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ báo "
        "cáo Giám đốc Trung tâm kết quả thực hiện theo quy định./."
    )
    assert plan.signer.to_dict() == {
        "name": "Đàm Thị Mai",
        "title": None,
        "on_behalf": "Q. GIÁM ĐỐC",
    }


TUYEN_QUANG_MD = """\
| SỞ TƯ PHÁP TỈNH TUYÊN QUANG<br>**TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC** | \
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |
|---|---|
| Số: 31/KH-TGPL | *Tuyên Quang, ngày 28 tháng 12 năm 2022* |

**KẾ HOẠCH**
**Công tác trợ giúp pháp lý năm 2023**

*Căn cứ Kế hoạch số 150/KH-STP ngày 20/12/2022 của Sở Tư pháp.*

**I\\. MỤC TIÊU**

Nâng cao chất lượng vụ việc trợ giúp pháp lý.

**II\\. NHIỆM VỤ CỤ THỂ**

**1\\. Thực hiện vụ việc trợ giúp pháp lý**

**1.1 Tham gia tố tụng**

a) Trợ giúp viên pháp lý thực hiện ít nhất 10 vụ việc tham gia tố tụng.

* **Thực hiện:** Trợ giúp viên pháp lý
* **Thời gian:** Cả năm

b) Luật sư ký hợp đồng thực hiện vụ việc theo phân công.

**Thực hiện**: Luật sư ký hợp đồng

**Kết quả**: Vụ việc được thực hiện đúng thời hạn

đ) Thẩm định chất lượng vụ việc

- *Chủ trì*: Phòng Nghiệp vụ, Phòng Hành chính – Tổng hợp
- *Thời gian*: 6 tháng cuối năm

**1.2 Tư vấn pháp luật**

Tư vấn tại trụ sở và qua điện thoại.

### **Nơi nhận:**

- Sở Tư pháp;
- Lưu: VT.

| | **TM. BAN GIÁM ĐỐC**<br>**GIÁM ĐỐC**<br><br>**Lý Văn Tuấn** |
"""


def test_markdown_plan_with_bold_labels_and_letters_under_1_1():
    plan = parse_plan(TUYEN_QUANG_MD)
    check_well_formed(plan)
    assert (plan.number, plan.place, plan.date) == (31, "Tuyên Quang", dt.date(2022, 12, 28))
    assert plan.issuer == "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC"
    assert plan.title == "Công tác trợ giúp pháp lý năm 2023"
    # Signed in December for the next year: "Cả năm" is 2023.
    assert (plan.year, plan.period_year) == (2022, 2023)
    assert [i.path for i in plan.items] == paths(
        "I II II.1 II.1.1 II.1.1.a II.1.1.b II.1.1.đ II.1.2"
    )
    assert plan.item("I").section_role == "purpose"
    officers = plan.item("II.1.1.a")
    assert officers.number == "a"
    assert officers.lead == ["Trợ giúp viên pháp lý"]
    assert officers.timeframe_parsed == {
        "text": "Cả năm",
        "start": "2023-01-01",
        "end": "2023-12-31",
        "recurrence": "none",
    }
    lawyers = plan.item("II.1.1.b")
    assert lawyers.lead == ["Luật sư ký hợp đồng"]
    assert lawyers.result == "Vụ việc được thực hiện đúng thời hạn"
    appraisal = plan.item("II.1.1.đ")
    assert appraisal.lead == [NV, HCTH]
    assert appraisal.timeframe_parsed["start"] == "2023-07-01"
    assert plan.item("II.1.2").kind == "task"
    assert plan.item("II.1.1").kind == "heading"
    assert plan.recipients == ["Sở Tư pháp", "Lưu: VT"]
    assert plan.signer.to_dict() == {
        "name": "Lý Văn Tuấn",
        "title": "GIÁM ĐỐC",
        "on_behalf": "TM. BAN GIÁM ĐỐC",
    }


FREE_TEXT = """\
KẾ HOẠCH
Sinh hoạt chuyên môn quý II năm 2024

1. Tổ chức sinh hoạt chuyên môn về kỹ năng tư vấn pháp luật
1.1. Chuẩn bị tài liệu sinh hoạt chuyên môn.
1.2. Mời báo cáo viên là Trợ giúp viên pháp lý có kinh nghiệm.
2. Đánh giá, rút kinh nghiệm sau buổi sinh hoạt
Các viên chức viết thu hoạch sau buổi sinh hoạt.
"""


def test_plan_without_labels_sections_or_header():
    plan = parse_plan(FREE_TEXT)
    check_well_formed(plan)
    assert plan.title == "Sinh hoạt chuyên môn quý II năm 2024"
    assert (plan.number, plan.symbol, plan.date, plan.year) == (None, None, None, 2024)
    assert [(i.path, i.kind) for i in plan.items] == [
        ("1", "heading"),
        ("1.1", "task"),
        ("1.2", "task"),
        ("2", "task"),
    ]
    assert plan.item("2").body == "Các viên chức viết thu hoạch sau buổi sinh hoạt."
    assert plan.item("1.1").parent == "1"
    assert any("số, ký hiệu" in w for w in plan.warnings)
    assert plan.signer.to_dict() == {"name": None, "title": None, "on_behalf": None}


PLAN_HEAD = "Số: 05/KH-TGPL\nLạng Sơn, ngày 05 tháng 01 năm 2026\nKẾ HOẠCH\nKiểm tra nội bộ\n"
PLAN_BODY = "I. NỘI DUNG\n1. Kiểm tra hồ sơ vụ việc.\n- Thực hiện: Phòng Nghiệp vụ\n"


@pytest.mark.parametrize(
    ("tail", "signer"),
    [
        ("Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nHoàng Thị Bích", ("Hoàng Thị Bích", "GIÁM ĐỐC", None)),
        (
            "Nơi nhận:\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\nNguyễn Văn An",
            ("Nguyễn Văn An", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ),
        (
            "Nơi nhận:\n- Lưu: VT.\nKT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n[daky]\n\nLê Văn Cường",
            ("Lê Văn Cường", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ),
        (
            "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình",
            ("Trần Văn Bình", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"),
        ),
        ("Nơi nhận:\n- Lưu: VT.\nQ. GIÁM ĐỐC\nĐàm Thị Mai", ("Đàm Thị Mai", None, "Q. GIÁM ĐỐC")),
        (
            "Nơi nhận:\n- Lưu: VT.\nTL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\nHà Văn Dũng",
            ("Hà Văn Dũng", "CHÁNH VĂN PHÒNG", "TL. GIÁM ĐỐC"),
        ),
        # The signer column came out first, then the recipients.
        (
            "GIÁM ĐỐC\nHoàng Thị Bích\nNơi nhận:\n- Sở Tư pháp;\n- Lưu: VT.",
            ("Hoàng Thị Bích", "GIÁM ĐỐC", None),
        ),
        # Both columns on the same lines.
        (
            "Nơi nhận: KT. GIÁM ĐỐC\n- Sở Tư pháp; PHÓ GIÁM ĐỐC\n- Lưu: VT.\nVi Văn Đức",
            ("Vi Văn Đức", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ),
    ],
)
def test_signer_forms(tail, signer):
    plan = parse_plan(PLAN_HEAD + PLAN_BODY + tail)
    assert (plan.signer.name, plan.signer.title, plan.signer.on_behalf) == signer
    assert plan.recipients[-1] == "Lưu: VT"
    assert [i.path for i in plan.items] == ["I", "I.1"]  # the signer is not an item's text
    assert plan.item("I.1").body == ""


@pytest.mark.parametrize(
    ("line", "lead", "partners"),
    [
        ("- Thực hiện: Phòng Nghiệp vụ", [NV], []),
        ("- *Thực hiện:* Phòng Nghiệp vụ", [NV], []),
        ("- *Chủ trì*: Phòng Nghiệp vụ", [NV], []),
        ("**Thực hiện:** Phòng Nghiệp vụ", [NV], []),
        ("– Cơ quan chủ trì: Phòng Nghiệp vụ.", [NV], []),
        ("• Đơn vị chủ trì : Phòng Nghiệp vụ;", [NV], []),
        ("+ CHỦ TRÌ: Phòng Nghiệp vụ", [NV], []),
        ("Đơn vị thực hiện: Phòng Nghiệp vụ", [NV], []),
        ("- Phân công thực hiện: Giao Phòng Nghiệp vụ chủ trì.", [NV], []),
        (
            "- Phân công thực hiện: Giao Phòng Nghiệp vụ chủ trì, phối hợp với Chi nhánh số 1.",
            [NV],
            ["Chi nhánh số 1"],
        ),
        ("- Chủ trì: Phòng Nghiệp vụ; Phối hợp: Các Chi nhánh", [NV], ["Các Chi nhánh"]),
        ("- Cơ quan phối hợp: Phòng Hành chính - Tổng hợp", [], [HCTH]),
        (
            "- Đơn vị phối hợp: Phòng Hành chính–Tổng hợp và các Chi nhánh",
            [],
            [HCTH, "Các Chi nhánh"],
        ),
        ("- Phối hợp: Sở Văn hóa, Thể thao và Du lịch", [], ["Sở Văn hóa, Thể thao và Du lịch"]),
        (
            "- Thực hiện: Sở Tư pháp/Phòng Tư pháp các huyện",
            ["Sở Tư pháp", "Phòng Tư pháp các huyện"],
            [],
        ),
    ],
)
def test_labelled_lines(line, lead, partners):
    plan = parse_plan(f"I. NỘI DUNG\n1. Việc cần làm\n{line}\n")
    item = plan.item("I.1")
    assert (item.lead, item.partners) == (lead, partners)
    assert item.kind == "task"
    assert item.body == ""


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("- Thời gian thực hiện: Cả năm 2024.", "Cả năm 2024"),
        ("- *Thời gian*: Quý I/2024", "Quý I/2024"),
        ("- Thời hạn: trước ngày 30/6/2024", "trước ngày 30/6/2024"),
        ("- Tiến độ: Tháng 3 - 4/2024", "Tháng 3 - 4/2024"),
        ("THỜI GIAN: Hằng quý", "Hằng quý"),
    ],
)
def test_timeframe_labels(line, text):
    plan = parse_plan(f"KẾ HOẠCH\nCông tác năm 2024\nI. NỘI DUNG\n1. Việc cần làm\n{line}\n")
    item = plan.item("I.1")
    assert item.timeframe == text
    assert item.timeframe_parsed["text"] == text
    assert item.timeframe_parsed["end"] is not None


# --- .docx --------------------------------------------------------------------------------


def _para(container, *runs):
    """A paragraph of runs: plain strings, or (text, "b"/"i"/"bi") tuples."""
    paragraph = container.add_paragraph()
    for run in runs:
        text, style = (run, "") if isinstance(run, str) else run
        r = paragraph.add_run(text)
        r.bold = "b" in style or None
        r.italic = "i" in style or None
    return paragraph


def _cell(cell, *paragraphs):
    cell.paragraphs[0].add_run("")  # python-docx gives each cell one empty paragraph
    first = True
    for runs in paragraphs:
        runs = runs if isinstance(runs, list) else [runs]
        if first:
            for run in runs:
                text, style = (run, "") if isinstance(run, str) else run
                r = cell.paragraphs[0].add_run(text)
                r.bold, r.italic = ("b" in style or None), ("i" in style or None)
            first = False
        else:
            _para(cell, *runs)


def build_docx() -> bytes:
    import docx

    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    _cell(
        header.cell(0, 0), "SỞ TƯ PHÁP TỈNH LẠNG SƠN", ("TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC", "b")
    )
    _cell(
        header.cell(0, 1),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"),
        ("Độc lập - Tự do - Hạnh phúc", "b"),
    )
    _cell(header.cell(1, 0), "Số: 45/KH-TGPL")
    _cell(header.cell(1, 1), ("Lạng Sơn, ngày 12 tháng 02 năm 2026", "i"))
    _para(document, ("KẾ HOẠCH", "b"))
    _para(document, ("Tổ chức các đợt trợ giúp pháp lý lưu động năm 2026", "b"))
    _para(document, ("Căn cứ Quyết định số 20/QĐ-STP ngày 10/01/2026 của Sở Tư pháp;", "i"))
    _para(
        document,
        "Thực hiện Kế hoạch số 12/KH-TGPL ngày 05/01/2026 của Trung tâm, Trung tâm "
        "xây dựng Kế hoạch như sau:",
    )
    _para(document, ("I. MỤC ĐÍCH, YÊU CẦU", "b"))
    _para(document, "Đưa dịch vụ trợ giúp pháp lý đến gần người dân ở xã đặc biệt khó khăn.")
    _para(document, ("II. NỘI DUNG", "b"))
    _para(document, ("1. Trợ giúp pháp lý lưu động tại xã Tân Đoàn, huyện Văn Quan", "b"))
    _para(document, "- ", ("Chủ trì:", "b"), " Phòng Nghiệp vụ")
    _para(document, "- ", ("Phối hợp", "b"), ": Chi nhánh số 1; UBND xã Tân Đoàn")
    _para(document, ("Thời gian thực hiện", "bi"), ": Tháng 3 - 4/2026")
    _para(document, "- Kinh phí: ", ("3.000.000 đ", "b"))
    _para(document, ("2. Truyền thông về trợ giúp pháp lý", "b"))
    broken = _para(document, "Tổ chức 02 Hội nghị truyền thông")
    broken.runs[0].add_break()  # a manual line break in the middle of the sentence
    broken.add_run("cho người dân tộc thiểu số tại xã Tân Đoàn.")
    _para(document, "- ", ("Thực hiện:", "i"), " Phòng Hành chính – Tổng hợp")
    _para(document, ("III. PHÂN CÔNG CỤ THỂ", "b"))
    tasks = document.add_table(rows=3, cols=6)
    rows = [
        [
            "STT",
            "Nội dung công việc",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời gian hoàn thành",
            "Sản phẩm",
        ],
        [
            "1",
            "Xây dựng kế hoạch chi tiết",
            "Phòng Nghiệp vụ",
            "Phòng Hành chính – Tổng hợp",
            "Quý I/2026",
            "Kế hoạch chi tiết",
        ],
        [
            "2",
            "Tổng kết, báo cáo kết quả",
            "Phòng Hành chính – Tổng hợp",
            "",
            "Trước ngày 15/12/2026",
            "Báo cáo",
        ],
    ]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            tasks.cell(r, c).text = text
    _para(document, ("IV. TỔ CHỨC THỰC HIỆN", "b"))
    _para(document, "Các Phòng, Chi nhánh căn cứ Kế hoạch tổ chức thực hiện./.")
    signer = document.add_table(rows=1, cols=2)
    _cell(
        signer.cell(0, 0),
        ("Nơi nhận:", "bi"),
        "- Sở Tư pháp;",
        "- Các Phòng, Chi nhánh;",
        "- Lưu: VT, NV.",
    )
    _cell(
        signer.cell(0, 1),
        ("KT. GIÁM ĐỐC", "b"),
        ("PHÓ GIÁM ĐỐC", "b"),
        "",
        "",
        ("Lương Thị Hà", "b"),
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_text_keeps_tables_and_bold():
    text = read_plan_text(build_docx(), "Ke hoach 45.DOCX")
    lines = text.split("\n")
    assert "Số: 45/KH-TGPL" in lines
    assert "*Lạng Sơn, ngày 12 tháng 02 năm 2026*" in lines
    assert "**KẾ HOẠCH**" in lines
    assert "- **Chủ trì:** Phòng Nghiệp vụ" in lines
    assert "1. Xây dựng kế hoạch chi tiết" in lines  # a task table row
    assert "- Chủ trì: Phòng Nghiệp vụ" in lines
    assert lines.index("***Nơi nhận:***") < lines.index("**KT. GIÁM ĐỐC**")


def test_docx_plan():
    plan = parse_plan_file(build_docx(), "ke-hoach.docx")
    check_well_formed(plan)
    assert (plan.number, plan.symbol, plan.place, plan.date, plan.year) == (
        45,
        "KH-TGPL",
        "Lạng Sơn",
        dt.date(2026, 2, 12),
        2026,
    )
    assert (plan.parent_agency, plan.issuer) == (
        "SỞ TƯ PHÁP TỈNH LẠNG SƠN",
        "TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC",
    )
    assert plan.title == "Tổ chức các đợt trợ giúp pháp lý lưu động năm 2026"
    assert len(plan.legal_bases) == 2
    assert [i.path for i in plan.items] == paths("I II II.1 II.2 III III.1 III.2 IV")
    mobile = plan.item("II.1")
    assert mobile.lead == [NV]
    assert mobile.partners == ["Chi nhánh số 1", "UBND xã Tân Đoàn"]
    assert (mobile.timeframe_parsed["start"], mobile.timeframe_parsed["end"]) == (
        "2026-03-01",
        "2026-04-30",
    )
    assert mobile.budget_vnd == 3_000_000
    outreach = plan.item("II.2")
    assert outreach.body == (
        "Tổ chức 02 Hội nghị truyền thông cho người dân tộc thiểu số tại xã Tân Đoàn."
    )
    assert outreach.quantities == [{"quantity": 2, "unit": "Hội nghị truyền thông"}]
    assert outreach.lead == [HCTH]
    table_row = plan.item("III.1")
    assert (table_row.title, table_row.lead, table_row.partners, table_row.result) == (
        "Xây dựng kế hoạch chi tiết",
        [NV],
        [HCTH],
        "Kế hoạch chi tiết",
    )
    assert table_row.timeframe_parsed["end"] == "2026-03-31"
    assert plan.item("III.2").timeframe_parsed["end"] == "2026-12-15"
    assert plan.item("III.2").partners == []
    assert plan.recipients == ["Sở Tư pháp", "Các Phòng, Chi nhánh", "Lưu: VT, NV"]
    assert plan.signer.to_dict() == {
        "name": "Lương Thị Hà",
        "title": "PHÓ GIÁM ĐỐC",
        "on_behalf": "KT. GIÁM ĐỐC",
    }
    assert plan.warnings == []


# --- Files and encodings ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ke-hoach.pdf", "ke-hoach", "ke-hoach.odt", "", "a.docx.exe"])
def test_unsupported_extension(name):
    with pytest.raises(PlanParseError, match=r"chỉ nhận \.docx hoặc \.txt"):
        read_plan_text(b"KE HOACH", name)


def test_old_word_format_gets_a_hint():
    with pytest.raises(PlanParseError, match=r"\.docx"):
        read_plan_text(b"\xd0\xcf\x11\xe0", "ke-hoach.doc")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "a.txt"),
        (b"not a zip", "a.docx"),
        (b"PK\x03\x04broken", "a.docx"),
        (b"\x00\x01\x02binary", "a.txt"),
        (b"PK\x03\x04\x00\x00", "a.txt"),
    ],
)
def test_unreadable_files(data, name):
    with pytest.raises(PlanParseError, match="Tệp không đọc được"):
        read_plan_text(data, name)


def test_plan_parse_error_is_a_value_error():
    assert issubclass(PlanParseError, ValueError)


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes a tone mark as a combining character after the base letter."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + "".join(c for c in parts if c in tones)).encode("cp1258")
    return out


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        _cp1258,
    ],
    ids=["utf8", "utf8-bom", "utf16", "nfd", "crlf", "cp1258"],
)
def test_encodings_give_the_same_plan(encode):
    text = SAMPLE_2025.read_text(encoding="utf-8")
    expected = parse_plan(text).to_full_dict()
    assert parse_plan(read_plan_text(encode(text), "plan.TXT")).to_full_dict() == expected


def test_non_breaking_spaces_and_dashes():
    nbsp = "\u00a0"
    em_dash = HCTH.replace("–", "—")
    text = f"I.{nbsp}NỘI DUNG\n1.{nbsp}Việc{nbsp}A\n-{nbsp}Thực{nbsp}hiện:{nbsp}{em_dash}"
    item = parse_plan(text).item("I.1")
    assert item.title == "Việc A"
    assert item.lead == [HCTH]


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
    ]


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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=80).map("".join))
def test_never_crashes_on_random_text(text):
    check_well_formed(parse_plan(text))


def _sample_lines() -> list[str]:
    return SAMPLE_2021.read_text(encoding="utf-8").split("\n") + SAMPLE_2025.read_text(
        encoding="utf-8"
    ).split("\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(_sample_lines()))
def test_never_crashes_on_shuffled_samples(lines):
    check_well_formed(parse_plan("\n".join(lines)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_sample_lines()), max_size=60), st.text(max_size=20))
def test_never_crashes_on_sample_fragments(lines, noise):
    check_well_formed(parse_plan(noise.join(lines)))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.docx", "a.pdf"]))
def test_read_plan_text_raises_only_plan_parse_error(data, name):
    try:
        text = read_plan_text(data, name)
    except PlanParseError:
        return
    check_well_formed(parse_plan(text))
