"""Every admin, present and future, is scoped or read-only for a centre's administrator.

Walks `admin.site._registry`, so a new ModelAdmin that forgets the centre-scoping mixin,
revert, or the service path fails here rather than in a probe.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist
from django.test import RequestFactory
from simple_history.admin import SimpleHistoryAdmin

from tgpl.admin import BackOffice, CentreScopedMixin, centre_path_of
from tgpl.models import Agency

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

# Shared rows that a centre's administrator may still edit, each row checked by a roles.py
# predicate (the other agencies of the province; Sở Tư pháp rows are refused).
CHECKED_ROW_BY_ROW = {Agency}


def request_of(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def read_only_for(model_admin, request) -> bool:
    return not (
        model_admin.has_add_permission(request)
        or model_admin.has_change_permission(request)
        or model_admin.has_delete_permission(request)
    )


def test_every_registered_admin_is_scoped_or_read_only_for_a_centre_admin(administrator):
    request = request_of(administrator)
    unguarded = []
    for model, model_admin in registered():
        scoped = isinstance(model_admin, CentreScopedMixin) and (
            model_admin.centre_field is not None or model in CHECKED_ROW_BY_ROW
        )
        if not (scoped or read_only_for(model_admin, request)):
            unguarded.append(model._meta.label)
    assert unguarded == []


def test_every_registered_admin_uses_the_centre_scoping_mixin():
    """Choices, list filters and history views are scoped only through the mixin."""
    outside = [
        model._meta.label
        for model, model_admin in registered()
        if not isinstance(model_admin, CentreScopedMixin)
    ]
    assert outside == []


def test_a_centre_admins_rows_are_those_of_their_centre(administrator, centre_a, centre_b):
    request = request_of(administrator)
    for model, model_admin in registered():
        if model_admin.centre_field is None or not model_admin.has_view_permission(request):
            continue
        rows = model_admin.get_queryset(request)
        path = model_admin.centre_field.replace("pk", "id", 1)
        centre_ids = set(rows.values_list(path, flat=True).distinct())
        assert centre_ids <= {administrator.centre_id}, model._meta.label


def form_fields(model_admin, request) -> set[str]:
    if isinstance(model_admin, admin.options.InlineModelAdmin):
        return set(model_admin.get_formset(request).form.base_fields)
    declared = flatten_fieldsets(model_admin.fieldsets or [])
    return set(model_admin.get_form(request).base_fields) | set(declared)


def test_every_relation_in_an_admin_form_has_a_known_scope(superuser):
    """A relation whose scope is unknown offers nothing: declare it (a centre_field on
    the related model's admin or inline, or a catalogue) instead of finding out in use."""
    request = request_of(superuser)
    unknown = []
    for _model, model_admin in registered():
        admins = [model_admin, *model_admin.get_inline_instances(request)]
        for each in admins:
            for name in form_fields(each, request):
                try:
                    field = each.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue  # a form-only field (the roles of a user)
                if field.is_relation and centre_path_of(field.related_model, admin.site) is None:
                    unknown.append(f"{each.model._meta.label}.{name}")
    assert unknown == []


def test_no_history_admin_can_revert(administrator, superuser):
    for user in (administrator, superuser):
        request = request_of(user)
        for model, model_admin in registered():
            if isinstance(model_admin, SimpleHistoryAdmin):
                assert model_admin.revert_disabled(request), model._meta.label


def test_no_admin_saves_around_its_service():
    """save_model, delete_model and save_formset are the mixin's: they call a service."""
    for model, model_admin in registered():
        if not isinstance(model_admin, BackOffice):
            continue
        for method in ("save_model", "delete_model", "delete_queryset", "save_formset"):
            assert getattr(type(model_admin), method) is getattr(BackOffice, method), (
                f"{model._meta.label}.{method}"
            )
