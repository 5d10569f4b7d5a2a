"""Helpers of the cases views."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from cases import selectors
from cases.forms import FilterForm
from tgpl import catalogues, roles

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
    form = _form(request, for_cases=for_cases)
    f = selectors.Filters()
    if form.is_valid():
        data = form.cleaned_data
        category = data.get("category")
        f = selectors.Filters(
            q=data.get("q", ""),
            code=data["code"],
            status=data["status"],
            form=data["form"],
            legal_field=data["legal_field"].pk if data["legal_field"] else None,
            category=category.pk if category else None,
            performer=data["performer"].pk if data["performer"] else None,
            department=data["department"].pk if data["department"] else None,
            date_from=data["date_from"],
            date_to=data["date_to"],
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
