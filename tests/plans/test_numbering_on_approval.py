"""Plan numbering on approval: "Phê duyệt và cấp số" takes the register's next number in
the approval's transaction; "Phê duyệt" leaves it "Dự thảo" until Cấp số."""

import datetime
import io
from unittest import mock

import pytest
from django.urls import reverse
from docx import Document as read_docx
from pypdf import PdfReader
from pytest_django.asserts import assertContains, assertNotContains

from plans import services
from plans.models import Plan
from plans.services.issuing import issue_plan
from tests.plans.factories import PlanFactory, PlanItemFactory, lead
from tgpl.documents.models import DocumentCounter, IssuedDocument
from tgpl.errors import BusinessRuleError

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 18)  # the frozen clock (tests/clock.py)


@pytest.fixture
def draft(centre, staff, admin_office):
    plan = PlanFactory(
        centre=centre,
        created_by=staff,
        number=None,
        year=2027,
        title="Kế hoạch công tác trợ giúp pháp lý năm 2027",
    )
    lead(PlanItemFactory(plan=plan, path="II.1", timeframe_text="Cả năm 2027"), admin_office)
    services.submit_plan(plan=plan, actor=staff)
    return plan


def content(response) -> bytes:
    return b"".join(response.streaming_content)


# --- the service -------------------------------------------------------------------------


def test_approving_takes_the_next_number_of_the_register(draft, director):
    services.approve_plan(plan=draft, actor=director)
    draft.refresh_from_db()
    assert (draft.status, draft.number, draft.number_text) == (
        Plan.Status.APPROVED, 1, "01/KH-TGPL",
    )  # fmt: skip
    assert draft.date == TODAY
    issued = IssuedDocument.objects.get()
    assert (issued.kind, issued.serial, issued.obj) == ("KH", 1, draft)
    assert draft.history.first().history_change_reason == "Phê duyệt và cấp số 01/KH-TGPL"


def test_numbers_follow_the_register_and_plans_entered_with_their_number(
    centre, draft, director, staff
):
    PlanFactory(centre=centre, number=18, year=2026, date=datetime.date(2026, 1, 5))
    services.approve_plan(plan=draft, actor=director)
    draft.refresh_from_db()
    assert draft.number_text == "19/KH-TGPL"


def test_the_number_is_taken_once(draft, director):
    services.approve_plan(plan=draft, actor=director)
    with pytest.raises(BusinessRuleError):
        services.approve_plan(plan=draft, actor=director)
    with pytest.raises(BusinessRuleError, match="đã có số 01/KH-TGPL"):
        issue_plan(plan=draft, actor=director)
    assert IssuedDocument.objects.count() == 1
    assert DocumentCounter.objects.get().last_serial == 1


def test_a_failed_approval_uses_no_number(draft, director):
    outbox_down = mock.patch("plans.services.lifecycle.emit", side_effect=RuntimeError("down"))
    with outbox_down, pytest.raises(RuntimeError):
        services.approve_plan(plan=draft, actor=director)
    draft.refresh_from_db()
    assert (draft.status, draft.number, draft.date) == (Plan.Status.DRAFT, None, None)
    assert not IssuedDocument.objects.exists()
    assert not DocumentCounter.objects.filter(last_serial__gt=0).exists()
    services.approve_plan(plan=draft, actor=director)
    draft.refresh_from_db()
    assert draft.number_text == "01/KH-TGPL"  # the number was not used up


def test_approving_to_number_later_leaves_a_draft_number(draft, director, staff):
    services.approve_plan(plan=draft, actor=director, number=False)
    draft.refresh_from_db()
    assert draft.status == Plan.Status.APPROVED
    assert (draft.number, draft.number_text) == (None, "Dự thảo")
    assert not IssuedDocument.objects.exists()
    issued = issue_plan(plan=draft, actor=staff)
    draft.refresh_from_db()
    assert draft.number_text == issued.number_text == "01/KH-TGPL"


def test_a_plan_entered_with_its_number_keeps_it(centre, staff, director, admin_office):
    plan = PlanFactory(centre=centre, created_by=staff, number=7, year=2026)
    lead(PlanItemFactory(plan=plan), admin_office)
    services.approve_plan(plan=plan, actor=director)
    plan.refresh_from_db()
    assert plan.number_text == "07/KH-TGPL"
    assert not IssuedDocument.objects.exists()


