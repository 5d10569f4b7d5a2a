"""Building blocks of the plan reader that work on lines. Pure Python.

Text clean-up and PDF line repair (:func:`paragraphs`), the kind of a line
(:func:`classify`: Roman section, numbered item, "a)" item, labelled line, text) and the
regular expressions of the header and the signer block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize_text

# --- Lines and paragraphs --------------------------------------------------------------


@dataclass
class Para:
    text: str  # without bullet and markup
    bullet: str | None = None  # "-" or "+"
    bold: bool = False
    gap: bool = False  # a blank line before it
    last_len: int = 0  # length of its last physical line (PDF wrap detection)

    @property
    def display(self) -> str:
        return f"{self.bullet} {self.text}" if self.bullet else self.text


BULLET_RE = re.compile(r"^(?P<marks>(?:[-–•●▪◦○·+➢►✓❖](?:\s+|(?=[^\W\d_]))|\*\s+)+)(?=\S)")
PAGE_NOISE_RE = re.compile(
    r"^(?:[-–]?\s*\d{1,3}\s*[-–]?|(?:trang|page)\s*\d+(?:\s*(?:/|of|trên)\s*\d+)?)$", re.I
)
RULE_RE = re.compile(r"^[-_=~.*…–\s]{3,}$")
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")


def clean_line(raw: str) -> Para | None:
    s = raw.strip()
    s = re.sub(r"^(?:>\s*)+", "", s)
    s = re.sub(r"^#{1,6}(?:\s+|(?=\*))", "", s)
    s = MD_ESCAPE_RE.sub(r"\1", s)
    bold = len(s) > 4 and s.startswith("**") and s.endswith("**")
    s = s.replace("*", "") if not re.match(r"^\*\s", s) else "- " + s[1:].replace("*", "")
    s = re.sub(r"\s+", " ", s).strip()
    if not s or RULE_RE.match(s):
        return None
    bullet = None
    m = BULLET_RE.match(s)
    if m:
        marks = m.group("marks").replace(" ", "")
        bullet = "+" if marks.endswith("+") else "-"
        s = s[m.end() :].strip()
    return Para(s, bullet, bold, last_len=len(s) + (2 if bullet else 0))


def raw_lines(text: str) -> list[str]:
    """Lines of the text; a Markdown table row gives one line per cell."""
    lines: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            cells = [c.strip() for c in stripped[1:-1].split("|")]
            if all(re.fullmatch(r":?-*:?", c) for c in cells):
                continue
            for cell in cells:
                lines.extend(re.split(r"<br\s*/?>", cell))
                lines.append("")
        else:
            lines.append(line)
    return lines


CONNECTOR_WORDS = frozenset(
    re.split(
        r"\s+",
        "của và các cho về tại với trong theo đối để những được là có từ đến trên giữa bằng "
        "như thuộc do hoặc nhằm qua vào ở số ngày tháng tỉnh huyện xã",
    )
)


def ends_sentence(text: str) -> bool:
    return text.rstrip(' "”’)»]').endswith((".", ":", ";", "!", "?", "…"))


def ends_open(text: str) -> bool:
    if text.endswith((",", "–", "-", "(", "/", "&")):
        return True
    words = text.split()
    return bool(words) and words[-1].lower() in CONNECTOR_WORDS


def first_letter(text: str) -> str:
    return next((ch for ch in text if ch.isalnum()), "")


def is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def wrap_width(lines: list[Para]) -> int | None:
    """The width of a hard-wrapped (PDF) text: many lines end near the same length."""
    lengths = sorted(line.last_len for line in lines)
    if len(lengths) < 8:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not 50 <= width <= 140:
        return None
    near = sum(1 for n in lengths if 0.85 * width <= n <= width + 5)
    return width if near >= max(4, len(lengths) // 5) else None


def should_join(first: Para, last: Para, line: Para, width: int | None = None) -> bool:
    """Is ``line`` the rest of the sentence of the paragraph that runs from ``first`` to
    ``last`` (its first and last physical lines), broken by a PDF copy?

    Yes when the paragraph does not end a sentence and ``line`` starts in lower case, or
    it ends on "của", "và", ",", or (hard-wrapped text of ``width``) its last line is full.
    """
    if line.bullet or classify(line)[0] != "text":
        return False
    if ends_sentence(last.text) or is_header_line(first.text) or NOI_NHAN_RE.match(first.text):
        return False
    if is_upper(first.text):  # a Roman heading wrapped on two lines
        return not line.gap and is_upper(line.text) and classify(first)[0] == "roman"
    initial = first_letter(line.text)
    if initial.islower():
        return True
    if initial.isdigit():
        return not line.gap
    if is_upper(line.text) or is_header_line(line.text) or NOI_NHAN_RE.match(line.text):
        return False
    if CLOSING_RE.match(line.text) or line.text.startswith("Căn cứ"):
        return False
    if width and not line.gap and last.last_len >= 0.85 * width:
        return True
    return ends_open(last.text)


_CODE_BREAK_RE = re.compile(r"[A-ZĐ0-9]-$")


def _join(lines) -> str:
    """The lines of a paragraph on one line; a code a PDF broke after its hyphen
    ("10/2018/TTLT-BTP-BCA-BQP-" + "BTC-TANDTC") is joined without a space."""
    out = ""
    for line in lines:
        if out and _CODE_BREAK_RE.search(out) and line[:1].isupper() and line[:1].isalnum():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def paragraphs(text: str) -> list[Para]:
    """Clean lines joined into paragraphs (see :func:`should_join`)."""
    lines: list[Para] = []
    gap = False
    for raw in raw_lines(normalize_text(text)):
        line = clean_line(raw)
        if line is None:
            gap = True
        elif PAGE_NOISE_RE.match(line.display):
            continue  # a page number: transparent, the sentence may go on after it
        else:
            line.gap, gap = gap, False
            lines.append(line)
    width = wrap_width(lines)
    groups: list[list[Para]] = []  # the physical lines of each paragraph
    for line in lines:
        if groups and should_join(groups[-1][0], groups[-1][-1], line, width):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [
        Para(
            _join(line.text for line in group),
            group[0].bullet,
            all(line.bold for line in group),
            group[0].gap,
            group[-1].last_len,
        )
        for group in groups
    ]


# --- Line kinds ------------------------------------------------------------------------

ROMAN_RE = re.compile(r"^(?P<num>X{0,3}(?:IX|IV|V?I{0,3}))\s*[.):–-]\s*(?P<title>\S.*)$")
NUM_RE = re.compile(
    r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)(?!\d)(?P<end>[.)]?)(?P<space>\s*)(?P<title>\S.*)$"
)
LETTER_RE = re.compile(r"^(?P<num>[a-zđ])(?P<end>\s*\)|\.(?=\s))\s*(?P<title>\S.*)$")

# fmt: off
LABELS = {
    "lead": (
        "Thực hiện", "Chủ trì", "Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan thực hiện",
        "Đơn vị thực hiện", "Phân công thực hiện", "Phân công", "Chủ trì thực hiện",
        "Đơn vị chủ trì thực hiện", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị thực hiện",
        "Bộ phận thực hiện", "Người thực hiện", "Trách nhiệm thực hiện",
    ),
    "partners": (
        "Phối hợp", "Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp thực hiện",
        "Đơn vị phối hợp thực hiện", "Cơ quan phối hợp thực hiện", "Cơ quan, đơn vị phối hợp",
    ),
    "timeframe": (
        "Thời gian thực hiện", "Thời gian", "Thời hạn", "Tiến độ", "Tiến độ thực hiện",
        "Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời hạn thực hiện",
    ),
    "result": (
        "Kết quả", "Kết quả thực hiện", "Sản phẩm", "Kết quả dự kiến", "Sản phẩm dự kiến",
        "Kết quả đạt được", "Kết quả đầu ra", "Sản phẩm đầu ra",
    ),
    "budget": ("Kinh phí", "Kinh phí thực hiện", "Nguồn kinh phí", "Dự toán kinh phí"),
}
# fmt: on


def label_key(label: str) -> str:
    return re.sub(r"\s*,\s*", ", ", re.sub(r"\s+", " ", label)).strip().casefold()


LABEL_FIELD = {label_key(lb): name for name, labels in LABELS.items() for lb in labels}
LABEL_ALT = "|".join(
    r"\s*,\s*".join(r"\s+".join(re.escape(w) for w in part.split()) for part in lb.split(","))
    for lb in sorted(LABEL_FIELD, key=len, reverse=True)
)
LABEL_TAIL = r"\s*(?:\([^()]{0,60}\))?\s*[:：]"
LABEL_RE = re.compile(rf"^(?P<label>{LABEL_ALT}){LABEL_TAIL}\s*(?P<value>.*)$", re.I | re.S)
LABEL_SPLIT_RE = re.compile(rf"(?:[;.]|\s[-–])\s+(?=(?:{LABEL_ALT}){LABEL_TAIL})", re.I)


def classify(para: Para) -> tuple[str, re.Match | None]:
    """("roman" | "num" | "letter" | "label" | "text", match)."""
    text = para.text
    if para.bullet is None:
        m = ROMAN_RE.match(text)
        if m and m["num"] and first_letter(m["title"]).isupper():
            return "roman", m
        m = NUM_RE.match(text)
        if m and numbered_ok(m):
            return "num", m
        m = LETTER_RE.match(text)
        if m and (")" in m["end"] or first_letter(m["title"]).isupper()):
            return "letter", m
    m = LABEL_RE.match(text)
    if m:
        return "label", m
    return "text", None


def numbered_ok(m: re.Match) -> bool:
    """ "1. X", "2.1. X", "1.1 X", "1) X", "1.X"; not "01 Hội thảo", "1.000.000 đồng"."""
    first = m["title"][0]
    if not (first.isalnum() or first in "\"“'‘(«["):
        return False
    if not m["end"]:  # "1.1 Tăng cường": a dotted number, a space, a capital
        return "." in m["num"] and bool(m["space"]) and first.isupper()
    if not m["space"]:
        return first.isalpha() and first.isupper()  # "1.Mục đích", not "1.000.000 đồng"
    return True


# --- Header, title, signer -------------------------------------------------------------

SO_RE = re.compile(
    r"(?:Số|SỐ)\s*:?\s*(?P<num>\d{1,6})?[\s.…_]*+/\s*"
    r"(?P<sym>[A-ZĐ][A-ZĐ0-9&]*(?:\s*[-–]\s*[A-ZĐ0-9&]+)*)"
)
# Possessive fillers ("*+"): "ngày ...... tháng" must not backtrack through the dots.
DATE_RE = re.compile(
    r",\s*+ngày[\s.…_]*+(?P<d>\d{1,2})?[\s.…_/]*+tháng[\s.…_]*+(?P<m>\d{1,2})?[\s.…_/]*+"
    r"năm[\s.…_]*+(?P<y>\d{4})",
    re.I,
)
NATIONAL_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc",
    re.I,
)
PLAN_TYPE_RE = re.compile(r"^KẾ\s+HOẠCH(?:\s+(?!SỐ\b|số\b)(?P<rest>\S.*))?$")
NOI_NHAN_RE = re.compile(r"^nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I)
CLOSING_RE = re.compile(r"^Trên\s+đây\s+là\b", re.I)
INTRO_RE = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Nhằm|Để|Trên\s+cơ\s+sở|Theo|Thi\s+hành|Xét|Triển\s+khai)\b", re.I
)
AUTH_RE = re.compile(r"^(?P<auth>KT|TM|Q|TL|TUQ)\s*\.\s*(?P<rest>\S.*)$")
SIGNER_TITLE_RE = re.compile(
    r"^(?:PHÓ\s+)?(?:GIÁM\s+ĐỐC|CHỦ\s+TỊCH|TRƯỞNG|CHÁNH|BÍ\s+THƯ|TỔNG\s+BIÊN\s+TẬP"
    r"|(?:VIỆN|HIỆU|CỤC|VỤ|THỦ)\s+TRƯỞNG)(?!\w)"
)
SIGN_NOISE_RE = re.compile(
    r"^[(\[]?\s*(?:đã\s+)?(?:ký|kí)(?:\s+(?:tên|số|và\s+đóng\s+dấu))?\s*[)\]]?\.?$"
    r"|^[(\[].{0,80}(?:ký|kí|dấu).{0,80}[)\]]$|^\[?daky\]?$",
    re.I,
)
ANNEX_RE = re.compile(r"^(?:PHỤ\s+LỤC\b|Phụ\s+lục(?:\s+(?:số\s+)?[IVX\d]+)?\s*:?$)")
YEAR_IN_TITLE_RE = re.compile(r"\bnăm\s+(\d{4})\b", re.I)
PLACE_DATE_LINE_RE = re.compile(r"^[^\W\d][^,\d]{0,40}" + DATE_RE.pattern, re.I)


def is_header_line(text: str) -> bool:
    """ "Số: 19/KH-TGPL", "CỘNG HÒA XÃ HỘI...", "Lạng Sơn, ngày 20 tháng 01 năm 2021"."""
    return bool(SO_RE.match(text) or NATIONAL_RE.search(text) or PLACE_DATE_LINE_RE.match(text))


def is_signer_line(text: str) -> bool:
    """ "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "CHÁNH VĂN PHÒNG"."""
    if AUTH_RE.match(text):
        return True
    return is_upper(text) and len(text) <= 60 and bool(SIGNER_TITLE_RE.search(text))
