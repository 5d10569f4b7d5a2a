"""Demo data of the inter-agency council (issue 17.4, after the proceedings seeder): its
members (the Giám đốc Sở Tư pháp chairs, the Centre's director heads the Tổ giúp việc,
the police, procuracy, court and military members), a meeting with its minutes, and the
1st report of the year on the register of notices. Through the services, as the Tổ giúp
việc would enter it; skipped when the centre already has members, so a second run adds
nothing."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.utils import timezone

from cases.models import CouncilMember
from cases.rules import council as rules
from cases.services import council as services
from tgpl.models import User

MEMBERS = [
    ("Nguyễn Thị Hà", "Giám đốc Sở Tư pháp", rules.JUSTICE, rules.CHAIR),
    ("Hoàng Thị Bích", "Giám đốc Trung tâm TGPL nhà nước", rules.LEGAL_AID, rules.SECRETARIAT_HEAD),
    ("Lương Quốc Hưng", "Phó Giám đốc Công an tỉnh", rules.POLICE, rules.VICE_CHAIR),
    ("Đinh Thị Ngân", "Phó Viện trưởng Viện kiểm sát nhân dân tỉnh", rules.PROCURACY, rules.MEMBER),
    ("Vi Văn Cường", "Phó Chánh án Tòa án nhân dân tỉnh", rules.COURT, rules.MEMBER),
    ("Nông Văn Bình", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", rules.MILITARY, rules.MEMBER),
]
MINUTES = b"%PDF-1.4\n% Bien ban hop Hoi dong phoi hop lien nganh (du lieu mau)\n%%EOF\n"


def seed_demo_council(centre, stdout) -> None:
    staff = User.objects.filter(username="vienchuc", centre=centre).first()
    if staff is None:
        stdout.write("Bỏ qua dữ liệu mẫu Hội đồng phối hợp liên ngành: chưa có người dùng mẫu.")
        return
    if CouncilMember.objects.filter(centre=centre).exists():
        return
    today = timezone.localdate()
    joined = date(today.year, 1, 2)
    for full_name, title, sector, position in MEMBERS:
        services.add_council_member(
            actor=staff, full_name=full_name, job_title=title, sector=sector,
            position=position, joined_on=joined,
        )  # fmt: skip
    services.record_council_meeting(
        actor=staff,
        held_on=min(today, date(today.year, 3, 15)),
        place="Sở Tư pháp tỉnh Lạng Sơn",
        agenda="Sơ kết công tác phối hợp TGPL trong hoạt động tố tụng; triển khai nhiệm vụ năm.",
        minutes=ContentFile(MINUTES, name="bien-ban-hop-hoi-dong.pdf"),
    )
    services.save_council_report(
        actor=staff,
        year=today.year,
        round_=rules.FIRST,
        content=(
            "Các cơ quan tiến hành tố tụng đã gửi thông báo, thông tin kịp thời về người "
            "thuộc diện được trợ giúp pháp lý.\nKiến nghị tiếp tục niêm yết thông tin về "
            "trợ giúp pháp lý tại trụ sở các cơ quan tiến hành tố tụng."
        ),
    )
    stdout.write(f"Hội đồng phối hợp liên ngành: {len(MEMBERS)} thành viên, 1 cuộc họp.")
