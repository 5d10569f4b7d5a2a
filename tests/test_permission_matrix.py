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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

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


# --- the objects each page is requested with ---------------------------------------
# name -> function returning [(kwargs, anchor)]: the anchor is the object whose scope
# decides whether the persona may have it (a request, a case, a plan ...).


def _first(model: str, **filters):
    return apps.get_model(model).objects.filter(**filters).order_by("pk").first()


def _each(model: str, **filters):
    return list(apps.get_model(model).objects.filter(**filters).order_by("pk")[:2])


def _pk(model: str, **filters) -> Callable[[], list]:
    return lambda: [({"pk": o.pk}, o) for o in _each(model, **filters)]


def _request_actions():
    from cases.views.requests import REQUEST_ACTIONS

    req = _first("cases.LegalAidRequest")
    return [({"pk": req.pk, "action": action}, req) for action in REQUEST_ACTIONS]


def _case_actions():
    from cases.views.cases import CASE_ACTIONS

    case = _first("cases.Case")
    return [({"pk": case.pk, "action": action}, case) for action in CASE_ACTIONS]


def _request_attachment():
    attachment = _first("cases.RequestAttachment")
    if attachment is None:
        return []
    return [({"pk": attachment.request_id, "attachment_pk": attachment.pk}, attachment.request)]


def _log_attachment():
    entry = _first("cases.CaseLogEntry")
    return [({"pk": entry.case_id, "entry_pk": entry.pk}, entry.case)]


def _assignment_decisions():
    assignment = _first("cases.Assignment")
    return [
        ({"pk": assignment.pk, "decision": decision}, assignment.case)
        for decision in ("approve", "return")
    ]


def _documents(app_label: str, *, numbered: bool):
    def build():
        from tgpl.documents import registry

        found = []
        for kind in registry.sources().values():
            if kind.app_label != app_label or (numbered and not kind.numbered_later):
                continue
            obj = kind.model.objects.order_by("pk").first()
            if obj is None:
                continue
            anchor = kind.read_record(obj) if kind.read_record else obj
            formats = [{}] if numbered else [{"fmt": "pdf"}, {"fmt": "docx"}]
            found += [
                ({"kind": kind.name, "pk": obj.pk, **fmt}, (kind, obj, anchor)) for fmt in formats
            ]
        return found

    return build


def _attendance():
    """A training's attendance row: the session's scope decides (trainings, issue 14.5)."""
    return [
        ({"pk": a.session_id, "attendance_pk": a.pk}, a.session)
        for a in _each("outreach.Attendance")
    ]


def _notification():
    return [({"pk": n.pk}, n) for n in _each("tgpl.Notification")]


def _ics():
    pref = _first("tgpl.NotificationPreference")
    return [({"token": pref.ics_token}, pref)] if pref else []


def _with(model: str, key: str, values, anchor=lambda o: o) -> Callable[[], list]:
    """One object of `model`, requested with each of `values` in the URL's `key`."""

    def build():
        obj = _first(model)
        return [({"pk": obj.pk, key: value}, anchor(obj)) for value in values()] if obj else []

    return build


def _plan_actions():
    from cases.views.appraisal import PLAN_ACTIONS

    return list(PLAN_ACTIONS)


def _catalogues():
    from cases.models import CaseCriterion

    return list(CaseCriterion.Catalogue.values)


def _appraiser_remove():
    appraiser = _first("cases.Appraiser")
    if appraiser is None:
        return []
    return [({"pk": appraiser.appraisal_id, "appraiser_pk": appraiser.pk}, appraiser.appraisal)]


def _actions(model: str, *actions: str) -> Callable[[], list]:
    return _with(model, "action", lambda: list(actions))


def _complaint_steps():
    from cases.views.complaints import STEPS

    return list(STEPS)


def _through(model: str, parent: str) -> Callable[[], list]:
    """An object requested by its pk, scoped by its `parent` (an attachment by its
    activity, a placement by its material)."""
    return lambda: [({"pk": o.pk}, getattr(o, parent)) for o in _each(model)]


def _commune():
    """Commune pages are of the province's list (a code), not of a centre's record."""
    activity = _first("outreach.Activity", commune_code__isnull=False)
    return [({"code": activity.commune_code}, None)] if activity else []


