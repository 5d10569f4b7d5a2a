"""plans.reader: .docx (tables, bold runs) and .txt in every common encoding."""

import datetime as dt
import io
import unicodedata
from dataclasses import asdict

import pytest

from plans.reader import (
    PlanParseError,
    parse_plan,
    parse_plan_file,
    read_plan_text,
)
from tests.plans.reader.support import (
    HCTH,
    NV,
    SAMPLE_2025,
    check_well_formed,
    paths,
)

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
    assert asdict(plan.signer) == {
        "name": "Lương Thị Hà",
        "title": "PHÓ GIÁM ĐỐC",
        "on_behalf": "KT. GIÁM ĐỐC",
    }
    assert plan.warnings == []


# --- Files and encodings ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["ke-hoach.rtf", "ke-hoach", "ke-hoach.odt", "", "a.docx.exe"])
def test_unsupported_extension(name):
    with pytest.raises(PlanParseError, match=r"chỉ nhận \.docx, \.pdf hoặc \.txt"):
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
    expected = parse_plan(text)
    assert parse_plan(read_plan_text(encode(text), "plan.TXT")) == expected


def test_non_breaking_spaces_and_dashes():
    nbsp = "\u00a0"
    em_dash = HCTH.replace("–", "—")
    text = f"I.{nbsp}NỘI DUNG\n1.{nbsp}Việc{nbsp}A\n-{nbsp}Thực{nbsp}hiện:{nbsp}{em_dash}"
    item = parse_plan(text).item("I.1")
    assert item.title == "Việc A"
    assert item.lead == [HCTH]
