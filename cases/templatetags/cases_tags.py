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


@register.simple_tag(takes_context=True)
def case_tabs_access(context) -> dict[str, bool]:
    """Which tabs of the cases pages this user may open: the predicates their views use."""
    from tgpl import roles

    user = context["request"].user
    return {
        "inbox": roles.can_open_assignment_inbox(user),
        "online": roles.can_handle_online_submissions(user),
        "performers": roles.can_open_performer_list(user),
        "statistics": roles.can_see_case_statistics(user),
        # coordination in proceedings, complaints, fees (issue 17)
        "notices": roles.can_see_notices(user),
        "rosters": roles.is_centre_member(user),
        "council": roles.can_see_council(user),
        "complaints": roles.can_handle_complaints(user),
        "fees": roles.can_see_fees(user),
    }
