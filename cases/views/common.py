"""Helpers of the cases views."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from cases import selectors
from cases.forms import FilterForm
from tgpl import catalogues, roles
from tgpl.forms import valid_data

FILTER_PANEL = "cases/_filters.html"


def _form(request, *, for_cases: bool) -> FilterForm:
    return FilterForm(
        request.GET or None,
        centres=roles.visible_centres(request.user),
        centres_key=roles.visible_centres_key(request.user),
        for_cases=for_cases,
        personal=roles.can_search_personal_data(request.user),
    )


def filters_from(request, *, for_cases: bool):
    """The list's form and the filters it sets. A field with an error (a date typed
    wrong, a choice no longer offered) sets nothing and shows its error; the others
    still filter, so one mistyped field does not turn the page into the unfiltered list
    (an export refuses such a filter: views/io.py)."""
    form = _form(request, for_cases=for_cases)
    data = valid_data(form)
    category = data.get("category")
    legal_field, performer, department = (
        data.get(name) for name in ("legal_field", "performer", "department")
    )
    f = selectors.Filters(
        q=data.get("q", ""),
        code=data.get("code", ""),
        status=data.get("status", ""),
        form=data.get("form", ""),
        legal_field=legal_field.pk if legal_field else None,
        category=category.pk if category else None,
        performer=performer.pk if performer else None,
        department=department.pk if department else None,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    return form, f


def filter_panel(request, *, for_cases: bool) -> tuple[SafeString, selectors.Filters]:
    """The filter panel of a list (its HTML) and the filters it sets.

    A list opened with no filter (at most ?page=) shows the same empty panel to everyone
    who sees the same centres with the same rights: its HTML is kept with the catalogues
    whose options it prints (tgpl/catalogues.py), under a name that says all it depends
    on, and renewed with them. Building and printing the form's selects was a fifth of
    the case list's time (issue 18.5). A filtered list builds its form: it validates the
    values and prints them back, with their errors."""
    if set(request.GET) - {"page"}:
        form, f = filters_from(request, for_cases=for_cases)
        return render_to_string(FILTER_PANEL, {"filter_form": form}), f
    name = ":".join(
        [
            "filters:panel",
            "cases" if for_cases else "requests",
            "personal" if roles.can_search_personal_data(request.user) else "statistics",
            roles.visible_centres_key(request.user),
        ]
    )

    def build() -> SafeString:
        return render_to_string(FILTER_PANEL, {"filter_form": _form(request, for_cases=for_cases)})

    return catalogues.remembered({name: build})[name], selectors.Filters()
