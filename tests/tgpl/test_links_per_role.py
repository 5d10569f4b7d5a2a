"""No link, tab or button leads a person to a page they may not open (issue 12.7).

For every persona, the home page and each page of the navigation are opened, and
every link they show (href and hx-get) is followed once: none answers 403. The pages
linked from the navigation's pages (the tabs of the cases pages, the buttons of the
lists) are followed too. Downloads are left out (their rights are the page's own and
are tested with the documents).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from cases.models import Performer
from plans.models import PlanItem
from tests.cases.factories import in_progress_case, make_performer, receive
from tests.factories import UserFactory
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.roles import Role

pytestmark = pytest.mark.django_db

LINK = re.compile(r'(?:href|hx-get)="([^"#]*)"')
SKIP = (".pdf", ".docx", ".xlsx", ".ics", "/export/", "/static/", "/media/")
PERSONAS = [
    "director",
    "deputy",
    "head",
    "admin_head",
    "officer",
    "lawyer",
    "collaborator",
    "staff",
    "administrator",
    "reviewer",
]


@pytest.fixture
def deputy(centre):
    return UserFactory(
        username="phogiamdoc", full_name="Lộc Văn Phó", centre=centre, roles=[Role.DEPUTY_DIRECTOR]
    )


@pytest.fixture
def centre_at_work(centre, staff, head, officer, lawyer, collaborator, professional_office):
    """A request waiting, a case in progress for the officer, a plan with a task."""
    make_performer(officer)
    make_performer(lawyer, Performer.Kind.CONTRACTED_LAWYER)
    make_performer(collaborator, Performer.Kind.COLLABORATOR)
    receive(staff, full_name="Người Chờ Thụ Lý", identity_number="020158000999")
    in_progress_case(staff, professional_office, officer, head)
    plan = PlanFactory(centre=centre, created_by=staff)
    lead(PlanItemFactory(plan=plan, kind=PlanItem.Kind.TASK), professional_office)
    return plan


def _links(html: str) -> list[str]:
    found = []
    for raw in LINK.findall(html):
        url = raw.replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        if any(s in parts.path for s in SKIP) or parts.path.startswith("/admin/"):
            continue
        found.append(url)
    return found


def _walk(client) -> dict[str, int]:
    """Status of every page linked from the home page and from the navigation's pages."""
    home = client.get("/")
    assert home.status_code == 200
    first = list(dict.fromkeys(_links(home.content.decode())))
    statuses: dict[str, int] = {}
    second: list[str] = []
    for url in first:
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            second += _links(response.content.decode())
    for url in dict.fromkeys(second):
        if url not in statuses:
            statuses[url] = client.get(url).status_code
    return statuses


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_link_from_home_or_navigation_leads_to_a_refusal(
    persona, request, centre_at_work, login
):
    user = request.getfixturevalue(persona)
    statuses = _walk(login(user))
    refused = sorted(url for url, status in statuses.items() if status == 403)
    assert refused == [], f"{persona} sees links to pages refused to them: {refused}"
    assert len(statuses) > 3  # the walk did reach the navigation


@pytest.mark.parametrize(
    ("persona", "shown", "hidden"),
    [
        ("lawyer", [], ["/documents/", "/cases/inbox/", "/cases/list/import/"]),
        ("collaborator", [], ["/documents/", "/cases/inbox/", "/cases/requests/import/"]),
        ("officer", ["/cases/performers/"], ["/documents/", "/cases/list/import/"]),
        ("staff", ["/documents/", "/cases/requests/import/"], ["/cases/inbox/"]),
        ("head", ["/documents/", "/cases/inbox/", "/cases/performers/"], []),
        ("director", ["/documents/", "/cases/list/import/", "/cases/inbox/"], []),
    ],
)
def test_links_shown_follow_the_role(persona, shown, hidden, request, centre_at_work, login):
    client = login(request.getfixturevalue(persona))
    pages = "".join(
        client.get(url).content.decode()
        for url in ("/", "/cases/requests/", "/cases/list/", "/cases/statistics/")
    )
    links = set(_links(pages))
    assert set(shown) <= links
    assert not set(hidden) & links
