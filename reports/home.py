"""The reports panels of the home page (registered with tgpl.home in apps.py): for the
centre's preparers, reports to send and returned; for the Sở reviewer, reports waiting
for review, late and returned, with the province's centres side by side."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse

from tgpl import home, roles
from tgpl.home import Line, Panel, PanelView

from .models import Report
from .states import ReportStatus

S = ReportStatus


def centre_reports(user, today: date) -> PanelView:
    view = PanelView("reports.centre", "Báo cáo định kỳ", "bi-file-earmark-bar-graph")
    counts = Report.objects.filter(centre_id=user.centre_id).aggregate(
        late=Count("pk", filter=Q(status__in=[S.DRAFT, S.RETURNED], due__lt=today)),
        due_soon=Count("pk", filter=Q(status=S.DRAFT, due__gte=today)),
        returned=Count("pk", filter=Q(status=S.RETURNED)),
    )
    url = reverse("reports:index")
    if counts["late"]:
        view.lines.append(Line("Báo cáo quá hạn gửi", counts["late"], url, "danger"))
    if counts["returned"]:
        view.lines.append(Line("Sở trả lại để chỉnh sửa", counts["returned"], url, "warning"))
    if counts["due_soon"]:
        view.lines.append(Line("Báo cáo chưa gửi", counts["due_soon"], url, "primary"))
    if view.lines:
        view.link = Line("Tất cả báo cáo", url=url)
    return view


def doj_reports(user, today: date) -> PanelView:
    """Reports of the province's centres: to review, late, returned; a row per centre."""
    view = PanelView("reports.doj", "Báo cáo của các Trung tâm", "bi-inboxes")
    centres = roles.visible_centres(user).order_by("name")
    rows = (
        Report.objects.filter(centre__in=centres)
        .order_by()
        .values("centre__name")
        .annotate(
            sent=Count("pk", filter=Q(status=S.SENT)),
            late=Count("pk", filter=Q(status__in=[S.DRAFT, S.RETURNED], due__lt=today)),
            returned=Count("pk", filter=Q(status=S.RETURNED)),
            accepted=Count("pk", filter=Q(status=S.ACCEPTED)),
        )
        .order_by("centre__name")
    )
    url = reverse("reports:index")
    table_rows = []
    total_sent = 0
    for row in rows:
        total_sent += row["sent"]
        table_rows.append([row["centre__name"], row["sent"], row["late"], row["returned"],
                           row["accepted"]])  # fmt: skip
    if total_sent:
        view.lines.append(Line("Báo cáo chờ Sở xem xét", total_sent, url, "primary"))
    if table_rows:
        view.table = {
            "head": ["Trung tâm", "Chờ xem xét", "Trễ hạn", "Bị trả lại", "Đã tiếp nhận"],
            "rows": table_rows,
        }
        view.link = Line("Tổng quan các Trung tâm", url=reverse("reports:dashboard"))
    return view


def register() -> None:
    home.register(Panel("reports.centre", "Báo cáo định kỳ", centre_reports,
                        applies=roles.can_prepare_reports, order=70,
                        icon="bi-file-earmark-bar-graph"))  # fmt: skip
    home.register(Panel("reports.doj", "Báo cáo của các Trung tâm", doj_reports,
                        applies=lambda u: roles.is_doj_reviewer(u) and not u.centre_id,
                        order=15, icon="bi-inboxes"))  # fmt: skip
