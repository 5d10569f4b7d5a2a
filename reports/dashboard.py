"""The dashboards: the director's (this period against the last and the same period last
year) and the Sở's (the province's centres side by side, reports due, late, returned).

Charts are server-rendered SVG (`bar_chart`): rectangles computed here, drawn by the
template, no script; every chart has its numbers in a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from cases.models import Case, LegalAidRequest
from cases.states import CaseStatus, Form, RequestStatus
from tgpl import days, roles
from tgpl.models import Centre

from .figures import Scope
from .figures.cases import accepted_in, in_play, limits_met
from .figures.plans import plan_progress
from .models import Report
from .rules import periods
from .states import ReportStatus


@dataclass
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    tone: str


@dataclass
class Chart:
    title: str
    series: list[str]  # legend: one label per tone
    groups: list[tuple[str, list[Bar]]]  # (group label, its bars)
    rows: list[tuple[str, list[int]]]  # the table: group label, a value per series
    width: int = 640
    height: int = 220
    group_width: float = 0

    @property
    def legend(self) -> list[tuple[str, str]]:
        return [(label, TONES[j % len(TONES)]) for j, label in enumerate(self.series)]

    @property
    def axis_y(self) -> int:
        return self.height - 30


TONES = ["#0d6efd", "#6c757d", "#adb5bd", "#198754", "#ffc107", "#dc3545"]


def bar_chart(title: str, series: list[str], rows: list[tuple[str, list[int]]]) -> Chart:
    """Grouped bars: a group per row, a bar per series; heights scaled to the largest."""
    chart = Chart(title, series, [], rows)
    top = max((v for _, values in rows for v in values), default=0) or 1
    plot_h = chart.axis_y - 20
    n = max(1, len(rows))
    chart.group_width = (chart.width - 40) / n
    bar_w = max(4.0, (chart.group_width - 16) / max(1, len(series)))
    for i, (label, values) in enumerate(rows):
        bars = []
        for j, value in enumerate(values):
            h = plot_h * value / top
            x = 30 + i * chart.group_width + 8 + j * bar_w
            bars.append(Bar(series[j], value, round(x, 1), round(chart.axis_y - h, 1),
                            round(bar_w - 2, 1), round(h, 1), TONES[j % len(TONES)]))  # fmt: skip
        chart.groups.append((label, bars))
    return chart


def performer_rows_of(user, year: int):
    """The performers of the user's centre with their workload and quota (cases.selectors)."""
    from cases.selectors import performer_rows

    return performer_rows(user, year)


# --- the director ---------------------------------------------------------------------------


def _measures(scope: Scope) -> dict[str, int]:
    """The period's headline figures in two queries."""
    new = accepted_in(scope)
    ended = days.on_days("ended_at", scope.start, scope.end)
    cases = in_play(scope).aggregate(
        all=Count("pk"),
        ended=Count("pk", filter=ended),
        new=Count("pk", filter=Q(pk__in=new.values("pk"))),
    )
    requests = LegalAidRequest.objects.filter(
        days.on_days("received_at", scope.start, scope.end), centre_id__in=scope.centre_ids
    ).aggregate(  # from the covering index alone (cases.home.centre_glance)
        received=Count("status"),
        refused=Count("status", filter=Q(status=RequestStatus.REFUSED)),
    )
    return {**cases, **requests}


MEASURES = [
    ("received", "Yêu cầu tiếp nhận"),
    ("new", "Vụ việc thụ lý"),
    ("ended", "Vụ việc kết thúc"),
    ("refused", "Từ chối thụ lý"),
]


