"""Intake attachments: several files checked for type and size, served through an access check."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertNotContains

from cases.models import LegalAidRequest, RequestAttachment
from cases.rules import uploads

from .test_views import intake_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"x" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 100


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "size", "head", "expected"),
    [
        ("don.pdf", 1000, PDF, None),
        ("CCCD.JPG", 1000, b"\xff\xd8\xff\xe0", None),
        ("anh.png", 1000, PNG, None),
        ("giay.docx", 1000, b"PK\x03\x04", None),
        ("chuong-trinh.exe", 1000, b"MZ", "chỉ nhận tệp PDF, JPG, PNG, DOCX"),
        ("don.doc", 1000, b"\xd0\xcf", "chỉ nhận tệp PDF, JPG, PNG, DOCX"),
        ("lon.pdf", uploads.MAX_BYTES + 1, PDF, "vượt quá 10 MB"),
        ("vua.pdf", uploads.MAX_BYTES, PDF, None),
        ("gia.pdf", 1000, b"MZ\x90\x00", "không đúng định dạng PDF"),
        ("rong.pdf", 0, b"", "rỗng"),
    ],
)
def test_upload_rules(name, size, head, expected):
    problem = uploads.upload_problem(name, size, head)
    if expected is None:
        assert problem is None
    else:
        assert expected in problem


def test_intake_keeps_several_attachments(login, staff):
    client = login(staff)
    files = [upload("Đơn đề nghị.pdf", PDF), upload("cccd.png", PNG)]
    response = client.post(reverse("cases:request_create"), {**intake_data(), "attachments": files})
    assert response.status_code == 302
    req = LegalAidRequest.objects.get()
    titles = sorted(a.title for a in req.attachments.all())
    assert titles == ["cccd.png", "Đơn đề nghị.pdf"]
    stored = req.attachments.get(title="cccd.png").file.name
    assert "cccd" not in stored  # stored under a random name
    assert stored.endswith(".png")


def test_intake_refuses_a_wrong_file_and_saves_nothing(login, staff):
    files = [upload("don.pdf", PDF), upload("virus.exe", b"MZ" + b"x" * 10)]
    response = login(staff).post(
        reverse("cases:request_create"), {**intake_data(), "attachments": files}
    )
    assert response.status_code == 400
    assert "chỉ nhận tệp PDF, JPG, PNG, DOCX" in response.content.decode()
    assert not LegalAidRequest.objects.exists()
    assert not RequestAttachment.objects.exists()


def test_intake_refuses_a_pdf_that_is_not_one(login, staff):
    files = [upload("don.pdf", b"not a pdf at all")]
    response = login(staff).post(
        reverse("cases:request_create"), {**intake_data(), "attachments": files}
    )
    assert response.status_code == 400
    assert "không đúng định dạng PDF" in response.content.decode()


def test_intake_without_attachments_still_works(login, staff):
    response = login(staff).post(reverse("cases:request_create"), intake_data())
    assert response.status_code == 302


def test_edit_form_has_no_attachment_field(login, staff):
    login(staff).post(reverse("cases:request_create"), intake_data())
    req = LegalAidRequest.objects.get()
    response = login(staff).get(reverse("cases:request_edit", args=[req.pk]))
    assertNotContains(response, 'name="attachments"', status_code=200)


@pytest.fixture
def attached(login, staff):
    login(staff).post(
        reverse("cases:request_create"),
        {**intake_data(), "attachments": [upload("Đơn đề nghị.pdf", PDF)]},
    )
    return RequestAttachment.objects.get()


def attachment_url(a):
    return reverse("cases:request_attachment", args=[a.request_id, a.pk])


def test_request_page_links_attachments_through_the_view(login, staff, attached):
    html = login(staff).get(reverse("cases:request_detail", args=[attached.request_id]))
    html = html.content.decode()
    assert attachment_url(attached) in html
    assert "Đơn đề nghị.pdf" in html
    assert "/media/" not in html


def test_attachment_download(login, staff, attached):
    response = login(staff).get(attachment_url(attached))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("director", 200),
        ("staff", 200),
        ("reviewer", 403),
        ("other_centre_staff", 404),
        ("lawyer", 404),
    ],
)
def test_attachment_access(login, request, attached, persona, expected):
    client = login(request.getfixturevalue(persona))
    assert client.get(attachment_url(attached)).status_code == expected


def test_reviewer_page_lists_no_attachments(login, reviewer, attached):
    response = login(reviewer).get(reverse("cases:request_detail", args=[attached.request_id]))
    assertNotContains(response, "Đơn đề nghị.pdf", status_code=200)


def test_attachment_of_another_request_is_404(login, staff, attached):
    login(staff).post(
        reverse("cases:request_create"),
        intake_data(full_name="Người Khác", identity_number="020150000999"),
    )
    other = LegalAidRequest.objects.exclude(pk=attached.request_id).get()
    url = reverse("cases:request_attachment", args=[other.pk, attached.pk])
    assert login(staff).get(url).status_code == 404


def test_anonymous_attachment_goes_to_login(attached):
    response = Client().get(attachment_url(attached))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_post_on_attachment_is_refused(login, staff, attached):
    assert login(staff).post(attachment_url(attached)).status_code == 405
