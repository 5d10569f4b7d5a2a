"""Data of legal-aid requests and cases; rules live in cases/rules, writes in cases/services."""

from .case import Assignment, Case, CaseLogEntry, PerformerChangeRequest
from .catalogue import CategoryProof, EligibilityCategory, LegalField, ProofDocument
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
    "Performer",
    "PerformerChangeRequest",
    "ProofDocument",
    "QuotaTier",
    "RegisterCounter",
    "RequestAttachment",
]

# issue 17: coordination in proceedings, conflicts, complaints, rosters, fees
from .complaints import Complaint
from .conflicts import ConflictCheck, PartyKey
from .fees import BaseSalary, FeeRate, FeeSession
from .proceedings import DefenceRegistration, LimitEvent, ProceduralNotice
from .rosters import DutyRoster, DutyShift, FormHandover, PerformerLeave

__all__ += [
    "BaseSalary",
    "Complaint",
    "ConflictCheck",
    "DefenceRegistration",
    "DutyRoster",
    "DutyShift",
    "FeeRate",
    "FeeSession",
    "FormHandover",
    "LimitEvent",
    "PartyKey",
    "PerformerLeave",
    "ProceduralNotice",
]
