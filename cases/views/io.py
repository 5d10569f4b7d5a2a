"""Registers to and from .xlsx; exports contain only what the user may see."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone

from cases import resources, selectors
from cases.forms import ImportForm
from tgpl import roles
from tgpl.spreadsheets import read_xlsx, xlsx_response

from .common import filters_from


def request_export(request):
    if not roles.can_export_cases(request.user):
        raise PermissionDenied
    _, filters = filters_from(request, for_cases=False)
    qs = selectors.request_list(request.user, filters)
    personal = roles.can_see_personal_data(request.user)
    resource = resources.RequestPersonalResource() if personal else resources.RequestResource()
    dataset = resource.export(qs)
    return xlsx_response(dataset, f"so-tiep-nhan-{timezone.localdate():%Y%m%d}.xlsx")


def case_export(request):
    if not roles.can_export_cases(request.user):
        raise PermissionDenied
    _, filters = filters_from(request, for_cases=True)
    qs = selectors.case_list(request.user, filters)
    personal = roles.can_see_personal_data(request.user)
    resource = resources.CasePersonalResource() if personal else resources.CaseResource()
    return xlsx_response(resource.export(qs), f"so-thu-ly-{timezone.localdate():%Y%m%d}.xlsx")


def _import_page(request, *, importer, done: str, success_url: str, title: str, columns, crumb):
    """Upload, dry run in one transaction, and either every row saved or every error shown."""
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            dataset = read_xlsx(form.cleaned_data["file"])
        except ValueError as exc:
            form.add_error("file", str(exc))
        else:
            count, errors = importer(actor=request.user, dataset=dataset)
            if not errors:
                messages.success(request, done.format(count=count))
                return redirect(success_url)
    return render(
        request,
        "cases/request_import.html",
        {
            "title": title,
            "breadcrumbs": [crumb, ("Nhập từ Excel", "")],
            "form": form,
            "errors": errors,
            "columns": columns,
        },
        status=400 if form.is_bound and (errors or form.errors) else 200,
    )


def request_import(request):
    if not roles.can_receive_requests(request.user):
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
    requests (and so write the register) bring in its rows, as for the request register."""
    if not roles.can_receive_requests(request.user):
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
