"""Cấp số later: a notice left as a draft by someone who may not issue numbers."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertNotContains

from cases import services
from cases.states import RefusalGround
from tgpl.documents.models import IssuedDocument
from tgpl.errors import BusinessRuleError

from .factories import accepted_case, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_refusal(officer):
    """Refused by a legal-aid officer: the notice stays "Số: /TB-TGPL"."""
    req = receive(officer, full_name="Từ Chối Nháp")
    services.refuse_request(
        actor=officer, request=req, ground=RefusalGround.DECEASED, notice_text="Đã mất."
    )
    return req


@pytest.fixture
def draft_discontinuation(staff, head, professional_office):
    case = accepted_case(staff, professional_office)
    services.discontinue_case(actor=head, case=case, ground="a", notice_text="Không tiếp tục.")
    IssuedDocument.objects.filter(object_id=case.pk, kind="TB").delete()  # a draft of old
    return case


def test_a_refusal_by_an_officer_is_left_without_a_number(draft_refusal):
    assert not IssuedDocument.objects.filter(object_id=draft_refusal.pk).exists()


def test_staff_numbers_a_draft_refusal_once(draft_refusal, staff):
    issued = services.number_refusal_later(actor=staff, request=draft_refusal)
    assert issued.kind == "TB"
    assert issued.object_id == draft_refusal.pk
    assert draft_refusal.history.first().history_change_reason.startswith("Cấp số")
    with pytest.raises(BusinessRuleError, match=f"Văn bản này đã có số {issued.number_text}"):
        services.number_refusal_later(actor=staff, request=draft_refusal)
    assert IssuedDocument.objects.count() == 1


def test_an_officer_may_not_number_the_notice(draft_refusal, officer):
    with pytest.raises(BusinessRuleError, match="không có quyền cấp số"):
        services.number_refusal_later(actor=officer, request=draft_refusal)


def test_only_a_refused_request_has_a_notice_to_number(staff):
    with pytest.raises(BusinessRuleError, match="không có thông báo từ chối"):
        services.number_refusal_later(actor=staff, request=receive(staff))


def test_a_draft_discontinuation_notice_is_numbered(draft_discontinuation, director):
    issued = services.number_discontinuation_later(actor=director, case=draft_discontinuation)
    assert issued.object_id == draft_discontinuation.pk
    with pytest.raises(BusinessRuleError, match="đã có số"):
        services.number_discontinuation_later(actor=director, case=draft_discontinuation)


def url(kind, pk):
    return reverse("cases:number_document", args=[kind, pk])


def test_the_request_page_offers_cap_so_to_those_who_may_issue(
    login, draft_refusal, staff, director
):
    target = url("refusal", draft_refusal.pk)
    page = reverse("cases:request_detail", args=[draft_refusal.pk])
    assert target in login(staff).get(page).content.decode()
    services.number_refusal_later(actor=director, request=draft_refusal)
    assertNotContains(login(staff).get(page), target, status_code=200)


def test_the_case_page_offers_cap_so_for_a_draft_discontinuation(
    login, draft_discontinuation, head
):
    page = login(head).get(reverse("cases:case_detail", args=[draft_discontinuation.pk]))
    assert url("discontinuation", draft_discontinuation.pk) in page.content.decode()


def test_staff_numbers_the_draft_from_the_page(login, draft_refusal, staff):
    response = login(staff).post(url("refusal", draft_refusal.pk))
    assert response.status_code == 302
    assert response.url == reverse("cases:request_detail", args=[draft_refusal.pk])
    assert IssuedDocument.objects.filter(object_id=draft_refusal.pk, kind="TB").count() == 1
    page = login(staff).get(response.url).content.decode()
    assert "Đã cấp số" in page


def test_numbering_twice_from_the_page_is_told_it_has_a_number(login, draft_refusal, staff):
    client = login(staff)
    client.post(url("refusal", draft_refusal.pk))
    response = client.post(url("refusal", draft_refusal.pk), follow=True)
    assert "Văn bản này đã có số" in response.content.decode()
    assert IssuedDocument.objects.count() == 1


def test_an_officer_is_refused_and_nothing_is_numbered(login, draft_refusal, officer):
    response = login(officer).post(url("refusal", draft_refusal.pk))
    assert response.status_code == 403
    assert not IssuedDocument.objects.exists()


def test_anonymous_goes_to_login(client, draft_refusal):
    response = client.post(url("refusal", draft_refusal.pk))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_get_is_refused(login, draft_refusal, staff):
    assert login(staff).get(url("refusal", draft_refusal.pk)).status_code == 405
    assert not IssuedDocument.objects.exists()


def test_an_assignment_decision_is_not_numbered_here(login, staff):
    assert login(staff).post(url("assignment", 1)).status_code == 404
