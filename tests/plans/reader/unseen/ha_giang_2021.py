"""Hà Giang centre, annual plan 2021, as the .pdf a provincial portal publishes: printed
from a page with the NĐ 30/2020 two-column letterhead, justified paragraphs that the PDF
breaks into lines, and page numbers. Built with WeasyPrint (the PDF engine of the app)."""

import html

FILENAME = "ke-hoach-cong-tac-tgpl-2021-ha-giang.pdf"

BODY = [
    ("b", "KẾ HOẠCH"),
    ("b", "Triển khai công tác trợ giúp pháp lý năm 2021"),
    (
        "i",
        "Căn cứ Kế hoạch số 18/KH-STP ngày 25/01/2021 của Sở Tư pháp tỉnh Hà Giang về công "
        "tác tư pháp năm 2021;",
    ),
    (
        "p",
        "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Giang xây dựng Kế hoạch triển khai công "
        "tác trợ giúp pháp lý năm 2021 như sau:",
    ),
    ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
    (
        "p",
        "1. Triển khai kịp thời, hiệu quả các nhiệm vụ trợ giúp pháp lý cho người dân tộc "
        "thiểu số ở vùng đặc biệt khó khăn của tỉnh.",
    ),
    ("b", "II. NỘI DUNG"),
    (
        "p",
        "1. Thực hiện trợ giúp pháp lý lưu động tại các xã, thôn đặc biệt khó khăn của các "
        "huyện vùng cao núi đá phía Bắc, kết hợp truyền thông về trợ giúp pháp lý tại 30 xã",
    ),
    ("p", "- Chủ trì: Phòng Nghiệp vụ"),
    ("p", "- Phối hợp: Ủy ban nhân dân các xã, Hội Liên hiệp Phụ nữ tỉnh"),
    ("p", "- Thời gian thực hiện: Quý II, IV/2021"),
    (
        "p",
        "2. Phối hợp với Đài Phát thanh và Truyền hình Hà Giang xây dựng 06 chuyên mục "
        "trợ giúp pháp lý bằng tiếng Mông, tiếng Dao",
    ),
    ("p", "- Chủ trì: Phòng Hành chính – Tổng hợp"),
    ("p", "- Phối hợp: Đài Phát thanh và Truyền hình Hà Giang"),
    ("p", "- Thời gian thực hiện: Quý III/2021"),
    ("p", "- Kinh phí: 30.000.000 đồng"),
    ("p", "3. Thực hiện các vụ việc tham gia tố tụng"),
    ("p", "- Thực hiện: Các Trợ giúp viên pháp lý"),
    ("p", "- Thời gian thực hiện: Cả năm 2021"),
    ("b", "III. TỔ CHỨC THỰC HIỆN"),
    (
        "p",
        "1. Các Phòng, Chi nhánh căn cứ Kế hoạch này chủ động triển khai thực hiện, báo cáo "
        "kết quả về Phòng Hành chính – Tổng hợp trước ngày 10/12/2021./.",
    ),
]


def _html() -> str:
    cell = 'style="width:50%;text-align:center;vertical-align:top"'
    head = (
        "<table style='width:100%'><tr>"
        f"<td {cell}>SỞ TƯ PHÁP TỈNH HÀ GIANG<br><b>TRUNG TÂM TRỢ GIÚP PHÁP LÝ NHÀ NƯỚC</b>"
        "<br><br>Số: 11/KH-TGPL</td>"
        f"<td {cell}><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh "
        "phúc</b><br><br><i>Hà Giang, ngày 03 tháng 02 năm 2021</i></td></tr></table>"
    )
    body = "".join(
        f"<p style='text-align:{'center' if kind == 'b' and i < 2 else 'justify'}'>"
        + (f"<b>{html.escape(text)}</b>" if kind == "b" else "")
        + (f"<i>{html.escape(text)}</i>" if kind == "i" else "")
        + (html.escape(text) if kind == "p" else "")
        + "</p>"
        for i, (kind, text) in enumerate(BODY)
    )
    sign = (
        "<table style='width:100%'><tr>"
        "<td style='width:50%;vertical-align:top'><b><i>Nơi nhận:</i></b><br>- Sở Tư pháp "
        "(b/c);<br>- Các Phòng, Chi nhánh;<br>- Lưu: VT.</td>"
        "<td style='width:50%;text-align:center;vertical-align:top'><b>GIÁM ĐỐC</b><br><br>"
        "<br><b>Vàng Thị Mỷ</b></td></tr></table>"
    )
    style = (
        "<style>@page{size:A4;margin:20mm 15mm 20mm 30mm;@bottom-center{content:counter(page)}}"
        "body{font-family:'Liberation Serif',serif;font-size:14pt}</style>"
    )
    return f"<html><head><meta charset='utf-8'>{style}</head><body>{head}{body}{sign}</body></html>"


def document() -> bytes:
    from weasyprint import HTML

    return HTML(string=_html()).write_pdf()


EXPECTED = {
    "number": 11,
    "symbol": "KH-TGPL",
    "date": "2021-02-03",
    "year": 2021,
    "issuer": "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Giang",
    "kind": "annual",
    "title": "Triển khai công tác trợ giúp pháp lý năm 2021",
    "signer": {"name": "Vàng Thị Mỷ", "title": "GIÁM ĐỐC", "on_behalf": None},
    "recipients": ["Sở Tư pháp (b/c)", "Các Phòng, Chi nhánh", "Lưu: VT"],
    "items": {
        "I": {},
        "I.1": {},
        "II": {},
        "II.1": {
            "lead": ["Phòng Nghiệp vụ"],
            "partners": ["Ủy ban nhân dân các xã", "Hội Liên hiệp Phụ nữ tỉnh"],
            "dates": (
                "2021-04-01",
                "2021-12-31",
                [("2021-04-01", "2021-06-30"), ("2021-10-01", "2021-12-31")],
            ),
            "recurrence": "none",
            "targets": [(30, "xã")],
        },
        "II.2": {
            "lead": ["Phòng Hành chính – Tổng hợp"],
            "partners": ["Đài Phát thanh và Truyền hình Hà Giang"],
            "dates": ("2021-07-01", "2021-09-30"),
            "recurrence": "none",
            "targets": [(6, "chuyên mục")],
        },
        "II.3": {
            "lead": ["Các Trợ giúp viên pháp lý"],
            "partners": [],
            "dates": ("2021-01-01", "2021-12-31"),
            "recurrence": "none",
            "targets": [],
        },
        "III": {},
        "III.1": {},
    },
}
