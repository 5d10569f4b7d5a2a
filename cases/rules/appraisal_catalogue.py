# ruff: noqa: E501 - legal wording is kept whole
"""Default data of the appraisal catalogues (domain.md 2.2, 2.3): loaded by the data
migration 0006 into the database, where the system administrator keeps them. A change of
a circular is a new row with its own valid_from / valid_to, never an edit of an old one.
"""

from datetime import date
from decimal import Decimal

TT_03_2021 = date(2021, 7, 15)  # TT 03/2021/TT-BTP amending TT 12/2018 Điều 16
TT_12_2018 = date(2018, 10, 12)
QD_1179 = date(2022, 5, 16)  # Quyết định 1179/QĐ-BTP
TT_09_2018 = date(2018, 8, 21)

# (code, group, label, maximum) — TT 12/2018 Điều 16 as amended by TT 03/2021.
CRITERIA = [
    ("1a", 1, "Tuân thủ pháp luật, trung thực, tôn trọng sự thật khách quan", Decimal(10)),
    (
        "1b",
        1,
        "Giải thích, hướng dẫn, cung cấp thông tin kịp thời cho người được trợ giúp pháp lý",
        Decimal(10),
    ),
    ("1c", 1, "Bảo đảm thời gian, tiến độ thực hiện", Decimal(10)),
    ("2a", 2, "Phù hợp với yêu cầu và phạm vi được phân công", Decimal(5)),
    ("2b", 2, "Thu thập thông tin, tài liệu, chứng cứ", Decimal(10)),
    ("2c", 2, "Nghiên cứu và áp dụng đầy đủ quy định pháp luật", Decimal(20)),
    (
        "2d",
        2,
        "Tham gia hoạt động tố tụng / đại diện ngoài tố tụng để kịp thời bảo vệ quyền, lợi ích hợp pháp",
        Decimal(20),
    ),
    ("2đ", 2, "Quá trình thực hiện được thể hiện đầy đủ trong hồ sơ", Decimal(5)),
    (
        "3",
        3,
        "Sự hài lòng của người được trợ giúp pháp lý (ý kiến phản hồi của người được TGPL hoặc thân nhân)",
        Decimal(10),
    ),
]
GROUP_LABELS = {
    1: "1. Trách nhiệm nghề nghiệp (30 điểm)",
    2: "2. Thực hiện trợ giúp pháp lý (60 điểm)",
    3: "3. Sự hài lòng của người được trợ giúp pháp lý (10 điểm)",
}

# (grade, lowest total) — TT 12/2018 Điều 17.
BANDS = [
    ("excellent", Decimal(90)),
    ("good", Decimal(70)),
    ("pass", Decimal(50)),
    ("fail", Decimal(0)),
]

SUCCESSFUL, COMPLEX = "successful", "complex"
CRIMINAL, CIVIL, ADMINISTRATIVE, COMMON, NON_LITIGATION = (
    "criminal", "civil", "administrative", "common", "non_litigation",
)  # fmt: skip

# Successful litigation (QĐ 1179/QĐ-BTP): (code, group, label)
SUCCESS_CRITERIA = [
    (
        "hs1",
        CRIMINAL,
        "Quan điểm của người thực hiện được chấp nhận dẫn đến không khởi tố, khởi tố về tội danh nhẹ hơn",
    ),
    ("hs2", CRIMINAL, "Hủy quyết định khởi tố, rút quyết định truy tố, tuyên không phạm tội"),
    (
        "hs3",
        CRIMINAL,
        "Miễn trách nhiệm hình sự, miễn hình phạt, áp dụng hình phạt nhẹ hơn có lợi cho người được TGPL",
    ),
    ("hs4", CRIMINAL, "Đình chỉ, tạm đình chỉ điều tra hoặc vụ án có lợi cho người được TGPL"),
    (
        "ds1",
        CIVIL,
        "Yêu cầu, quan điểm của người thực hiện được Tòa án chấp nhận toàn bộ hoặc một phần có lợi cho người được TGPL",
    ),
    ("ds2", CIVIL, "Hòa giải thành, các bên thỏa thuận có lợi cho người được TGPL"),
    (
        "hc1",
        ADMINISTRATIVE,
        "Quyết định hành chính, hành vi hành chính bị khởi kiện được hủy, sửa có lợi cho người được TGPL",
    ),
    (
        "hc2",
        ADMINISTRATIVE,
        "Đối thoại thành, người bị kiện sửa đổi, hủy bỏ quyết định có lợi cho người được TGPL",
    ),
]

# Complex / typical cases (TT 09/2018/TT-BTP): (code, group, label)
COMPLEX_CRITERIA = [
    ("c1", COMMON, "Được cơ quan thông tin đại chúng quan tâm, đưa tin"),
    (
        "c2",
        COMMON,
        "Quan điểm của người thực hiện khác cơ quan tiến hành tố tụng được chấp nhận có lợi cho người được TGPL",
    ),
    (
        "c3",
        COMMON,
        "Nhiều tài liệu, chứng cứ mâu thuẫn; đánh giá chứng cứ, áp dụng pháp luật còn ý kiến khác nhau; liên quan nhiều lĩnh vực",
    ),
    ("c4", COMMON, "Có kháng cáo, kháng nghị phúc thẩm, giám đốc thẩm, tái thẩm"),
    ("c5", COMMON, "Liên quan đến nhiều tỉnh, thành phố"),
    ("c6", COMMON, "Có đương sự ở nước ngoài"),
    ("hs1", CRIMINAL, "Bị can, bị cáo bị truy tố về nhiều tội danh"),
    ("hs2", CRIMINAL, "Vụ án do cấp trên trực tiếp thụ lý hoặc gia hạn thời hạn chuẩn bị xét xử"),
    ("hs3", CRIMINAL, "Vụ án bị trả hồ sơ để điều tra bổ sung"),
    ("hs4", CRIMINAL, "Viện kiểm sát đề nghị mức án từ 02 năm tù trở lên (trừ thủ tục rút gọn)"),
    ("hs5", CRIMINAL, "Vụ án bào chữa theo chỉ định"),
    (
        "ds1",
        CIVIL,
        "Chưa có quy định pháp luật hoặc quy định chưa rõ ràng, không áp dụng trực tiếp",
    ),
    ("ds2", CIVIL, "Vụ án do Tòa án cấp trên thụ lý hoặc gia hạn thời hạn chuẩn bị xét xử"),
    ("hc1", ADMINISTRATIVE, "Lĩnh vực mới, chưa có quy định pháp luật áp dụng trực tiếp"),
    ("hc2", ADMINISTRATIVE, "Liên quan đến quyền, lợi ích của nhiều người"),
    ("hc3", ADMINISTRATIVE, "Khiếu kiện kéo dài về đất đai, bồi thường, hỗ trợ, tái định cư"),
    (
        "nt1",
        NON_LITIGATION,
        "Khiếu nại kéo dài được cơ quan thông tin đại chúng quan tâm hoặc tổ chức TGPL đã có kiến nghị",
    ),
    ("nt2", NON_LITIGATION, "Vụ việc đã được nhiều cơ quan giải quyết hoặc giải quyết nhiều lần"),
]
