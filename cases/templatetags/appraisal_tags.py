"""Filters of the appraisal pages: points and case counts written the Vietnamese way."""

from decimal import Decimal
from fractions import Fraction

from django import template

from cases.rules.appraisal import points_text
from cases.rules.quotas import fraction_text

register = template.Library()

GRADE_TONES = {"excellent": "success", "good": "primary", "pass": "info", "fail": "danger"}


@register.filter
def points(value) -> str:
    """7.5 -> "7,5"; None -> "—"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Fraction):
        return fraction_text(value)
    return points_text(Decimal(str(value)))


@register.filter
def grade_tone(grade: str) -> str:
    return GRADE_TONES.get(grade, "secondary")


@register.filter
def get_catalogue(mapping, key):
    """mapping[key] in a template (the checklists of a case by catalogue)."""
    return mapping.get(key) if mapping else None
