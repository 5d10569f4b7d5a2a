"""Lạng Sơn provincial People's Committee, law-implementation plan of 2017, as a .txt
copied from the unsigned draft: "Số:     /KH-UBND", "ngày   tháng   năm" left blank, the
letterhead's name on two lines, the year only in the body."""

FILENAME = "ke-hoach-trien-khai-luat-tgpl-2017-lang-son.txt"

TEXT = """\
ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số:       /KH-UBND
Lạng Sơn, ngày      tháng      năm

KẾ HOẠCH
Triển khai thi hành Luật Trợ giúp pháp lý trên địa bàn tỉnh Lạng Sơn

Căn cứ Luật Trợ giúp pháp lý số 11/2017/QH14 ngày 20 tháng 6 năm 2017;
Căn cứ Quyết định số 1357/QĐ-TTg ngày 08/9/2017 của Thủ tướng Chính phủ ban hành Kế hoạch \
triển khai thi hành Luật Trợ giúp pháp lý;
Ủy ban nhân dân tỉnh Lạng Sơn ban hành Kế hoạch triển khai thi hành Luật Trợ giúp pháp lý \
trên địa bàn tỉnh như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách nhiệm của các \
cơ quan, đơn vị trong việc triển khai thi hành Luật.
2. Bảo đảm sự phối hợp chặt chẽ, hiệu quả giữa các cơ quan, đơn vị.

II. NỘI DUNG
1. Tổ chức quán triệt, phổ biến Luật Trợ giúp pháp lý
a) Tổ chức hội nghị quán triệt Luật cho cán bộ chủ chốt của tỉnh
- Cơ quan chủ trì: Sở Tư pháp
- Cơ quan phối hợp: Các sở, ban, ngành; UBND các huyện, thành phố
- Thời gian: Tháng 10 - 11/2017
b) Tổ chức 11 Hội nghị tập huấn chuyên sâu cho người thực hiện trợ giúp pháp lý
- Cơ quan chủ trì: Sở Tư pháp
- Cơ quan phối hợp: Trung tâm Trợ giúp pháp lý nhà nước
- Thời gian: Tháng 11 năm 2017
2. Rà soát văn bản quy phạm pháp luật về trợ giúp pháp lý
- Cơ quan chủ trì: Sở Tư pháp
- Cơ quan phối hợp: Văn phòng UBND tỉnh
- Thời gian: Tháng 12/2017
- Kết quả: Báo cáo kết quả rà soát
3. Kiện toàn tổ chức, đội ngũ người thực hiện trợ giúp pháp lý
- Cơ quan chủ trì: Sở Nội vụ
- Cơ quan phối hợp: Sở Tư pháp, Sở Tài chính
- Thời gian: Quý I/2018
4. Tuyên truyền Luật trên Báo Lạng Sơn, Đài Phát thanh và Truyền hình tỉnh
- Cơ quan chủ trì: Báo Lạng Sơn, Đài Phát thanh và Truyền hình tỉnh
- Cơ quan phối hợp: Sở Tư pháp
- Thời gian: Thường xuyên

III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban \
nhân dân tỉnh.
2. Sở Tài chính bảo đảm kinh phí thực hiện Kế hoạch.

Nơi nhận:
- Bộ Tư pháp;
- Cục Trợ giúp pháp lý;
- TT Tỉnh ủy, TT HĐND tỉnh;
- Chủ tịch, các PCT UBND tỉnh;
- Các sở, ban, ngành;
- UBND các huyện, thành phố;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lý Vinh Quang
"""


def document() -> bytes:
    return TEXT.encode("utf-8")


SO_TU_PHAP = ["Sở Tư pháp"]
EXPECTED = {
    "number": None,
    "symbol": "KH-UBND",
    "date": None,
    "year": 2017,
    "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn",
    "kind": "law",
    "title": "Triển khai thi hành Luật Trợ giúp pháp lý trên địa bàn tỉnh Lạng Sơn",
    "signer": {
        "name": "Lý Vinh Quang",
        "title": "PHÓ CHỦ TỊCH",
        "on_behalf": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
    },
    "recipients": [
        "Bộ Tư pháp",
        "Cục Trợ giúp pháp lý",
        "TT Tỉnh ủy, TT HĐND tỉnh",
        "Chủ tịch, các PCT UBND tỉnh",
        "Các sở, ban, ngành",
        "UBND các huyện, thành phố",
        "Lưu: VT, NC",
    ],
    "items": {
        "I": {},
        "I.1": {},
        "I.2": {},
        "II": {},
        "II.1": {},
        "II.1.a": {
            "lead": SO_TU_PHAP,
            "partners": ["Các sở, ban, ngành", "UBND các huyện, thành phố"],
            "dates": ("2017-10-01", "2017-11-30"),
            "recurrence": "none",
            "targets": [],
        },
        "II.1.b": {
            "lead": SO_TU_PHAP,
            "partners": ["Trung tâm Trợ giúp pháp lý nhà nước"],
            "dates": ("2017-11-01", "2017-11-30"),
            "recurrence": "none",
            "targets": [(11, "Hội nghị tập huấn")],
        },
        "II.2": {
            "lead": SO_TU_PHAP,
            "partners": ["Văn phòng UBND tỉnh"],
            "dates": ("2017-12-01", "2017-12-31"),
            "recurrence": "none",
            "targets": [],
        },
        "II.3": {
            "lead": ["Sở Nội vụ"],
            "partners": ["Sở Tư pháp", "Sở Tài chính"],
            "dates": ("2018-01-01", "2018-03-31"),
            "recurrence": "none",
            "targets": [],
        },
        "II.4": {
            "lead": ["Báo Lạng Sơn", "Đài Phát thanh và Truyền hình tỉnh"],
            "partners": SO_TU_PHAP,
            "dates": ("2017-01-01", "2017-12-31"),
            "recurrence": "continuous",
            "targets": [],
        },
        "III": {},
        "III.1": {},
        "III.2": {},
    },
}
