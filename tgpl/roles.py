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
    from .models import Centre, Department


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
    from .models import Agency

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


def visible_centres(user):
    """The centres whose records the user may see.

    Centre people see their own centre; a Sở Tư pháp reviewer sees every centre
    that Sở runs (the centres of the province); a superuser sees all.
    """
    from .models import Centre

    if user is None or not user.is_authenticated or not user.is_active:
        return Centre.objects.none()
    if user.is_superuser:
        return Centre.objects.all()
    ids: set[int] = set()
    if user.centre_id and has_role(user, *CENTRE_ROLES):
        ids.add(user.centre_id)
    if user.agency_id and is_doj_reviewer(user):
        return Centre.objects.filter(
            models.Q(pk__in=ids) | models.Q(parent_agency_id=user.agency_id)
        )
    return Centre.objects.filter(pk__in=ids)


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


def can_approve_assignment(user, case) -> bool:
    """The head of the department that owns the case; leadership when it has no head."""
    if not _same_centre(user, case):
        return False
    department = case.department
    if heads_department(user, department):
        return True
    return is_leadership(user) and (department is None or department.head_id is None)


def leaders_of(centre_id: int):
    """The active director and deputies of a centre."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(centre_id=centre_id, is_active=True, groups__name__in=list(LEADERSHIP))
        .distinct()
    )


def approvers_of(case) -> list:
    """Who decides a proposal for this case (the same rule as can_approve_assignment):
    the owning department's head, or the leadership when the department has no head."""
    department = case.department
    head = department.head if department is not None and department.head_id else None
    if head is not None and head.is_active and heads_department(head, department):
        return [head]
    return list(leaders_of(case.centre_id))


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

DOCUMENT_ISSUERS = frozenset(
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
    from .models import User

    return (
        User.objects.filter(centre=centre, is_active=True, groups__name=Role.DIRECTOR)
        .select_related("department")
        .order_by("pk")
        .first()
    )


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


# --- outreach: activities, materials, communes (issue 15) ---------------------------

OUTREACH_RECORDERS = frozenset(
    {
        Role.DIRECTOR,
        Role.DEPUTY_DIRECTOR,
        Role.DEPARTMENT_HEAD,
        Role.STAFF,
        Role.LEGAL_AID_OFFICER,
    }
)


def can_see_outreach(user) -> bool:
    """Activities, materials, communes and their figures: the centre's people and the Sở
    reviewer (nothing there names an applicant; contacts are separate)."""
    return is_centre_member(user) or is_doj_reviewer(user) or bool(user.is_superuser)


def can_record_outreach(user, centre: Centre | None = None) -> bool:
    """Record activities, broadcasts, materials and placements of their own centre."""
    if not is_centre_member(user) or not has_role(user, *OUTREACH_RECORDERS):
        return False
    return centre is None or centre.pk == user.centre_id


def can_review_communes(user, centre: Centre | None = None) -> bool:
    """The yearly review of the communes' designations (ĐBKK, border, poor): leaders and
    department heads of the centre."""
    if not is_centre_member(user) or not (is_leadership(user) or is_department_head(user)):
        return False
    return centre is None or centre.pk == user.centre_id


def can_see_commune_contacts(user) -> bool:
    """Names and phones of grassroots contacts are personal data."""
    return can_see_personal_data(user) and is_centre_member(user)


def can_manage_commune_contacts(user, centre: Centre | None = None) -> bool:
    return can_record_outreach(user, centre)


# --- access by role (issue 12) ---------------------------------------------------------


def can_see_quota_ratings(user) -> bool:
    """Colleagues' workload and quota ratings: the director, deputies and heads of the
    centre. A performer sees only their own row (`can_open_performer_list`)."""
    return is_centre_member(user) and (is_leadership(user) or is_department_head(user))


def can_open_performer_list(user) -> bool:
    """The performers' page: the leaders and heads (every performer), a performer (self)."""
    return can_see_quota_ratings(user) or (is_centre_member(user) and is_performer(user))


def can_open_assignment_inbox(user) -> bool:
    """The proposals waiting for a decision: heads and the leadership."""
    return is_centre_member(user) and (is_department_head(user) or is_leadership(user))


def can_import_registers(user) -> bool:
    """Bring an old register (.xlsx) in, many rows at once: reception staff and leaders."""
    return is_centre_member(user) and (is_reception_staff(user) or is_leadership(user))


def can_reset_password_of(user, target) -> bool:
    """Give a person a temporary password: the administrator of their centre."""
    return can_manage_record_of(user, getattr(target, "centre_id", None))


def can_handle_online_submissions(user) -> bool:
    """Verify what people sent through the public page and record it as a request."""
    return can_receive_requests(user)


def leadership_of(centres):
    """The active directors and deputies (Ban Giám đốc) of these centres (a queryset),
    the director first."""
    from django.contrib.auth import get_user_model

    director_first = models.Case(
        models.When(groups__name=Role.DIRECTOR, then=0),
        default=1,
        output_field=models.IntegerField(),
    )
    return (
        get_user_model()
        .objects.filter(centre__in=centres, is_active=True, groups__name__in=list(LEADERSHIP))
        .annotate(rank=models.Min(director_first))
        .order_by("centre_id", "rank", "full_name")
    )


def leadership_title(leader) -> str:
    """The title of a row of `leadership_of` (its rank: 0 for a director): Giám đốc, or
    Phó Giám đốc (the higher of the two held)."""
    return Role.DIRECTOR.label if leader.rank == 0 else Role.DEPUTY_DIRECTOR.label


def reception_staff_of(centre_id: int):
    """The active reception staff (viên chức) of a centre: told of online requests."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(centre_id=centre_id, is_active=True, groups__name=Role.STAFF)
        .distinct()
    )


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


# --- reports (issue 16) ---------------------------------------------------------------

REPORT_PREPARERS = frozenset(
    {Role.DIRECTOR, Role.DEPUTY_DIRECTOR, Role.DEPARTMENT_HEAD, Role.STAFF}
)


def can_prepare_reports(user, centre: Centre | None = None) -> bool:
    """Open, fill and correct the centre's periodic reports: leaders, heads, staff."""
    if not is_centre_member(user) or not has_role(user, *REPORT_PREPARERS):
        return False
    return centre is None or centre.pk == user.centre_id


def can_sign_off_reports(user, centre: Centre | None = None) -> bool:
    """Sign a report off for sending to the Sở: the director (a deputy signs "KT.")."""
    return can_prepare_reports(user, centre) and is_leadership(user)


def can_review_reports(user, centre: Centre | None = None) -> bool:
    """Comment on, return and accept reports: a Sở reviewer, of the province's centres."""
    if not is_doj_reviewer(user):
        return False
    return centre is None or visible_centres(user).filter(pk=centre.pk).exists()


def can_see_reports(user) -> bool:
    return (
        can_prepare_reports(user)
        or is_doj_reviewer(user)
        or bool(getattr(user, "is_superuser", False))
    )
