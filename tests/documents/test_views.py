"""Downloads from the plan page, issuing a plan's number, and the register page."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as read_docx
from pypdf import PdfReader
from pytest_django.asserts import assertNotContains

from plans.models import Plan
from tests.plans.factories import PlanFactory, PlanItemFactory
from tgpl.documents.models import IssuedDocument
from tgpl.documents.services import issue_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(centre):
    plan = PlanFactory(
        centre=centre,
        number=19,
        year=2021,
        date=datetime.date(2021, 1, 20),
        place="Lạng Sơn",
        title="Triển khai công tác trợ giúp pháp lý năm 2021",
        signer_name="Hoàng Thị Bích",
        signer_title="Giám đốc",
        recipients="Sở Tư pháp;\nLưu: VT, HC-TH.",
        status=Plan.Status.APPROVED,
    )
    PlanItemFactory(plan=plan, path="I", number="I", level=0, title="NỘI DUNG", kind="heading")
    return plan


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def test_plan_page_offers_pdf_and_word(login, director, plan):
    html = login(director).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert reverse("plans:document_pdf", args=[plan.pk]) in html
    assert reverse("plans:document_docx", args=[plan.pk]) in html
    assert "Tải PDF" in html
    assert "Tải Word" in html


def test_pdf_download_is_the_plan_document(login, staff, plan):
    response = login(staff).get(reverse("plans:document_pdf", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="KH-19-KH-TGPL-2021.pdf"' in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(content(response))).pages[0].extract_text()
    assert "19/KH-TGPL" in text


def test_word_download_is_the_plan_document(login, staff, plan):
    response = login(staff).get(reverse("plans:document_docx", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    doc = read_docx(io.BytesIO(content(response)))
    assert doc.tables[0].rows[1].cells[0].text == "Số: 19/KH-TGPL"


def test_reviewer_of_the_same_province_may_download(login, reviewer, plan):
    response = login(reviewer).get(reverse("plans:document_pdf", args=[plan.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["plans:document_pdf", "plans:document_docx"])
def test_staff_of_another_centre_gets_404(login, other_centre_staff, plan, name):
    response = login(other_centre_staff).get(reverse(name, args=[plan.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["plans:document_pdf", "plans:document_docx", "plans:issue"])
def test_anonymous_goes_to_login(client, plan, name):
    response = client.get(reverse(name, args=[plan.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- issuing ----------------------------------------------------------------------------


@pytest.fixture
def unnumbered(plan):
    plan.number = None
    plan.save()
    return plan


def test_staff_issues_the_plans_number(login, staff, unnumbered):
    client = login(staff)
    page = client.get(reverse("plans:detail", args=[unnumbered.pk])).content.decode()
    assert reverse("plans:issue", args=[unnumbered.pk]) in page
    response = client.post(reverse("plans:issue", args=[unnumbered.pk]), follow=True)
    unnumbered.refresh_from_db()
    assert unnumbered.number_text == "01/KH-TGPL"
    assert "Đã cấp số 01/KH-TGPL" in response.content.decode()


def test_issuing_twice_shows_the_rule_not_an_error_page(login, staff, plan):
    response = login(staff).post(reverse("plans:issue", args=[plan.pk]), follow=True)
    assert response.status_code == 200
    assert "Kế hoạch đã có số 19/KH-TGPL" in response.content.decode()


def test_a_performer_may_not_issue(login, lawyer, unnumbered):
    client = login(lawyer)
    page = client.get(reverse("plans:detail", args=[unnumbered.pk]))
    assertNotContains(page, reverse("plans:issue", args=[unnumbered.pk]), status_code=200)
    assert client.post(reverse("plans:issue", args=[unnumbered.pk])).status_code == 403
    assert not IssuedDocument.objects.exists()


def test_get_on_issue_is_refused(login, staff, unnumbered):
    assert login(staff).get(reverse("plans:issue", args=[unnumbered.pk])).status_code == 405


# --- the register page ------------------------------------------------------------------

REGISTER = reverse("documents:register")


def fill(centre, actor, count, kind="QĐ", on=datetime.date(2026, 3, 2), obj=None):
    for _ in range(count):
        issue_document(centre=centre, kind=kind, subject="Về việc cử", actor=actor, on=on, obj=obj)


def test_register_lists_the_centres_numbers_with_links(login, director, plan):
    fill(plan.centre, director, 2, kind="KH", obj=plan)
    html = login(director).get(REGISTER).content.decode()
    assert "Sổ đăng ký văn bản đi" in html
    assert "01/KH-TGPL" in html
    assert "02/KH-TGPL" in html
    assert reverse("plans:detail", args=[plan.pk]) in html


def test_register_filters_by_type_and_year(login, director, centre):
    fill(centre, director, 1, kind="QĐ")
    fill(centre, director, 1, kind="TB")
    fill(centre, director, 3, kind="TB", on=datetime.date(2025, 6, 1))
    client = login(director)
    html = client.get(REGISTER, {"kind": "TB", "year": "2026"}).content.decode()
    assert "01/TB-TGPL" in html
    assert "QĐ-TGPL" not in html
    assert "03/TB-TGPL" not in html
    assert "03/TB-TGPL" in client.get(REGISTER, {"year": "2025"}).content.decode()


def test_register_shows_only_the_users_centre(login, director, other_centre_staff, centre):
    fill(centre, director, 1)
    assertNotContains(login(other_centre_staff).get(REGISTER), "01/QĐ-TGPL", status_code=200)


def test_reviewer_may_not_see_the_register(login, reviewer):
    assert login(reviewer).get(REGISTER).status_code == 403


def test_register_needs_login(client):
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# session, user, roles; count, rows (with centre, issuer and content type), years;
# the plans of the page the viewer may open (one query per kind of object linked);
# the page shell's centre and Sở; no session write within a minute of the last.
REGISTER_QUERIES = 8


def test_register_query_count_does_not_grow_with_rows(
    login, director, plan, django_assert_num_queries
):
    client = login(director)
    link = reverse("plans:detail", args=[plan.pk])
    for rows in (3, 40):
        IssuedDocument.objects.all().delete()
        fill(plan.centre, director, rows, kind="KH", obj=plan)
        with django_assert_num_queries(REGISTER_QUERIES):
            response = client.get(REGISTER)
        assert response.content.decode().count(link) == rows
