"""Helpers of the cases views."""

from __future__ import annotations

from cases import selectors
from cases.forms import FilterForm
from tgpl import roles


def filters_from(request, *, for_cases: bool):
    form = FilterForm(
        request.GET or None,
        centres=roles.visible_centres(request.user),
        centres_key=roles.visible_centres_key(request.user),
        for_cases=for_cases,
        personal=roles.can_search_personal_data(request.user),
    )
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
