"""Every write to plans: one function per business action (see the modules below)."""

from plans.states import PLAN_TRANSITIONS

from .importing import create_plan_from_parsed, unit_catalogue
from .lifecycle import (
    Outcome,
    approve_plan,
    close_plan,
    closing_is_due,
    copy_plan_to_next_year,
    reopen_plan,
    save_plan,
    submit_plan,
)
from .tasks import complete_milestone, record_progress, save_item, set_item_units

__all__ = [
    "PLAN_TRANSITIONS",
    "Outcome",
    "approve_plan",
    "close_plan",
    "closing_is_due",
    "complete_milestone",
    "copy_plan_to_next_year",
    "create_plan_from_parsed",
    "record_progress",
    "reopen_plan",
    "save_item",
    "save_plan",
    "set_item_units",
    "submit_plan",
    "unit_catalogue",
]
