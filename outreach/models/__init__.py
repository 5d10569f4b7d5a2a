"""Models of outreach, one module per concept (trainings add theirs beside these)."""

from .activities import (
    Activity,
    ActivityAttachment,
    ActivityRequest,
    ActivityTask,
    BroadcastContract,
    Language,
    RecurringTarget,
)
from .communes import CommuneContact, CommuneYear
from .materials import Inspection, Material, Placement

__all__ = [
    "Activity",
    "ActivityAttachment",
    "ActivityRequest",
    "ActivityTask",
    "BroadcastContract",
    "CommuneContact",
    "CommuneYear",
    "Inspection",
    "Language",
    "Material",
    "Placement",
    "RecurringTarget",
]
