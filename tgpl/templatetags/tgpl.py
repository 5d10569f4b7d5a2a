"""Template filters every page uses (loaded as a builtin)."""

import functools

from django import template
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template import defaulttags
from django.template.loader import get_template
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from tgpl.links import reverse_kept

register = template.Library()


# --- links: {% url %} made once per process (tgpl/links.py) ---------------------------


class KeptURLNode(defaulttags.URLNode):
    """Django's {% url %}, its link made by links.reverse_kept."""

    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        request = getattr(context, "request", None)
        if hasattr(request, "current_app"):
            current_app = request.current_app
        else:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        url = ""
        try:
            url = reverse_kept(view_name, args=args, kwargs=kwargs, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """{% url %} as Django writes it (the same arguments, `as var`), the link kept."""
    node = defaulttags.url(parser, token)
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)


# --- the cells of a long list's rows (issue 18.5) ------------------------------------
# Fifty rows of a list link each row and print its choices: Django's reverse() and
# get_<field>_display() cost more there than the rest of the row's cells.


@register.filter
def choice_label(instance, name: str):
    """The label of a choice field's value: `{{ case|choice_label:"status" }}` prints what
    `case.get_status_display` prints, from a table of the field's labels made once
    (Django's rebuilds the field's flattened choices at every call)."""
    field = instance._meta.get_field(name)
    value = getattr(instance, field.attname)
    return _choice_labels(field).get(value, value)


@register.filter
def label_of(value, field: str):
    """The label of a choice read as a plain value, in a row of values() that has no
    model instance: `{{ row.status|label_of:"cases.Case.status" }}` prints what
    `choice_label` prints of the case."""
    return _field_labels(field).get(value, value)


@functools.cache
def _choice_labels(field) -> dict:
    return {value: str(text) for value, text in field.flatchoices}


@functools.cache
def _field_labels(path: str) -> dict:
    app_label, model, name = path.split(".")
    return _choice_labels(apps.get_model(app_label, model)._meta.get_field(name))


@register.filter
def pk_url(pk, name: str) -> str:
    """`{{ case.pk|pk_url:"cases:case_detail" }}` is `{% url "cases:case_detail" case.pk %}`
    for a URL whose one argument is an integer, from the URL's pattern reversed once."""
    prefix, suffix = _pk_url_parts(
        name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    )
    return f"{prefix}{int(pk)}{suffix}"


_PROBE = 7_919_000_011


@functools.lru_cache(maxsize=256)
def _pk_url_parts(name: str, script_prefix: str, urlconf: str) -> tuple[str, str]:
    refused = ImproperlyConfigured(f"pk_url: {name} does not take one integer argument")
    try:
        url = reverse(name, args=[_PROBE], urlconf=urlconf)
        prefix, found, suffix = url.partition(str(_PROBE))
        if not found or reverse(name, args=[_PROBE + 1], urlconf=urlconf) != (
            f"{prefix}{_PROBE + 1}{suffix}"
        ):
            raise refused
    except NoReverseMatch as exc:
        raise refused from exc
    return prefix, suffix


# --- fragments printed once for the same values (issue 18.5) --------------------------
# Fifty rows of a list, and the band and the menu of every page, were half of the case
# list's time in Django's template language. A fragment printed from plain values (a row
# of values(), the names and links of the menu) prints the same HTML for the same values,
# so a process keeps the last PRINTED_MEMO fragments it printed, named by the template,
# those values and the time zone, language, script prefix and urlconf that dates and
# links are printed in: nothing can go stale, since a change of anything the fragment
# prints is another name. DEBUG prints every fragment afresh, so that an edited template
# shows at once.

PRINTED_MEMO = 4096


class Record(tuple):
    """A dict of plain values as the tuple of its items: a fragment's name in the memo,
    given back to the template as a dict (a tuple of records as a list of dicts)."""

    @classmethod
    def of(cls, values: dict) -> "Record":
        return cls(values.items())


def _thawed(value):
    if isinstance(value, Record):
        return {name: _thawed(v) for name, v in value}
    if isinstance(value, tuple) and value and all(isinstance(v, Record) for v in value):
        return [_thawed(v) for v in value]
    return value


