"""Template filters every page uses (loaded as a builtin)."""

from django import template

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
def mask(value, keep: int = 3):
    """Mask an identity number or a phone in lists: 001234567890 -> *********890."""
    if not value:
        return ""
    text = str(value)
    keep = int(keep)
    if len(text) <= keep:
        return "*" * len(text)
    return "*" * (len(text) - keep) + text[-keep:]
