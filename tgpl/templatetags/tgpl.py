"""Template filters every page uses (loaded as a builtin)."""

from django import template
from django.utils.html import format_html

register = template.Library()


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
