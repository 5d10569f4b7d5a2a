"""Registers to and from .xlsx; exports (background jobs) contain only what the user may see."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy

from cases import exports, resources
from cases.forms import ImportForm
from tgpl import roles
from tgpl.exports.views import export_page
from tgpl.forms import error_summary
from tgpl.spreadsheets import read_xlsx

from .common import filters_from


def _refused_filter(request, form, list_url: str):
    """An export of a list whose filter has an error is not started: it would hold rows
    the person did not ask for. Back to the list, its filter kept, with the reason."""
    if not form.errors:
        return None
    messages.error(request, f"Bộ lọc có giá trị không hợp lệ nên chưa xuất: {error_summary(form)}")
    query = request.GET.urlencode()
    return redirect(f"{list_url}?{query}" if query else list_url)


def request_export(request):
    """Sổ tiếp nhận: per person, so never for the Sở reviewer (their export is the
    statistics', cases:statistics_export). A worker writes it (tgpl.exports); the list's
    button posts here and lands on the job's page."""
    if not roles.can_export_per_person(request.user):
        raise PermissionDenied
    form, filters = filters_from(request, for_cases=False)
    if refused := _refused_filter(request, form, reverse("cases:request_list")):
        return refused
    return export_page(
        request,
        kind=exports.REQUEST_REGISTER,
        params=exports.params_of(filters),
        back=("Yêu cầu TGPL", reverse("cases:request_list")),
    )


def case_export(request):
    if not roles.can_export_per_person(request.user):
        raise PermissionDenied
    form, filters = filters_from(request, for_cases=True)
    if refused := _refused_filter(request, form, reverse("cases:case_list")):
        return refused
    return export_page(
        request,
        kind=exports.CASE_REGISTER,
        params=exports.params_of(filters),
        back=("Vụ việc", reverse("cases:case_list")),
    )


def _import_page(request, *, importer, done: str, success_url: str, title: str, columns, crumb):
    """Upload, dry run in one transaction, and either every row saved or every error shown."""
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            dataset = read_xlsx(form.cleaned_data["file"])
        except ValueError as exc:
            form.add_error("file", str(exc))
        else:
            outcome = importer(
                actor=request.user, dataset=dataset, confirmed=form.cleaned_data["confirm_known"]
            )
            if outcome.saved:
                messages.success(request, done.format(count=outcome.count))
                return redirect(success_url)
    errors = outcome.errors if outcome else []
    return render(
        request,
        "cases/request_import.html",
        {
            "title": title,
            "breadcrumbs": [crumb, ("Nhập từ Excel", "")],
            "form": form,
            "errors": errors,
            "warnings": outcome.warnings if outcome else [],
            "columns": columns,
        },
        status=400 if form.is_bound and (errors or form.errors) else 200,
    )


def request_import(request):
    if not roles.can_import_registers(request.user):
        raise PermissionDenied
    return _import_page(
        request,
        importer=resources.import_requests,
        done="Đã nhập {count} yêu cầu.",
        success_url="cases:index",
        title="Nhập sổ tiếp nhận từ Excel",
        columns=resources.IMPORT_COLUMNS,
        crumb=("Yêu cầu TGPL", "/cases/"),
    )


def case_import(request):
    """The old Sổ thụ lý of a centre moving to this software: the people who accept
    requests and keep the register (reception staff) and the leaders bring in its rows."""
    if not roles.can_import_registers(request.user):
        raise PermissionDenied
    return _import_page(
        request,
        importer=resources.import_cases,
        done="Đã nhập {count} vụ việc từ sổ thụ lý cũ.",
        success_url="cases:case_list",
        title="Nhập sổ thụ lý cũ từ Excel",
        columns=resources.CASE_IMPORT_COLUMNS,
        crumb=("Vụ việc", reverse_lazy("cases:case_list")),
    )
