"""The wording of the appraisal documents, from plain fields: the decision assigning the
appraisers of a plan (TT 12/2018 Điều 15), the appraisal report of a case (Báo cáo thẩm
định, kept in the case file, Điều 14.1) and the decision assigning the officers' quotas.

Written on the generic layout of Nghị định 30/2020 (tgpl/documents/builders.py); nothing
here reads the database. None of them names an aided person: a Sở reviewer may read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tgpl.documents import Document
from tgpl.documents.builders import Letterhead, decision
from tgpl.documents.content import Paragraph

from .document_wording import FILED, LAW, TT_12_2018


@dataclass(frozen=True)
class CaseAppraisers:
    case_code: str
    performer: str
    appraisers: tuple[str, ...]


def appraisers_decision(
    head: Letterhead, *, plan_title: str, period: str, cases: list[CaseAppraisers]
) -> Document:
    lines = [
        f"Vụ việc {c.case_code} (người thực hiện: {c.performer}): {', '.join(c.appraisers)}"
        for c in cases
    ]
    return decision(
        head,
        subject=f"Về việc phân công thẩm định chất lượng vụ việc trợ giúp pháp lý – {plan_title}",
        bases=[LAW, TT_12_2018, f"{plan_title} ({period})"],
        articles=[
            "Phân công những người có tên sau thẩm định chất lượng vụ việc trợ giúp pháp lý: "
            + "; ".join(lines),
            "Người thẩm định chấm điểm theo các tiêu chí tại Điều 16 Thông tư số 12/2018/TT-BTP "
            "(đã được sửa đổi, bổ sung), có ý kiến bằng văn bản và báo cáo kết quả thẩm định; "
            "người được mời tham gia thẩm định gửi ý kiến bằng văn bản.",
            "Quyết định này có hiệu lực kể từ ngày ký. Những người có tên tại Điều 1 chịu "
            "trách nhiệm thi hành Quyết định này",
        ],
        recipients=["Như Điều 1", FILED.replace(", hồ sơ vụ việc", "")],
    )


@dataclass(frozen=True)
class ScoreLine:
    code: str
    label: str
    maximum: str
    score: str


def appraisal_report(
    head: Letterhead,
    *,
    case_code: str,
    form_name: str,
    field_name: str,
    performer: str,
    appraisers: list[str],
    lines: list[ScoreLine],
    total: str,
    grade: str,
    breach_note: str,
    satisfaction: str,
    opinion: str,
    conclusion: str,
    written_opinions: list[str],
) -> Document:
    body = [
        Paragraph(
            f"Vụ việc {case_code}, hình thức {form_name.lower()}, lĩnh vực {field_name.lower()}; "
            f"người thực hiện: {performer}; người thẩm định: {', '.join(appraisers)}."
        ),
        Paragraph("1. Kết quả chấm điểm (Điều 16 Thông tư số 12/2018/TT-BTP)", bold=True),
        *(
            Paragraph(f"{line.code}) {line.label}: {line.score}/{line.maximum} điểm")
            for line in lines
        ),
        Paragraph(f"Tổng số điểm: {total}/100 điểm.", bold=True),
        Paragraph(f"Sự hài lòng của người được trợ giúp pháp lý: {satisfaction}."),
    ]
    if breach_note:
        body.append(
            Paragraph(f"Vi phạm Điều 6.1 Luật Trợ giúp pháp lý: {breach_note.strip().rstrip('.')}.")
        )
    body.append(Paragraph(f"2. Xếp loại (Điều 17): {grade}.", bold=True))
    if opinion.strip():
        body.append(Paragraph(f"3. Nhận xét, đánh giá: {opinion.strip()}"))
    for text in written_opinions:
        body.append(Paragraph(f"Ý kiến bằng văn bản: {text}"))
    if conclusion.strip():
        body.append(Paragraph(f"4. Kết luận: {conclusion.strip().rstrip('.')}./."))
    return Document(
        kind="BC",
        subject=f"Kết quả thẩm định chất lượng vụ việc {case_code}",
        parent_body=head.parent_body,
        issuer=head.issuer,
        number_text=head.number_text,
        place=head.place,
        date=head.date,
        year=head.date.year if head.date else head.year,
        body=tuple(body),
        signer=head.signer,
        recipients=("Người thực hiện vụ việc", FILED),
    )


@dataclass(frozen=True)
class QuotaLine:
    name: str
    levels: str  # "Đạt từ 13, Khá từ 21, Tốt từ 27 vụ việc" or "Miễn chỉ tiêu: ..."


def quota_decision(head: Letterhead, *, year: int, lines: list[QuotaLine]) -> Document:
    return decision(
        head,
        subject=f"Về việc giao chỉ tiêu vụ việc tham gia tố tụng năm {year}",
        bases=[LAW, f"Công văn của Bộ Tư pháp về chỉ tiêu vụ việc tham gia tố tụng năm {year}"],
        articles=[
            f"Giao chỉ tiêu vụ việc tham gia tố tụng năm {year} cho các Trợ giúp viên pháp lý: "
            + "; ".join(f"{line.name}: {line.levels}" for line in lines),
            "Vụ việc do nhiều Trợ giúp viên pháp lý cùng thực hiện được tính cho mỗi người "
            "theo tỷ lệ (hai người cùng thực hiện một vụ việc: mỗi người 0,5 vụ việc).",
            "Quyết định này có hiệu lực kể từ ngày ký. Các Trợ giúp viên pháp lý có tên tại "
            "Điều 1 chịu trách nhiệm thi hành Quyết định này",
        ],
        recipients=["Như Điều 3", "Sở Tư pháp (để báo cáo)", "Lưu: VT"],
    )
