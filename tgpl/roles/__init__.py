"""Who may do what. Every role check of the application lives here.

A role is held through a Django group whose name is the role's code; no other
module tests group names. A user may hold several roles. Predicates take the
user (and, where it matters, the object) and return a bool; scoping helpers
return querysets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:  # pragma: no cover
    from tgpl.models import Centre, Department


class Role(models.TextChoices):
    DIRECTOR = "director", "Giám đốc"
    DEPUTY_DIRECTOR = "deputy_director", "Phó Giám đốc"
    DEPARTMENT_HEAD = "department_head", "Trưởng phòng / Trưởng Chi nhánh"
    STAFF = "staff", "Viên chức"
    LEGAL_AID_OFFICER = "legal_aid_officer", "Trợ giúp viên pháp lý"
    CONTRACTED_LAWYER = "contracted_lawyer", "Luật sư ký hợp đồng"
    COLLABORATOR = "collaborator", "Cộng tác viên"
    DOJ_REVIEWER = "doj_reviewer", "Chuyên viên Sở Tư pháp"
    ADMINISTRATOR = "administrator", "Quản trị hệ thống"
    SYSTEM_ADMINISTRATOR = "system_administrator", "Quản trị hệ thống cấp tỉnh/quốc gia"


LEADERSHIP = frozenset({Role.DIRECTOR, Role.DEPUTY_DIRECTOR})
PERFORMERS = frozenset({Role.LEGAL_AID_OFFICER, Role.CONTRACTED_LAWYER, Role.COLLABORATOR})
# Roles held above the centres: a Sở reviewer, the administrator of shared catalogues.
CENTRE_ROLES = frozenset(Role) - {Role.DOJ_REVIEWER, Role.SYSTEM_ADMINISTRATOR}

# Owners of a plan's task that are people, not departments (plans' PlanItemUnit.People):
# the roles those people hold.
PEOPLE_ROLES: dict[str, frozenset[str]] = {
    "leadership": LEADERSHIP,
    "legal_aid_officers": frozenset({Role.LEGAL_AID_OFFICER}),
    "contracted_lawyers": frozenset({Role.CONTRACTED_LAWYER}),
    "collaborators": frozenset({Role.COLLABORATOR}),
    "staff": frozenset({Role.STAFF}),
}

_CACHE_ATTR = "_tgpl_roles"


def roles_of(user) -> frozenset[str]:
    """The role codes a user holds, read once per request and cached on the user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        valid = set(Role.values)
        names = [g.name for g in user.groups.all()]  # uses a prefetch when there is one
        cached = frozenset(n for n in names if n in valid)
        setattr(user, _CACHE_ATTR, cached)
    return cached


def holders_of(role: str):
    """Ids of the users who hold a role (for filters and lists)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=role).values("pk")


def members_holding(department, roles: Iterable[str]):
    """Active members of a department who hold one of these roles (for ``Exists``)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        department=department, is_active=True, groups__name__in=list(roles)
    )


def departments_of_people(departments, people: Iterable[str]):
    """Of these departments (a queryset), those where people of these kinds work."""
    held = set().union(*(PEOPLE_ROLES.get(p, frozenset()) for p in people))
    return departments.filter(members__is_active=True, members__groups__name__in=held).distinct()


def holds_people_role(user, people: str) -> bool:
    """Whether the user is one of the people a task names as owners ("legal_aid_officers")."""
    return bool(roles_of(user) & PEOPLE_ROLES.get(people, frozenset()))


def forget_roles(user) -> None:
    """Drop the cached roles (after they were changed)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user).intersection(roles))


def role_labels(user) -> list[str]:
    held = roles_of(user)
    return [label for value, label in Role.choices if value in held]


# --- predicates -----------------------------------------------------------------


def is_director(user) -> bool:
    return has_role(user, Role.DIRECTOR)


def is_leadership(user) -> bool:
    """Giám đốc or Phó Giám đốc of the user's centre."""
    return has_role(user, *LEADERSHIP)


def is_department_head(user) -> bool:
    return has_role(user, Role.DEPARTMENT_HEAD)


def heads_department(user, department: Department | None) -> bool:
    """The user holds the head role and is recorded as this department's head."""
    return (
        department is not None
        and department.head_id == getattr(user, "pk", None)
        and is_department_head(user)
    )


def is_performer(user) -> bool:
    return has_role(user, *PERFORMERS)


def is_doj_reviewer(user) -> bool:
    return has_role(user, Role.DOJ_REVIEWER)


def is_administrator(user) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or has_role(user, Role.ADMINISTRATOR)


