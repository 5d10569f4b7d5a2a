"""The admin is a back office, not a side door: it is scoped like the pages.

Every ModelAdmin and inline of the project derives from `CentreScopedMixin`, through
one of the access profiles below. The mixin, written once:

- rows: `get_queryset` keeps the administrator's centre (`centre_field`, a path from the
  model to its Centre; None for the shared catalogues);
- choices: every foreign-key and many-to-many field (select, raw id or autocomplete)
  offers and accepts only rows of the administrator's centre, found from the related
  model's own admin (its `centre_field`), so a raw id of another centre's object is
  refused with a Vietnamese error; a related model whose scope is unknown offers nothing;
- list filters on relations list only what the scoped rows use;
- history (django-simple-history): the list and each version only for objects of the
  centre, each record scoped too; a version is shown read-only and revert is disabled
  (a POST on a version is refused and changes nothing);
- personal data: an admin that shows applicants' data (`personal_fields`) is closed to
  anyone `roles.can_see_personal_data` refuses.

The access profiles say who may do what (from tgpl/roles.py) and route every save and
delete through a service (`save_record` / `delete_record`), whose check also runs when
the form is validated, so a refusal is a form error and nothing typed is lost.
"""

from __future__ import annotations

from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.utils import get_fields_from_path, unquote
from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.forms import add_business_error
from tgpl.models import Centre

OUTSIDE_CENTRE_CHOICE = "Lựa chọn này không thuộc Trung tâm của bạn hoặc không tồn tại."
SHARED = "__shared__"  # a related model every centre shares: its choices are not scoped
_HISTORY_VERSION = "_tgpl_history_version"  # set on the request while a version is shown


def _declared_paths(site) -> dict:
    """Centre paths declared by the admins and inlines of a site, by model."""
    paths: dict = {}
    for model, model_admin in site._registry.items():
        if isinstance(model_admin, CentreScopedMixin):
            for inline in model_admin.inlines:
                if issubclass(inline, CentreScopedMixin):
                    paths.setdefault(inline.model, inline.centre_field)
            paths[model] = model_admin.centre_field
    return paths


def centre_path_of(model, site) -> str | None:
    """How rows of `model` reach their centre: a lookup path, SHARED, or None (unknown)."""
    if model is Centre:
        return "pk"
    declared = _declared_paths(site)
    if model in declared:
        return SHARED if declared[model] is None else declared[model]
    for field in model._meta.fields:
        if field.name == "centre" and field.is_relation and field.related_model is Centre:
            return "centre"
    return None


def _history_path(path: str) -> str:
    """The same path on the historical model, whose own pk is `history_id`."""
    head, _, rest = path.partition("__")
    return ("id" + ("__" + rest if rest else "")) if head == "pk" else path


def _refuse_outside(field):
    if field is not None and hasattr(field, "queryset"):
        field.error_messages = {**field.error_messages, "invalid_choice": OUTSIDE_CENTRE_CHOICE}
    return field


class ScopedRawIdWidget(ForeignKeyRawIdWidget):
    """A raw id box that names the object typed in only when it is one the user may pick
    (Django's looks any id up, so a refused id of another centre would show its name)."""

    def __init__(self, rel, admin_site, attrs=None, using=None, *, queryset):
        super().__init__(rel, admin_site, attrs, using)
        self.queryset = queryset

    def label_and_url_for_value(self, value):
        key = self.rel.get_related_field().name
        try:
            allowed = self.queryset.filter(**{key: value}).exists()
        except (ValueError, ValidationError):
            allowed = False
        return super().label_and_url_for_value(value) if allowed else ("", "")


class _ServiceCheckedForm:
    """Runs the service's check after the model's own validation."""

    _service_check = None

    def _post_clean(self):
        super()._post_clean()
        if self._service_check is not None and not self.errors:
            try:
                self._service_check(self)
            except BusinessRuleError as exc:
                add_business_error(self, exc)


