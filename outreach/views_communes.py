"""The communes by year (coverage, the map-table, ĐBKK designations), a page per commune,
the yearly review and its changes, the contacts in each commune."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from tgpl import geography, references, roles
from tgpl.actions import perform, submit

from . import selectors, services
from .forms import CommuneYearForm, ContactForm
from .views import _require_reader, _year, crumbs


@require_GET
def commune_list(request):
    """Every commune of the province this year, coloured by activity count (the province
    map drawn as a table: no boundary data is shipped with the application)."""
    _require_reader(request.user)
    year = _year(request)
    every = selectors.commune_rows(request.user, year)
    only = request.GET.get("show", "")
    rows = every
    if only == "not_reached":
        rows = [r for r in every if not r.reached]
    elif only == "disadvantaged":
        rows = [r for r in every if r.info and r.info.disadvantaged]
    return render(
        request,
        "outreach/commune_list.html",
        {
            "title": f"Các xã, phường năm {year}",
            "year": year,
            "rows": rows,
            "show": only,
            "total": len(every),
            "not_reached": sum(not r.reached for r in every),
            "can_review": roles.can_review_communes(request.user),
            "breadcrumbs": crumbs(("Các xã, phường", None)),
        },
    )


def _commune_name(user, code: int) -> str:
    centre = user.centre if getattr(user, "centre_id", None) else None
    province = centre.province_code if centre else getattr(user.agency, "province_code", None)
    if not province or not geography.commune_in_province(code, province):
        raise Http404("Không tìm thấy xã, phường.")
    return geography.commune_name(code)


def _commune_page(request, code, form=None, contact_form=None, status=200):
    year = _year(request)
    name = _commune_name(request.user, code)
    info = selectors.commune_year_for(request.user, code, year)
    may_review = roles.can_review_communes(request.user)
    may_contacts = roles.can_manage_commune_contacts(request.user)
    return render(
        request,
        "outreach/commune_detail.html",
        {
            "title": f"{name} — năm {year}",
            "code": code,
            "year": year,
            "info": info,
            "activities": selectors.activity_list(request.user, year=year, commune=code),
            "placements": selectors.placement_list(request.user, year=year).filter(
                commune_code=code
            ),
            "requests": references.requests_from_commune(request.user, code, year)
            if roles.can_see_personal_data(request.user)
            else None,
            "contacts": selectors.contacts_of(request.user, code),
            "show_contacts": roles.can_see_commune_contacts(request.user),
            "form": form or (CommuneYearForm(instance=info) if may_review else None),
            "contact_form": contact_form or (ContactForm() if may_contacts else None),
            "breadcrumbs": crumbs(
                ("Các xã, phường", reverse("outreach:communes") + f"?year={year}"), (name, None)
            ),
        },
        status=status,
    )


@require_GET
def commune_detail(request, code):
    _require_reader(request.user)
    return _commune_page(request, code)


@require_POST
def commune_edit(request, code):
    _require_reader(request.user)
    if not roles.can_review_communes(request.user):
        raise PermissionDenied
    _commune_name(request.user, code)
    year = _year(request)
    form = CommuneYearForm(
        request.POST, instance=selectors.commune_year_for(request.user, code, year)
    )
    outcome = submit(
        request,
        form,
        lambda data: services.save_commune_year(
            actor=request.user, commune_code=code, year=year, fields=data
        ),
        success="Đã lưu thông tin xã.",
    )
    if outcome:
        return redirect(reverse("outreach:commune", args=[code]) + f"?year={year}")
    return _commune_page(request, code, form=form, status=400)


@require_POST
def review_open(request):
    if not roles.can_review_communes(request.user):
        raise PermissionDenied
    year = _year(request)
    perform(
        request,
        lambda: services.review_year(actor=request.user, year=year),
        success=f"Đã mở rà soát năm {year} từ thông tin năm {year - 1}.",
    )
    return redirect(reverse("outreach:review_changes") + f"?year={year}")


@require_GET
def review_changes(request):
    _require_reader(request.user)
    year = _year(request)
    return render(
        request,
        "outreach/review_changes.html",
        {
            "title": f"Rà soát các xã năm {year}: thay đổi so với năm {year - 1}",
            "year": year,
            "changes": selectors.review_changes(request.user, year),
            "can_review": roles.can_review_communes(request.user),
            "breadcrumbs": crumbs(("Rà soát các xã", None)),
        },
    )


@require_POST
def contact_add(request, code):
    if not roles.can_manage_commune_contacts(request.user):
        raise PermissionDenied
    _commune_name(request.user, code)
    form = ContactForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.add_contact(actor=request.user, commune_code=code, **data),
        success="Đã ghi nhận cộng tác viên, đầu mối.",
    )
    if outcome:
        return redirect("outreach:commune", code)
    return _commune_page(request, code, contact_form=form, status=400)


@require_POST
def contact_end(request, pk):
    contact = selectors.get_contact_for(request.user, pk)
    if not roles.can_manage_commune_contacts(request.user, contact.centre):
        raise PermissionDenied
    perform(
        request,
        lambda: services.end_contact(actor=request.user, contact=contact),
        success="Đã thôi liên hệ và xóa số điện thoại.",
    )
    return redirect("outreach:commune", contact.commune_code)
