"""The read log page: who read which applicant's record, for the director and the
administrator of the centre."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tgpl import roles
from tgpl.forms import valid_data
from tgpl.models import User
from tgpl.paginate import paginate

from .forms import ReadFilterForm
from .selectors import ReadFilters, read_entries


@require_GET
def read_log(request):
    if not roles.can_see_read_log(request.user):
        raise PermissionDenied
    readers = User.objects.order_by("full_name")
    if not request.user.is_superuser:
        readers = readers.filter(centre_id=request.user.centre_id)
    form = ReadFilterForm(request.GET or None, readers=readers)
    # a field with an error filters nothing and says so; the others still filter
    data = valid_data(form)
    reader = data.get("user")
    filters = ReadFilters(
        user=reader.pk if reader else None,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        record=data.get("record", ""),
        kind=data.get("kind", ""),
    )
    page, query = paginate(request, read_entries(request.user, filters))
    return render(
        request,
        "tgpl/read_log.html",
        {"title": "Nhật ký xem hồ sơ", "form": form, "page": page, "query": query},
        status=400 if form.is_bound and form.errors else 200,
    )
