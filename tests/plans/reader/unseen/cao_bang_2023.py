"""Cao Bằng centre, annual plan 2023, typed in Word: Roman headings by one list, items by
another that each section restarts ("Restart at 1"), sub-items "%1.%2.", a letterhead
and a signer table. Every number is Word's: none is in the text."""

from tests.plans.reader.wordbuild import WordPlan

FILENAME = "ke-hoach-cong-tac-tgpl-2023-cao-bang.docx"


def document() -> bytes:
    w = WordPlan()
    w.letterhead(
        "SỞ TƯ PHÁP TỈNH CAO BẰNG\nTRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC",
        "15/KH-TGPL",
        "Cao Bằng, ngày 10 tháng 02 năm 2023",
    )
    w.para("KẾ HOẠCH", bold=True)
    w.para("Công tác trợ giúp pháp lý năm 2023", bold=True)
    w.para("Căn cứ Luật Trợ giúp pháp lý ngày 20 tháng 6 năm 2017;", italic=True)
    w.para(
        "Thực hiện Kế hoạch số 09/KH-STP ngày 20/01/2023 của Sở Tư pháp tỉnh Cao Bằng về "
        "công tác tư pháp năm 2023, Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng xây "
        "dựng Kế hoạch công tác trợ giúp pháp lý năm 2023 như sau:"
    )
    headings = w.num(w.abstract(("upperRoman", "%1.")))
    items = w.abstract(("decimal", "%1."), ("decimal", "%1.%2."))
    section_1 = w.num(items)
    w.para("MỤC ĐÍCH, YÊU CẦU", num=headings, bold=True)
    w.para("Mục đích", num=section_1, bold=True)
    w.para(
        "Bảo đảm người được trợ giúp pháp lý được tiếp cận dịch vụ trợ giúp pháp lý kịp thời, "
        "chất lượng."
    )
    w.para("Yêu cầu", num=section_1, bold=True)
    w.para("Các nhiệm vụ phải cụ thể, gắn trách nhiệm của từng Phòng, Chi nhánh.")
    w.para("NỘI DUNG CÔNG VIỆC", num=headings, bold=True)
    section_2 = w.num(items, restart={0: 1})
    w.para("Thực hiện vụ việc trợ giúp pháp lý", num=section_2, bold=True)
    w.para(
        "Tiếp nhận, thụ lý và thực hiện các vụ việc trợ giúp pháp lý đúng quy định",
        num=section_2,
        ilvl=1,
    )
    w.para("- Thực hiện: Các Trợ giúp viên pháp lý, Luật sư thực hiện TGPL của Trung tâm")
    w.para("- Thời gian: Thường xuyên")
    w.para("Cử người thực hiện trợ giúp pháp lý tham gia tố tụng", num=section_2, ilvl=1)
    w.para("- Chủ trì: Phòng Nghiệp vụ")
    w.para("- Phối hợp: Chi nhánh số 1, Chi nhánh số 2")
    w.para("- Thời gian: Cả năm 2023")
    w.para("- Kết quả: Quyết định cử người thực hiện trợ giúp pháp lý")
    w.para("Truyền thông về trợ giúp pháp lý", num=section_2, bold=True)
    w.para(
        "Phối hợp với Đài Phát thanh – Truyền hình tỉnh thực hiện 12 chương trình phát thanh "
        "về trợ giúp pháp lý",
        num=section_2,
        ilvl=1,
    )
    w.para("- Chủ trì: Phòng Hành chính – Tổng hợp")
    w.para("- Phối hợp: Đài Phát thanh – Truyền hình tỉnh Cao Bằng")
    w.para("- Thời gian: Hằng tháng")
    w.para("- Kinh phí: 36.000.000 đồng")
    w.para(
        "Tổ chức truyền thông trực tiếp tại 10 huyện và 120 xã, thôn đặc biệt khó khăn",
        num=section_2,
        ilvl=1,
    )
    w.para("- Chủ trì: Các Phòng, Chi nhánh")
    w.para("- Phối hợp: Ủy ban nhân dân các huyện, Ban Dân tộc tỉnh")
    w.para("- Thời gian: Quý II, IV")
    w.para("Kiểm tra, đánh giá chất lượng vụ việc", num=section_2, bold=True)
    w.para(
        "Lãnh đạo Trung tâm kiểm tra hồ sơ vụ việc trợ giúp pháp lý đã kết thúc",
        num=section_2,
        ilvl=1,
    )
    w.para("- Chủ trì: Lãnh đạo Trung tâm")
    w.para("- Phối hợp: Phòng Nghiệp vụ")
    w.para("- Thời gian: Tháng 6 và tháng 12 năm 2023")
    w.para("TỔ CHỨC THỰC HIỆN", num=headings, bold=True)
    section_3 = w.num(items, restart={0: 1})
    w.para("Các Phòng, Chi nhánh căn cứ Kế hoạch này chủ động triển khai thực hiện.", num=section_3)
    w.para(
        "Phòng Hành chính – Tổng hợp tổng hợp kết quả, báo cáo Giám đốc trước ngày 15/12/2023.",
        num=section_3,
    )
    w.para("Trên đây là Kế hoạch công tác trợ giúp pháp lý năm 2023 của Trung tâm./.")
    w.signature(
        [
            "- Sở Tư pháp (b/c);",
            "- Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý (b/c);",
            "- Các Phòng, Chi nhánh;",
            "- Lưu: VT, HCTH.",
        ],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "(Đã ký)", "", "Nông Thị Thu"],
    )
    return w.bytes()


