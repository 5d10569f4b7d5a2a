# ruff: noqa: E501 - legal names are kept whole
"""Default data of the eligibility catalogue and legal fields (domain.md 1.1, 1.3).

The data migrations `0002_catalogue` load this snapshot into the database, where
administrators keep it up to date; a later change of the law is a new row with
its own valid_from / valid_to, never an edit of an old one.
"""

from datetime import date

# Proof documents (giấy tờ chứng minh), TT 08/2017 Điều 33 as amended.
PROOF_DOCUMENTS = [
    (
        "ncc",
        "Giấy tờ chứng minh là người có công (QĐ công nhận, huân/huy chương kháng chiến, QĐ trợ cấp ưu đãi, giấy chứng nhận thương binh…)",
    ),
    ("ho_ngheo", "Giấy chứng nhận hộ nghèo"),
    ("ho_can_ngheo", "Giấy chứng nhận hộ cận nghèo"),
    ("tro_cap_xh", "Quyết định hưởng trợ cấp xã hội hằng tháng"),
    ("bao_tro_xh", "Quyết định tiếp nhận vào cơ sở trợ giúp xã hội"),
    ("giay_to_tuoi", "Giấy khai sinh, thẻ CCCD hoặc hộ chiếu (chứng minh tuổi)"),
    ("vb_to_tung", "Văn bản của cơ quan tiến hành tố tụng / người có thẩm quyền"),
    ("dan_toc_cu_tru", "Giấy tờ chứng minh dân tộc và nơi cư trú ở vùng đặc biệt khó khăn"),
    ("than_nhan_liet_si", "Giấy tờ chứng minh là thân nhân liệt sĩ (QĐ trợ cấp tiền tuất…)"),
    ("chat_doc_da_cam", "Giấy tờ xác nhận nhiễm chất độc hóa học (da cam)"),
    ("khuyet_tat", "Giấy xác nhận khuyết tật"),
    ("bao_luc_gia_dinh", "Văn bản xác nhận là nạn nhân bạo lực gia đình"),
    ("mua_ban_nguoi", "Giấy tờ xác nhận là nạn nhân / đang xác định là nạn nhân mua bán người"),
    ("hiv", "Giấy xác nhận nhiễm HIV"),
]

HARDSHIP = ("ho_can_ngheo", "tro_cap_xh", "bao_tro_xh")  # NĐ 144/2017 Điều 2

LAW_START = date(2018, 1, 1)
TRAFFICKING_CHANGE = date(2025, 7, 1)  # Luật 53/2024/QH15

# (code, article, name, valid_from, valid_to, proof groups: every group needs one document)
CATEGORIES = [
    ("1", "Điều 7 khoản 1", "Người có công với cách mạng", LAW_START, None, [("ncc",)]),
    ("2", "Điều 7 khoản 2", "Người thuộc hộ nghèo", LAW_START, None, [("ho_ngheo",)]),
    ("3", "Điều 7 khoản 3", "Trẻ em", LAW_START, None, [("giay_to_tuoi", "vb_to_tung")]),
    (
        "4",
        "Điều 7 khoản 4",
        "Người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
        LAW_START,
        None,
        [("dan_toc_cu_tru", "vb_to_tung")],
    ),
    (
        "5",
        "Điều 7 khoản 5",
        "Người bị buộc tội từ đủ 16 tuổi đến dưới 18 tuổi",
        LAW_START,
        None,
        [("vb_to_tung",)],
    ),
    (
        "6",
        "Điều 7 khoản 6",
        "Người bị buộc tội thuộc hộ cận nghèo",
        LAW_START,
        None,
        [("ho_can_ngheo",), ("vb_to_tung",)],
    ),
    (
        "6a",
        "Điều 7 khoản 6a",
        "Nạn nhân, người đang trong quá trình xác định là nạn nhân của hành vi mua bán người và người dưới 18 tuổi đi cùng",
        TRAFFICKING_CHANGE,
        None,
        [("mua_ban_nguoi", "vb_to_tung")],
    ),
    (
        "7a",
        "Điều 7 khoản 7 điểm a",
        "Cha đẻ, mẹ đẻ, vợ, chồng, con của liệt sĩ và người có công nuôi dưỡng liệt sĩ khi còn nhỏ có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("than_nhan_liet_si",)],
    ),
    (
        "7b",
        "Điều 7 khoản 7 điểm b",
        "Người nhiễm chất độc da cam có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("chat_doc_da_cam",)],
    ),
    (
        "7c",
        "Điều 7 khoản 7 điểm c",
        "Người cao tuổi có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("giay_to_tuoi",)],
    ),
    (
        "7d",
        "Điều 7 khoản 7 điểm d",
        "Người khuyết tật có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("khuyet_tat",)],
    ),
    (
        "7đ",
        "Điều 7 khoản 7 điểm đ",
        "Người từ đủ 16 đến dưới 18 tuổi là bị hại trong vụ án hình sự có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("vb_to_tung",)],
    ),
    (
        "7e",
        "Điều 7 khoản 7 điểm e",
        "Nạn nhân bạo lực gia đình có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("bao_luc_gia_dinh", "vb_to_tung")],
    ),
    (
        "7g",
        "Điều 7 khoản 7 điểm g (bãi bỏ từ 01/07/2025)",
        "Nạn nhân của hành vi mua bán người có khó khăn về tài chính",
        LAW_START,
        date(2025, 6, 30),
        [HARDSHIP, ("mua_ban_nguoi",)],
    ),
    (
        "7h",
        "Điều 7 khoản 7 điểm h",
        "Người nhiễm HIV có khó khăn về tài chính",
        LAW_START,
        None,
        [HARDSHIP, ("hiv",)],
    ),
]

# Age bounds on the request date (min inclusive, max exclusive) of the categories the law
# defines by age: Luật Trẻ em 2016 Điều 1 (under 16), Điều 7 khoản 5 and khoản 7 điểm đ
# (from 16 to under 18), Luật Người cao tuổi 2009 Điều 2 (from 60).
CATEGORY_AGES: dict[str, tuple[int | None, int | None]] = {
    "3": (None, 16),
    "5": (16, 18),
    "7c": (60, None),
    "7đ": (16, 18),
}

# Configurable default list of legal fields (domain.md 1.3, pre-2019 MOJ form).
LEGAL_FIELDS = [
    ("hinh_su", "Pháp luật hình sự, tố tụng hình sự, thi hành án hình sự"),
    ("dan_su", "Pháp luật dân sự, tố tụng dân sự, thi hành án dân sự"),
    ("hon_nhan", "Pháp luật hôn nhân gia đình và trẻ em"),
    ("hanh_chinh", "Pháp luật hành chính, khiếu nại, tố tụng hành chính"),
    ("dat_dai", "Pháp luật đất đai, nhà ở, môi trường, bảo vệ người tiêu dùng"),
    ("lao_dong", "Pháp luật lao động, việc làm, bảo hiểm"),
    ("uu_dai", "Pháp luật ưu đãi người có công và chính sách ưu đãi xã hội"),
    ("khac", "Các lĩnh vực khác"),
]

# Yearly litigation quota of legal-aid officers (domain.md 2.5): Công văn 5008/BTP-TGPL
# levels for 2022, used as the default for later years until the MOJ letter is entered.
# (min years since appointment, max years (exclusive) or None, đạt from, khá from, tốt from)
QUOTA_TIERS_2022 = [
    (0, 3, 6, 12, 16),
    (3, 5, 10, 15, 21),
    (5, None, 13, 21, 27),
]
