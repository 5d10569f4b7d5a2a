"""Quảng Ninh inter-agency council on legal aid in proceedings, coordination plan 2022, as
the text a PDF copy gives: lines broken mid-sentence (in the letterhead, the title, the
legal bases and the tasks), page numbers between pages, labels inline after the task."""

FILENAME = "ke-hoach-phoi-hop-lien-nganh-2022-quang-ninh.txt"

TEXT = """\
HỘI ĐỒNG PHỐI HỢP LIÊN NGÀNH
VỀ TRỢ GIÚP PHÁP LÝ TRONG HOẠT
ĐỘNG TỐ TỤNG TỈNH QUẢNG NINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 02/KH-HĐPHLN Quảng Ninh, ngày 18 tháng 02 năm 2022

KẾ HOẠCH
Phối hợp thực hiện trợ giúp pháp lý trong hoạt
động tố tụng năm 2022

Căn cứ Thông tư liên tịch số 10/2018/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC ngày
26/6/2018 quy định phối hợp thực hiện trợ giúp pháp lý trong hoạt động tố tụng;
Căn cứ Kế hoạch số
15/KH-HĐPHLN ngày 10/01/2022 của Hội đồng phối hợp liên ngành Trung ương về trợ giúp
pháp lý trong hoạt động tố tụng;
Hội đồng phối hợp liên ngành về trợ giúp pháp lý trong hoạt động tố tụng tỉnh Quảng Ninh
ban hành Kế hoạch phối hợp năm 2022 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Tăng cường phối hợp giữa các cơ quan tiến hành tố tụng với Trung tâm Trợ giúp pháp
lý nhà nước trong việc giải thích, thông báo về quyền được trợ giúp pháp lý.
2. Nâng cao số lượng và chất lượng vụ việc tham gia tố tụng.

II. NỘI DUNG
1. Niêm yết thông tin về trợ giúp pháp lý tại 13 cơ sở giam giữ và trụ sở cơ quan
tiến hành tố tụng. Chủ trì: Công an tỉnh; Phối hợp: Trung tâm Trợ giúp pháp lý nhà nước;
Thời gian: Quý I/2022.
2. Tổ chức 02 Hội nghị sơ kết công tác phối hợp của Hội đồng phối hợp liên ngành
- Chủ trì: Sở Tư pháp
- Phối hợp: Tòa án nhân dân tỉnh, Viện kiểm sát nhân dân tỉnh, Công an tỉnh
- Thời gian: Tháng 6 và tháng 12/2022
- 2 -
3. Kiểm tra liên ngành việc thực hiện Thông tư liên tịch số 10/2018/TTLT-BTP-BCA-BQP-
BTC-TANDTC-VKSNDTC tại 05 huyện, thị xã, thành phố
- Chủ trì: Sở Tư pháp
- Phối hợp: Các thành viên Hội đồng
- Thời gian: Quý III năm 2022
4. Giới thiệu người bị buộc tội thuộc diện được trợ giúp pháp lý đến Trung tâm
- Chủ trì: Cơ quan điều tra Công an tỉnh
- Phối hợp: Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh
- Thời gian: Thường xuyên

III. TỔ CHỨC THỰC HIỆN
1. Các cơ quan thành viên căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị mình.
2. Sở Tư pháp (Trung tâm Trợ giúp pháp lý nhà nước) là cơ quan thường trực, tổng hợp kết
quả, báo cáo Hội đồng trước ngày 15/12/2022./.

Nơi nhận:
- Hội đồng PHLN Trung ương (b/c);
- Thường trực Tỉnh ủy, UBND tỉnh (b/c);
- Các thành viên Hội đồng;
- Lưu: VT, HĐPHLN.
TM. HỘI ĐỒNG
CHỦ TỊCH

- 3 -
Vũ Văn Diện
"""


def document() -> bytes:
    return TEXT.encode("utf-8")


EXPECTED = {
    "number": 2,
    "symbol": "KH-HĐPHLN",
    "date": "2022-02-18",
    "year": 2022,
    "issuer": (
        "Hội đồng phối hợp liên ngành về trợ giúp pháp lý trong hoạt động tố tụng tỉnh Quảng Ninh"
    ),
    "kind": "coordination",
    "title": "Phối hợp thực hiện trợ giúp pháp lý trong hoạt động tố tụng năm 2022",
    "signer": {"name": "Vũ Văn Diện", "title": "CHỦ TỊCH", "on_behalf": "TM. HỘI ĐỒNG"},
    "recipients": [
        "Hội đồng PHLN Trung ương (b/c)",
        "Thường trực Tỉnh ủy, UBND tỉnh (b/c)",
        "Các thành viên Hội đồng",
        "Lưu: VT, HĐPHLN",
    ],
    "items": {
        "I": {},
        "I.1": {},
        "I.2": {},
        "II": {},
        "II.1": {
            "lead": ["Công an tỉnh"],
            "partners": ["Trung tâm Trợ giúp pháp lý nhà nước"],
            "dates": ("2022-01-01", "2022-03-31"),
            "recurrence": "none",
            "targets": [(13, "cơ sở giam giữ")],
        },
        "II.2": {
            "lead": ["Sở Tư pháp"],
            "partners": ["Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh", "Công an tỉnh"],
            "dates": (
                "2022-06-01",
                "2022-12-31",
                [("2022-06-01", "2022-06-30"), ("2022-12-01", "2022-12-31")],
            ),
            "recurrence": "none",
            "targets": [(2, "Hội nghị sơ kết")],
        },
        "II.3": {
            "lead": ["Sở Tư pháp"],
            "partners": ["Các thành viên Hội đồng"],
            "dates": ("2022-07-01", "2022-09-30"),
            "recurrence": "none",
            "targets": [(5, "huyện, thị xã, thành phố")],
        },
        "II.4": {
            "lead": ["Cơ quan điều tra Công an tỉnh"],
            "partners": ["Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh"],
            "dates": ("2022-01-01", "2022-12-31"),
            "recurrence": "continuous",
            "targets": [],
        },
        "III": {},
        "III.1": {},
        "III.2": {},
    },
}
