"""Permission matrix of appraisal, time appraisal and quotas: every persona × every new
page and action. 200 shown, 302 done or sent back with a message, 403 visible but not
allowed, 404 not visible, anonymous to login, GET on a POST-only view refused (405).

One world per URL; the personas are tried in turn on it (those expected to succeed
last, so a change they make cannot alter what the others are answered).
"""

import pytest
from django.urls import reverse

from cases.services import appraisal as services
from cases.services import quotas as quota_services

from .appraisal_factories import closed_case, plan_for, sheet

pytestmark = pytest.mark.django_db

PERSONAS = [
    "director", "head", "admin_head", "officer", "lawyer", "collaborator", "staff",
    "administrator", "reviewer", "other_centre_staff", "other_province_reviewer",
]  # fmt: skip


@pytest.fixture
def world(staff, head, director, officer, lawyer, collaborator, professional_office, performers,
          request):  # fmt: skip
    for persona in PERSONAS:
        request.getfixturevalue(persona)
    one = closed_case(staff, professional_office, officer, head, full_name="Một")
    closed_case(staff, professional_office, officer, head, full_name="Hai")
    closed_case(staff, professional_office, officer, head, full_name="Ba")
    plan = plan_for(director)
    services.draw_cases(actor=director, plan=plan)
    appraisals = list(plan.appraisals.order_by("pk"))
    for a in appraisals:
        services.assign_appraiser(actor=director, appraisal=a, user=lawyer, invited=True)
    services.issue_appraisers_decision(actor=director, plan=plan)
    submitted = appraisals[0]
    services.save_sheet(actor=lawyer, appraisal=submitted, sheet=sheet(85), submit=True)
    approved = appraisals[2]
    services.save_sheet(actor=lawyer, appraisal=approved, sheet=sheet(95), submit=True)
    services.approve_appraisal(actor=director, appraisal=approved)
    issued = quota_services.prepare_quota_decision(
        actor=director, centre=director.centre, year=2025
    )
    quota_services.issue_quota_decision(actor=director, decision=issued)
    draft_quota = quota_services.prepare_quota_decision(
        actor=director, centre=director.centre, year=2026
    )
    draft = plan_for(director, title="Kế hoạch dự thảo")
    time = services.assign_time_appraisal(
        actor=head, case=one, checker=collaborator, claimed_hours=8, claimed_work="Gặp, bào chữa"
    )
    return {
        "plan": plan.pk, "draft": draft.pk, "submitted": submitted.pk,
        "assigned": appraisals[1].pk, "case": one.pk, "time": time.pk,
        "appraiser": appraisals[1].appraisers.get().pk, "approved": approved.pk,
        "quota": issued.pk, "line": draft_quota.lines.first().pk,
    }  # fmt: skip


class Row(dict):
    """Expected status per persona, remembering which were named (test_permissions.py
    requires the reviewer named for every URL of cases/)."""

    explicit: frozenset = frozenset()


def row(**statuses):
    rest = statuses.pop("rest")
    expected = Row({p: statuses.get(p, rest) for p in PERSONAS})
    expected.explicit = frozenset(statuses)
    return expected


PLAN_READERS = {"director": 200, "head": 200, "admin_head": 200, "reviewer": 200,
                "other_province_reviewer": 200}  # fmt: skip
PLAN_SEERS = {"director": 200, "head": 200, "admin_head": 200, "reviewer": 200}
QUOTA_READERS = dict.fromkeys(
    ("director", "head", "admin_head", "officer", "lawyer", "collaborator"), 200
)

PAGES = {
    ("cases:appraisal_plans", None): row(**PLAN_READERS, rest=403),
    ("cases:appraisal_results", None): row(**PLAN_READERS, rest=403),
    ("cases:appraisal_plan_create", None): row(
        director=200, reviewer=200, other_province_reviewer=200, rest=403),
    ("cases:appraisal_plan", "plan"): row(**PLAN_SEERS, rest=404),
    ("cases:appraisal_detail", "submitted"): row(**PLAN_SEERS, lawyer=200, rest=404),
    ("cases:my_appraisals", None): row(reviewer=200, rest=200),
    ("cases:time_checks", None): row(reviewer=200, rest=200),
    ("cases:quotas", None): row(**QUOTA_READERS, reviewer=403, rest=403),
    ("cases:quota_decision", None, 2026): row(**QUOTA_READERS, reviewer=403, rest=403),
    ("cases:document", "approved", "appraisal_report", "pdf"): row(
        **PLAN_SEERS, lawyer=200, rest=404),
    ("cases:document", "quota", "quota", "docx"): row(
        reviewer=200, other_centre_staff=404, other_province_reviewer=404, rest=200),
    ("cases:document", "plan", "appraisers", "pdf"): row(**PLAN_SEERS, rest=404),
    ("cases:case_detail", "case"): row(
        director=200, head=200, officer=200, staff=200, reviewer=200, rest=404),
}  # fmt: skip

