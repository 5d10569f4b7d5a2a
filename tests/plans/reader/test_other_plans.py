"""plans.reader: plans of other centres and provinces, in their own wordings;
signer blocks and labelled lines."""

import datetime as dt
from dataclasses import asdict

import pytest

from plans.reader import (
    parse_plan,
)
from tests.plans.reader.support import (
    HCTH,
    NV,
    check_well_formed,
    paths,
)

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
    assert asdict(plan.signer) == {
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
    assert asdict(plan.signer) == {
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
    assert asdict(plan.signer) == {
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
    assert asdict(plan.signer) == {"name": None, "title": None, "on_behalf": None}


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