def is_centre_member(user) -> bool:
    """Works for a centre (any role other than the Sở reviewer)."""
    return bool(getattr(user, "centre_id", None)) and has_role(user, *CENTRE_ROLES)


def is_system_administrator(user) -> bool:
    """The administrator above the centres (a Sở or the ministry): keeps the catalogues
    every centre shares."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or has_role(user, Role.SYSTEM_ADMINISTRATOR)


def is_centre_administrator(user) -> bool:
    """The administrator of one centre (a superuser counts as one of every centre)."""
    if not is_administrator(user):
        return False
    return user.is_superuser or bool(getattr(user, "centre_id", None))


def can_use_admin(user) -> bool:
    return is_administrator(user) or is_system_administrator(user)


def requires_two_factor(user) -> bool:
    """Administrators (superusers included) and the director sign in with a second factor:
    their accounts reach every record of the centre and its settings."""
    return is_administrator(user) or is_director(user)


def can_manage_organisation(user, centre: Centre | None = None) -> bool:
    """Manage departments, agencies, staff and roles of this centre (None: of some centre,
    e.g. to show the admin's menu). A record with no centre is a superuser's."""
    if not is_centre_administrator(user):
        return False
    if user.is_superuser:
        return True
    return centre is None or centre.pk == user.centre_id


def can_manage_record_of(user, centre_id: int | None) -> bool:
    """Change a record that belongs to the centre `centre_id` (None: to no centre)."""
    if not is_centre_administrator(user):
        return False
    return user.is_superuser or (centre_id is not None and centre_id == user.centre_id)


def can_read_catalogues(user) -> bool:
    """Shared catalogues (eligibility categories, holidays, quota tiers ...) are read by
    every administrator: a centre's administrator needs to know the rules in force."""
    return can_use_admin(user)


def can_manage_catalogues(user) -> bool:
    """Change the catalogues every centre shares: they change the rules for all, so only
    the administrator above the centres may."""
    return is_system_administrator(user)


def can_manage_agency(user, agency) -> bool:
    """Sở Tư pháp rows and agencies of no province (the ministry's) are shared catalogues;
    a centre's administrator keeps the other agencies of their own province."""
    if can_manage_catalogues(user):
        return True
    if not is_centre_administrator(user) or not getattr(user, "centre_id", None):
        return False
    if agency is None:
        return True
    from tgpl.models import Agency

    return agency.kind != Agency.Kind.DOJ and (
        agency.province_code is not None and agency.province_code == user.centre.province_code
    )


def can_give_roles(user, codes: Iterable[str]) -> bool:
    """The role above the centres is given (or taken) only by a system administrator."""
    return Role.SYSTEM_ADMINISTRATOR not in set(codes) or is_system_administrator(user)


def can_unlock_account(user, target) -> bool:
    """Lift a login lockout (django-axes): the administrator of the person's centre."""
    return can_manage_record_of(user, getattr(target, "centre_id", None))


def can_see_personal_data(user) -> bool:
    """Applicants' personal data is for the centre's own people, never for reviewers."""
    return is_centre_member(user) or getattr(user, "is_superuser", False)


# --- scoping ----------------------------------------------------------------------


def _centre_reach(user) -> tuple[bool, int | None, int | None] | None:
    """(all centres, own centre id, Sở id whose centres) the user may see; None: none."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return (True, None, None)
    centre = user.centre_id if user.centre_id and has_role(user, *CENTRE_ROLES) else None
    agency = user.agency_id if user.agency_id and is_doj_reviewer(user) else None
    return (False, centre, agency)


def visible_centres(user):
    """The centres whose records the user may see.

    Centre people see their own centre; a Sở Tư pháp reviewer sees every centre
    that Sở runs (the centres of the province); a superuser sees all.
    """
    from tgpl.models import Centre

    reach = _centre_reach(user)
    if reach is None:
        return Centre.objects.none()
    every, centre, agency = reach
    if every:
        return Centre.objects.all()
    ids = {centre} if centre else set()
    if agency:
        return Centre.objects.filter(models.Q(pk__in=ids) | models.Q(parent_agency_id=agency))
    return Centre.objects.filter(pk__in=ids)


def visible_centres_key(user) -> str:
    """A name for what visible_centres(user) holds, read from the user alone: what is
    kept for those centres (tgpl/catalogues.py) is found without reading them."""
    reach = _centre_reach(user)
    if reach is None:
        return "none"
    every, centre, agency = reach
    return "all" if every else f"c{centre or ''}a{agency or ''}"


def scope_to_centres(queryset, user, field: str = "centre"):
    """Filter any queryset with a centre foreign key to what the user may see."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return queryset
    return queryset.filter(**{f"{field}__in": visible_centres(user)})


def assignable_roles() -> Iterable[tuple[str, str]]:
    return Role.choices


# --- plans ----------------------------------------------------------------------------

PLAN_DRAFTERS = frozenset(
    {
        Role.DIRECTOR,
        Role.DEPUTY_DIRECTOR,
        Role.DEPARTMENT_HEAD,
        Role.STAFF,
        Role.LEGAL_AID_OFFICER,
        Role.ADMINISTRATOR,
    }
)


def can_draft_plans(user, centre: Centre | None = None) -> bool:
    """Enter, import and edit draft plans of their own centre (viên chức, leaders)."""
    if not is_centre_member(user) or not has_role(user, *PLAN_DRAFTERS):
        return False
    return centre is None or centre.pk == user.centre_id


def can_approve_plans(user, centre: Centre | None = None) -> bool:
    """Approve and close plans: the director of that centre."""
    if not is_director(user) or not user.centre_id:
        return False
    return centre is None or centre.pk == user.centre_id


def can_update_task_of(user, departments: Iterable[Department], centre: Centre) -> bool:
    """Report progress on a task owned (Chủ trì / Thực hiện) by these departments.

    Staff of an owner department and its head may; the centre's leaders may on any task.
    """
    if not is_centre_member(user) or user.centre_id != centre.pk:
        return False
    if is_leadership(user):
        return True
    return any(d.pk == user.department_id for d in departments)


# --- legal-aid requests and cases (cases/) ------------------------------------------
#
# Objects are duck-typed: a request or case has `centre_id` and `department`
# (the owning department), a case also `performer_id`.

RECEIVERS = frozenset(
    {Role.STAFF, Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.DEPARTMENT_HEAD, Role.LEGAL_AID_OFFICER}
)


def _same_centre(user, obj) -> bool:
    return bool(getattr(user, "centre_id", None)) and user.centre_id == obj.centre_id


def can_receive_requests(user) -> bool:
    """Reception: record, complete, accept, refuse or transfer requests of the centre."""
    return bool(getattr(user, "centre_id", None)) and has_role(user, *RECEIVERS)


def can_handle_request(user, legal_aid_request) -> bool:
    return can_receive_requests(user) and _same_centre(user, legal_aid_request)


def can_see_all_cases_of_centre(user) -> bool:
    """The director and deputies see every request and case of their centre."""
    return is_leadership(user) and bool(getattr(user, "centre_id", None))


def can_propose_assignment(user, case) -> bool:
    """Reception staff, leaders and the owning head propose a performer."""
    return can_handle_request(user, case)


def can_approve_assignment(
    user, case, performer_id: int | None = None, proposer_id: int | None = None
) -> bool:
    """Who decides a proposal for this case that appoints `performer_id`, proposed by
    `proposer_id`: the head of the department that owns the case; the leadership when it
    has no head, or when the head cannot decide it (she is the one appointed, or the one
    who proposed it). No one decides her own appointment nor her own proposal."""
    if not _same_centre(user, case) or user.pk in (performer_id, proposer_id):
        return False
    department = case.department
    head_id = department.head_id if department is not None else None
    if heads_department(user, department):
        return True
    return is_leadership(user) and (head_id is None or head_id in (performer_id, proposer_id))


def can_decide_assignment(user, assignment) -> bool:
    """can_approve_assignment for this proposal, its performer and its proposer."""
    return can_approve_assignment(
        user, assignment.case, assignment.performer_id, assignment.proposed_by_id
    )


def leaders_of(centre_id: int):
    """The active director and deputies of a centre."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(centre_id=centre_id, is_active=True, groups__name__in=list(LEADERSHIP))
        .distinct()
    )


def approvers_of(case, performer_id: int | None = None, proposer_id: int | None = None) -> list:
    """Who decides a proposal for this case (the rule of can_approve_assignment): the
    owning department's head, or the leadership when the department has no head or the
    head is the one appointed or the one who proposed; never the appointed nor the
    proposer. Empty: no one may decide it (propose_assignment refuses it). (A head is
    always active and holds the role: tgpl.services.release_headships.)"""
    department = case.department
    head_id = department.head_id if department is not None else None
    if head_id is not None and head_id not in (performer_id, proposer_id):
        return [department.head]
    return [u for u in leaders_of(case.centre_id) if u.pk not in (performer_id, proposer_id)]


def can_work_case(user, case) -> bool:
    """Only the case's own performer starts it, logs work, fills the file and closes it."""
    return _same_centre(user, case) and case.performer_id == user.pk and is_performer(user)


def can_discontinue_case(user, case) -> bool:
    """Stopping a case (Điều 37) is decided by the owning head or the leadership."""
    return _same_centre(user, case) and (
        heads_department(user, case.department) or is_leadership(user)
    )


def can_answer_performer_change(user, case) -> bool:
    return can_discontinue_case(user, case)


def can_record_performer_change(user, case) -> bool:
    """Who writes down the aided person's request to change the performer."""
    return can_handle_request(user, case) or can_work_case(user, case)


# What the Sở Tư pháp reviewer does not get (issue 11.2): a supervisor sees lists of
# requests and cases by code, state, form, field and dates, their time limits and
# counts; never who the person is, nor anything that could tell it. Each rule is its
# own predicate, so a page, an export or a selector names the rule it obeys.


def can_search_personal_data(user) -> bool:
    """Search lists by name, CCCD, phone or free text (`q`) and filter them by
    eligibility category: either answers "is this person an applicant?"."""
    return can_see_personal_data(user)


def can_read_case_facts(user) -> bool:
    """The facts of a request or case: eligibility categories (e.g. "Người nhiễm HIV"),
    the summary, notices, proof notes, outcome notes, work-log notes, reasons of
    proposals and change requests, dates of trial and notification, and the timeline."""
    return can_see_personal_data(user)


def can_export_per_person(user) -> bool:
    """The .xlsx registers, a row per person (time, sex, birth year, ethnicity ...)."""
    return can_see_personal_data(user)


def can_see_case_statistics(user) -> bool:
    """Counts of requests and cases (by form, field and state) of what the user sees."""
    return is_centre_member(user) or is_doj_reviewer(user) or bool(user.is_superuser)


def statistics_hide_small_counts(user) -> bool:
    """Counts that could single out a person are shown as "< 5" to those who may not
    see the people themselves."""
    return not can_see_personal_data(user)


def can_see_read_log(user, centre_id: int | None = None) -> bool:
    """Who read which applicant's record: the director and the administrator of the
    centre (of the centre `centre_id` when given); a superuser of every centre."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not getattr(user, "centre_id", None) or not has_role(
        user, Role.DIRECTOR, Role.ADMINISTRATOR
    ):
        return False
    return centre_id is None or centre_id == user.centre_id


def can_download_case_documents(user, obj=None) -> bool:
    """Decisions and notices of a request or case name the aided person: only the
    centre's own people (who already see the object) download them, never a reviewer."""
    return can_see_personal_data(user)


def can_open_attachments(user, obj=None) -> bool:
    """Files attached to a request (identity papers, court papers) are personal data."""
    return can_see_personal_data(user)


def is_reception_staff(user) -> bool:
    """A staff member (viên chức) of the centre: keeps the intake register."""
    return has_role(user, Role.STAFF) and bool(getattr(user, "centre_id", None))


# --- official documents (tgpl/documents) --------------------------------------------

DOCUMENT_ISSUERS: frozenset[str] = frozenset(
    {Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.DEPARTMENT_HEAD, Role.STAFF}
)


def can_issue_documents(user, centre: Centre | None = None) -> bool:
    """Give an outgoing document its number: leaders, heads and the centre's staff
    (the văn thư is a staff member), of their own centre."""
    if not is_centre_member(user) or not has_role(user, *DOCUMENT_ISSUERS):
        return False
    return centre is None or centre.pk == user.centre_id


def can_see_document_register(user) -> bool:
    """The register of outgoing documents: those who issue or number documents (leaders,
    heads, the staff who keep the register), of their own centre; not the performers."""
    return can_issue_documents(user) or bool(getattr(user, "is_superuser", False))


def director_of(centre: Centre):
    """The active director of a centre (who signs its documents by default), or None."""
    from tgpl.models import User

    return (
        User.objects.filter(centre=centre, is_active=True, groups__name=Role.DIRECTOR)
        .select_related("department")
        .order_by("pk")
        .first()
    )


# --- the areas' predicates, one module per concept (all read as `roles.<name>`) ---

from .access import *  # noqa: E402, F403
from .appraisal import *  # noqa: E402, F403
from .budget import *  # noqa: E402, F403
from .outreach import *  # noqa: E402, F403
from .proceedings import *  # noqa: E402, F403
from .reports import *  # noqa: E402, F403
from .scopes import *  # noqa: E402, F403
from .trainings import *  # noqa: E402, F403
