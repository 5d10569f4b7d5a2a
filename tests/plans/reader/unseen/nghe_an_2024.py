"""Nghệ An centre, thematic plan 2024, typed in Word with numbered heading styles: "Heading
1" and "Heading 2" linked to a multilevel list ("%1." and "%1.%2."), so the numbers are in
neither the text nor the paragraphs but in styles.xml; milestones in a "+" bullet list."""

from tests.plans.reader.wordbuild import WordPlan

FILENAME = "ke-hoach-chuyen-de-tgpl-2024-nghe-an.docx"


def document() -> bytes:
    w = WordPlan()
    w.letterhead(
        "SỞ TƯ PHÁP TỈNH NGHỆ AN\nTRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC",
        "21/KH-TGPL",
        "Nghệ An, ngày 02 tháng 4 năm 2024",
    )
    w.para("KẾ HOẠCH", bold=True)
    w.para("Thực hiện chuyên đề về trợ giúp pháp lý năm 2024", bold=True)
    w.para(
        "Thực hiện Kế hoạch số 05/KH-TGPL ngày 10/01/2024 về công tác trợ giúp pháp lý năm "
        "2024, Trung tâm Trợ giúp pháp lý nhà nước tỉnh Nghệ An xây dựng Kế hoạch thực hiện "
        "chuyên đề năm 2024 như sau:"
    )
    headings = w.num(w.abstract(("decimal", "%1."), ("decimal", "%1.%2.")))
    w.link_style("Heading 1", headings, 0)
    w.link_style("Heading 2", headings, 1)
    steps = w.abstract(("bullet", "+"))
    w.heading("MỤC ĐÍCH, YÊU CẦU", "Heading 1")
    w.heading("Mục đích", "Heading 2")
    w.para("Nâng cao kỹ năng của người thực hiện trợ giúp pháp lý.")
    w.heading("Yêu cầu", "Heading 2")
    w.para("Chuyên đề phải bám sát thực tiễn vụ việc.")
    w.heading("NỘI DUNG, TIẾN ĐỘ THỰC HIỆN", "Heading 1")
    w.heading("Chuyên đề 1: Kỹ năng tư vấn pháp luật cho người khuyết tật", "Heading 2")
    w.para("- Thời gian thực hiện: Quý II/2024")
    w.para("- Thực hiện: Phòng Nghiệp vụ")
    first = w.num(steps)
    w.para("Phòng Nghiệp vụ: xây dựng dự thảo chuyên đề trước ngày 15/5/2024.", num=first)
    w.para("Chi nhánh số 1: phản biện dự thảo trước ngày 30/5/2024.", num=first)
    w.para("Trung tâm tổ chức sinh hoạt chuyên đề trước ngày 20/6/2024.", num=first)
    w.heading("Chuyên đề 2: Trợ giúp pháp lý cho nạn nhân mua bán người", "Heading 2")
    w.para("- Thời gian thực hiện: Quý IV/2024")
    w.para("- Thực hiện: Chi nhánh số 2")
    w.para("- Phối hợp: Công an tỉnh Nghệ An")
    w.heading("Đăng tải 04 chuyên đề trên Trang thông tin điện tử của Sở Tư pháp", "Heading 2")
    w.para("- Thực hiện: Phòng Hành chính – Tổng hợp")
    w.para("- Thời gian: Tháng 7 và tháng 12 năm 2024")
    w.heading("TỔ CHỨC THỰC HIỆN", "Heading 1")
    w.heading("Trách nhiệm của các Phòng, Chi nhánh", "Heading 2")
    w.para("Các Phòng, Chi nhánh chủ động phân công viên chức thực hiện.")
    w.heading("Chế độ báo cáo", "Heading 2")
    w.para("Báo cáo kết quả về Phòng Hành chính – Tổng hợp trước ngày 20/12/2024.")
    w.signature(
        ["- Sở Tư pháp (b/c);", "- Các Phòng, Chi nhánh;", "- Lưu: VT, NV."],
        ["GIÁM ĐỐC", "", "", "Trần Thị Minh Hà"],
    )
    return w.bytes()


EXPECTED = {
    "number": 21,
    "symbol": "KH-TGPL",
    "date": "2024-04-02",
    "year": 2024,
    "issuer": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Nghệ An",
    "kind": "thematic",
    "title": "Thực hiện chuyên đề về trợ giúp pháp lý năm 2024",
    "signer": {"name": "Trần Thị Minh Hà", "title": "GIÁM ĐỐC", "on_behalf": None},
    "recipients": ["Sở Tư pháp (b/c)", "Các Phòng, Chi nhánh", "Lưu: VT, NV"],
    "items": {
        "1": {},
        "1.1": {},
        "1.2": {},
        "2": {},
        "2.1": {
            "lead": ["Phòng Nghiệp vụ"],
            "partners": [],
            "dates": ("2024-04-01", "2024-06-30"),
            "recurrence": "none",
            "targets": [],
        },
        "2.2": {
            "lead": ["Chi nhánh số 2"],
            "partners": ["Công an tỉnh Nghệ An"],
            "dates": ("2024-10-01", "2024-12-31"),
            "recurrence": "none",
            "targets": [],
        },
        "2.3": {
            "lead": ["Phòng Hành chính – Tổng hợp"],
            "partners": [],
            "dates": (
                "2024-07-01",
                "2024-12-31",
                [("2024-07-01", "2024-07-31"), ("2024-12-01", "2024-12-31")],
            ),
            "recurrence": "none",
            "targets": [(4, "chuyên đề")],
        },
        "3": {},
        "3.1": {},
        "3.2": {},
    },
}

MILESTONES = [
    ("Phòng Nghiệp vụ", "2024-05-15"),
    ("Chi nhánh số 1", "2024-05-30"),
    ("Trung tâm", "2024-06-20"),  # "Trung tâm tổ chức ...": the centre as a whole
]
