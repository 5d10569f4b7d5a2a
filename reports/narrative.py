"""The narrative report (Mẫu 12-TP-TGPL, TT 12/2018): its sections and the figures in its
text, filled from the computed tables until the report is sent.

A figure is written in the text as {section.row.column}, e.g. {b25.total.new} for the
cases accepted in the period; `fill` puts the number in (with thousands separators) and
leaves an unknown one visible as [?b24.x.y] so a typing error shows. A report with an
estimated part also knows {b25.total.new.estimate}, the estimate of the rest of the period,
and {b25.total.new.with_estimate}, the actual figure and the estimate together; both say in
the text that they are estimates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures.base import Section


@dataclass(frozen=True)
class NarrativeSection:
    key: str
    title: str
    default: str


SECTIONS = [
    NarrativeSection(
        "direction",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "Trong kỳ báo cáo, Trung tâm đã triển khai thực hiện các nhiệm vụ theo kế hoạch "
        "công tác năm; thực hiện {plans.total.status:done} trên tổng số {plans.total.all} "
        "nhiệm vụ đến hạn trong kỳ.",
    ),
    NarrativeSection(
        "results",
        "II. KẾT QUẢ THỰC HIỆN TRỢ GIÚP PHÁP LÝ",
        "Trong kỳ, Trung tâm đã thực hiện trợ giúp pháp lý cho {b24.total.total} lượt người "
        "(nam {b24.total.sex:male}, nữ {b24.total.sex:female}). Tổng số vụ việc trong kỳ là "
        "{b25.total.all} vụ việc, trong đó kỳ trước chuyển qua {b25.total.carried} vụ việc, "
        "thụ lý mới {b25.total.new} vụ việc; đã kết thúc {b25.total.ended} vụ việc. Từ chối "
        "thụ lý {refused.refused.total} yêu cầu; chuyển {refused.transferred.total} yêu cầu.",
    ),
    NarrativeSection(
        "quality",
        "III. KIỂM TRA, THẨM ĐỊNH CHẤT LƯỢNG VỤ VIỆC",
        "Trong kỳ có {limits.total.done} thời hạn được thực hiện đúng hạn, "
        "{limits.total.late} thời hạn thực hiện quá hạn.",
    ),
    NarrativeSection("outreach", "IV. TRUYỀN THÔNG VỀ TRỢ GIÚP PHÁP LÝ", ""),
    NarrativeSection("training", "V. BỒI DƯỠNG, TẬP HUẤN NGHIỆP VỤ", ""),
    NarrativeSection("difficulties", "VI. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN", ""),
    NarrativeSection("next", "VII. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", ""),
    NarrativeSection("proposals", "VIII. ĐỀ XUẤT, KIẾN NGHỊ", ""),
]
TITLES = {s.key: s.title for s in SECTIONS}

PLACEHOLDER = re.compile(
    r"\{([a-z0-9_]+)\.([^.{}\s]+)\.([^.{}\s]+)(?:\.(estimate|with_estimate))?\}"
)


def default_narrative() -> dict[str, str]:
    return {s.key: s.default for s in SECTIONS}


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def fill(text: str, sections: list[Section], estimates: dict | None = None) -> str:
    """The text with its figures; `estimates` the report's, by section key
    (reports/figures/estimates.py)."""
    by_key = {s.key: s for s in sections}
    estimates = estimates or {}

    def value(match: re.Match) -> str:
        key, row, column, part = match.groups()
        unknown = f"[?{match.group(0)[1:-1]}]"
        section = by_key.get(key)
        try:
            if section is None:
                return unknown
            if part is None:
                return _number(section.cell(row, column))
            estimate = estimates.get(key)
            if estimate is None:
                return unknown
            guess = estimate.cell(row, column)
            if part == "estimate":
                return f"{_number(guess)} (ước tính)"
            return f"{_number(section.cell(row, column) + guess)} (gồm {_number(guess)} ước tính)"
        except (StopIteration, ValueError):
            return unknown

    return PLACEHOLDER.sub(value, text or "")


def filled(
    narrative: dict[str, str], sections: list[Section], estimates: dict | None = None
) -> list[tuple[str, str, str]]:
    """(key, title, text with its figures) of every section, in the template's order."""
    return [(s.key, s.title, fill(narrative.get(s.key, ""), sections, estimates)) for s in SECTIONS]
