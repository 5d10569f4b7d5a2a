"""Who may open each reports page and press each button: the right role succeeds, a wrong
role is refused (403, or 404 for what they may not even see), anonymous goes to login,
GET on a POST-only view is refused."""

import pytest
from django.urls import reverse

from reports import services
from reports.rules.periods import Kind

pytestmark = pytest.mark.django_db

PERSONAS = [
    "director", "head", "staff", "officer", "lawyer", "reviewer", "other_centre_staff",
    "other_province_reviewer",
]  # fmt: skip


@pytest.fixture
def draft(staff, centre):
    return services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                number=3)  # fmt: skip


@pytest.fixture
def sent(staff, centre, director):
    report = services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                  number=2)  # fmt: skip
    services.sign_off_report(actor=director, report=report)
    return services.send_report(actor=staff, report=report)


def _expect(table: dict[str, int], persona: str) -> int:
    return table.get(persona, table["*"])


CENTRE_READ = {"director": 200, "head": 200, "staff": 200, "reviewer": 200, "*": 404}
CENTRE_READ_DRAFT = {"director": 200, "head": 200, "staff": 200, "*": 404}

GET_PAGES = [
    # (name, which report, url args, expected per persona)
    ("index", None, (), {"officer": 403, "lawyer": 403, "*": 200}),
    ("dashboard", None, (), {"officer": 403, "lawyer": 403, "*": 200}),
    ("province", None, (), {"reviewer": 200, "other_province_reviewer": 200, "*": 403}),
    ("detail", "sent", (), CENTRE_READ),
    ("detail", "draft", (), CENTRE_READ_DRAFT),
    ("edit", "draft", (), CENTRE_READ_DRAFT),
    ("export", "sent", (), CENTRE_READ),
    ("version", "sent", (1,), CENTRE_READ),
    ("drill", "sent", ("b25",), CENTRE_READ),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "which", "extra", "expected"), GET_PAGES)
def test_pages_open_for_the_right_roles(request, client, persona, name, which, extra, expected):
    args = (request.getfixturevalue(which).pk, *extra) if which else ()
    client.force_login(request.getfixturevalue(persona))
    query = {"row": "total", "column": "all"} if name == "drill" else {}
    response = client.get(reverse(f"reports:{name}", args=args), query)
    assert response.status_code == _expect(expected, persona)


POSTS = [
    # (name, which report, data, expected per persona)
    ("sign_off", "draft", {}, {"director": 302, "head": 403, "staff": 403, "*": 404}),
    ("comment", "sent", {"text": "Góp ý."}, {"reviewer": 302, "director": 403, "head": 403,
                                             "staff": 403, "*": 404}),
    ("return", "sent", {"text": "Sửa."}, {"reviewer": 302, "director": 403, "head": 403,
                                          "staff": 403, "*": 404}),
    ("accept", "sent", {}, {"reviewer": 302, "director": 403, "head": 403, "staff": 403,
                            "*": 404}),
]  # fmt: skip


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "which", "data", "expected"), POSTS)
def test_buttons_work_for_the_right_roles(request, client, persona, name, which, data, expected):
    report = request.getfixturevalue(which)
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse(f"reports:{name}", args=[report.pk]), data)
    assert response.status_code == _expect(expected, persona)
    step_recorded = report.steps.filter(action=name).exists()
    assert step_recorded == (response.status_code == 302)


@pytest.mark.parametrize("persona", PERSONAS)
def test_send_is_for_the_centres_preparers(request, client, persona, draft, director):
    services.sign_off_report(actor=director, report=draft)
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("reports:send", args=[draft.pk]))
    expected = {"director": 302, "head": 302, "staff": 302, "*": 404}
    assert response.status_code == _expect(expected, persona)
    draft.refresh_from_db()
    assert (draft.version == 1) == (response.status_code == 302)


@pytest.mark.parametrize("persona", PERSONAS)
def test_open_is_for_the_centres_preparers(request, client, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("reports:open"), {"kind": "monthly", "year": 2026,
                                                     "number": 5})  # fmt: skip
    expected = {"director": 302, "head": 302, "staff": 302, "other_centre_staff": 302, "*": 403}
    assert response.status_code == _expect(expected, persona)


@pytest.mark.parametrize(
    ("name", "which", "extra"),
    [("index", None, ()), ("detail", "sent", ()), ("dashboard", None, ()),
     ("drill", "sent", ("b24",)), ("open", None, ()), ("send", "draft", ())],
)  # fmt: skip
def test_anonymous_goes_to_login(request, client, name, which, extra):
    args = (request.getfixturevalue(which).pk, *extra) if which else ()
    response = client.get(reverse(f"reports:{name}", args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("name", "persona"),
    [("open", "staff"), ("sign_off", "director"), ("send", "staff"), ("comment", "reviewer"),
     ("return", "reviewer"), ("accept", "reviewer")],
)  # fmt: skip
def test_get_on_a_button_is_refused(request, client, sent, name, persona):
    client.force_login(request.getfixturevalue(persona))
    args = () if name == "open" else (sent.pk,)
    assert client.get(reverse(f"reports:{name}", args=args)).status_code == 405
