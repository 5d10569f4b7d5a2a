"""The permission matrix, generated from the URL resolver (issue 18.9).

Every page of the app (every URL pattern outside the admin, which tests/tgpl/admin
covers), for every persona of the demo — anonymous, each role of the demo centre, a Sở
Tư pháp reviewer and the people of another centre — by GET and by POST, on the demo's
own objects. A new page cannot be forgotten: a pattern with arguments that no entry of
OBJECTS below can fill fails `test_every_page_is_in_the_matrix`.

What must hold, whatever the page (the oracles are the app's own scopes):
- anonymous: only the public pages answer; everything else sends to the login page;
- an object outside the persona's scope (`Model.objects.visible_to(user)`, or the
  recipient for a notification) is never served (no 200) and a POST on it changes
  nothing;
- a persona that may not see personal data (`roles.can_see_personal_data`) never gets
  a page holding an applicant's name, identity number or phone;
- a refused POST (403, 404, 405, or to the login page) changes nothing: no row of
  history, no outbox message, no notification, no register number.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.matrix_objects import OBJECTS
from tests.seeded import seeded_for_the_module
from tgpl import roles

pytestmark = pytest.mark.django_db

#: Pages anyone may open (each says so with @login_not_required).
PUBLIC = {
    "login",
    "healthz",
    "readyz",
    "favicon",
    "ics_feed",  # its secret token is the key; a wrong one is a 404
    "two_factor_verify",  # redirects to login without a pending sign-in
    "password_reset",  # Django's reset by e-mail (issue 12.7)
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "online:request",  # the online intake and its reference number (issue 12.8)
    "online:sent",
    "online:status",
}
#: Patterns this matrix does not request, with the reason.
SKIPPED = {
    "logout": "ends the session the rest of the walk uses; tests/security cover it",
}


@dataclass(frozen=True)
class Page:
    name: str  # "cases:case_detail"
    route: str
    args: tuple[str, ...]


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[Page]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            space = entry.namespace or namespace
            yield from _walk(entry, prefix + str(entry.pattern), space)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            args = tuple(entry.pattern.converters) if hasattr(entry.pattern, "converters") else ()
            yield Page(name, prefix + str(entry.pattern), args)


def pages() -> list[Page]:
    seen: dict[str, Page] = {}
    for page in _walk(get_resolver()):
        if page.name.startswith(("admin:", "djdt:")) or page.name in SKIPPED:
            continue
        seen.setdefault(page.name, page)
    return sorted(seen.values(), key=lambda p: p.name)


# The objects each page is requested with: tests/matrix_objects.py (OBJECTS).


def may_have(user, anchor) -> bool:
    """The app's own answer to "is this object in the persona's scope"."""
    if isinstance(anchor, tuple):  # a document: its kind's scope, on its object
        kind, obj, _ = anchor
        return kind.visible_to(user).filter(pk=obj.pk).exists()
    model = type(anchor)
    if model._meta.label == "tgpl.Notification":
        return user.is_authenticated and anchor.recipient_id == user.pk
    if model._meta.label == "tgpl.NotificationPreference":
        return True  # the feed's token is its own key (public by design)
    if model._meta.label == "cases.TimeAppraisal":
        return anchor.checker_id == user.pk or may_have(user, anchor.case)
    if model._meta.label == "cases.OfficerQuota":
        anchor = anchor.decision
    if model._meta.label in ("plans.Milestone", "plans.ProgressUpdate"):
        anchor = anchor.item
    if model._meta.label == "plans.Plan" or hasattr(type(anchor).objects, "visible_to"):
        return type(anchor).objects.visible_to(user).filter(pk=anchor.pk).exists()
    if hasattr(anchor, "centre_id"):  # a record of a centre: the centres the user sees
        return roles.visible_centres(user).filter(pk=anchor.centre_id).exists()
    raise AssertionError(f"no scope known for {model._meta.label}: teach may_have()")


