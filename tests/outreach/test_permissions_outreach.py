"""Permission matrix of every outreach page: persona × page.

200 shown, 302 done (redirected), 400 allowed but the empty form was refused, 403 not
allowed, 404 not visible, 405 GET on a POST-only page, "login" anonymous.
"""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from outreach import services
from outreach.models import Activity, ActivityAttachment, RecurringTarget

from .factories import BA_SON, activity, material, place

pytestmark = pytest.mark.django_db

PERSONAS = [
    "director", "head", "admin_head", "officer", "lawyer", "collaborator", "staff",
    "administrator", "reviewer", "other_centre_staff", "other_province_reviewer",
]  # fmt: skip
RECORDERS = {"director", "head", "admin_head", "officer", "staff"}
REVIEWERS = {"director", "head", "admin_head"}  # of the communes' designations
OURS = set(PERSONAS) - {"other_centre_staff", "other_province_reviewer"}


@pytest.fixture
def world(request, staff, head):
    for persona in PERSONAS:
        request.getfixturevalue(persona)
    a = activity(staff)
    attachment = ActivityAttachment.objects.create(
        activity=a, file=ContentFile(b"\x89PNG", name="anh.png"), uploaded_by=staff
    )
    boards = material(staff)
    placed = place(staff, boards)
    target = services.record_recurring_target(
        actor=staff,
        fields={"title": "Một bài/tuần", "kinds": [Activity.Kind.WEB_ARTICLE],
                "period": RecurringTarget.Period.WEEK, "start": date(2026, 1, 1),
                "end": date(2026, 12, 31)},
    )  # fmt: skip
    contact = services.add_contact(
        actor=staff, commune_code=BA_SON, name="Nông Văn Dũng", role="Trưởng thôn",
        consent_on=date(2026, 5, 4),
    )  # fmt: skip
    return {"activity": a.pk, "attachment": attachment.pk, "material": boards.pk,
            "placement": placed.pk, "target": target.pk, "contact": contact.pk,
            "commune": BA_SON}  # fmt: skip


def everyone(status):
    return dict.fromkeys(PERSONAS, status)


def readers_of_objects():
    """Object pages: our people and our reviewer see them; the others get 404."""
    return {**everyone(200), "other_centre_staff": 404, "other_province_reviewer": 404}


def recorders(done, *, object_page=True):
    expected = {p: (done if p in RECORDERS else 403) for p in PERSONAS}
    if object_page:
        expected.update(other_centre_staff=404, other_province_reviewer=404)
    else:
        expected.update(other_centre_staff=done, other_province_reviewer=403)
    return expected


# (url name, kwarg from world or None, method, expected by persona)
MATRIX = [
    ("outreach:index", None, "get", everyone(200)),
    ("outreach:activities", None, "get", everyone(200)),
    ("outreach:broadcasts", None, "get", everyone(200)),
    ("outreach:contracts", None, "get", everyone(200)),
    ("outreach:recurring_list", None, "get", everyone(200)),
    ("outreach:materials", None, "get", everyone(200)),
    ("outreach:inspections_due", None, "get", everyone(200)),
    ("outreach:communes", None, "get", everyone(200)),
    ("outreach:review_changes", None, "get", everyone(200)),
    ("outreach:placement_export", None, "get", everyone(200)),
    ("outreach:activity", "activity", "get", readers_of_objects()),
    ("outreach:attachment", "attachment", "get", readers_of_objects()),
    ("outreach:recurring", "target", "get", readers_of_objects()),
    ("outreach:material", "material", "get", readers_of_objects()),
    ("outreach:commune", "commune", "get", {**everyone(200), "other_province_reviewer": 404}),
    ("outreach:activity_create", None, "get", recorders(200, object_page=False)),
    ("outreach:material_create", None, "get", recorders(200, object_page=False)),
    ("outreach:placement_import", None, "get", recorders(200, object_page=False)),
    ("outreach:activity_edit", "activity", "get", recorders(200)),
    ("outreach:activity_create", None, "post", recorders(400, object_page=False)),
    ("outreach:activity_edit", "activity", "post", recorders(400)),
    ("outreach:activity_requests", "activity", "post", recorders(302)),
    ("outreach:attachment_add", "activity", "post", recorders(302)),
    ("outreach:placement_create", "material", "post", recorders(400)),
    ("outreach:inspect", "placement", "post", recorders(302)),
    ("outreach:contact_add", "commune", "post", recorders(400, object_page=False)),
    # contacts are personal data: not even visible to a reviewer
    ("outreach:contact_end", "contact", "post", {**recorders(302), "reviewer": 404}),
    ("outreach:commune_edit", "commune", "post",
     {p: (302 if p in REVIEWERS else 403) for p in PERSONAS}),
    ("outreach:review_open", None, "post",
     {p: (302 if p in REVIEWERS else 403) for p in PERSONAS}),
]  # fmt: skip
POST_ONLY = ["outreach:activity_requests", "outreach:attachment_add", "outreach:placement_create",
             "outreach:inspect", "outreach:contact_add", "outreach:contact_end",
             "outreach:commune_edit", "outreach:review_open"]  # fmt: skip


def url_of(world, name, key):
    if key is None:
        return reverse(name)
    kwarg = "code" if key == "commune" else "pk"
    return reverse(name, kwargs={kwarg: world[key]})


@pytest.mark.parametrize(
    ("name", "key", "method", "expected"), MATRIX, ids=[f"{m[0]}-{m[2]}" for m in MATRIX]
)
def test_permission_matrix(client, request, world, name, key, method, expected):
    """Every persona on one page (one world per page: the statuses compared at once)."""
    got = {}
    for persona in PERSONAS:
        client.force_login(request.getfixturevalue(persona))
        got[persona] = getattr(client, method)(url_of(world, name, key)).status_code
    assert got == expected


@pytest.mark.parametrize(("name", "key", "method", "expected"), MATRIX)
def test_anonymous_goes_to_login(client, world, name, key, method, expected):
    response = getattr(client, method)(url_of(world, name, key))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.parametrize("name", POST_ONLY)
def test_get_on_post_only_pages_is_refused(client, director, world, name):
    key = next(k for n, k, m, _ in MATRIX if n == name)
    client.force_login(director)
    assert client.get(url_of(world, name, key)).status_code == 405


def test_every_outreach_url_is_in_the_matrix():
    from outreach.urls import urlpatterns

    # trainings (and their documents) have their own matrix: test_permissions_trainings.py
    named = {
        f"outreach:{p.name}"
        for p in urlpatterns
        if not p.name.startswith("training") and p.name != "document"
    }
    assert named == {name for name, *_ in MATRIX}


def test_contacts_are_not_shown_to_the_reviewer(client, world, reviewer, staff):
    url = url_of(world, "outreach:commune", "commune")
    client.force_login(staff)
    assert "Nông Văn Dũng" in client.get(url).content.decode()
    client.force_login(reviewer)
    assert "Nông Văn Dũng" not in client.get(url).content.decode()
