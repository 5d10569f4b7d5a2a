"""Deadlines of reports for the reminder scan: every report not yet sent (draft or
returned) falls due on its due date; the preparer and the director are reminded before
it, the director told when it is late. Two queries whatever the number of reports."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from tgpl import roles
from tgpl.models import User
from tgpl.notifications.deadlines import Deadline

from .models import Report
from .states import ReportStatus

LOOK_BACK = datetime.timedelta(days=120)


def report_deadlines(today: datetime.date, now: datetime.datetime, until=None, centre_ids=None):
    reports = Report.objects.filter(
        status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED], due__gte=today - LOOK_BACK
    )
    if until is not None:
        reports = reports.filter(due__lte=until)
    if centre_ids is not None:
        reports = reports.filter(centre_id__in=centre_ids)
    reports = list(reports.select_related("centre"))
    if not reports:
        return
    directors: dict[int, list[int]] = {}
    for user_id, centre_id in User.objects.filter(
        centre_id__in={r.centre_id for r in reports},
        is_active=True,
        pk__in=roles.holders_of(roles.Role.DIRECTOR),
    ).values_list("pk", "centre_id"):
        directors.setdefault(centre_id, []).append(user_id)
    for report in reports:
        heads = tuple(directors.get(report.centre_id, ()))
        due = timezone.make_aware(datetime.datetime.combine(report.due, datetime.time(17, 0)))
        yield Deadline(
            subject=report,
            deadline="report",
            label="Hạn gửi báo cáo",
            title=report.title,
            due_at=due,
            owners=(report.prepared_by_id, *heads),
            escalate_to=heads,
            url=reverse("reports:detail", args=[report.pk]),
            next_step="Gửi báo cáo đã ký duyệt đến Sở Tư pháp.",
        )
