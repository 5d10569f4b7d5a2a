"""Demo reports: the third quarter of the demo year (NĐ 09, 15/06 → 14/09) opened by the
centre's staff, signed off by the director and sent, waiting for the Sở's review; the
current quarter as a draft; and the latest statistical report with an estimated part
(TT 03/2019: the annual or the 6-month report) as a draft, its estimates proposed.
Idempotent."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from reports import services
from reports.models import Report
from reports.rules import periods
from tgpl.errors import BusinessRuleError
from tgpl.models import User


def seed_demo_reports(centre, stdout) -> None:
    staff = User.objects.filter(username="vienchuc", centre=centre).first()
    director = User.objects.filter(username="giamdoc", centre=centre).first()
    if staff is None or director is None:
        stdout.write("Bỏ qua báo cáo mẫu: chưa có người dùng mẫu.")
        return
    current = periods.period_containing(periods.Kind.QUARTERLY, timezone.localdate())
    sent = periods.previous(current)
    made = 0
    estimated = periods.latest_with_estimate(timezone.localdate())
    for period, send in ((sent, True), (current, False), (estimated, False)):
        if Report.objects.filter(centre=centre, kind=period.kind, year=period.year,
                                 number=period.number).exists():  # fmt: skip
            continue
        try:
            with transaction.atomic():
                report = services.open_report(actor=staff, centre=centre, kind=period.kind,
                                              year=period.year, number=period.number)  # fmt: skip
                if send:
                    services.save_report(actor=staff, report=report, narrative={
                        "difficulties": "Số lượng Trợ giúp viên pháp lý còn ít so với yêu cầu.",
                        "next": "Tiếp tục thực hiện kế hoạch công tác năm.",
                    })  # fmt: skip
                    services.sign_off_report(actor=director, report=report)
                    services.send_report(actor=staff, report=report)
            made += 1
        except BusinessRuleError as exc:
            stdout.write(f"  (bỏ qua một báo cáo mẫu: {exc.message})")
    stdout.write(f"Đã tạo {made} báo cáo mẫu.")