YEAR = ("2023-01-01", "2023-12-31")
EXPECTED = {
    "number": 15,
    "symbol": "KH-TGPL",
    "date": "2023-02-10",
    "year": 2023,
    "issuer": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng",
    "kind": "annual",
    "title": "Công tác trợ giúp pháp lý năm 2023",
    "signer": {"name": "Nông Thị Thu", "title": "PHÓ GIÁM ĐỐC", "on_behalf": "KT. GIÁM ĐỐC"},
    "recipients": [
        "Sở Tư pháp (b/c)",
        "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý (b/c)",
        "Các Phòng, Chi nhánh",
        "Lưu: VT, HCTH",
    ],
    "items": {
        "I": {},
        "I.1": {},
        "I.2": {},
        "II": {},
        "II.1": {},
        "II.1.1": {
            "lead": ["Các Trợ giúp viên pháp lý", "Luật sư thực hiện TGPL của Trung tâm"],
            "partners": [],
            "dates": YEAR,
            "recurrence": "continuous",
            "targets": [],
        },
        "II.1.2": {
            "lead": ["Phòng Nghiệp vụ"],
            "partners": ["Chi nhánh số 1", "Chi nhánh số 2"],
            "dates": YEAR,
            "recurrence": "none",
            "targets": [],
        },
        "II.2": {},
        "II.2.1": {
            "lead": ["Phòng Hành chính – Tổng hợp"],
            "partners": ["Đài Phát thanh – Truyền hình tỉnh Cao Bằng"],
            "dates": YEAR,
            "recurrence": "monthly",
            "targets": [(12, "chương trình phát thanh")],
        },
        "II.2.2": {
            "lead": ["Các Phòng, Chi nhánh"],
            "partners": ["Ủy ban nhân dân các huyện", "Ban Dân tộc tỉnh"],
            "dates": (
                "2023-04-01",
                "2023-12-31",
                [("2023-04-01", "2023-06-30"), ("2023-10-01", "2023-12-31")],
            ),
            "recurrence": "none",
            "targets": [(10, "huyện"), (120, "xã, thôn")],
        },
        "II.3": {},
        "II.3.1": {
            "lead": ["Lãnh đạo Trung tâm"],
            "partners": ["Phòng Nghiệp vụ"],
            "dates": (
                "2023-06-01",
                "2023-12-31",
                [("2023-06-01", "2023-06-30"), ("2023-12-01", "2023-12-31")],
            ),
            "recurrence": "none",
            "targets": [],
        },
        "III": {},
        "III.1": {},
        "III.2": {},
    },
}
