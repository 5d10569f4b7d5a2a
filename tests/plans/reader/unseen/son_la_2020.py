"""Sơn La centre, policy plan 2020 (Quyết định 32/2016/QĐ-TTg), typed in Word with one
multilevel list: "I." (upperRoman), "1." and "a)" (lowerLetter "%3)"), the lower levels
restarting under each higher one as Word restarts them; the centre's name on two lines."""

from tests.plans.reader.wordbuild import WordPlan

FILENAME = "ke-hoach-thuc-hien-qd32-2020-son-la.docx"


def document() -> bytes:
    w = WordPlan()
    w.letterhead(
        "SỞ TƯ PHÁP TỈNH SƠN LA\nTRUNG TÂM TRỢ GIÚP PHÁP LÝ\nNHÀ NƯỚC",
        "07/KH-TGPL",
        "Sơn La, ngày 14 tháng 02 năm 2020",
    )
    w.para("KẾ HOẠCH", bold=True)
    w.para("Thực hiện Quyết định số 32/2016/QĐ-TTg của Thủ tướng Chính phủ năm 2020", bold=True)
    w.para(
        "Thực hiện Quyết định số 32/2016/QĐ-TTg ngày 08/8/2016 của Thủ tướng Chính phủ ban "
        "hành chính sách trợ giúp pháp lý cho người nghèo, đồng bào dân tộc thiểu số tại các "
        "huyện nghèo, xã nghèo, thôn, bản đặc biệt khó khăn giai đoạn 2016 - 2020 và vụ việc "
        "phức tạp, điển hình; Trung tâm Trợ giúp pháp lý nhà nước tỉnh Sơn La xây dựng Kế "
        "hoạch thực hiện năm 2020 như sau:"
    )
    plan_list = w.num(w.abstract(("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")))
    w.para("MỤC ĐÍCH, YÊU CẦU", num=plan_list, bold=True)
    w.para(
        "Bảo đảm người dân tộc thiểu số ở thôn, bản đặc biệt khó khăn được trợ giúp pháp lý "
        "khi có yêu cầu."
    )
    w.para("NỘI DUNG", num=plan_list, bold=True)
    w.para("Trợ giúp pháp lý lưu động", num=plan_list, ilvl=1, bold=True)
    w.para(
        "Tổ chức 12 đợt trợ giúp pháp lý lưu động tại các xã đặc biệt khó khăn",
        num=plan_list,
        ilvl=2,
    )
    w.para("- Thực hiện: Luật sư thực hiện TGPL của Trung tâm, Cộng tác viên")
    w.para("- Thời gian: Quý I - III/2020")
    w.para("Biên soạn, in 2.000 tờ gấp song ngữ Việt - Thái", num=plan_list, ilvl=2)
    w.para("- Chủ trì: Phòng Nghiệp vụ")
    w.para("- Phối hợp: Ban Dân tộc tỉnh")
    w.para("- Thời gian: Tháng 5, 7/2020")
    w.para("Bồi dưỡng người thực hiện trợ giúp pháp lý", num=plan_list, ilvl=1, bold=True)
    w.para(
        "Tổ chức 01 lớp tập huấn kỹ năng trợ giúp pháp lý cho người dân tộc thiểu số",
        num=plan_list,
        ilvl=2,
    )
    w.para("- Chủ trì: Phòng Hành chính – Tổng hợp")
    w.para("- Phối hợp: Phòng Nghiệp vụ, các Chi nhánh")
    w.para("- Thời gian: Quý III/2020")
    w.para("- Kinh phí: 45 triệu đồng")
    w.para(
        "Cử Trợ giúp viên pháp lý tham gia tố tụng các vụ việc phức tạp, điển hình",
        num=plan_list,
        ilvl=2,
    )
    w.para("- Thực hiện: Các Trợ giúp viên pháp lý")
    w.para("- Thời gian: Hằng quý")
    w.para("KINH PHÍ", num=plan_list, bold=True)
    w.para("Từ nguồn kinh phí thực hiện Quyết định số 32/2016/QĐ-TTg năm 2020 được giao.")
    w.para("TỔ CHỨC THỰC HIỆN", num=plan_list, bold=True)
    w.para(
        "Phòng Hành chính – Tổng hợp theo dõi, đôn đốc việc thực hiện Kế hoạch.",
        num=plan_list,
        ilvl=1,
    )
    w.para("Các Phòng, Chi nhánh báo cáo kết quả hằng quý.", num=plan_list, ilvl=1)
    w.signature(
        ["- Sở Tư pháp (b/c);", "- Lãnh đạo Trung tâm;", "- Lưu: VT."],
        ["GIÁM ĐỐC", "", "", "Lò Thị Hương"],
    )
    return w.bytes()


EXPECTED = {
    "number": 7,
    "symbol": "KH-TGPL",
    "date": "2020-02-14",
    "year": 2020,
    "issuer": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Sơn La",
    "kind": "policy",
    "title": "Thực hiện Quyết định số 32/2016/QĐ-TTg của Thủ tướng Chính phủ năm 2020",
    "signer": {"name": "Lò Thị Hương", "title": "GIÁM ĐỐC", "on_behalf": None},
    "recipients": ["Sở Tư pháp (b/c)", "Lãnh đạo Trung tâm", "Lưu: VT"],
    "items": {
        "I": {},
        "II": {},
        "II.1": {},
        "II.1.a": {
            "lead": ["Luật sư thực hiện TGPL của Trung tâm", "Cộng tác viên"],
            "partners": [],
            "dates": ("2020-01-01", "2020-09-30"),
            "recurrence": "none",
            "targets": [(12, "đợt trợ giúp pháp lý lưu động")],
        },
        "II.1.b": {
            "lead": ["Phòng Nghiệp vụ"],
            "partners": ["Ban Dân tộc tỉnh"],
            "dates": (
                "2020-05-01",
                "2020-07-31",
                [("2020-05-01", "2020-05-31"), ("2020-07-01", "2020-07-31")],
            ),
            "recurrence": "none",
            "targets": [(2000, "tờ gấp")],
        },
        "II.2": {},
        "II.2.a": {
            "lead": ["Phòng Hành chính – Tổng hợp"],
            "partners": ["Phòng Nghiệp vụ", "Các Chi nhánh"],
            "dates": ("2020-07-01", "2020-09-30"),
            "recurrence": "none",
            "targets": [(1, "lớp tập huấn")],
        },
        "II.2.b": {
            "lead": ["Các Trợ giúp viên pháp lý"],
            "partners": [],
            "dates": ("2020-01-01", "2020-12-31"),
            "recurrence": "quarterly",
            "targets": [],
        },
        "III": {},
        "IV": {},
        "IV.1": {},
        "IV.2": {},
    },
}