def requests_to_make() -> list[tuple[Page, dict, object]]:
    made = []
    for page in pages():
        if not page.args:
            made.append((page, {}, None))
            continue
        build = OBJECTS.get(page.name)
        assert build is not None, f"{page.name} ({page.route}) is not in the matrix"
        for kwargs, anchor in build():
            made.append((page, kwargs, anchor))
    return made


# --- what is watched ---------------------------------------------------------------


def fingerprint() -> int:
    """Rows that any effective write leaves: history of every tracked model, the outbox,
    notifications and register numbers (one query)."""
    tables = [m._meta.db_table for m in apps.get_models() if m.__name__.startswith("Historical")]
    tables += [
        apps.get_model(label)._meta.db_table
        for label in ("tgpl.OutboxMessage", "tgpl.Notification", "tgpl.IssuedDocument")
    ]
    quote = connection.ops.quote_name
    # table names come from the models, quoted: nothing from outside reaches the SQL
    counts = " + ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608
    sql = f"SELECT {counts}"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def personal_strings() -> set[str]:
    """What would identify an applicant: names, identity numbers, phones (the demo's)."""
    model = apps.get_model("cases.LegalAidRequest")
    found: set[str] = set()
    for name, number, phone in model.objects.values_list("full_name", "identity_number", "phone"):
        found |= {value for value in (name, number, phone) if value and len(value) >= 6}
    # The demo draws applicants' names at random: one may be a staff member's name too,
    # and staff names are shown everywhere (signers, performers).
    staff = set(apps.get_model("tgpl.User").objects.values_list("full_name", flat=True))
    return found - staff


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def sends_to_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


REFUSED = {403, 404, 405}


# --- the personas ------------------------------------------------------------------

#: One demo person per kind of access (README's table): the deputy, the other heads and
#: the second officer hold the same roles as one of these.
DEMO_PERSONAS = [
    "giamdoc",
    "truongphong.nv",
    "truongcn1",
    "vienchuc",
    "tgv",
    "luatsu",
    "ctv",
    "quantri",
    "sotuphap",
]


