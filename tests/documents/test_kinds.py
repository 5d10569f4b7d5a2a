"""The declaration of a document kind (tgpl/documents/kinds.py) and its registry."""

import dataclasses

import pytest
from django.urls import reverse

from cases.documents import APPOINTMENT, DISCONTINUATION, REFUSAL
from cases.models import Case
from plans.documents import PLAN
from plans.models import Plan
from tests.plans.factories import PlanFactory
from tgpl.documents import Document, registry
from tgpl.documents.kinds import DocumentKind


def kind(**fields) -> DocumentKind:
    base = {
        "name": "example",
        "label": "văn bản thử",
        "model": Plan,
        "number_kind": "TB",
        "visible_to": lambda user: Plan.objects.visible_to(user),
        "build": lambda obj: None,
        "subject": lambda obj: "Về việc thử",
    }
    return DocumentKind(**(base | fields))


def test_a_kind_is_numbered_under_a_register_type_code():
    with pytest.raises(ValueError, match="unknown register type code 'CV'"):
        kind(number_kind="CV")


def test_a_kind_listed_on_a_page_says_which_page_it_returns_to():
    with pytest.raises(ValueError, match="needs the page"):
        kind(listed_on=Case)


def test_a_name_is_never_shared_by_two_models(declare):
    declare(kind(name="refusal_copy"))
    with pytest.raises(ValueError, match="already declared"):
        registry.register(kind(name="refusal_copy", model=Case))


def test_a_builder_that_builds_another_type_is_refused():
    doc = Document(
        kind="QĐ",
        subject="x",
        parent_body="Sở",
        issuer="Trung tâm",
        number_text="",
        place="",
        date=None,
    )
    with pytest.raises(ValueError, match="builds a QĐ, declared TB"):
        kind(build=lambda obj: doc).document(object())


def test_the_apps_declare_their_kinds_with_their_register_type_codes():
    kinds = registry.sources()
    assert {"assignment", "refusal", "discontinuation", "plan"} <= set(kinds)
    assert [
        (k.number_kind, k.app_label) for k in (APPOINTMENT, REFUSAL, DISCONTINUATION, PLAN)
    ] == [
        ("QĐ", "cases"),
        ("TB", "cases"),
        ("TB", "cases"),
        ("KH", "plans"),
    ]
    assert registry.listed_on(Case) == [APPOINTMENT, DISCONTINUATION]  # in declared order


def test_only_drafts_the_vanthu_numbers_are_numbered_later():
    assert [k.name for k in registry.sources().values() if k.numbered_later] == [
        "council_report",  # issue 17.4: numbered when signed, its figures kept then
        "discontinuation",
        "notice_reply",  # issue 17
        "refusal",
        "roster",  # issue 17
    ]


def test_what_a_numbering_keeps_is_declared_on_a_kind_numbered_later():
    """on_numbered runs where a draft gets its number (Cấp số): a kind numbered at once
    would never run it, so it is refused at declaration."""
    assert [k.name for k in registry.sources().values() if k.on_numbered] == ["council_report"]
    with pytest.raises(ValueError, match="on_numbered"):
        dataclasses.replace(REFUSAL, name="x", numbered_later=False, on_numbered=lambda obj: None)


def test_declarations_are_values():
    with pytest.raises(dataclasses.FrozenInstanceError):
        REFUSAL.number_kind = "QĐ"


@pytest.mark.django_db
def test_a_case_url_never_serves_another_apps_kind(login, director, centre):
    plan = PlanFactory(centre=centre)
    client = login(director)
    assert client.get(reverse("plans:document_pdf", args=[plan.pk])).status_code == 200
    assert client.get(reverse("cases:document", args=["plan", plan.pk, "pdf"])).status_code == 404


@pytest.mark.django_db
def test_an_undeclared_kind_is_404(login, director):
    assert (
        login(director).get(reverse("cases:document", args=["memo", 1, "pdf"])).status_code == 404
    )
    number = reverse("cases:number_document", args=["assignment", 1])
    assert login(director).post(number).status_code == 404  # a decision is numbered on approval
