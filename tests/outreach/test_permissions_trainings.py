"""Permission matrix of trainings: every persona × every page and action.

Expected: 200 page shown, 302 done (redirected), 400 allowed but the (empty) form was
refused, 403 visible but not allowed, 404 not visible. Every trainings URL has an explicit
expectation for the Sở reviewer (test_every_trainings_url_names_the_reviewer).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outreach.models import Attendance
from outreach.services import trainings as services

from .factories_trainings import reason, session

pytestmark = pytest.mark.django_db

PERSONAS = [
    "director", "head", "admin_head", "officer", "lawyer", "collaborator", "staff",
    "administrator", "reviewer", "other_centre_staff", "other_province_reviewer",
]  # fmt: skip


@pytest.fixture
def world(request, staff, officer):
    for persona in PERSONAS:
        request.getfixturevalue(persona)
    one = session(staff, on=dt.date(2026, 4, 1))
    attendance = services.record_attendance(
        actor=staff, session=one, person=officer, hours=Decimal("8"),
        certificate=SimpleUploadedFile("cn.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
    )  # fmt: skip
    nomination = services.nominate(actor=staff, session=one, people=[officer])
    exemption = services.record_exemption(
        actor=staff, person=officer, reason=reason("4b-biet-phai"),
        starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 3, 1),
    )  # fmt: skip
    report = services.prepare_compliance_report(actor=staff, centre=staff.centre, year=2026)
    return {
        "session": one.pk, "attendance": attendance.pk, "nomination": nomination.pk,
        "exemption": exemption.pk, "report": report.pk,
    }  # fmt: skip


class Row(dict):
    explicit: frozenset = frozenset()


def row(**statuses):
    rest = statuses.pop("rest")
    expected = Row({p: statuses.get(p, rest) for p in PERSONAS})
    expected.explicit = frozenset(statuses)
    return expected


KEEPERS = {"director": 200, "head": 200, "admin_head": 200, "staff": 200}
EVERYONE = dict.fromkeys(PERSONAS, 200)


def keepers(status):
    return dict.fromkeys(KEEPERS, status)


# (url name, world key of the first argument, extra arguments) -> expected
PAGES = {
    ("outreach:training_list", None, ()): row(**EVERYONE, rest=200),
    ("outreach:training_create", None, ()): row(
        **KEEPERS, other_centre_staff=200, reviewer=403, rest=403),
    ("outreach:training_mine", None, ()): row(
        reviewer=403, other_province_reviewer=403, rest=200),
    ("outreach:training_detail", "session", ()): row(
        other_centre_staff=404, other_province_reviewer=404, reviewer=200, rest=200),
    ("outreach:training_edit", "session", ()): row(
        **KEEPERS, reviewer=403, other_centre_staff=404, other_province_reviewer=404, rest=403),
    ("outreach:training_certificate", "session", ("attendance",)): row(
        **KEEPERS, officer=200, reviewer=403, other_centre_staff=404,
        other_province_reviewer=404, rest=403),
    ("outreach:training_compliance", None, ()): row(
        **KEEPERS, reviewer=200, other_centre_staff=200, other_province_reviewer=404, rest=403),
    ("outreach:training_compliance_export", None, ()): row(
        **KEEPERS, reviewer=200, other_centre_staff=200, other_province_reviewer=404, rest=403),
    ("outreach:document", "nomination", ("training-nomination", "pdf")): row(
        reviewer=200, other_centre_staff=404, other_province_reviewer=404, rest=200),
    ("outreach:document", "report", ("training-report", "docx")): row(
        **KEEPERS, reviewer=200, rest=404),
}  # fmt: skip

ACTIONS = {
    ("outreach:training_create", None, ()): row(
        **keepers(400), other_centre_staff=400, reviewer=403, rest=403),
    ("outreach:training_edit", "session", ()): row(
        **keepers(400), reviewer=403, other_centre_staff=404, other_province_reviewer=404,
        rest=403),
    ("outreach:training_attendance", "session", ()): row(
        **keepers(400), reviewer=403, other_centre_staff=404, other_province_reviewer=404,
        rest=403),
    ("outreach:training_attendance_remove", "session", ("attendance",)): row(
        **keepers(302), reviewer=403, other_centre_staff=404, other_province_reviewer=404,
        rest=403),
    ("outreach:training_nominate", "session", ()): row(
        **keepers(400), reviewer=403, other_centre_staff=404, other_province_reviewer=404,
        rest=403),
    ("outreach:training_exemption", None, ()): row(
        director=400, staff=400, other_centre_staff=400, reviewer=403,
        other_province_reviewer=404, rest=403),
    ("outreach:training_exemption_remove", "exemption", ()): row(
        director=302, staff=302, head=403, admin_head=403, reviewer=403, rest=404),
    ("outreach:training_compliance_prepare", None, ()): row(
        director=302, staff=302, other_centre_staff=302, reviewer=403,
        other_province_reviewer=404, rest=403),
}  # fmt: skip


def _url(key, world):
    name, first, extra = key
    if name == "outreach:document":
        kind, fmt = extra
        return reverse(name, args=[kind, world[first], fmt])
    args = [world[first]] if first else []
    args += [world[e] for e in extra]
    return reverse(name, args=args)


@pytest.mark.parametrize(
    ("page", "persona", "expected"),
    [(page, p, status) for page, statuses in PAGES.items() for p, status in statuses.items()],
)
def test_page_access(page, persona, expected, world, login, request):
    response = login(request.getfixturevalue(persona)).get(_url(page, world))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("action", "persona", "expected"),
    [(a, p, status) for a, statuses in ACTIONS.items() for p, status in statuses.items()],
)
def test_action_access(action, persona, expected, world, login, request):
    response = login(request.getfixturevalue(persona)).post(_url(action, world), {})
    assert response.status_code == expected


@pytest.mark.parametrize("page", list(PAGES))
def test_anonymous_goes_to_login(page, world, client):
    response = client.get(_url(page, world))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


FORM_PAGES = {"outreach:training_create", "outreach:training_edit"}  # GET shows the form


@pytest.mark.parametrize("action", [a for a in ACTIONS if a[0] not in FORM_PAGES])
def test_get_on_a_change_is_refused(action, world, login, director):
    assert login(director).get(_url(action, world)).status_code == 405


def test_a_refused_removal_changes_nothing(world, login, officer):
    url = _url(("outreach:training_attendance_remove", "session", ("attendance",)), world)
    assert login(officer).post(url).status_code == 403
    assert Attendance.objects.filter(pk=world["attendance"]).exists()


def test_every_trainings_url_names_the_reviewer():
    from outreach import urls

    names = {
        f"outreach:{p.name}"
        for p in urls.urlpatterns
        if p.name and (p.name.startswith("training") or p.name == "document")
    }
    covered = {
        key[0] for key, statuses in (PAGES | ACTIONS).items() if "reviewer" in statuses.explicit
    }
    assert names - covered == set()
