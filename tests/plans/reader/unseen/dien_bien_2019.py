"""Điện Biên Department of Justice, communication plan 2019, typed in Word: the tasks in a
table whose STT column and merged heading rows are numbered by Word's lists (restarted
under each heading), and the "III." after the table continuing the table's heading list."""

from tests.plans.reader.wordbuild import WordPlan

FILENAME = "ke-hoach-truyen-thong-tgpl-2019-dien-bien.docx"


def document() -> bytes:
    w = WordPlan()
    w.letterhead(
        "UBND TỈNH ĐIỆN BIÊN\nSỞ TƯ PHÁP", "48/KH-STP", "Điện Biên, ngày 22 tháng 3 năm 2019"
    )
    w.para("KẾ HOẠCH", bold=True)
    w.para("Truyền thông về trợ giúp pháp lý năm 2019", bold=True)
    w.para(
        "Căn cứ Quyết định số 32/2016/QĐ-TTg ngày 08/8/2016 của Thủ tướng Chính phủ ban hành "
        "chính sách trợ giúp pháp lý cho người nghèo, đồng bào dân tộc thiểu số tại các huyện "
        "nghèo, xã nghèo;",
        italic=True,
    )
    w.para(
        "Sở Tư pháp ban hành Kế hoạch truyền thông về trợ giúp pháp lý năm 2019 trên địa bàn "
        "tỉnh Điện Biên như sau:"
    )
    headings = w.num(w.abstract(("upperRoman", "%1.")))
    rows_list = w.abstract(("decimal", "%1."))
    first, second = w.num(rows_list), w.num(rows_list, restart={0: 1})

    def numbered(num, text=""):
        return lambda cell: w.para(text, num=num, container=cell)

    header = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    header += ["Thời gian thực hiện", "Sản phẩm"]
    centre = "Trung tâm Trợ giúp pháp lý nhà nước"
    w.table(
        [
            header,
            [numbered(headings, "TRUYỀN THÔNG TRÊN CÁC PHƯƠNG TIỆN THÔNG TIN ĐẠI CHÚNG")],
            [
                numbered(first),
                "Xây dựng 04 chuyên mục về trợ giúp pháp lý trên Báo Điện Biên Phủ",
                centre,
                "Báo Điện Biên Phủ",
                "Quý II, III/2019",
                "04 chuyên mục",
            ],
            [
                numbered(first),
                "Phát sóng 12 chương trình phát thanh bằng tiếng Thái, tiếng Mông",
                centre,
                "Đài Phát thanh – Truyền hình tỉnh",
                "Hằng tháng",
                "12 chương trình phát thanh",
            ],
            [numbered(headings, "TRUYỀN THÔNG TRỰC TIẾP")],
            [
                numbered(second),
                "Tổ chức 20 buổi truyền thông tại các xã đặc biệt khó khăn",
                centre,
                "UBND các huyện, UBND các xã",
                "Quý III/2019",
                "20 buổi",
            ],
            [
                numbered(second),
                "Cấp phát 5.000 tờ gấp pháp luật về trợ giúp pháp lý",
                "Phòng Phổ biến, giáo dục pháp luật",
                centre,
                "Trước ngày 30/6/2019",
                "5.000 tờ gấp",
            ],
            [
                numbered(second),
                "Kiểm tra việc thực hiện Kế hoạch tại 10 huyện",
                "Lãnh đạo Sở",
                centre,
                "Quý IV/2019",
                "Báo cáo kết quả kiểm tra",
            ],
        ],
        borders=True,
    )
    w.para("TỔ CHỨC THỰC HIỆN", num=headings, bold=True)
    organisation = w.num(rows_list, restart={0: 1})
    w.para(
        "Trung tâm Trợ giúp pháp lý nhà nước chủ trì, theo dõi việc thực hiện Kế hoạch.",
        num=organisation,
    )
    w.para(
        "Các cơ quan, đơn vị báo cáo kết quả về Sở Tư pháp trước ngày 15/12/2019.",
        num=organisation,
    )
    w.signature(
        ["- UBND tỉnh (b/c);", "- Cục Trợ giúp pháp lý;", "- Giám đốc Sở;", "- Lưu: VT, TGPL."],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Lò Văn Tuấn"],
    )
    return w.bytes()


CENTRE = ["Trung tâm Trợ giúp pháp lý nhà nước"]
EXPECTED = {
    "number": 48,
    "symbol": "KH-STP",
    "date": "2019-03-22",
    "year": 2019,
    "issuer": "Sở Tư pháp tỉnh Điện Biên",
    "kind": "other",
    "title": "Truyền thông về trợ giúp pháp lý năm 2019",
    "signer": {"name": "Lò Văn Tuấn", "title": "PHÓ GIÁM ĐỐC", "on_behalf": "KT. GIÁM ĐỐC"},
    "recipients": ["UBND tỉnh (b/c)", "Cục Trợ giúp pháp lý", "Giám đốc Sở", "Lưu: VT, TGPL"],
    "items": {
        "I": {},
        "I.1": {
            "lead": CENTRE,
            "partners": ["Báo Điện Biên Phủ"],
            "dates": (
                "2019-04-01",
                "2019-09-30",
                [("2019-04-01", "2019-06-30"), ("2019-07-01", "2019-09-30")],
            ),
            "recurrence": "none",
            "targets": [(4, "chuyên mục")],
        },
        "I.2": {
            "lead": CENTRE,
            "partners": ["Đài Phát thanh – Truyền hình tỉnh"],
            "dates": ("2019-01-01", "2019-12-31"),
            "recurrence": "monthly",
            "targets": [(12, "chương trình phát thanh")],
        },
        "II": {},
        "II.1": {
            "lead": CENTRE,
            "partners": ["UBND các huyện", "UBND các xã"],
            "dates": ("2019-07-01", "2019-09-30"),
            "recurrence": "none",
            "targets": [(20, "buổi truyền thông")],
        },
        "II.2": {
            "lead": ["Phòng Phổ biến, giáo dục pháp luật"],
            "partners": CENTRE,
            "dates": (None, "2019-06-30"),
            "recurrence": "none",
            "targets": [(5000, "tờ gấp")],
        },
        "II.3": {
            "lead": ["Lãnh đạo Sở"],
            "partners": CENTRE,
            "dates": ("2019-10-01", "2019-12-31"),
            "recurrence": "none",
            "targets": [(10, "huyện")],
        },
        "III": {},
        "III.1": {},
        "III.2": {},
    },
}
