"""Counts of requests and cases by form, field and state for a period: the supervisor's
view (the Sở reviewer gets this instead of the per-person registers), with counts that
could single out a person shown as "< 5" (tgpl/statistics.py)."""

from __future__ import annotations

import tablib
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cases import selectors
from cases.forms import StatisticsForm
from tgpl import roles
from tgpl.forms import valid_data
from tgpl.spreadsheets import XLSX_CONTENT_TYPE, safe_cell
from tgpl.statistics import Table, suppress_table

SHEETS = ("Yêu cầu", "Vụ việc")


def _tables(request) -> tuple[StatisticsForm, list[tuple[selectors.CountTable, Table]]]:
    if not roles.can_see_case_statistics(request.user):
        raise PermissionDenied
    form = StatisticsForm(request.GET or None)
    # a date typed wrong bounds nothing and says so; the other date still bounds
    dates = valid_data(form)
    start, end = dates.get("date_from"), dates.get("date_to")
    # those who may see the people get the exact figures (a threshold of 1 hides nothing)
    threshold = None if roles.statistics_hide_small_counts(request.user) else 1
    tables = []
    for counts in (
        selectors.request_counts(request.user, start, end),
        selectors.case_counts(request.user, start, end),
    ):
        table = suppress_table(counts.counts, threshold, columns=len(counts.states))
        tables.append((counts, table))
    return form, tables


@require_GET
def statistics(request):
    form, tables = _tables(request)
    return render(
        request,
        "cases/statistics.html",
        {
            "title": "Thống kê yêu cầu và vụ việc",
            "form": form,
            "tables": [
                {"counts": c, "table": t, "rows": list(zip(c.rows, t.rows, strict=True))}
                for c, t in tables
            ],
            "suppressed": roles.statistics_hide_small_counts(request.user),
            "query": request.GET.urlencode(),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_GET
def statistics_export(request):
    """The same tables as .xlsx, one sheet each; hidden counts are the text "< 5"."""
    form, tables = _tables(request)
    if form.is_bound and not form.is_valid():
        return statistics(request)  # the page says what is wrong with the period
    book = tablib.Databook()
    for sheet, (counts, table) in zip(SHEETS, tables, strict=True):
        data = tablib.Dataset(
            headers=["Trung tâm", "Hình thức", "Lĩnh vực", *counts.states, "Tổng"], title=sheet
        )
        for (centre, form_label, field), (cells, total) in zip(
            counts.rows, table.rows, strict=True
        ):
            shown = [c.shown for c in cells]
            data.append([safe_cell(centre), form_label, safe_cell(field), *shown, total.shown])
        data.append(["Tổng", "", "", *[c.shown for c in table.column_totals], table.total.shown])
        book.add_sheet(data)
    dates = form.cleaned_data if form.is_bound else {}
    period = "-".join(f"{dates[k]:%Y%m%d}" for k in ("date_from", "date_to") if dates.get(k))
    response = HttpResponse(book.export("xlsx"), content_type=XLSX_CONTENT_TYPE)
    name = f"thong-ke-tgpl{'-' + period if period else ''}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
