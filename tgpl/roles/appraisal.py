"""Who may do what: Quality appraisal, time appraisal and quotas (issue 14).

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from tgpl.roles import *
from tgpl.roles import _same_centre  # noqa: F401

# --- quality appraisal, time appraisal and quotas (issue 14) -------------------------
#
# An appraisal plan has `centre_id` and `organiser` ("centre" or "doj"): the centre's
# leadership organises its own (TT 12/2018 Điều 14.1), the Sở reviewer those of the
# centres of the province (Điều 14.2).


def _organises(user, plan) -> bool:
    if plan.organiser == "doj":
        return is_doj_reviewer(user) and visible_centres(user).filter(pk=plan.centre_id).exists()
    return is_leadership(user) and getattr(user, "centre_id", None) == plan.centre_id


def can_plan_appraisals(user, centre: Centre | None = None) -> bool:
    """Draw up appraisal plans: the leadership of the centre, or a Sở reviewer for the
    centres of the province."""
    if is_doj_reviewer(user):
        return centre is None or visible_centres(user).filter(pk=centre.pk).exists()
    if not (is_leadership(user) and getattr(user, "centre_id", None)):
        return False
    return centre is None or centre.pk == user.centre_id


def can_manage_appraisal_plan(user, plan) -> bool:
    """Draw its cases, assign appraisers, issue the decision, close the plan."""
    return _organises(user, plan)


def can_approve_appraisal(user, plan) -> bool:
    """The conclusion of an appraisal is approved by the director of the centre (by the
    Sở for a plan the Sở organises)."""
    if plan.organiser == "doj":
        return _organises(user, plan)
    return is_director(user) and getattr(user, "centre_id", None) == plan.centre_id


def can_see_appraisal_plans(user) -> bool:
    """The plans and their results: the leadership, the heads, a Sở reviewer."""
    return (
        (is_leadership(user) or is_department_head(user)) and bool(getattr(user, "centre_id", 0))
    ) or is_doj_reviewer(user)


def can_score_appraisal(user, appraiser_ids: Iterable[int]) -> bool:
    """Only the persons assigned to appraise a case score it and give their opinion."""
    return getattr(user, "pk", None) in set(appraiser_ids) and bool(
        getattr(user, "is_active", False)
    )


def can_record_case_checklists(user, case) -> bool:
    """Successful / complex-typical checklists: the performer, the owning head, leaders."""
    return can_work_case(user, case) or can_discontinue_case(user, case)


def can_assign_time_appraisal(user, case) -> bool:
    """A leader of the centre or the branch (the owning head) assigns a time check."""
    return can_discontinue_case(user, case)


def can_manage_quotas(user, centre: Centre | None = None) -> bool:
    """The quota decision of the year: the director of the centre."""
    if not is_director(user) or not getattr(user, "centre_id", None):
        return False
    return centre is None or centre.pk == user.centre_id


def can_see_all_quotas(user) -> bool:
    """Every officer's progress: the leadership and the heads of the centre."""
    return (is_leadership(user) or is_department_head(user)) and bool(
        getattr(user, "centre_id", None)
    )
