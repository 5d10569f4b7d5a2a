"""Demo data of the online intake: two requests sent online, waiting in reception."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases.models import EligibilityCategory, LegalField, OnlineSubmission
from cases.services.online import submit_online

DEMO = [
    {
        "full_name": "Lương Thị Nhài",
        "birth_year": 1957,
        "sex": "female",
        "phone": "0915222333",
        "address": "Thôn Pác Cáp, xã Văn Quan",
        "summary": "Con trai bán đất của tôi mà không hỏi ý kiến, tôi muốn biết phải làm gì.",
        "category": "2",
        "hours_ago": 20,
    },
    {
        "full_name": "Hà Văn Dũng",
        "birth_year": 1988,
        "sex": "male",
        "phone": "0987111222",
        "address": "Khối 3, phường Tam Thanh",
        "summary": "Công ty nợ lương ba tháng rồi cho tôi nghỉ việc, tôi là người khuyết tật.",
        "category": "",
        "hours_ago": 3,
    },
]


def seed_demo_online(centre, stdout) -> None:
    if OnlineSubmission.objects.filter(centre=centre).exists():
        return
    field = LegalField.objects.filter(is_active=True).order_by("position").first()
    for row in DEMO:
        data = dict(row)
        code, hours = data.pop("category"), data.pop("hours_ago")
        categories = (
            [EligibilityCategory.objects.filter(code=code).latest("valid_from")] if code else []
        )
        submit_online(
            centre=centre,
            fields={**data, "legal_field": field},
            categories=categories,
            at=timezone.now() - timedelta(hours=hours),
        )
    stdout.write(f"Đã tạo {len(DEMO)} yêu cầu gửi trực tuyến chờ xác minh.")