def _registration():
    registration = _first("cases.DefenceRegistration")
    if registration is None:
        return []
    case = registration.case
    return [({"pk": case.pk, "registration_pk": registration.pk}, case)]


def _year(*_):
    """Pages of a year of the user's own centre: nothing of another's to reach."""
    return lambda: [({"year": 2026}, None)]


REPORT_PAGES = (
    "detail", "edit", "comment", "sign_off", "send", "return", "accept", "export", "handover",
)  # fmt: skip

OBJECTS: dict[str, Callable[[], list]] = {
    "plans:detail": _pk("plans.Plan"),
    "plans:edit": _pk("plans.Plan"),
    "plans:history": _pk("plans.Plan"),
    "plans:submit": _pk("plans.Plan"),
    "plans:approve": _pk("plans.Plan"),
    "plans:close": _pk("plans.Plan"),
    "plans:reopen": _pk("plans.Plan"),
    "plans:closing": _pk("plans.Plan"),
    "plans:copy": _pk("plans.Plan"),
    "plans:item_create": _pk("plans.Plan"),
    "plans:export_tasks": _pk("plans.Plan"),
    "plans:import_tasks": _pk("plans.Plan"),
    "plans:document_pdf": _pk("plans.Plan"),
    "plans:document_docx": _pk("plans.Plan"),
    "plans:issue": _pk("plans.Plan"),
    "plans:item": _pk("plans.PlanItem", kind="task"),
    "plans:item_edit": _pk("plans.PlanItem", kind="task"),
    "plans:item_progress": _pk("plans.PlanItem", kind="task"),
    "plans:milestone_done": _pk("plans.Milestone"),
    "plans:evidence": _pk("plans.ProgressUpdate"),
    "plans:budget": _pk("plans.Plan"),
    "plans:budget_sources": _pk("plans.Plan"),
    "plans:budget_action": _actions(
        "plans.Plan", "line", "from-tasks", "decision", "entry", "source"
    ),
    "cases:request_detail": _pk("cases.LegalAidRequest"),
    "cases:request_edit": _pk("cases.LegalAidRequest"),
    "cases:request_attachment": _request_attachment,
    "cases:request_action": _request_actions,
    "cases:case_log_attachment": _log_attachment,
    "cases:decide_assignment": _assignment_decisions,
    "cases:assignment_detail": lambda: [({"pk": a.pk}, a.case) for a in _each("cases.Assignment")],
    "cases:document": _documents("cases", numbered=False),
    "cases:number_document": _documents("cases", numbered=True),
    "cases:change_answer": lambda: [
        ({"pk": c.pk}, c.case) for c in _each("cases.PerformerChangeRequest")
    ],
    "cases:case_detail": _pk("cases.Case"),
    "cases:case_action": _case_actions,
    # quality appraisal, time appraisal, quotas (issue 14)
    "cases:appraisal_plan": _pk("cases.AppraisalPlan"),
    "cases:appraisal_plan_action": _with("cases.AppraisalPlan", "action", _plan_actions),
    "cases:appraisal_detail": _pk("cases.Appraisal"),
    "cases:appraisal_sheet": _pk("cases.Appraisal"),
    "cases:appraisal_preview": _pk("cases.Appraisal"),
    "cases:appraisal_opinion": _pk("cases.Appraisal"),
    "cases:appraiser_add": _pk("cases.Appraisal"),
    "cases:appraiser_remove": _appraiser_remove,
    "cases:appraisal_decide": _with("cases.Appraisal", "decision", lambda: ["approve", "return"]),
    "cases:case_checklist": _with("cases.Case", "catalogue", _catalogues),
    "cases:co_performer_add": _pk("cases.Case"),
    "cases:time_assign": _pk("cases.Case"),
    "cases:time_confirm": _pk("cases.TimeAppraisal"),
    "cases:quota_decision": _year(),
    "cases:quota_prepare": _year(),
    "cases:quota_issue": _year(),
    "cases:quota_line": _pk("cases.OfficerQuota"),
    # --- trainings (issue 14.5) ---
    "outreach:training_detail": _pk("outreach.TrainingSession"),
    "outreach:training_edit": _pk("outreach.TrainingSession"),
    "outreach:training_attendance": _pk("outreach.TrainingSession"),
    "outreach:training_nominate": _pk("outreach.TrainingSession"),
    "outreach:training_attendance_remove": _attendance,
    "outreach:training_certificate": _attendance,
    "outreach:training_exemption_remove": _pk("outreach.Exemption"),
    "outreach:document": _documents("outreach", numbered=False),
    # coordination in proceedings, complaints, fees (issue 17)
    "cases:case_proceedings_action": _actions("cases.Case", "register", "papers", "force-majeure"),
    "cases:registration_outcome": _registration,
    "cases:case_sessions": _pk("cases.Case"),
    "cases:case_sessions_action": _actions("cases.Case", "from-log", "confirm", "lump-sum"),
    "cases:complaint_detail": _pk("cases.Complaint"),
    "cases:complaint_action": _with("cases.Complaint", "action", _complaint_steps),
    "cases:conflict_check": _pk("cases.LegalAidRequest"),
    "cases:notice_detail": _pk("cases.ProceduralNotice"),
    "cases:notice_action": _actions("cases.ProceduralNotice", "link", "answer"),
    "cases:notice_register": lambda: [({"year": 2026}, None)],
    "cases:payment_file": lambda: [({"fmt": "xlsx"}, None), ({"fmt": "pdf"}, None)],
    "cases:roster_detail": _pk("cases.DutyRoster"),
    "cases:roster_action": _actions("cases.DutyRoster", "add", "issue", "remove"),
    # the inter-agency council (issue 17.4)
    "cases:council_member_end": _pk("cases.CouncilMember"),
    "cases:council_meeting": _pk("cases.CouncilMeeting"),
    "cases:council_meeting_edit": _pk("cases.CouncilMeeting"),
    "cases:council_meeting_delete": _pk("cases.CouncilMeeting"),
    "cases:council_meeting_minutes": _pk("cases.CouncilMeeting"),
    "cases:council_report_prepare": lambda: [({"year": 2026, "round_": r}, None) for r in (1, 2)],
    "cases:council_report": _pk("cases.CouncilReport"),
    "cases:council_report_xlsx": _pk("cases.CouncilReport"),
    # online intake, reception's side (issue 12.8)
    "cases:online_detail": _pk("cases.OnlineSubmission"),
    "cases:online_record": _pk("cases.OnlineSubmission"),
    "cases:online_decline": _pk("cases.OnlineSubmission"),
    "password_reset_confirm": lambda: [({"uidb64": "MQ", "token": "sai-ma-xac-nhan"}, None)],
    # outreach (issue 15)
    "outreach:activity": _pk("outreach.Activity"),
    "outreach:activity_edit": _pk("outreach.Activity"),
    "outreach:activity_requests": _pk("outreach.Activity"),
    "outreach:attachment_add": _pk("outreach.Activity"),
    "outreach:attachment": _through("outreach.ActivityAttachment", "activity"),
    "outreach:recurring": _pk("outreach.RecurringTarget"),
    "outreach:material": _pk("outreach.Material"),
    "outreach:placement_create": _pk("outreach.Material"),
    "outreach:inspect": _through("outreach.Placement", "material"),
    "outreach:commune": _commune,
    "outreach:commune_edit": _commune,
    "outreach:contact_add": _commune,
    "outreach:contact_end": _pk("outreach.CommuneContact"),
    "notification_read": _notification,
    "ics_feed": _ics,
    # --- reports (issue 16): the demo's sent quarter and its current draft ---
    **{f"reports:{name}": _pk("reports.Report") for name in REPORT_PAGES},
    "reports:version": lambda: [
        ({"pk": r.pk, "number": 1}, r) for r in _each("reports.Report", version__gt=0)
    ],
    "reports:drill": lambda: [
        ({"pk": r.pk, "section": section}, r)
        for r in _each("reports.Report")
        for section in ("b24", "b25")
    ],
    "reports:document": _documents("reports", numbered=False),
    # export jobs (issue 18.3): only their owner has them
    "exports:detail": _pk("tgpl.ExportJob"),
    "exports:download": _pk("tgpl.ExportJob"),
}


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
