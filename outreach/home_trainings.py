"""The trainings panels of the home page (registered with tgpl.home in apps.py).

An officer sees their hours of the year against the minimum; the director and deputies
see, before the year ends, the officers still short of it (TT 12/2018 Điều 4.1). Each
panel keeps a fixed number of queries whatever the size of the centre.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from outreach import selectors_trainings as selectors
from outreach.rules.trainings import Standing, hours_text
from tgpl import home, roles
from tgpl.home import Line, Panel, PanelView


def own_hours(user, today: date) -> PanelView:
    view = PanelView(
        "outreach.trainings.own", f"Bồi dưỡng nghiệp vụ năm {today.year}", "bi-mortarboard"
    )
    mine = selectors.own_year(user, today.year)
    account = mine.account
    minimum = hours_text(account.minimum) if account.minimum is not None else "—"
    tone = {"compliant": "success", "exempt": "secondary", "short": "warning"}[account.standing]
    note = account.label
    if account.standing == Standing.SHORT:
        note = f"còn thiếu {mine.shortfall_text} giờ"
    view.lines.append(
        Line(
            f"Số giờ đã tham dự: {mine.hours_text}/{minimum} giờ",
            url=reverse("outreach:training_mine"),
            tone=tone,
            note=note,
        )
    )
    return view


def behind(user, today: date) -> PanelView:
    view = PanelView(
        "outreach.trainings.behind",
        f"Trợ giúp viên chưa đủ giờ bồi dưỡng năm {today.year}",
        "bi-hourglass-split",
    )
    short = selectors.behind(user.centre_id, today.year)
    url = reverse("outreach:training_compliance") + f"?year={today.year}"
    for officer in short[:8]:
        view.lines.append(
            Line(
                officer.person.full_name,
                url=url,
                tone="warning",
                note=f"{officer.hours_text} giờ, còn thiếu {officer.shortfall_text} giờ",
            )
        )
    if short:
        view.link = Line(f"Danh sách năm {today.year} ({len(short)} người chưa đủ)", url=url)
    return view


def register() -> None:
    home.register(
        Panel(
            "outreach.trainings.own",
            "Bồi dưỡng nghiệp vụ",
            build=own_hours,
            applies=roles.has_training_obligation,
            order=60,
            icon="bi-mortarboard",
        )
    )
    home.register(
        Panel(
            "outreach.trainings.behind",
            "Chưa đủ giờ bồi dưỡng",
            build=behind,
            applies=roles.sees_training_behind,
            order=61,
            icon="bi-hourglass-split",
        )
    )
