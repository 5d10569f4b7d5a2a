"""The outreach panel of the leadership's home page (registered in apps.py): the communes
the centre has not reached this year and the boards and boxes due for inspection."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from tgpl import home, roles
from tgpl.home import Line, Panel, PanelView

from . import selectors


def outreach_panel(user, today: date) -> PanelView:
    """Four queries whatever the size: the communes' annotations, activities, placements,
    the dates of the inspections due."""
    view = PanelView("outreach.coverage", f"Truyền thông năm {today.year}", "bi-megaphone")
    missing = len(selectors.communes_not_reached(user, today.year))
    if missing:
        view.lines.append(
            Line(
                "Xã, phường chưa có hoạt động",
                missing,
                reverse("outreach:communes") + f"?year={today.year}&show=not_reached",
                "warning",
            )
        )
    dates = list(
        selectors.inspections_due(user, today).values_list("next_inspection_on", flat=True)
    )
    count, overdue = len(dates), sum(1 for on in dates if on < today)
    if count:
        view.lines.append(
            Line(
                "Bảng, hộp tin đến hạn kiểm tra",
                count,
                reverse("outreach:inspections_due"),
                "danger" if overdue else "warning",
                note=f"{overdue} quá hạn" if overdue else "",
            )
        )
    if view.lines:
        view.link = Line("Truyền thông", url=reverse("outreach:index"))
    return view


def register() -> None:
    home.register(
        Panel("outreach.coverage", "Truyền thông", outreach_panel, roles.is_leadership, order=60)
    )