MANAGERS = {"director": 302, "head": 403, "admin_head": 403, "reviewer": 403}

ACTIONS = {
    ("cases:appraisal_plan_action", "draft", "draw"): row(**MANAGERS, rest=404),
    ("cases:appraisal_plan_action", "plan", "close"): row(**MANAGERS, rest=404),
    ("cases:appraisal_plan_create", None, None): row(
        director=400, reviewer=400, other_province_reviewer=400, rest=403),
    ("cases:appraiser_add", "assigned", None): row(**MANAGERS, lawyer=403, rest=404),
    ("cases:appraisal_sheet", "assigned", None): row(
        lawyer=302, director=403, head=403, admin_head=403, reviewer=403, rest=404),
    ("cases:appraisal_preview", "assigned", None): row(
        lawyer=200, director=403, head=403, admin_head=403, reviewer=403, rest=404),
    ("cases:appraisal_opinion", "assigned", None): row(
        lawyer=302, director=403, head=403, admin_head=403, reviewer=403, rest=404),
    ("cases:appraisal_decide", "submitted", "approve"): row(
        director=302, head=403, admin_head=403, reviewer=403, lawyer=403, rest=404),
    ("cases:appraisal_decide", "submitted", "return"): row(
        director=302, head=403, admin_head=403, reviewer=403, lawyer=403, rest=404),
    ("cases:case_checklist", "case", "successful"): row(
        director=302, head=302, officer=302, staff=403, reviewer=403, rest=404),
    ("cases:time_assign", "case", None): row(
        director=302, head=302, officer=403, staff=403, reviewer=403, rest=404),
    ("cases:co_performer_add", "case", None): row(
        director=302, head=302, officer=403, staff=403, reviewer=403, rest=404),
    ("cases:time_confirm", "time", None): row(
        collaborator=302, director=403, head=403, officer=403, staff=403, reviewer=403,
        rest=404),
    ("cases:appraiser_remove", "assigned", "appraiser"): row(**MANAGERS, lawyer=403, rest=404),
    ("cases:quota_prepare", None, 2026): row(director=302, reviewer=403, rest=403),
    ("cases:quota_issue", None, 2026): row(director=302, reviewer=403, rest=403),
    ("cases:quota_line", "line", None): row(director=302, reviewer=403, rest=403),
}  # fmt: skip


def _url(name, key, extra, world, *more):
    if name == "cases:document":
        return reverse(name, args=[extra, world[key], *more])
    args = [world[key]] if key else []
    if extra is not None:
        args.append(world.get(extra, extra) if isinstance(extra, str) else extra)
    return reverse(name, args=args)


def _order(expected: dict) -> list:
    """Those refused first, those who change something last."""
    return sorted(expected, key=lambda p: expected[p] in (200, 302))


@pytest.mark.parametrize("page", list(PAGES))
def test_page_access_for_every_persona(page, world, client, request):
    url = _url(*page[:2], page[2] if len(page) > 2 else None, world, *page[3:])
    expected = PAGES[page]
    got = {}
    for persona in _order(expected):
        client.force_login(request.getfixturevalue(persona))
        got[persona] = client.get(url).status_code
    assert got == expected


@pytest.mark.parametrize("action", list(ACTIONS))
def test_action_access_for_every_persona(action, world, client, request):
    url = _url(*action, world)
    expected = ACTIONS[action]
    got = {}
    for persona in _order(expected):
        client.force_login(request.getfixturevalue(persona))
        got[persona] = client.post(url, {}).status_code
    assert got == expected


@pytest.mark.parametrize("target", [*PAGES, *ACTIONS])
def test_anonymous_goes_to_login(target, world, client):
    url = _url(*target[:2], target[2] if len(target) > 2 else None, world, *target[3:])
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("action", [a for a in ACTIONS if a[0] != "cases:appraisal_plan_create"])
def test_get_on_a_post_only_view_is_refused(action, world, login, director):
    response = login(director).get(_url(*action, world))
    assert response.status_code == 405


def test_an_appraiser_of_another_centre_cannot_be_given_a_case(
    world, login, director, other_centre_staff
):
    response = login(director).post(
        reverse("cases:appraiser_add", args=[world["assigned"]]), {"user": other_centre_staff.pk}
    )
    assert response.status_code == 302
    from cases.models import Appraiser

    assert not Appraiser.objects.filter(user=other_centre_staff).exists()


def test_a_reviewer_sees_results_without_the_aided_persons(world, login, reviewer, director):
    from cases.models import Appraisal

    services.approve_appraisal(
        actor=director, appraisal=Appraisal.objects.get(pk=world["submitted"])
    )
    page = login(reviewer).get(reverse("cases:appraisal_plan", args=[world["plan"]]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Một" not in text
    assert "Hai" not in text
    assert "&lt; 5" in text  # small counts hidden for who may not see the people