def director_dashboard(user, today: date):
    centre = user.centre
    current = periods.period_containing(periods.Kind.QUARTERLY, today)
    compared = [current, periods.previous(current), periods.same_period_last_year(current)]
    values = [_measures(Scope((centre.pk,), p.start, p.end)) for p in compared]
    series = [f"Kỳ này ({compared[0].label})", f"Kỳ trước ({compared[1].label})",
              f"Cùng kỳ năm trước ({compared[2].label})"]  # fmt: skip
    comparison = bar_chart(
        "So sánh với kỳ trước và cùng kỳ năm trước",
        series,
        [(label, [v[key] for v in values]) for key, label in MEASURES],
    )
    # COUNT(*): the index of (centre, state, form) answers both alone (cases.home)
    by_state = dict(
        Case.objects.filter(centre=centre)
        .open()
        .order_by()
        .values_list("status")
        .annotate(n=Count("*"))
    )
    by_form = dict(
        Case.objects.filter(centre=centre)
        .open()
        .order_by()
        .values_list("form")
        .annotate(n=Count("*"))
    )
    states = bar_chart(
        "Vụ việc đang thực hiện theo trạng thái",
        ["Số vụ việc"],
        [(str(label), [by_state.get(value, 0)]) for value, label in CaseStatus.choices
         if value not in (CaseStatus.CLOSED, CaseStatus.DISCONTINUED)],
    )  # fmt: skip
    forms = bar_chart(
        "Vụ việc đang thực hiện theo hình thức",
        ["Số vụ việc"],
        [(str(label), [by_form.get(value, 0)]) for value, label in Form.choices],
    )
    scope = Scope((centre.pk,), current.start, current.end)
    limit_table = limits_met(scope)
    limits = bar_chart(
        f"Thời hạn đến hạn trong {current.label}",
        [c.label for c in limit_table.columns[1:]],
        [(r.label.split(" (")[0], r.cells[1:]) for r in limit_table.rows[1:] if r.cells[0]],
    )
    plan_table = plan_progress(scope)
    plans = bar_chart(
        f"Tiến độ kế hoạch, nhiệm vụ đến hạn trong {current.label}",
        [c.label for c in plan_table.columns[1:]],
        [(r.label, r.cells[1:]) for r in plan_table.rows[1:]],
    )
    workload = bar_chart(
        f"Người thực hiện: vụ việc đang thực hiện và tham gia tố tụng năm {today.year}",
        ["Đang thực hiện", "Tham gia tố tụng trong năm", "Chỉ tiêu (mức Đạt)"],
        [
            (row.performer.user.full_name, [row.open_cases, row.litigation_this_year,
                                            row.tier.pass_from if row.tier else 0])
            for row in performer_rows_of(user, today.year)
        ],
    )  # fmt: skip
    return current, [comparison, states, forms, limits, plans, workload]


# --- the Sở ------------------------------------------------------------------------------------


@dataclass
class CentreRow:
    centre: Centre
    accepted: int
    ended: int
    open: int
    due: int
    late: int
    returned: int


def doj_dashboard(user, today: date):
    """The province's centres side by side for the current NĐ 09 quarter, and their
    reports: due (not yet sent, due date ahead), late (due date passed, not sent),
    returned (waiting for the centre's correction). Three queries."""
    current = periods.period_containing(periods.Kind.QUARTERLY, today)
    centres = list(roles.visible_centres(user).order_by("name"))
    ids = [c.pk for c in centres]
    ended = days.on_days("ended_at", current.start, current.end)
    cases = {
        row["centre_id"]: row
        for row in Case.objects.filter(centre_id__in=ids)
        .order_by()
        .values("centre_id")
        .annotate(
            accepted=Count("pk", filter=days.on_days("accepted_at", current.start, current.end)),
            ended=Count("pk", filter=ended),
            open=Count("pk", filter=Q(status__in=[CaseStatus.AWAITING_ASSIGNMENT,
                                                  CaseStatus.ASSIGNMENT_PROPOSED,
                                                  CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS])),
        )
    }  # fmt: skip
    unsent = [ReportStatus.DRAFT]
    reports = {
        row["centre_id"]: row
        for row in Report.objects.filter(centre_id__in=ids)
        .order_by()
        .values("centre_id")
        .annotate(
            due_soon=Count("pk", filter=Q(status__in=unsent, due__gte=today)),
            late=Count("pk", filter=Q(status__in=[*unsent, ReportStatus.RETURNED], due__lt=today)),
            returned=Count("pk", filter=Q(status=ReportStatus.RETURNED)),
        )
    }
    rows = []
    for c in centres:
        k, r = cases.get(c.pk, {}), reports.get(c.pk, {})
        case_counts = [k.get(name, 0) for name in ("accepted", "ended", "open")]
        report_counts = [r.get(name, 0) for name in ("due_soon", "late", "returned")]
        rows.append(CentreRow(c, *case_counts, *report_counts))
    chart = bar_chart(
        f"Vụ việc của các Trung tâm, {current.label}",
        ["Thụ lý trong kỳ", "Kết thúc trong kỳ", "Đang thực hiện"],
        [(row.centre.short_name or row.centre.name, [row.accepted, row.ended, row.open])
         for row in rows],
    )  # fmt: skip
    return current, rows, [chart]