def seed_the_demo() -> None:
    """The demo, plus what it leaves for people to make: an attached file, the
    reminders and notifications of the day's scan, a calendar feed."""
    from django.core.files.base import ContentFile

    from cases.models import LegalAidRequest, RequestAttachment
    from tgpl.models import User
    from tgpl.notifications import scan
    from tgpl.notifications.models import Notification, NotificationPreference

    call_command("seed_demo", stdout=io.StringIO())
    request = LegalAidRequest.objects.order_by("pk").first()
    RequestAttachment.objects.create(
        request=request,
        title="Giấy xác nhận hộ nghèo",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="ho-ngheo.pdf"),
        uploaded_by=request.received_by,
    )
    scan.run_scan()
    # the director's export of the case register, its file written (issue 18.3)
    from tgpl.exports import services as exports

    job = exports.request_export(actor=User.objects.get(username="giamdoc"),
                                 kind="cases.case_register")  # fmt: skip
    exports.run_export(job_id=job.pk)
    NotificationPreference.for_user(User.objects.get(username="giamdoc"))
    Notification.objects.create(
        recipient=User.objects.get(username="tgv"), title="Có vụ việc mới", url="/cases/"
    )


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seeded once for the module's tests (tests/seeded.py): each walk reads the same demo
    and what a walk writes is rolled back after its test."""
    media = tmp_path_factory.mktemp("matrix-media")
    with seeded_for_the_module(django_db_blocker, media, seed_the_demo) as media_root:
        yield media_root


@pytest.fixture
def demo(_demo_once, db, settings):
    settings.MEDIA_ROOT = _demo_once


def another_centre():
    """People of a second centre under another Sở, with the leading roles."""
    from tests.factories import AgencyFactory, CentreFactory, UserFactory

    doj = AgencyFactory(name="Sở Tư pháp tỉnh Cao Bằng", province_code=4)
    centre = CentreFactory(
        name="Trung tâm Trợ giúp pháp lý nhà nước tỉnh Cao Bằng", parent_agency=doj
    )
    return [
        UserFactory(username="b.giamdoc", centre=centre, roles=[roles.Role.DIRECTOR]),
        UserFactory(username="b.tgv", centre=centre, roles=[roles.Role.LEGAL_AID_OFFICER]),
        UserFactory(
            username="b.sotuphap", agency=doj, centre=None, roles=[roles.Role.DOJ_REVIEWER]
        ),
    ]


def walk(client, user, *, method: str, only: str = "") -> list[str]:
    """Request every page (whose name starts with `only`) as `user` (None: anonymous);
    return the leaks found."""
    from tgpl.models import User

    leaks: list[str] = []
    personal = personal_strings()
    sees_personal = user is not None and roles.can_see_personal_data(user)
    for page, kwargs, anchor in requests_to_make():
        if not page.name.startswith(only):
            continue
        if user is not None:
            user = User.objects.get(pk=user.pk)  # roles may change during the walk
            client.force_login(user)
        else:
            client.logout()
        url = reverse(page.name, kwargs=kwargs)
        allowed = anchor is None or (user is not None and may_have(user, anchor))
        if page.name == "ics_feed":
            allowed = True
        before = fingerprint() if method == "post" else None
        response = client.post(url) if method == "post" else client.get(url)
        status = response.status_code
        who = user.username if user else "anonymous"
        where = f"{method.upper()} {url} as {who}: {status}"
        public = user is not None or page.name in PUBLIC
        if not public and not (sends_to_login(response) or status in REFUSED):
            leaks.append(f"{where}, not sent to the login page")
        if not allowed and status == 200:
            leaks.append(f"{where}, outside the persona's scope")
        refused = not allowed or status in REFUSED or sends_to_login(response)
        if method == "post" and refused and fingerprint() != before:
            leaks.append(f"{where}, refused or out of scope, yet it wrote")
        if method == "get" and status == 200 and not sees_personal and personal:
            text = body_of(response)
            shown = sorted(value for value in personal if value in text)
            if shown:
                leaks.append(f"{where}, shows personal data {shown[:3]}")
    return leaks


def test_every_page_is_in_the_matrix(demo):
    """A page with arguments must be requestable, with the demo's objects."""
    made = requests_to_make()
    named = {page.name for page, _, _ in made}
    missing = [p.name for p in pages() if p.name not in named]
    assert missing == [], f"pages with no object in the demo: {missing}"
    assert len(made) > len(pages())


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_and_another_centre_reach_nothing(client, demo, method):
    leaks = walk(client, None, method=method)
    for user in another_centre():
        leaks += walk(client, user, method=method)
    assert leaks == []


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(
    "group",
    [DEMO_PERSONAS[:3], DEMO_PERSONAS[3:6], DEMO_PERSONAS[6:]],
    ids=["leaders", "heads-and-officers", "others-and-reviewer"],
)
def test_each_persona_stays_in_scope(client, demo, group, method):
    from tgpl.models import User

    leaks: list[str] = []
    for username in group:
        leaks += walk(client, User.objects.get(username=username), method=method)
    assert leaks == []


def test_the_matrix_catches_a_view_that_forgets_its_scope(client, demo, monkeypatch):
    """The oracle can fail: a case page fetching without the user's scope is a leak."""
    from cases.models import Case
    from cases.views import cases as case_views

    monkeypatch.setattr(
        case_views.selectors, "get_case_for", lambda user, pk, can=None: Case.objects.get(pk=pk)
    )
    leaks = walk(client, another_centre()[0], method="get", only="cases:case_detail")
    assert len(leaks) == 2  # the demo's two cases asked for
    assert all("outside the persona's scope" in leak for leak in leaks)
