"""Building blocks of the plan reader that work on one value. Pure Python (no Django).

Unit names (:func:`split_units`, :func:`parse_lead_value`, :func:`match_units`), money
(:func:`find_money`), quantities (:func:`find_quantities`), milestones
(:func:`parse_milestone`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable

from tgpl.timeframes import parse_timeframe

from .text import canonical_dashes, capitalise, normalize_text

# --- Unit names ------------------------------------------------------------------------

# Words that start the name of a department, agency or group of people. After ",", "và",
# "/" a new unit starts only with one of these, so "Sở Văn hóa, Thể thao và Du lịch" and
# "Sở Lao động – Thương binh và Xã hội" stay whole.
# fmt: off
_UNIT_HEADS = (
    "Phòng", "Chi nhánh", "Trung tâm", "Sở", "Ban", "Bộ", "Cục", "Chi cục", "Vụ",
    "Văn phòng", "Ủy ban", "Uỷ ban", "UBND", "HĐND", "Hội đồng", "Tòa án", "Toà án", "TAND",
    "Viện", "VKSND", "Công an", "Cơ quan", "Đơn vị", "Đài", "Báo", "Hội", "Đoàn", "Liên đoàn",
    "Mặt trận", "MTTQ", "Trợ giúp viên", "TGV", "TGVPL", "Luật sư", "Cộng tác viên",
    "Lãnh đạo", "Ban Giám đốc", "Giám đốc", "Phó Giám đốc", "Trưởng", "Phó Trưởng",
    "Viên chức", "Cán bộ", "Công chức", "Các", "Tổ", "Trại", "Nhà tạm giữ", "Bệnh viện",
    "Trường", "Học viện", "Bộ Chỉ huy", "Đồn", "Kế toán", "Thủ trưởng", "Toàn thể",
    "Tất cả", "Đảng ủy", "Đảng uỷ", "Kho bạc", "Thanh tra", "Công đoàn", "Chủ tịch",
    "Hạt", "Tổ chức", "Ngân hàng", "Bảo hiểm",
)
# fmt: on
_HEAD_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(h) for h in sorted(_UNIT_HEADS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
# Collective names kept whole: "Các Phòng, Chi nhánh", "các phòng và Chi nhánh thuộc Trung tâm".
_COLLECTIVE_RE = re.compile(
    r"\b[Cc]ác\s+[Pp]hòng(?:\s+chuyên\s+môn)?\s*(?:,|và|/)\s*(?:các\s+)?(?:[Cc]hi\s+nhánh|[Bb]an)"
    r"(?:\s+(?:thuộc|của)\s+Trung\s+tâm)?"
    # "Các sở, ban, ngành (tỉnh)", "các cơ quan, đơn vị (liên quan)": one collective name
    r"|\b[Cc]ác\s+[Ss]ở\s*,\s*[Bb]an\s*,\s*[Nn]gành(?:\s+(?:tỉnh|liên\s+quan))?"
    r"|\b[Cc]ác\s+cơ\s+quan\s*,\s*đơn\s+vị(?:\s+liên\s+quan)?"
)
_PROTECT = "\x00"  # stands for a comma inside a collective name while splitting


def _starts_unit(text: str) -> bool:
    return bool(_HEAD_RE.match(text.strip()))


def is_collective(name: str) -> bool:
    """ "Các Phòng, Chi nhánh", "các Chi nhánh", "Toàn thể viên chức" name several units."""
    return bool(re.match(r"(?:các|tất cả|toàn thể|những)\s", name.strip(), re.IGNORECASE))


# Owners that are people: "Các Trợ giúp viên pháp lý", "Luật sư thực hiện TGPL của Trung
# tâm", "Lãnh đạo Trung tâm". Checked in order; the name must start with the words.
_PEOPLE = (
    (
        "leadership",
        r"(?:ban\s+)?lãnh\s+đạo|ban\s+giám\s+đốc|(?:phó\s+)?giám\s+đốc(?:\s+trung\s+tâm)?$",
    ),
    ("legal_aid_officers", r"trợ\s+giúp\s+viên(?:\s+pháp\s+lý)?|tgv(?:pl)?\b"),
    ("contracted_lawyers", r"luật\s+sư"),
    ("collaborators", r"cộng\s+tác\s+viên"),
    (
        "staff",
        r"(?:cán\s+bộ,\s+)?(?:viên\s+chức|công\s+chức|cán\s+bộ)(?:\s+(?:của|thuộc)\s+trung\s+tâm)?$",
    ),
)
_PEOPLE_PREFIX = re.compile(r"^(?:các|toàn\s+thể|tất\s+cả|những)\s+", re.I)


def people_of(name: str) -> str | None:
    """Which kind of people an owner names, or None for a department or agency.

    >>> people_of("Các Trợ giúp viên pháp lý"), people_of("Lãnh đạo Trung tâm")
    ('legal_aid_officers', 'leadership')
    """
    text = _PEOPLE_PREFIX.sub("", re.sub(r"\s+", " ", name or "").strip()).casefold()
    for kind, pattern in _PEOPLE:
        if re.match(pattern, text):
            return kind
    return None


def split_units(text: str) -> tuple[list[str], str | None]:
    """Split a lead/partner value into unit names, and a note for what is not a unit.

    >>> split_units("Các phòng, Chi nhánh/định kỳ bài/ tuần")
    (['Các phòng, Chi nhánh'], 'định kỳ bài/ tuần')
    """
    notes: list[str] = []
    text = re.sub(r"\s+", " ", text or "").strip()

    def keep_note(match: re.Match) -> str:
        inner = match.group(1).strip()
        if inner:
            notes.append(inner)
        return " "

    text = re.sub(r"\(([^()]*)\)", keep_note, text)
    text = text.replace("(", " ").replace(")", " ")
    text = _COLLECTIVE_RE.sub(lambda m: m.group(0).replace(",", _PROTECT), text)

    # "/" separates units ("Sở Tư pháp/Phòng Tư pháp") or starts a note ("/định kỳ 1 bài").
    chunks = [text]
    slashes = list(re.finditer(r"\s*/\s*", text))
    if slashes:
        chunks, start = [], 0
        for slash in slashes:
            rest = text[slash.end() :]
            if _starts_unit(rest):
                chunks.append(text[start : slash.start()])
                start = slash.end()
            else:
                chunks.append(text[start : slash.start()])
                notes.append(text[slash.end() :].strip())
                start = None
                break
        if start is not None:
            chunks.append(text[start:])

    names: list[str] = []
    for chunk in chunks:
        pieces = re.split(r"(\s*;\s*|\s*,\s*|\s+và\s+|\s+cùng\s+)", chunk)
        current = pieces[0]
        for separator, piece in zip(pieces[1::2], pieces[2::2], strict=False):
            if ";" in separator or _starts_unit(piece):
                names.append(current)
                current = piece
            else:
                current = current + separator + piece
        names.append(current)

    cleaned = []
    for name in names:
        name = name.replace(_PROTECT, ",").strip(" .,;:-–")
        name = re.sub(r"^(?:và|cùng|với)\s+", "", name, flags=re.IGNORECASE)
        name = canonical_dashes(name)
        if name and any(ch.isalpha() for ch in name):
            cleaned.append(capitalise(name))
    note = "; ".join(n.replace(_PROTECT, ",") for n in notes if n) or None
    return cleaned, note


_ASSIGN_PREFIX = re.compile(r"^(?:giao\s+cho|giao|phân\s+công\s+cho|phân\s+công|do)\s+", re.I)
_LEAD_MARK = re.compile(
    r"\s*,?\s*(?:là\s+(?:đơn\s+vị|cơ\s+quan)\s+)?"
    r"(?:chủ\s+trì|thực\s+hiện\s+chính|chịu\s+trách\s+nhiệm(?:\s+chính)?)\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_PARTNER_PREFIX = re.compile(
    r"^[\s,;]*(?:và\s+)?(?:phối\s+hợp\s+(?:với|cùng)|phối\s+hợp|cùng\s+với|với|cùng)\s+",
    re.IGNORECASE,
)
_PARTNER_SUFFIX = re.compile(r"\s+phối\s+hợp(?:\s+thực\s+hiện)?\s*$", re.IGNORECASE)


def parse_lead_value(value: str) -> tuple[list[str], list[str], str | None]:
    """ "Giao Phòng Hành chính – Tổng hợp chủ trì." -> (["Phòng Hành chính – Tổng hợp"], [], None).

    "Giao Phòng A chủ trì, phối hợp với Phòng B" also yields the partners.
    """
    value = _ASSIGN_PREFIX.sub("", value.strip().rstrip(" .;,"))
    partners: list[str] = []
    notes: list[str] = []
    mark = _LEAD_MARK.search(value)
    if mark and mark.start() > 0:
        rest = mark.group("rest").strip(" ,;.")
        value = value[: mark.start()]
        if _PARTNER_PREFIX.match(rest):
            partners, note = split_units(_PARTNER_PREFIX.sub("", rest))
            notes.append(note or "")
        elif _PARTNER_SUFFIX.search(rest):
            partners, note = split_units(_PARTNER_SUFFIX.sub("", rest.lstrip(" ,;")))
            notes.append(note or "")
    lead, note = split_units(value)
    notes.insert(0, note or "")
    return lead, partners, "; ".join(n for n in notes if n) or None


def parse_partner_value(value: str) -> tuple[list[str], str | None]:
    value = _PARTNER_PREFIX.sub("", " " + value.strip().rstrip(" .;,"))
    value = _PARTNER_SUFFIX.sub("", value)
    return split_units(value)


# --- Matching names against known departments / agencies -------------------------------


def unit_key(name: str) -> str:
    """Comparison key: case, dash style, spaces, a leading "Các" and end punctuation ignored."""
    key = normalize_text(name).casefold()
    key = re.sub(r"\s*[-–]\s*", "-", key)
    key = re.sub(r"\s+", " ", key).strip(" .,;:")
    key = re.sub(r"^các\s+", "", key)
    return key.strip(" .,;:")


def match_units(
    names: Iterable[str], known: Iterable[tuple[Hashable, Iterable[str]]]
) -> list[tuple[Hashable | None, str]]:
    """Match parsed unit names to known units: ``known`` is ``[(key, [name, alias...])]``.

    Diacritics count ("Phòng Nghiệp vụ" is not "Phong Nghiep vu"); case, dash style, extra
    spaces, a leading "Các"/"các" and trailing punctuation do not. Returns
    ``[(key or None, original name)]`` in the order of ``names``; the first known unit wins.
    """
    table: dict[str, Hashable] = {}
    for key, aliases in known:
        for alias in [aliases] if isinstance(aliases, str) else aliases:
            table.setdefault(unit_key(alias), key)
    return [(table.get(unit_key(name)), name) for name in names]


# --- Money -----------------------------------------------------------------------------

_MONEY_RE = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>(?:tỷ|tỉ|triệu|nghìn|ngàn)(?:\s*(?:đồng|vnđ|vnd|đ)(?!\w))?|đồng|vnđ|vnd|đ)(?!\w)"
    r"(?!\s+(?:lệ|người|lượt|trang|bản|tờ|cuốn|chí)\b)",
    re.IGNORECASE,
)
_MULTIPLIERS = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3}
_MONEY_CONTEXT = re.compile(r"kinh\s*phí|dự\s*toán|ngân\s*sách|số\s*tiền|thành\s*tiền", re.I)
MAX_AMOUNT = 10**15  # one quadrillion đồng: anything above is a misreading


def _number(text: str) -> float:
    groups = re.split(r"[.,]", text)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+,\d{1,2}", text):  # 1.500,5
        whole, _, decimals = text.rpartition(",")
        return float(re.sub(r"[.,]", "", whole) + "." + decimals)
    return float(text.replace(",", "."))


def find_money(text: str) -> list[int]:
    """Amounts in đồng: "177.400.000đ", "40.000.000 đồng", "1,5 tỷ đồng", "40 triệu đồng"."""
    amounts = []
    context = bool(_MONEY_CONTEXT.search(text))
    for m in _MONEY_RE.finditer(text):
        unit = m.group("unit").lower()
        word = unit.split()[0] if unit[:1].isalpha() else unit
        multiplier = next((v for k, v in _MULTIPLIERS.items() if word.startswith(k)), 1)
        has_currency = multiplier == 1 or re.search(r"(?:đồng|vnđ|vnd|đ)$", unit)
        if not has_currency and not context:
            continue  # "2 triệu lượt người" is not money
        try:
            value = round(_number(m.group("num")) * multiplier)
        except (ValueError, OverflowError):
            continue
        if multiplier == 1 and value < 1000:
            continue  # "02 đồng chí", "5 đ" are not budget lines
        if 0 < value <= MAX_AMOUNT:
            amounts.append(value)
    return amounts


# --- Quantities ------------------------------------------------------------------------

# fmt: off
QUANTITY_UNITS = (
    "Bảng thông tin", "Bảng tin", "Hộp tin", "Hộp thư", "Tờ gấp", "Tờ thông tin", "Tờ rơi",
    "Sổ tay", "Sổ tay pháp luật", "Cuốn sách", "Cuốn", "Cuốn sổ tay", "Bộ tài liệu",
    "Tài liệu", "Áp phích", "Pano", "Panô", "Băng rôn", "Băng zôn", "Khẩu hiệu", "Đĩa",
    "Video clip", "Clip", "Phóng sự", "Tin bài", "Tin, bài", "Bài viết", "Bài", "Bản tin",
    "Chuyên mục", "Chuyên trang", "Chương trình", "Hội nghị", "Hội nghị tập huấn",
    "Hội nghị truyền thông", "Hội nghị tuyên truyền", "Hội nghị sơ kết", "Hội nghị tổng kết",
    "Hội thảo", "Tọa đàm", "Toạ đàm", "Buổi tọa đàm", "Lớp tập huấn", "Lớp bồi dưỡng", "Lớp",
    "Buổi truyền thông", "Buổi tư vấn", "Buổi", "Đợt truyền thông", "Đợt kiểm tra",
    "Đợt trợ giúp pháp lý lưu động", "Đợt", "Cuộc thi", "Cuộc", "Chuyên đề", "Câu lạc bộ",
    "Điểm truyền thông", "Vụ việc", "Lượt người", "Lượt",
    "Chương trình phát thanh", "Chương trình truyền hình", "Chương trình phát thanh, truyền hình",
    "Số", "Bản tin pháp luật", "Điểm trợ giúp pháp lý", "Điểm",
    # coverage: where the work reaches
    "Huyện", "Huyện, thành phố", "Huyện, thị xã, thành phố", "Xã", "Xã, thôn", "Xã, phường",
    "Xã, phường, thị trấn", "Xã, thị trấn", "Thôn", "Thôn, bản", "Thôn, xóm", "Bản", "Xóm",
    "Tổ dân phố", "Trại giam", "Trại tạm giam", "Cơ sở giam giữ", "Trường học", "Trường",
)
# fmt: on
_QUANTITY_RE = re.compile(
    r"(?<![\d.,/%])(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,6})(?![\d.,]\d)\s+(?P<unit>"
    + "|".join(re.escape(u) for u in sorted(QUANTITY_UNITS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def find_quantities(text: str) -> list[dict]:
    """ "128 Bảng thông tin, 80.000 Tờ gấp" -> [{quantity: 128, unit: "Bảng thông tin"}, ...]."""
    found = []
    for m in _QUANTITY_RE.finditer(text):
        quantity = int(m.group("n").replace(".", ""))
        if quantity > 0:
            found.append({"quantity": quantity, "unit": m.group("unit")})
    return found


# --- Milestones ------------------------------------------------------------------------

_DEADLINE_RE = re.compile(
    r"\b(?:trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót|hạn\s+cuối|không\s+muộn\s+hơn|đến\s+hết)"
    r"\s*(?:là\s+|vào\s+)?(?:ngày\s*)?"
    r"(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?(?!\d)"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*(?:,\s*)?năm\s+\d{4})?)",
    re.IGNORECASE,
)
# Verbs that end the subject of a "+ Trung tâm tổ chức ..." line (lower case only).
_OWNER_VERBS = re.compile(
    r"\s(?:phân công|tổ chức|tham mưu|xây dựng|nghiên cứu|gửi|hoàn thiện|hoàn thành|"
    r"thực hiện|chủ trì|phối hợp|báo cáo|tổng hợp|triển khai|theo dõi|có trách nhiệm|"
    r"chịu trách nhiệm|đánh giá|nhận xét|phản biện|cho ý kiến|trình|ban hành|dự thảo|lập|"
    r"rà soát|kiểm tra|chuẩn bị|đăng|cung cấp|tiếp nhận|cử|giao|bố trí|hướng dẫn|"
    r"đề xuất|chủ động|biên soạn|soạn thảo|duyệt|phê duyệt|thẩm định|tiến hành|góp ý|"
    r"tham gia|sinh hoạt|nộp|hoàn chỉnh)(?!\w)"
)


def parse_milestone(text: str, default_year: int | None = None) -> dict | None:
    """A "+ Phòng Nghiệp vụ: ... trước ngày 20/3/2025." line -> {owner, text, due}."""
    deadlines = list(_DEADLINE_RE.finditer(text))
    if not deadlines:
        return None
    deadline = deadlines[-1]  # "... trước ngày 15/3, hoàn thiện trước ngày 20/3": the last
    phrase = "trước ngày " + re.sub(r"\s*[.-]\s*", "/", deadline.group("date"))
    end = parse_timeframe(phrase, default_year=default_year).end
    owner, rest = None, text.strip()
    head, colon, tail = rest.partition(":")
    if colon and len(head) <= 80 and len(head.split()) <= 10 and not _DEADLINE_RE.search(head):
        owner, rest = canonical_dashes(head.strip()), tail.strip()
    elif _starts_unit(rest):
        verb = _OWNER_VERBS.search(rest)
        if verb and len(rest[: verb.start()].split()) <= 10:
            owner = canonical_dashes(rest[: verb.start()].strip(" ,"))
    return {"owner": owner or None, "text": rest, "due": end.isoformat() if end else None}
