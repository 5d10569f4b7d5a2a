"""Data of legal-aid requests and cases; rules live in cases/rules, writes in cases/services."""

from .appraisal import (
    Appraisal,
    AppraisalCriterion,
    AppraisalPlan,
    Appraiser,
    CaseCriterion,
    CaseCriterionMark,
    GradeBand,
    TimeAppraisal,
)
from .case import Assignment, Case, CaseLogEntry, PerformerChangeRequest
from .catalogue import CategoryProof, EligibilityCategory, LegalField, ProofDocument
from .online import OnlineStatus, OnlineSubmission
from .performer import LawyerContract, Performer, QuotaTier
from .quotas import CoPerformer, OfficerQuota, QuotaDecision, QuotaRules
from .request import LegalAidRequest, RegisterCounter, RequestAttachment
from .upload import HeldUpload

__all__ = [
    "Appraisal",
    "AppraisalCriterion",
    "AppraisalPlan",
    "Appraiser",
    "Assignment",
    "Case",
    "CaseCriterion",
    "CaseCriterionMark",
    "CaseLogEntry",
    "CategoryProof",
    "CoPerformer",
    "EligibilityCategory",
    "GradeBand",
    "HeldUpload",
    "LawyerContract",
    "LegalAidRequest",
    "LegalField",
    "OfficerQuota",
    "OnlineStatus",
    "OnlineSubmission",
    "Performer",
    "PerformerChangeRequest",
    "ProofDocument",
    "QuotaDecision",
    "QuotaRules",
    "QuotaTier",
    "RegisterCounter",
    "RequestAttachment",
    "TimeAppraisal",
]

# issue 17: coordination in proceedings, conflicts, complaints, rosters, fees
from .complaints import Complaint
from .conflicts import ConflictCheck, PartyKey
from .due import CaseDue
from .fees import BaseSalary, FeeRate, FeeSession, LumpSum
from .proceedings import DefenceRegistration, LimitEvent, ProceduralNotice
from .rosters import DutyRoster, DutyShift, FormHandover, PerformerLeave

__all__ += [
    "BaseSalary",
    "CaseDue",
    "Complaint",
    "ConflictCheck",
    "DefenceRegistration",
    "DutyRoster",
    "DutyShift",
    "FeeRate",
    "FeeSession",
    "FormHandover",
    "LimitEvent",
    "LumpSum",
    "PartyKey",
    "PerformerLeave",
    "ProceduralNotice",
]

# issue 17.4: the inter-agency council on legal aid in proceedings
from .council import CouncilMeeting, CouncilMember, CouncilReport  # noqa: E402

__all__ += ["CouncilMeeting", "CouncilMember", "CouncilReport"]
