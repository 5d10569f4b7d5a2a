"""Materials, their placements and inspections; the placements register and its import."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tgpl import roles
from tgpl.actions import submit
from tgpl.paginate import paginate
from tgpl.spreadsheets import read_xlsx, xlsx_response

from . import resources, selectors, services
from .forms import ImportForm, InspectionForm, MaterialForm, PlacementForm
from .models import Material
from .views import _require_reader, _year, crumbs


@require_GET
def material_list(request):
    _require_reader(request.user)
    kind = request.GET.get("kind", "")
    page, query = paginate(request, selectors.material_list(request.user, kind=kind), per_page=50)
    return render(
        request,
        "outreach/material_list.html",
        {
            "title": "Tài liệu truyền thông",
            "page": page,
            "query": query,
            "kind": kind,
            "kinds": Material.Kind.choices,
            "can_record": roles.can_record_outreach(request.user),
            "breadcrumbs": crumbs(("Tài liệu", None)),
        },
    )


def material_create(request):
    if not roles.can_record_outreach(request.user):
        raise PermissionDenied
    form = MaterialForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.record_material(actor=request.user, fields=data),
            success="Đã ghi nhận tài liệu.",
        )
        if outcome:
            return redirect("outreach:material", outcome.value.pk)
    return render(
        request,
        "outreach/material_form.html",
        {
            "title": "Ghi nhận tài liệu truyền thông",
            "form": form,
            "breadcrumbs": crumbs(("Tài liệu", reverse("outreach:materials")), ("Thêm", None)),
        },
        status=400 if form.is_bound else 200,
    )


def _material_page(request, material, form, status=200):
    return render(
        request,
        "outreach/material_detail.html",
        {
            "title": str(material),
            "material": material,
            "form": form,
            "inspection_form": InspectionForm(initial={"on": timezone.localdate()})
            if form is not None and material.is_inspected
            else None,
            "breadcrumbs": crumbs(
                ("Tài liệu", reverse("outreach:materials")), (material.title, None)
            ),
        },
        status=status,
    )


@require_GET
def material_detail(request, pk):
    material = selectors.get_material_for(request.user, pk)
    may = roles.can_record_outreach(request.user, material.centre)
    return _material_page(request, material, PlacementForm(user=request.user) if may else None)


@require_POST
def placement_create(request, pk):
    material = selectors.get_material_for(request.user, pk)
    if not roles.can_record_outreach(request.user, material.centre):
        raise PermissionDenied
    form = PlacementForm(request.POST, user=request.user)
    outcome = submit(
        request,
        form,
        lambda data: services.place_material(actor=request.user, material=material, **data),
        success="Đã ghi nhận cấp phát, lắp đặt.",
    )
    if outcome:
        return redirect("outreach:material", material.pk)
    return _material_page(request, selectors.get_material_for(request.user, pk), form, 400)


@require_POST
def inspection_create(request, pk):
    placement = selectors.get_placement_for(request.user, pk)
    if not roles.can_record_outreach(request.user, placement.material.centre):
        raise PermissionDenied
    form = InspectionForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.record_inspection(actor=request.user, placement=placement, **data),
        success="Đã ghi nhận kết quả kiểm tra.",
    )
    if not outcome:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(request.POST.get("next") or reverse("outreach:inspections_due"))


@require_GET
def inspections_due(request):
    _require_reader(request.user)
    today = timezone.localdate()
    page, query = paginate(request, selectors.inspections_due(request.user, today), per_page=50)
    return render(
        request,
        "outreach/inspections_due.html",
        {
            "title": "Bảng, hộp tin đến hạn kiểm tra",
            "page": page,
            "query": query,
            "today": today,
            "can_record": roles.can_record_outreach(request.user),
            "inspection_form": InspectionForm(initial={"on": today}),
            "breadcrumbs": crumbs(("Đến hạn kiểm tra", None)),
        },
    )


@require_GET
def placement_export(request):
    _require_reader(request.user)
    year = _year(request)
    rows = selectors.placement_list(request.user, year=year)
    return xlsx_response(
        resources.PlacementResource().export(rows), f"so-cap-phat-tai-lieu-{year}.xlsx"
    )


def placement_import(request):
    if not roles.can_record_outreach(request.user):
        raise PermissionDenied
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    errors: list = []
    if request.method == "POST" and form.is_valid():
        try:
            dataset = read_xlsx(form.cleaned_data["file"])
        except ValueError as exc:
            form.add_error("file", str(exc))
        else:
            count, errors = resources.import_placements(actor=request.user, dataset=dataset)
            if not errors:
                messages.success(request, f"Đã nhập {count} dòng cấp phát, lắp đặt.")
                return redirect("outreach:materials")
    return render(
        request,
        "outreach/placement_import.html",
        {
            "title": "Nhập cấp phát, lắp đặt từ Excel",
            "form": form,
            "errors": errors,
            "columns": resources.IMPORT_COLUMNS,
            "breadcrumbs": crumbs(("Tài liệu", reverse("outreach:materials")), ("Nhập", None)),
        },
        status=400 if form.is_bound else 200,
    )
