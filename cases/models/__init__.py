"""Data of legal-aid requests and cases; rules live in cases/rules, writes in cases/services."""

from .case import Assignment, Case, CaseLogEntry, PerformerChangeRequest
from .catalogue import CategoryProof, EligibilityCategory, LegalField, ProofDocument
from .online import OnlineStatus, OnlineSubmission
from .performer import LawyerContract, Performer, QuotaTier
from .request import LegalAidRequest, RegisterCounter, RequestAttachment

__all__ = [
    "Assignment",
    "Case",
    "CaseLogEntry",
    "CategoryProof",
    "EligibilityCategory",
    "LawyerContract",
    "LegalAidRequest",
    "LegalField",
    "OnlineStatus",
    "OnlineSubmission",
    "Performer",
    "PerformerChangeRequest",
    "ProofDocument",
    "QuotaTier",
    "RegisterCounter",
    "RequestAttachment",
]
