"""The case file contents per form (Luật TGPL Điều 38; TT 12/2018 Điều 11)."""

COMMON = [
    ("request_papers", "Đơn yêu cầu và giấy tờ kèm theo (Điều 29.1)"),
    ("discontinuation_notice", "Thông báo không tiếp tục thực hiện (nếu có)"),
    ("other_documents", "Giấy tờ, tài liệu khác trong quá trình thực hiện"),
]

# Kept in the file when the director approves an appraisal (TT 12/2018 Điều 14.1).
APPRAISAL = ("appraisal_report", "Kết quả thẩm định chất lượng vụ việc (nếu có)")

CHECKLISTS = {
    "litigation": [
        *COMMON[:1],
        ("appointment_decision", "Quyết định cử / thay thế người thực hiện (TP-TGPL-14, 15)"),
        ("defence_statement", "Bản bào chữa / bản bảo vệ quyền lợi có chữ ký"),
        ("procedural_documents", "Kết luận điều tra, cáo trạng, bản án, quyết định tố tụng"),
        *COMMON[1:],
        ("satisfaction_form", "Phiếu lấy ý kiến người được TGPL (Mẫu 11-TP-TGPL)"),
        APPRAISAL,
    ],
    "advice": [
        *COMMON[:1],
        ("written_advice", "Văn bản tư vấn pháp luật có chữ ký"),
        *COMMON[1:],
    ],
    "representation": [
        *COMMON[:1],
        ("appointment_decision", "Quyết định cử người thực hiện (Mẫu 06-TP-TGPL)"),
        ("result_document", "Quyết định / văn bản của cơ quan có thẩm quyền thể hiện kết quả"),
        ("work_report", "Báo cáo kết quả thực hiện có chữ ký"),
        *COMMON[1:],
        ("satisfaction_form", "Phiếu lấy ý kiến người được TGPL (Mẫu 11-TP-TGPL)"),
        APPRAISAL,
    ],
}


def checklist_for(form: str) -> list[tuple[str, str]]:
    return CHECKLISTS[form]
