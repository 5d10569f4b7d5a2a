"""Home panels of appraisal and quotas (registered with tgpl.home in apps.py): an
appraiser's cases to score and time checks; the director's results, the conclusions
waiting and the officers behind their quota. Fixed queries whatever the size."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse

from cases import selectors_appraisal as sa
from cases.models import Appraisal, TimeAppraisal
from cases.states import AppraisalStatus, TimeAppraisalStatus
from tgpl import home, roles
from tgpl.home import Bar, Line, Panel, PanelView

TONES = {"excellent": "success", "good": "primary", "pass": "info", "fail": "danger"}


def appraiser(user, today: date) -> PanelView:
    view = PanelView("cases.appraiser", "Thẩm định và chỉ tiêu của tôi", "bi-clipboard-check")
    mine = Appraisal.objects.filter(appraisers__user=user).aggregate(
        waiting=Count("pk", filter=Q(status=AppraisalStatus.ASSIGNED)),
        returned=Count("pk", filter=Q(status=AppraisalStatus.RETURNED)),
    )
    url = reverse("cases:my_appraisals")
    if mine["waiting"]:
        view.lines.append(Line("Vụ việc chờ tôi chấm điểm", mine["waiting"], url, "warning"))
    if mine["returned"]:
        view.lines.append(Line("Kết quả bị trả lại để chấm lại", mine["returned"], url, "danger"))
    checks = TimeAppraisal.objects.filter(checker=user, status=TimeAppraisalStatus.ASSIGNED)
    count = checks.count()
    if count:
        view.lines.append(
            Line("Thẩm định thời gian chờ xác nhận", count, reverse("cases:time_checks"), "warning")
        )
    if roles.is_performer(user):
        rows = sa.quota_rows(user, user.centre_id, today.year, only=user)
        for row in rows:
            note = "Miễn chỉ tiêu" if row.target.exempt else f"mức dự kiến: {row.level_label}"
            target = sa.quota_rules.fraction_text(row.target.pass_from)
            view.lines.append(
                Line(
                    f"Chỉ tiêu năm {today.year}: {row.count_text}"
                    f"/{target} vụ việc tham gia tố tụng",
                    url=reverse("cases:quotas"),
                    note=note,
                    tone="success" if row.progress >= 100 else "info",
                )
            )
    return view


def director_results(user, today: date) -> PanelView:
    view = PanelView("cases.appraisal_results", "Thẩm định chất lượng", "bi-award")
    waiting = sa.awaiting_approval(user).count()
    if waiting:
        view.lines.append(
            Line("Kết quả thẩm định chờ duyệt", waiting, reverse("cases:my_appraisals"), "danger")
        )
    results = sa.results(user, year=today.year)
    if results.count:
        for grade, label, count, _percent in results.grades:
            value = count if isinstance(count, int) else count.value
            view.bars.append(Bar(label, value, reverse("cases:appraisal_results"), TONES[grade]))
        view.lines.append(
            Line(
                f"Vụ việc tố tụng thành công năm {today.year}",
                url=reverse("cases:appraisal_results"),
                note=f"{results.successful}/{results.litigation_closed} "
                f"({results.successful_percent}%)",
            )
        )
    if roles.can_see_all_quotas(user):
        behind = [r for r in sa.quota_rows(user, user.centre_id, today.year) if r.behind]
        if behind:
            view.lines.append(
                Line(
                    "Trợ giúp viên chưa đạt mức chỉ tiêu",
                    len(behind),
                    reverse("cases:quotas"),
                    "warning",
                    note=", ".join(r.user.full_name for r in behind[:3])
                    + ("…" if len(behind) > 3 else ""),
                )
            )
    view.link = Line("Kế hoạch thẩm định", url=reverse("cases:appraisal_plans"))
    return view


def register() -> None:
    home.register(
        Panel(
            "cases.appraiser",
            "Thẩm định của tôi",
            appraiser,
            roles.is_centre_member,
            order=35,
        )
    )
    home.register(
        Panel(
            "cases.appraisal_results",
            "Thẩm định chất lượng",
            director_results,
            roles.can_see_appraisal_plans,
            order=40,
        )
    )