def printed(template_name: str, context: Record, environment: tuple) -> str:
    """The template printed with `context` (and nothing else: no request, no context
    processor), or the same fragment printed before under `environment()`."""
    if settings.DEBUG:
        return _print(template_name, context)
    return _remembered(template_name, context, environment)


def environment() -> tuple:
    """What a fragment's dates and links are printed in, read once for a page."""
    return (
        timezone.get_current_timezone_name(),
        translation.get_language(),
        get_script_prefix(),
        get_urlconf(),
    )


@functools.lru_cache(maxsize=PRINTED_MEMO)
def _remembered(template_name: str, context: Record, environment: tuple) -> str:
    return _print(template_name, context)


def _print(template_name: str, context: Record) -> str:
    return get_template(template_name).render(_thawed(context))


@register.simple_tag
def list_rows(template_name: str, rows, **flags):
    """`{% list_rows "cases/_case_row.html" page personal=personal %}`: each row of the
    page printed by its partial template, which sees `row` and the flags."""
    around = environment()
    named = sorted(flags.items())
    return mark_safe(  # noqa: S308 - templates' output
        "".join(
            printed(template_name, Record((("row", Record.of(row)), *named)), around)
            for row in rows
        )
    )


# The band and the menu: the same HTML on every page of a person and an area, printed
# from the values it shows; the sign-out form's CSRF field, different on every page, is
# put in its slot afterwards.

HEADER_TEMPLATE = "components/app_header.html"
CSRF_SLOT = "tgpl-csrf-slot-9c1e4"
NAV_FIELDS = ("label", "url", "icon", "active")


@register.simple_tag(takes_context=True)
def app_header(context):
    """`{% app_header %}` in base.html: the band and, for a signed-in person, the menu
    (the shell context processor's values) with the sign-out form."""
    request = context.get("request")
    user = getattr(request, "user", None)
    band = context.get("band")
    values: dict = {
        "band_parent": band.parent if band else "",
        "band_name": band.name if band else "",
        "signed_in": bool(user is not None and user.is_authenticated),
        "csrf_slot": CSRF_SLOT,
    }
    if values["signed_in"]:
        match = getattr(request, "resolver_match", None)
        values |= {
            "nav": tuple(
                Record.of({name: item[name] for name in NAV_FIELDS})
                for item in context["nav_items"]
            ),
            "step": match.url_name if match else "",
            "full_name": user.full_name,
            "roles": tuple(str(r) for r in context["user_roles"]),
            "can_see_register": context["user_can_see_register"],
            "can_see_read_log": context["user_can_see_read_log"],
            "can_admin": context["user_can_admin"],
        }
    html = printed(HEADER_TEMPLATE, Record.of(values), environment())
    if CSRF_SLOT in html:
        html = html.replace(CSRF_SLOT, str(defaulttags.CsrfTokenNode().render(context)))
    return mark_safe(html)  # noqa: S308 - a template's output


@register.filter
def vnd(value):
    """177400000 -> "177.400.000 đ"; empty stays empty."""
    if value in (None, ""):
        return ""
    try:
        amount = int(value)
    except (TypeError, ValueError):
        return value
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(amount):,}".replace(",", ".") + " đ"


@register.filter
def num(value):
    """A whole number the Vietnamese way: 80000 -> "80.000"; text stays as it is."""
    if value in (None, ""):
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return value
    try:
        number = int(value)
    except (TypeError, ValueError):
        return value
    sign = "-" if number < 0 else ""
    return f"{sign}{abs(number):,}".replace(",", ".")


@register.filter
def mask(value, keep: int = 3):
    """Mask an identity number or a phone in lists: 001234567890 -> *********890."""
    if not value:
        return ""
    text = str(value)
    keep = int(keep)
    if len(text) <= keep:
        return "*" * len(text)
    return "*" * (len(text) - keep) + text[-keep:]


@register.simple_tag
def badge(label, tone=""):
    """The status badge (components/status_badge.html is this tag): a tag, because an
    include per row of a list costs more than the row itself (issue 18.5)."""
    return format_html(
        '<span class="badge badge-status text-bg-{}">{}</span>', tone or "secondary", label
    )