class CentreScopedMixin:
    """Rows, choices, filters and history of an admin, scoped to the administrator's centre."""

    centre_field: str | None = "centre"
    personal_fields: tuple[str, ...] = ()

    # --- rows --------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.centre_field is None:
            return queryset
        return roles.scope_to_centres(queryset, request.user, self.centre_field)

    # --- choices -----------------------------------------------------------------

    def choice_queryset(self, request, db_field):
        """The rows a relation field may offer (None: Django's, for shared catalogues)."""
        if request.user.is_superuser:
            return None
        model = db_field.remote_field.model
        path = centre_path_of(model, self.admin_site)
        if path == SHARED:
            return None
        queryset = model._default_manager.all()
        if path is None:
            return queryset.none()
        return roles.scope_to_centres(queryset, request.user, path)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            queryset = self.choice_queryset(request, db_field)
            if queryset is not None:
                kwargs["queryset"] = queryset
                if db_field.name in self.raw_id_fields and "widget" not in kwargs:
                    kwargs["widget"] = ScopedRawIdWidget(
                        db_field.remote_field,
                        self.admin_site,
                        using=kwargs.get("using"),
                        queryset=queryset,
                    )
        return _refuse_outside(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            queryset = self.choice_queryset(request, db_field)
            if queryset is not None:
                kwargs["queryset"] = queryset
        return _refuse_outside(super().formfield_for_manytomany(db_field, request, **kwargs))

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if request.user.is_superuser:
            return filters
        return [self._scoped_filter(spec) for spec in filters]

    def _scoped_filter(self, spec):
        if not isinstance(spec, str):
            return spec
        try:
            field = get_fields_from_path(self.model, spec)[-1]
        except FieldDoesNotExist:
            return spec
        if field.is_relation and centre_path_of(field.related_model, self.admin_site) != SHARED:
            return (spec, admin.RelatedOnlyFieldListFilter)
        return spec

    # --- personal data ----------------------------------------------------------------

    def may_see_rows(self, request) -> bool:
        """An admin showing applicants' data is for those who may see it."""
        return not self.personal_fields or roles.can_see_personal_data(request.user)

    # --- history (django-simple-history) ----------------------------------------------

    def scoped_history(self, request):
        records = self.model.history.all()
        if self.centre_field is None:
            return records
        return roles.scope_to_centres(records, request.user, _history_path(self.centre_field))

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        records = super().get_history_queryset(request, history_manager, pk_name, object_id)
        if self.centre_field is None:
            return records
        return roles.scope_to_centres(records, request.user, _history_path(self.centre_field))

    def _check_history_scope(self, request, object_id, version_id=None) -> None:
        """404 unless the object is the administrator's centre's (and so is the version)."""
        object_id = unquote(object_id)
        try:
            self.model._meta.pk.to_python(object_id)
            if version_id is not None:
                self.model.history.model._meta.pk.to_python(version_id)
        except ValidationError as exc:
            raise Http404 from exc
        exists = self.model._default_manager.filter(pk=object_id).exists()
        if exists and not self.get_queryset(request).filter(pk=object_id).exists():
            raise Http404
        records = self.scoped_history(request).filter(**{self.model._meta.pk.attname: object_id})
        if version_id is not None:
            records = records.filter(history_id=version_id)
        if (version_id is not None or not exists) and not records.exists():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        if isinstance(self, SimpleHistoryAdmin):
            self._check_history_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One recorded version, read-only: revert is disabled, a POST changes nothing."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET"])
        self._check_history_scope(request, object_id, version_id)
        setattr(request, _HISTORY_VERSION, True)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def history_view_title(self, request, obj):
        return f"Lịch sử thay đổi: {obj}"

    def history_form_view_title(self, request, obj):
        return f"Phiên bản đã lưu (chỉ xem): {obj}"

    def _version_fields(self) -> list[str]:
        """The fields a history record keeps, to show a version."""
        kept = {f.name for f in self.model.history.model._meta.fields}
        return [
            f.name
            for f in self.model._meta.concrete_fields
            if f.name in kept and f.editable and not f.primary_key
        ]

    def get_readonly_fields(self, request, obj=None):
        if getattr(request, _HISTORY_VERSION, False):
            return self._version_fields()
        return super().get_readonly_fields(request, obj)

    def get_fieldsets(self, request, obj=None):
        if not getattr(request, _HISTORY_VERSION, False):
            return super().get_fieldsets(request, obj)
        shown = self._version_fields()
        if not self.fieldsets:
            return [(None, {"fields": shown})]
        fieldsets = []
        for name, options in self.fieldsets:
            fields = [f for f in options["fields"] if f in shown]
            if fields:
                fieldsets.append((name, {**options, "fields": fields}))
        return fieldsets


