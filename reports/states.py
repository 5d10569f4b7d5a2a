"""The states of a report and its one transitions table (tgpl.kernel.Transitions).

draft → (signed off by the director) → sent → returned (with comments) → sent again →
accepted. A draft and a returned report are the centre's to edit; a sent one is frozen
(its figures stored as sent) until the Sở returns or accepts it.
"""

from __future__ import annotations

from django.db import models

from tgpl.kernel import Transition, Transitions


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    SENT = "sent", "Đã gửi Sở Tư pháp"
    RETURNED = "returned", "Sở trả lại để chỉnh sửa"
    ACCEPTED = "accepted", "Sở đã tiếp nhận"


class ReviewAction(models.TextChoices):
    SIGN_OFF = "sign_off", "Giám đốc ký duyệt"
    SEND = "send", "Gửi Sở Tư pháp"
    COMMENT = "comment", "Góp ý"
    RETURN = "return", "Trả lại để chỉnh sửa"
    ACCEPT = "accept", "Tiếp nhận báo cáo"


S = ReportStatus
EDITABLE = {S.DRAFT, S.RETURNED}

REPORT_TRANSITIONS = Transitions(
    ReportStatus,
    edit=Transition(EDITABLE, None, "sửa báo cáo",
                    "Báo cáo đã gửi Sở Tư pháp: chỉ sửa được khi Sở trả lại."),
    sign_off=Transition(EDITABLE, None, "ký duyệt báo cáo"),
    send=Transition(EDITABLE, S.SENT, "gửi báo cáo"),
    comment=Transition({S.SENT}, None, "góp ý báo cáo",
                       "Chỉ góp ý được báo cáo đang chờ Sở xem xét."),
    return_=Transition({S.SENT}, S.RETURNED, "trả lại báo cáo"),
    accept=Transition({S.SENT}, S.ACCEPTED, "tiếp nhận báo cáo"),
)  # fmt: skip
