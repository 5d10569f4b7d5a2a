"""Registers to and from .xlsx; exports contain only what the user may see."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone

from cases import resources, selectors
from cases.forms import ImportForm
from tgpl import roles
from tgpl.audit import ReadKind, log_read
from tgpl.spreadsheets import read_xlsx, xlsx_response

from .common import filters_from


def _export(request, *, resource, qs, filters, label: str, filename: str):
    """A register as .xlsx, a row per person: written once in the read log with its
    row count and filters (the rows themselves are not logged one by one)."""
    dataset = resource.export(qs)
    log_read(request, qs.model, ReadKind.EXPORT, label=label, rows=dataset.height,
             filters=asdict(filters))  # fmt: skip
    return xlsx_response(dataset, f"{filename}-{timezone.localdate():%Y%m%d}.xlsx")


def request_export(request):
    """Sổ tiếp nhận: per person, so never for the Sở reviewer (their export is the
    statistics', cases:statistics_export)."""
    if not roles.can_export_per_person(request.user):
        raise PermissionDenied
    _, filters = filters_from(request, for_cases=False)
    return _export(
        request,
        resource=resources.RequestPersonalResource(),
        qs=selectors.request_list(request.user, filters),
        filters=filters,
        label="Sổ tiếp nhận (.xlsx)",
        filename="so-tiep-nhan",
    )


def case_export(request):
    if not roles.can_export_per_person(request.user):
        raise PermissionDenied
    _, filters = filters_from(request, for_cases=True)
    return _export(
        request,
        resource=resources.CasePersonalResource(),
        qs=selectors.case_list(request.user, filters),
        filters=filters,
        label="Sổ thụ lý (.xlsx)",
        filename="so-thu-ly",
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
