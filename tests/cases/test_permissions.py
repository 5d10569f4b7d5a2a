"""Permission matrix: every persona × every page and action.

Expected: 200 page shown, 302 done (or redirected), 400 allowed but the (empty) form
was refused, 403 visible but not allowed, 404 not visible, "login" anonymous.

Every URL of cases/ has an explicit expectation for the Sở reviewer (never left to
`rest`): test_every_cases_url_has_an_explicit_reviewer_expectation fails otherwise.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import RequestAttachment
from cases.states import DiscontinueGround, Form, RefusalGround
from tests.cases.factories import propose_checked

from .factories import accepted_case, in_progress_case, receive

pytestmark = pytest.mark.django_db

PERSONAS = [
    "director", "head", "admin_head", "officer", "lawyer", "collaborator", "staff",
    "administrator", "reviewer", "other_centre_staff", "other_province_reviewer",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world(staff, head, admin_head, officer, director, professional_office, performers, request):
    for persona in PERSONAS:
        request.getfixturevalue(persona)
    req = receive(staff)
    case = in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    waiting = accepted_case(staff, professional_office, full_name="Chờ Duyệt")
    proposal = propose_checked(actor=staff, case=waiting, performer=officer)
    refused = receive(staff, full_name="Từ Chối")
    services.refuse_request(
        actor=staff, request=refused, ground=RefusalGround.DECEASED, notice_text="Đã mất."
    )
    draft = receive(officer, full_name="Từ Chối Nháp")  # refused by an officer: no number
    services.refuse_request(
        actor=officer, request=draft, ground=RefusalGround.DECEASED, notice_text="Đã mất."
    )
    decision = case.assignments.get()
    change = services.request_performer_change(actor=staff, case=case, reason="Đổi người")
    entry = services.add_log_entry(
        actor=officer, case=case, on=timezone.localdate(), stage="advice", note="Gặp",
        attachment=ContentFile(b"%PDF-1.4", name="bien-ban.pdf"),
    )  # fmt: skip
    stopped = accepted_case(staff, professional_office, full_name="Dừng Thực Hiện")
    services.discontinue_case(
        actor=head, case=stopped, ground=DiscontinueGround.WITHDRAWN, notice_text="Rút."
    )
    attachment = RequestAttachment.objects.create(
        request=req, title="don.pdf", file=ContentFile(b"%PDF-1.4", name="don.pdf"),
        uploaded_by=staff,
    )  # fmt: skip
    return {
        "req": req.pk, "case": case.pk, "proposal": proposal.pk, "refused": refused.pk,
        "decision": decision.pk, "attachment": attachment.pk, "draft": draft.pk,
        "change": change.pk, "log_entry": entry.pk, "stopped": stopped.pk,
        "online": _online_submission(staff.centre).pk,
    }  # fmt: skip


def _online_submission(centre):
    from cases.services.online import submit_online

    fields = {"full_name": "Gửi Trực Tuyến", "phone": "0912000111", "address": "Thôn Nà",
              "summary": "Cần tư vấn."}  # fmt: skip
    return submit_online(centre=centre, fields=fields)


class Row(dict):
    """Expected status per persona, remembering which personas were named explicitly."""

    explicit: frozenset = frozenset()


def row(**statuses):
    """Expected status per persona; unspecified personas get `rest`."""
    rest = statuses.pop("rest")
    expected = Row({p: statuses.get(p, rest) for p in PERSONAS})
    expected.explicit = frozenset(statuses)
    return expected


RECEIVERS_OK = {"director": 200, "head": 200, "admin_head": 200, "officer": 200, "staff": 200,
                "other_centre_staff": 200}  # fmt: skip
CENTRE_MEMBERS_OK = {p: 200 for p in PERSONAS if "reviewer" not in p}
IMPORTERS_OK = {"director": 200, "staff": 200, "other_centre_staff": 200}
ONLINE_OK = {**RECEIVERS_OK, "other_centre_staff": 404}
QUOTA_OK = {"director": 200, "head": 200, "admin_head": 200, "officer": 200, "lawyer": 200,
            "collaborator": 200}  # fmt: skip

PAGES = {
    # lists by code, state, form, field and dates: the reviewer too (without the people)
    ("cases:index", None): row(reviewer=200, rest=200),
    ("cases:request_list", None): row(reviewer=200, rest=200),
    ("cases:case_list", None): row(reviewer=200, rest=200),
    # the registers are a row per person: never the reviewer, who has the counts instead
    ("cases:request_export", None): row(**CENTRE_MEMBERS_OK, reviewer=403, rest=403),
    ("cases:case_export", None): row(**CENTRE_MEMBERS_OK, reviewer=403, rest=403),
    ("cases:statistics", None): row(reviewer=200, rest=200),
    ("cases:statistics_export", None): row(reviewer=200, rest=200),
    ("cases:request_create", None): row(**RECEIVERS_OK, reviewer=403, rest=403),
    # bulk imports of the old registers: reception staff and the leaders (issue 12.7)
    ("cases:request_import", None): row(**IMPORTERS_OK, reviewer=403, rest=403),
    ("cases:case_import", None): row(**IMPORTERS_OK, reviewer=403, rest=403),
    ("cases:eligibility_check", None): row(**RECEIVERS_OK, reviewer=403, rest=403),
    ("cases:inbox", None): row(director=200, head=200, admin_head=200, reviewer=403, rest=403),
    # colleagues' quota ratings: leaders and heads; a performer sees their own row
    ("cases:performer_list", None): row(**QUOTA_OK, reviewer=403, rest=403),
    ("cases:request_detail", "req"): row(director=200, staff=200, reviewer=200, rest=404),
    ("cases:request_edit", "req"): row(director=200, staff=200, reviewer=403, rest=404),
    ("cases:case_detail", "case"): row(
        director=200, head=200, officer=200, staff=200, reviewer=200, rest=404
    ),
    # documents with personal data: the people who see the object, never a reviewer
    ("cases:document", "refused", "refusal", "pdf"): row(
        director=200, staff=200, reviewer=403, rest=404),
    ("cases:document", "decision", "assignment", "docx"): row(
        director=200, head=200, officer=200, staff=200, reviewer=403, rest=404),
    ("cases:document", "stopped", "discontinuation", "pdf"): row(
        director=200, head=200, staff=200, reviewer=403, rest=404),
    ("cases:request_attachment", "req", "attachment"): row(
        director=200, staff=200, reviewer=403, rest=404),
    ("cases:case_log_attachment", "case", "log_entry"): row(
        director=200, head=200, officer=200, staff=200, reviewer=403, rest=404),
    ("cases:assignment_detail", "decision"): row(
        director=302, head=302, officer=302, staff=302, reviewer=302, rest=404),
    # what people sent online (issue 12.8): reception of that centre only
    ("cases:online_queue", None): row(**RECEIVERS_OK, reviewer=403, rest=403),
    ("cases:online_detail", "online"): row(**ONLINE_OK, reviewer=403, rest=403),
    ("cases:online_record", "online"): row(**ONLINE_OK, reviewer=403, rest=403),
}  # fmt: skip

RECEPTION_ONLY = row(director=400, staff=400, reviewer=403, rest=404)

ACTIONS = {
    # POST with an empty form: 400 means the permission check passed and nothing changed.
    ("cases:request_action", "req", "accept"): RECEPTION_ONLY,
    ("cases:request_action", "req", "refuse"): RECEPTION_ONLY,
    ("cases:request_action", "req", "transfer"): RECEPTION_ONLY,
    ("cases:request_action", "req", "missing-proof"): RECEPTION_ONLY,
    ("cases:request_action", "req", "proof"): RECEPTION_ONLY,
    ("cases:case_action", "case", "start"): row(
        officer=400, director=403, head=403, staff=403, reviewer=403, rest=404),
    ("cases:case_action", "case", "extend"): row(
        officer=400, director=400, head=400, staff=403, reviewer=403, rest=404),
    ("cases:case_action", "case", "propose"): row(
        director=400, head=400, officer=400, staff=400, reviewer=403, rest=404),
    ("cases:case_action", "case", "log"): row(
        officer=400, director=403, head=403, staff=403, reviewer=403, rest=404),
    ("cases:case_action", "case", "close"): row(
        officer=400, director=403, head=403, staff=403, reviewer=403, rest=404),
    ("cases:case_action", "case", "file"): row(
        officer=302, director=302, head=302, staff=403, reviewer=403, rest=404),
    ("cases:case_action", "case", "discontinue"): row(
        director=400, head=400, officer=403, staff=403, reviewer=403, rest=404),
    ("cases:case_action", "case", "change"): row(
        director=400, officer=400, head=400, staff=400, reviewer=403, rest=404),
    ("cases:decide_assignment", "proposal", "approve"): row(
        head=302, director=403, staff=403, reviewer=403, rest=404),
    ("cases:decide_assignment", "proposal", "return"): row(
        head=302, director=403, staff=403, reviewer=403, rest=404),
    ("cases:change_answer", "change", None): row(
        director=302, head=302, officer=403, staff=403, reviewer=403, rest=404),
    # Cấp số of a draft refusal: those who see the request and may issue documents
    ("cases:number_document", "draft", "refusal"): row(
        director=302, staff=302, officer=403, reviewer=403, rest=404),
    ("cases:number_document", "stopped", "discontinuation"): row(
        director=302, head=302, staff=302, reviewer=403, rest=404),
    ("cases:online_decline", "online", None): row(
        **{p: 400 for p in ONLINE_OK if ONLINE_OK[p] == 200}, other_centre_staff=404,
        reviewer=403, rest=403),
}  # fmt: skip


def _url(name, key, extra, world, *more):
    if name in ("cases:document", "cases:number_document"):  # (source, pk[, format])
        return reverse(name, args=[extra, world[key], *more])
    if name in ("cases:request_attachment", "cases:case_log_attachment"):  # (parent, file)
        return reverse(name, args=[world[key], world[extra]])
    args = [world[key]] if key else []
    if extra:
        args.append(extra)
    return reverse(name, args=args)


@pytest.mark.parametrize(
    ("page", "persona", "expected"),
    [(page, p, status) for page, statuses in PAGES.items() for p, status in statuses.items()],
)
def test_page_access(page, persona, expected, world, login, request):
    client = login(request.getfixturevalue(persona))
    response = client.get(_url(*page[:2], page[2] if len(page) > 2 else None, world, *page[3:]))
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("action", "persona", "expected"),
    [(a, p, status) for a, statuses in ACTIONS.items() for p, status in statuses.items()],
)
def test_action_access(action, persona, expected, world, login, request):
    name, key, extra = action
    client = login(request.getfixturevalue(persona))
    response = client.post(_url(name, key, extra, world), {})
    assert response.status_code == expected


@pytest.mark.parametrize("page", list(PAGES))
def test_anonymous_goes_to_login(page, world, client):
    response = client.get(_url(*page[:2], page[2] if len(page) > 2 else None, world, *page[3:]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("action", list(ACTIONS))
def test_get_on_a_change_is_refused(action, world, login, director):
    name, key, extra = action
    response = login(director).get(_url(name, key, extra, world))
    assert response.status_code == 405


def test_a_refused_action_changes_nothing(world, login, lawyer):
    from cases.models import LegalAidRequest

    login(lawyer).post(reverse("cases:request_action", args=[world["req"], "refuse"]),
                       {"ground": "b", "notice_text": "x"})  # fmt: skip
    assert LegalAidRequest.objects.get(pk=world["req"]).status == "received"


# --- every URL of cases/ has the reviewer's expectation -----------------------------------

SLUGGED = {"cases:request_action", "cases:case_action", "cases:decide_assignment",
           "cases:document", "cases:number_document"}  # fmt: skip


def _signature(key) -> tuple:
    """(URL name,) or, for a URL with a slug (action, decision, kind), (name, slug)."""
    return (key[0], key[2]) if key[0] in SLUGGED else (key[0],)


def _every_cases_url() -> set[tuple]:
    from cases import urls
    from cases.views.cases import CASE_ACTIONS
    from cases.views.requests import REQUEST_ACTIONS
    from tgpl.documents import registry

    kinds = [k for k in registry.sources().values() if k.app_label == "cases"]
    slugs = {
        "request_action": list(REQUEST_ACTIONS),
        "case_action": list(CASE_ACTIONS),
        "decide_assignment": ["approve", "return"],
        "document": [k.name for k in kinds],
        "number_document": [k.name for k in kinds if k.numbered_later],
    }
    wanted = set()
    for pattern in urls.urlpatterns:
        name = f"cases:{pattern.name}"
        if pattern.name in slugs:
            wanted |= {(name, slug) for slug in slugs[pattern.name]}
        else:
            wanted.add((name,))
    return wanted


def test_every_cases_url_has_an_explicit_reviewer_expectation():
    """A page, export, document or attachment added to cases/ without saying what the
    Sở reviewer gets fails here (`rest` does not count)."""
    from .test_permissions_appraisal import ACTIONS as APPRAISAL_ACTIONS
    from .test_permissions_appraisal import PAGES as APPRAISAL_PAGES

    matrices = PAGES | ACTIONS | APPRAISAL_PAGES | APPRAISAL_ACTIONS  # issue 14
    covered = {
        _signature(key) for key, statuses in matrices.items() if "reviewer" in statuses.explicit
    }
    from .test_council import REVIEWER as COUNCIL_REVIEWER  # issue 17.4, its own matrix
    from .test_permissions_proceedings import REVIEWER  # issue 17's URLs, in their own matrix

    covered |= set(REVIEWER) | set(COUNCIL_REVIEWER)
    wanted = _every_cases_url()
    assert len(wanted) > 30
    assert sorted(wanted - covered) == []
