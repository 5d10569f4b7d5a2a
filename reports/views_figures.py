"""The records behind a figure (drill-down), the Biểu tables as .xlsx, and the province's
consolidated table of accepted reports."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cases.models import Case, LegalAidRequest
from outreach.models import Attendance, TrainingSession
from outreach.selectors import activities_visible_to, placements_visible_to
from plans.models import PlanItem
from tgpl import roles
from tgpl.paginate import paginate
from tgpl.spreadsheets import XLSX_CONTENT_TYPE
from tgpl.statistics import default_threshold, is_small

from . import figures, selectors
from .dashboard import director_dashboard, doj_dashboard
from .forms import PeriodForm
from .handover import handover_dataset
from .presenters import table_views
from .xlsx import workbook

VISIBLE = {
    "case": lambda user: Case.objects.visible_to(user),
    "request": lambda user: LegalAidRequest.objects.visible_to(user),
    "plan_item": lambda user: PlanItem.objects.visible_to(user),
    "activity": activities_visible_to,
    "placement": placements_visible_to,
    "attendance": lambda user: Attendance.objects.filter(
        session__in=TrainingSession.objects.visible_to(user)
    ),
}
RELATED = {
    "case": ("request__legal_field", "department", "performer"),
    "request": ("legal_field", "case"),
    "plan_item": ("plan",),
    "activity": ("department", "agency"),
    "placement": ("material", "agency"),
    "attendance": ("person", "session"),
}


def _cell(sections, section: str, row: str, column: str) -> tuple[object, str, str]:
    for s in sections:
        if s.key == section:
            try:
                labels = {c.key: c.label for c in s.columns}
                return s, s.row(row).label, labels[column]
            except (StopIteration, KeyError):
                break
    raise Http404("Không có số liệu này.")


@require_GET
def drill(request, pk: int, section: str):
    """The records a figure counts, as the user may see them now. A Sở reviewer sees no
    one's name, and no list behind a figure small enough to point at a person."""
    report = selectors.get_report_for(request.user, pk)
    spec = figures.spec(section)
    row, column = request.GET.get("row", "total"), request.GET.get("column", "")
    if spec is None or spec.records is None:
        raise Http404("Không có số liệu này.")
    sections = selectors.report_figures(report)
    table, row_label, column_label = _cell(sections, section, row, column)
    value = table.cell(row, column)
    hidden = roles.statistics_hide_small_counts(request.user) and is_small(
        value, default_threshold()
    )
    page = query = None
    if not hidden:
        records = spec.records(selectors.scope_of(report), row, column)
        visible = VISIBLE[spec.record_kind](request.user).values("pk")
        records = records.filter(pk__in=visible).select_related(*RELATED[spec.record_kind])
        page, query = paginate(request, records.order_by("pk"))
    return render(
        request,
        "reports/drill.html",
        {
            "title": "Hồ sơ của số liệu",
            "report": report,
            "table": table,
            "row_label": row_label,
            "column_label": column_label,
            "value": value,
            "hidden": hidden,
            "threshold": default_threshold(),
            "kind": spec.record_kind,
            "page": page,
            "query": query,
            "personal": roles.can_see_personal_data(request.user),
        },
    )


@require_GET
def export(request, pk: int):
    """The report's tables as .xlsx in the forms' layout."""
    report = selectors.get_report_for(request.user, pk)
    book = workbook(report, selectors.report_figures(report), selectors.report_estimates(report))
    response = HttpResponse(book, content_type=XLSX_CONTENT_TYPE)
    name = f"bao-cao-{report.kind}-{report.year}-{report.number}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def handover(request, pk: int):
    """The period's new and ended cases for the national software: a row per case, with
    the people's data, so only for the centre's people who may export per person."""
    report = selectors.get_report_for(request.user, pk)
    user = request.user
    if not (roles.can_prepare_reports(user, report.centre) and roles.can_export_per_person(user)):
        raise PermissionDenied
    data = handover_dataset(report)
    name = f"chuyen-phan-mem-quoc-gia-{report.kind}-{report.year}-{report.number}.xlsx"
    response = HttpResponse(data.export("xlsx"), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def province(request):
    """The Sở's table: the accepted reports of a period of the province's centres summed."""
    if not (roles.is_doj_reviewer(request.user) or request.user.is_superuser):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    reports, table, estimates = [], [], {}
    if form.is_valid():
        d = form.cleaned_data
        reports, table, estimates = selectors.consolidated(
            request.user, d["kind"], d["year"], d["number"]
        )
    return render(
        request,
        "reports/province.html",
        {"title": "Tổng hợp báo cáo của các Trung tâm", "form": form, "reports": reports,
         "tables": table_views(table, None, estimates)},
        status=400 if form.is_bound and form.errors else 200,
    )  # fmt: skip


@require_GET
def dashboard(request):
    """The director's dashboard, or the Sở's for a reviewer."""
    user = request.user
    today = timezone.localdate()
    if roles.is_doj_reviewer(user) and not user.centre_id:
        period, rows, charts = doj_dashboard(user, today)
        context = {"title": "Tổng quan các Trung tâm", "rows": rows}
    elif roles.can_prepare_reports(user):
        period, charts = director_dashboard(user, today)
        context = {"title": "Tổng quan hoạt động của Trung tâm", "rows": None}
    else:
        raise PermissionDenied
    context.update(period=period, charts=charts)
    return render(request, "reports/dashboard.html", context)
