"""Who may do what: Trainings (issue 14.5).

Part of tgpl.roles (read as `roles.<name>`); built on its core predicates."""

# ruff: noqa: F403, F405
from __future__ import annotations

from tgpl.roles import *
from tgpl.roles import _same_centre  # noqa: F401

# --- trainings (issue 14.5) -------------------------------------------------------------
#
# TT 12/2018 Điều 4: legal-aid officers train at least 08 hours a year; the Sở reports
# each officer's compliance to the Ministry (khoản 5). Sessions and attendance are kept
# by the centre's leaders, heads and staff (who also keep the register of documents);
# exemptions (khoản 4) by the leadership and staff; the Sở reviewer reads the lists of
# the province's centres; each person reads their own hours.

TRAINING_KEEPERS = DOCUMENT_ISSUERS
EXEMPTION_KEEPERS = frozenset({Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.STAFF})
COMPLIANCE_READERS = frozenset(
    {Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.DEPARTMENT_HEAD, Role.STAFF}
)


def _of_own_centre(user, centre) -> bool:
    return centre is None or getattr(centre, "pk", centre) == user.centre_id


def can_see_trainings(user) -> bool:
    """The list of trainings and who attended: the centre's people and the Sở reviewer."""
    return (
        is_centre_member(user)
        or is_doj_reviewer(user)
        or bool(getattr(user, "is_superuser", False))
    )


def can_manage_trainings(user, centre: Centre | None = None) -> bool:
    """Enter sessions, attendance and certificates, and send staff to a training (the
    decision is numbered in the register): leaders, heads and staff of the centre."""
    if not is_centre_member(user) or not has_role(user, *TRAINING_KEEPERS):
        return False
    return _of_own_centre(user, centre)


def can_record_training_exemptions(user, centre: Centre | None = None) -> bool:
    """Record that an officer is exempt this year (Điều 4.4): the leadership and staff."""
    if not is_centre_member(user) or not has_role(user, *EXEMPTION_KEEPERS):
        return False
    return _of_own_centre(user, centre)


def can_see_training_compliance(user, centre: Centre | None = None) -> bool:
    """Every officer's hours against the minimum and the yearly list (Điều 4.5): the
    centre's leaders, heads and staff; the Sở reviewer for the centres of the province."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    if is_doj_reviewer(user):
        return (
            centre is None
            or visible_centres(user).filter(pk=getattr(centre, "pk", centre)).exists()
        )
    if not is_centre_member(user) or not has_role(user, *COMPLIANCE_READERS):
        return False
    return _of_own_centre(user, centre)


def can_prepare_training_report(user, centre: Centre | None = None) -> bool:
    """Prepare (and number) the centre's yearly list for the Sở: who keeps exemptions and
    may number documents (the leadership, staff)."""
    return can_record_training_exemptions(user, centre) and can_issue_documents(user, centre)


def can_open_training_certificate(user, attendance) -> bool:
    """A certificate is the person's own paper: the person, and those who keep trainings
    or read the compliance of that centre (never the Sở reviewer: it reads the list)."""
    if getattr(user, "pk", None) is not None and attendance.person_id == user.pk:
        return True
    centre_id = attendance.session.centre_id
    return (
        is_centre_member(user)
        and user.centre_id == centre_id
        and (has_role(user, *TRAINING_KEEPERS))
    )


def sees_training_behind(user) -> bool:
    """The home panel of officers short of the minimum before the year ends: the director
    and deputies."""
    return is_leadership(user) and bool(getattr(user, "centre_id", None))


def has_training_obligation(user) -> bool:
    """A legal-aid officer of a centre: must train the minimum hours (Điều 4.1)."""
    return has_role(user, Role.LEGAL_AID_OFFICER) and bool(getattr(user, "centre_id", None))


def can_export_province_training_list(user) -> bool:
    """The list of every officer of the province's centres, which the Sở sends to the
    Ministry (Điều 4.5): the Sở reviewer (a superuser: every centre)."""
    return is_doj_reviewer(user) or bool(getattr(user, "is_superuser", False))


def obliged_to_train_in(centres):
    """The active legal-aid officers of these centres (a queryset of centres)."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(centre__in=centres, is_active=True, groups__name=Role.LEGAL_AID_OFFICER)
        .distinct()
    )


def obliged_to_train(centre_id: int):
    """The active legal-aid officers of a centre: the people of the yearly list."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(centre_id=centre_id, is_active=True, groups__name=Role.LEGAL_AID_OFFICER)
        .distinct()
    )
