"""Small display helpers of the cases pages."""

from django import template

register = template.Library()

TONES = {
    "received": "info",
    "awaiting_proof": "warning",
    "accepted": "success",
    "refused": "danger",
    "transferred": "secondary",
    "awaiting_assignment": "warning",
    "assignment_proposed": "info",
    "assigned": "primary",
    "in_progress": "primary",
    "closed": "success",
    "discontinued": "secondary",
    "proposed": "info",
    "approved": "success",
    "returned": "danger",
    "superseded": "secondary",
    "pending": "warning",
    "rejected": "danger",
    "running": "primary",
    "overdue": "danger",
    "done": "success",
    "late": "warning",
}
LIMIT_LABELS = {"running": "Đang chạy", "overdue": "Quá hạn", "done": "Đúng hạn", "late": "Trễ hạn"}


@register.filter
def tone(status: str) -> str:
    return TONES.get(status, "secondary")


@register.filter
def limit_label(state: str) -> str:
    return LIMIT_LABELS.get(state, state)


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key