class BackOffice(CentreScopedMixin):
    """Permissions from tgpl/roles.py and every write through a service.

    Profiles below fill `may_view`, `may_add`, `may_change`, `may_delete`, and for the
    editable ones `check_record`, `save_record`, `delete_record`.
    """

    def may_view(self, request) -> bool:
        raise NotImplementedError

    def may_add(self, request) -> bool:
        return False

    def may_change(self, request, obj=None) -> bool:
        return False

    def may_delete(self, request, obj=None) -> bool:
        return False

    def has_module_permission(self, request):
        return self.may_view(request) and self.may_see_rows(request)

    def has_view_permission(self, request, obj=None):
        return self.may_view(request) and self.may_see_rows(request)

    def has_add_permission(self, request, obj=None):
        return self.has_view_permission(request) and self.may_add(request)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request) and self.may_change(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request) and self.may_delete(request, obj)

    # --- writes ---------------------------------------------------------------------

    def check_record(self, request, form, obj) -> None:
        """The service's refusal, before anything is saved (raises BusinessRuleError)."""

    def save_record(self, request, obj) -> None:
        raise PermissionDenied

    def delete_record(self, request, obj) -> None:
        raise PermissionDenied

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if getattr(request, _HISTORY_VERSION, False):
            return form
        check = partial(self.check_record, request)
        return type(
            form.__name__,
            (_ServiceCheckedForm, form),
            {"_service_check": staticmethod(lambda bound: check(bound, bound.instance))},
        )

    def save_model(self, request, obj, form, change):
        self.save_record(request, obj)

    def delete_model(self, request, obj):
        self.delete_record(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_record(request, obj)

    def save_formset(self, request, form, formset, change):
        inline = next(
            i for i in self.get_inline_instances(request, form.instance) if i.model is formset.model
        )
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            inline.delete_record(request, obj)
        for obj in instances:
            inline.save_record(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A refusal the form's check could not foresee (a race): nothing was saved."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except BusinessRuleError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(request.get_full_path())


# --- access profiles ------------------------------------------------------------------


class OrganisationAccess(BackOffice):
    """Organisation data a centre's administrator keeps: departments, staff, performers."""

    def may_view(self, request) -> bool:
        return roles.is_centre_administrator(request.user)

    def may_add(self, request) -> bool:
        return roles.can_manage_organisation(request.user)

    def may_change(self, request, obj=None) -> bool:
        return roles.can_manage_organisation(request.user)

    def may_delete(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def check_record(self, request, form, obj) -> None:
        from tgpl import services

        services.check_organisation_change(obj=obj, actor=request.user)

    def save_record(self, request, obj) -> None:
        from tgpl import services

        services.save_organisation_record(obj=obj, actor=request.user)

    def delete_record(self, request, obj) -> None:
        from tgpl import services

        services.delete_organisation_record(obj=obj, actor=request.user)


class ReadOnlyAccess(BackOffice):
    """Records that change only through the pages' services: read here, never written."""

    def may_view(self, request) -> bool:
        return roles.is_centre_administrator(request.user)


class CatalogueAccess(BackOffice):
    """A catalogue every centre shares: read by every administrator, changed only by the
    system administrator above the centres."""

    centre_field = None

    def may_view(self, request) -> bool:
        return roles.can_read_catalogues(request.user)

    def may_add(self, request) -> bool:
        return roles.can_manage_catalogues(request.user)

    def may_change(self, request, obj=None) -> bool:
        return roles.can_manage_catalogues(request.user)

    def may_delete(self, request, obj=None) -> bool:
        return roles.can_manage_catalogues(request.user)

    def check_record(self, request, form, obj) -> None:
        from tgpl import services

        services.check_catalogue_change(actor=request.user)

    def save_record(self, request, obj) -> None:
        from tgpl import services

        services.save_catalogue_entry(entry=obj, actor=request.user)

    def delete_record(self, request, obj) -> None:
        from tgpl import services

        services.delete_catalogue_entry(entry=obj, actor=request.user)


class OrganisationAdmin(OrganisationAccess, SimpleHistoryAdmin):
    pass


class ReadOnlyAdmin(ReadOnlyAccess, SimpleHistoryAdmin):
    pass


class CatalogueAdmin(CatalogueAccess, SimpleHistoryAdmin):
    pass


# --- inlines: the same profiles; their writes go through the parent's save_formset --


class OrganisationInline(OrganisationAccess, admin.TabularInline):
    extra = 0


class ReadOnlyInline(ReadOnlyAccess, admin.TabularInline):
    extra = 0


class CatalogueInline(CatalogueAccess, admin.TabularInline):
    extra = 0
