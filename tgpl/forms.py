"""Forms of the kernel and the one form style, error helper and summary of every app."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.boundfield import BoundField
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from . import catalogues
from .errors import BusinessRuleError


class LoginForm(AuthenticationForm):
    """The login form, with the Vietnamese messages a user should read."""

    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường.",
        "inactive": "Tài khoản này đã bị khóa. Liên hệ quản trị hệ thống.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"
        self.fields["username"].widget = forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        )


def _css_for(widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.HiddenInput):
        return ""
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    return "form-control"


class StyledBoundField(BoundField):
    """Adds the Bootstrap class of its widget, and `is-invalid` when the field has errors,
    at render time: fields a form adds or replaces in its __init__ are styled too."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        classes = [*widget.attrs.get("class", "").split(), *attrs.get("class", "").split()]
        css = _css_for(widget)
        if css and css not in classes:
            classes.append(css)
        if self.form.is_bound and self.errors and "is-invalid" not in classes:
            classes.append("is-invalid")
        if classes:
            attrs["class"] = " ".join(classes)
        return attrs


class PlainSelect(forms.Select):
    """A select that writes its options in Python, the same markup as Django's
    templates: Django renders one template per option, which on a list's filter form
    (five selects on every page) costs more than the rows of the list (issue 18.5)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group_name, options, _ in widget["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((str(o["value"]), flatatt(o["attrs"]), o["label"]) for o in options),
            )
            parts.append(format_html('<optgroup label="{}">{}</optgroup>', group_name, html)
                         if group_name else html)  # fmt: skip
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(parts)),  # noqa: S308 - each part built by format_html
        )


class ListedChoiceIterator(ModelChoiceIterator):
    """Reads a choice list with one plain query. Django's iterator streams it through
    `.iterator()`, which on PostgreSQL is a server-side cursor: DECLARE, FETCH and CLOSE,
    three round trips for twenty rows, on every page with a filter form (issue 18.5)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ModelSelect(forms.ModelChoiceField):
    """A short catalogue's select on a form shown on every page of a list: the choices
    read in one query, the options written by PlainSelect."""

    iterator = ListedChoiceIterator
    widget = PlainSelect


def remember_choices(form: forms.BaseForm, keys: dict[str, str]) -> None:
    """The choices of the form's ModelSelect fields named in `keys` (field name: the
    catalogue's name in the cache, saying all the queryset depends on) from the cache of
    catalogues (tgpl/catalogues.py), read from each queryset only when the cache lacks
    them. Call it after the form has set the querysets and empty labels. The options
    are kept, not the check: a chosen value is still looked up in the queryset."""
    fields = {name: form.fields[name] for name in keys if name in form.fields}
    found = catalogues.remembered(
        {keys[name]: _choice_reader(field) for name, field in fields.items()}
    )
    for name, field in fields.items():
        empty = [] if field.empty_label is None else [("", field.empty_label)]
        field.choices = [*empty, *found[keys[name]]]


def _choice_reader(field: forms.ModelChoiceField):
    def read() -> list[tuple[object, str]]:
        return [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]

    return read


class FormMixin:
    """The one form style of the application: Bootstrap classes on every widget and a red
    border on the fields with errors. Put it first in a form's bases."""

    bound_field_class = StyledBoundField


def add_business_error(form: forms.BaseForm, exc: BusinessRuleError) -> None:
    """Show a service's refusal on the form: on its field when the form has it."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


def error_summary(form: forms.BaseForm) -> str:
    """Every error of a form in one line, each field's after its label ("Từ ngày: Nhập
    một ngày hợp lệ."), for a message when the form is not on the page to point at it."""
    errors = [
        f"{form.fields[name].label}: {e}" if name in form.fields and form.fields[name].label
        else str(e)
        for name, errs in form.errors.items()
        for e in errs
    ]  # fmt: skip
    return " ".join(errors) or "Dữ liệu chưa hợp lệ."


def valid_data(form: forms.BaseForm) -> dict:
    """The values of the fields that have no error: all of them when the form is valid,
    none when it is unbound. A filter applies these, so one mistyped field (a date typed
    wrong) sets nothing and shows its error while the others still filter: the page is
    never the unfiltered one under a filter that looks applied."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return form.cleaned_data
