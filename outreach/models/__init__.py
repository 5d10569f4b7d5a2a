"""Data of outreach: each concept in its own module, imported here so Django finds it."""

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
    "Attendance",
    "ComplianceReport",
    "Exemption",
    "ExemptionReason",
    "Nomination",
    "TrainingMinimum",
    "TrainingSession",
]
