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
from .trainings import (
    Attendance,
    ComplianceReport,
    Exemption,
    ExemptionReason,
    Nomination,
    TrainingMinimum,
    TrainingSession,
)

__all__ = [
    "Activity",
    "ActivityAttachment",
    "ActivityRequest",
    "ActivityTask",
    "Attendance",
    "BroadcastContract",
    "CommuneContact",
    "CommuneYear",
    "ComplianceReport",
    "Exemption",
    "ExemptionReason",
    "Inspection",
    "Language",
    "Material",
    "Nomination",
    "Placement",
    "RecurringTarget",
    "TrainingMinimum",
    "TrainingSession",
]
