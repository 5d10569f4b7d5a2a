# ruff: noqa: E501 - demo data reads best one item per line
"""Demo data of outreach (registered with tgpl.demo in apps.py).

Trainings of the demo year with attendance: every legal-aid officer has 8 hours or more
but one, who is short (Chu Văn Đức, 6 giờ), and one is exempt (Lăng Thị Mai, nghỉ thai
sản, TT 12/2018 Điều 4.4 điểm c). Idempotent: created the first time only, through the
services, as the văn thư would enter them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from outreach.models import ExemptionReason, TrainingSession
from outreach.services import trainings as services
from tgpl.models import User

SESSIONS = [
    # (key, month, day, days, title, content, form, organiser, by the centre, place, hours)
    ("litigation", 3, 17, 2, "Lớp tập huấn kỹ năng tham gia tố tụng",
     "Kỹ năng bào chữa, bảo vệ quyền lợi người được trợ giúp pháp lý trong vụ án hình sự",
     TrainingSession.Form.ONLINE, "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý - Bộ Tư pháp",
     False, "Trực tuyến", Decimal("8")),
    ("code", 6, 12, 1, "Hội nghị tập huấn Quy tắc nghề nghiệp trợ giúp pháp lý",
     "Quy tắc nghề nghiệp trợ giúp pháp lý (Thông tư 03/2020/TT-BTP) và kỹ năng tư vấn",
     TrainingSession.Form.COURSE, "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Lạng Sơn",
     True, "Hội trường Trung tâm", Decimal("4")),
    ("forum", 9, 24, 1, "Tọa đàm trao đổi kinh nghiệm trợ giúp pháp lý cho người dân tộc thiểu số",
     "Trao đổi kinh nghiệm thực hiện trợ giúp pháp lý cho người dân tộc thiểu số ở xã đặc biệt khó khăn",
     TrainingSession.Form.SEMINAR, "Sở Tư pháp tỉnh Lạng Sơn", False, "Sở Tư pháp tỉnh Lạng Sơn",
     Decimal("2.5")),
]  # fmt: skip
ATTENDANCE = {
    # session key: [(username, hours)]
    "litigation": [("giamdoc", "8"), ("phogiamdoc", "8"), ("truongphong.nv", "8"),
                   ("truongcn1", "4"), ("luatsu", "8")],
    "code": [("truongcn1", "4"), ("tgv2", "4"), ("luatsu", "4"), ("ctv", "4"),
             ("giamdoc", "4")],
    "forum": [("tgv2", "2"), ("phogiamdoc", "2.5"), ("truongphong.nv", "2.5")],
}  # fmt: skip


def _day(year: int, month: int, day: int, today: date) -> date:
    return min(date(year, month, day), today)


def seed_demo_trainings(centre, stdout) -> None:
    users = {u.username: u for u in User.objects.filter(centre=centre)}
    staff = users.get("vienchuc")
    if staff is None:
        stdout.write("Bỏ qua dữ liệu mẫu tập huấn: chưa có người dùng mẫu.")
        return
    if TrainingSession.objects.filter(centre=centre).exists():
        stdout.write("Dữ liệu mẫu tập huấn đã có.")
        return
    today = timezone.localdate()
    year = today.year
    with transaction.atomic():
        sessions = {}
        for key, month, day, days, title, content, form, organiser, own, place, hours in SESSIONS:
            starts = _day(year, month, day, today)
            ends = _day(year, month, day + days - 1, today)
            sessions[key] = services.create_session(
                actor=staff, centre=centre, title=title, content=content, form=form,
                organiser=organiser, held_by_centre=own, location=place,
                starts_on=starts, ends_on=ends, hours=hours,
            )  # fmt: skip
        services.nominate(
            actor=staff,
            session=sessions["litigation"],
            people=[users[name] for name, _ in ATTENDANCE["litigation"] if name in users],
            purpose="Công văn triệu tập của Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý",
            on=sessions["litigation"].starts_on,
        )
        for key, rows in ATTENDANCE.items():
            for name, hours in rows:
                if name in users:
                    services.record_attendance(
                        actor=staff, session=sessions[key], person=users[name],
                        hours=Decimal(hours),
                    )  # fmt: skip
        maternity = ExemptionReason.objects.filter(code="4c-thai-san").first()
        if maternity is not None and "tgv" in users:
            services.record_exemption(
                actor=staff,
                person=users["tgv"],
                reason=maternity,
                starts_on=_day(year, 2, 2, today),
                ends_on=date(year, 8, 1),
                note="Quyết định nghỉ hưởng chế độ thai sản",
            )
    stdout.write(
        f"Đã tạo {len(sessions)} lớp tập huấn mẫu năm {year} (một TGV chưa đủ 8 giờ, một TGV được miễn)."
    )
