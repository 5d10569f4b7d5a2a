"""Reception's home panel of requests sent online and waiting to be verified (issue 12.8)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone

from cases.models import OnlineSubmission
from cases.states import OnlineStatus
from tgpl import home, roles
from tgpl.home import Line, Panel, PanelView


def online_panel(user, today: date) -> PanelView:
    waiting = OnlineSubmission.objects.filter(
        centre_id=user.centre_id, status=OnlineStatus.NEW
    ).aggregate(
        count=Count("pk"),
        oldest=Min("submitted_at"),
    )
    view = PanelView("cases.online", "Yêu cầu gửi trực tuyến", "bi-globe")
    if waiting["count"]:
        oldest = timezone.localtime(waiting["oldest"])
        view.lines.append(
            Line(
                "Chờ xác minh",
                waiting["count"],
                reverse("cases:online_queue"),
                tone="warning",
                note=f"cũ nhất gửi {oldest:%H:%M %d/%m/%Y}",
            )
        )
    return view


def register() -> None:
    home.register(
        Panel(
            "cases.online",
            "Yêu cầu gửi trực tuyến",
            online_panel,
            roles.is_reception_staff,
            order=11,
            icon="bi-globe",
        )
    )
