"""Who may do what: Proceedings, conflicts, complaints, rosters, fees (issue 17).

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from tgpl.roles import *
from tgpl.roles import _same_centre

# --- proceedings, conflicts, complaints, rosters, fees (issue 17) --------------------


def can_record_notices(user) -> bool:
    """The duty officer records notices and information of procedural bodies (Mẫu 03/04),
    registrations and their outcome: the people who receive requests."""
    return can_receive_requests(user)


def can_see_notices(user) -> bool:
    """The register of notices names people: the centre's receivers and the performers
    who take part in proceedings (officers, contracted lawyers; not collaborators)."""
    return can_record_notices(user) or (
        is_centre_member(user) and has_role(user, Role.LEGAL_AID_OFFICER, Role.CONTRACTED_LAWYER)
    )


def can_record_case_limit_event(user, case) -> bool:
    """Papers arrived (advice restarts) or force majeure (proof extended): the case's
    performer, the receivers of its centre, its head or the leadership."""
    return (
        can_work_case(user, case)
        or can_handle_request(user, case)
        or can_discontinue_case(user, case)
    )


def can_check_conflicts(user) -> bool:
    """Conflict-of-interest checks search every request and case of the centre."""
    return can_receive_requests(user)


def can_handle_complaints(user) -> bool:
    """Complaints (Điều 45) are received by reception and decided by the leadership."""
    return can_receive_requests(user)


def can_decide_complaints(user, complaint) -> bool:
    """The head of the organisation decides a complaint (Điều 45)."""
    return is_leadership(user) and _same_centre(user, complaint)


def can_manage_rosters(user) -> bool:
    """Duty rosters are built by the leaders and the heads of the centre."""
    return is_centre_member(user) and (is_leadership(user) or is_department_head(user))


def can_see_fees(user) -> bool:
    """Fees and payment files: the leadership, the heads and the staff (accounting)."""
    return is_centre_member(user) and (
        is_leadership(user) or is_department_head(user) or has_role(user, Role.STAFF)
    )


# --- the inter-agency council on legal aid in proceedings (issue 17.4) --------------

COUNCIL_KEEPERS = frozenset({Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.STAFF})


def can_manage_council(user) -> bool:
    """Members, meetings, minutes and reports of the council are kept by the Tổ giúp việc,
    which the Centre's director heads: the leadership and the centre's staff (Viên chức)
    who serve it. The Sở, the standing body, follows them read-only here."""
    return is_centre_member(user) and has_role(user, *COUNCIL_KEEPERS)


def can_see_council(user) -> bool:
    """The council's pages: its keepers, the centre's heads, and a Sở reviewer (members,
    meetings and the reports' statistics name no applicant)."""
    return (
        can_manage_council(user)
        or (is_centre_member(user) and is_department_head(user))
        or is_doj_reviewer(user)
    )


def can_open_council_minutes(user, meeting) -> bool:
    """Minutes are uploaded files whose content the app cannot vouch for (a case may be
    discussed by name): the centre's own people who see the council, never the Sở's
    reviewer."""
    return is_centre_member(user) and can_see_council(user) and _same_centre(user, meeting)