# --- "Dự thảo" wherever an unnumbered plan is shown ---------------------------------------


def test_an_unnumbered_plan_reads_du_thao_never_a_bare_symbol(login, director, draft):
    client = login(director)
    pages = [
        reverse("plans:index"),
        reverse("plans:detail", args=[draft.pk]),
        reverse("plans:item", args=[draft.items.get().pk]),
        reverse("plans:history", args=[draft.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assertContains(response, "Dự thảo")
        assertNotContains(response, "/KH-TGPL")


def test_the_draft_document_is_marked_and_named_du_thao(login, staff, draft):
    client = login(staff)
    response = client.get(reverse("plans:document_pdf", args=[draft.pk]))
    assert 'filename="KH-du-thao-2027.pdf"' in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(content(response))).pages[0].extract_text()
    assert "DỰ THẢO" in text
    assert "Số: Dự thảo" in text
    assert "/KH-TGPL" not in text
    word = client.get(reverse("plans:document_docx", args=[draft.pk]))
    assert 'filename="KH-du-thao-2027.docx"' in word["Content-Disposition"]
    docx = read_docx(io.BytesIO(content(word)))
    assert docx.paragraphs[0].text == "DỰ THẢO"
    assert "/KH-TGPL" not in "\n".join(c.text for r in docx.tables[0].rows for c in r.cells)


def test_the_numbered_plans_files_are_named_by_its_number(login, director, draft):
    client = login(director)
    client.post(reverse("plans:approve", args=[draft.pk]), {"number": "now"})
    response = client.get(reverse("plans:document_pdf", args=[draft.pk]))
    assert 'filename="KH-01-KH-TGPL-2026.pdf"' in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(content(response))).pages[0].extract_text()
    assert "Số: 01/KH-TGPL" in text
    assert "DỰ THẢO" not in text
    word = client.get(reverse("plans:document_docx", args=[draft.pk]))
    assert 'filename="KH-01-KH-TGPL-2026.docx"' in word["Content-Disposition"]
    docx = read_docx(io.BytesIO(content(word)))
    assert docx.tables[0].rows[1].cells[0].text == "Số: 01/KH-TGPL"


# --- the page ----------------------------------------------------------------------------


def test_the_director_is_offered_both_ways_to_approve(login, director, draft):
    page = login(director).get(reverse("plans:detail", args=[draft.pk]))
    assertContains(page, "Phê duyệt và cấp số")
    assertContains(page, 'name="number" value="later"')


def test_approve_and_number_from_the_page(login, director, draft):
    response = login(director).post(
        reverse("plans:approve", args=[draft.pk]), {"number": "now"}, follow=True
    )
    assertContains(response, "Đã phê duyệt và cấp số 01/KH-TGPL cho kế hoạch.")
    assertContains(response, "Số 01/KH-TGPL")


def test_approve_to_number_later_from_the_page(login, director, draft, staff):
    response = login(director).post(
        reverse("plans:approve", args=[draft.pk]), {"number": "later"}, follow=True
    )
    assertContains(response, "kế hoạch còn là dự thảo cho đến khi được cấp số")
    assert not IssuedDocument.objects.exists()
    page = login(staff).get(reverse("plans:detail", args=[draft.pk]))
    assertContains(page, reverse("plans:issue", args=[draft.pk]))


def test_staff_may_not_approve_and_nothing_is_numbered(login, staff, draft):
    response = login(staff).post(reverse("plans:approve", args=[draft.pk]), follow=True)
    assertContains(response, "Chỉ Giám đốc Trung tâm phê duyệt kế hoạch.")
    assert not IssuedDocument.objects.exists()


def test_another_centre_gets_404_on_approve(login, other_centre_staff, draft):
    response = login(other_centre_staff).post(reverse("plans:approve", args=[draft.pk]))
    assert response.status_code == 404


def test_anonymous_approve_goes_to_login(client, draft):
    response = client.post(reverse("plans:approve", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_get_on_approve_is_refused(login, director, draft):
    assert login(director).get(reverse("plans:approve", args=[draft.pk])).status_code == 405
    assert not IssuedDocument.objects.exists()
