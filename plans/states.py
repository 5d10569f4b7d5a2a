"""The transitions table of a plan (the kernel's one shape, tgpl.kernel.Transitions)."""

from __future__ import annotations

from tgpl.kernel import Transition, Transitions

from .models import Plan

S = Plan.Status

PLAN_TRANSITIONS = Transitions(
    Plan.Status,
    edit=Transition({S.DRAFT}, None, "sửa kế hoạch", "Chỉ sửa được kế hoạch ở trạng thái dự thảo."),
    submit=Transition({S.DRAFT}, None, "trình phê duyệt kế hoạch"),
    approve=Transition({S.DRAFT}, S.APPROVED, "phê duyệt kế hoạch"),
    issue_number=Transition(
        {S.APPROVED}, None, "cấp số kế hoạch", "Chỉ cấp số cho kế hoạch đã được phê duyệt."
    ),
    report_progress=Transition({S.APPROVED}, None, "báo cáo tiến độ"),
    close=Transition({S.APPROVED}, S.CLOSED, "kết thúc kế hoạch"),
    reopen=Transition({S.APPROVED}, S.DRAFT, "trả kế hoạch về dự thảo"),
)
