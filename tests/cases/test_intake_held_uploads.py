"""Files attached to an intake form that fails are kept, shown as attached, and saved with
the request when the form finally saves; nobody else can take them."""

import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases import services
from cases.models import HeldUpload, LegalAidRequest
from cases.rules import uploads
from tests.clock import NOW
from tests.factories import UserFactory
from tgpl.errors import BusinessRuleError
from tgpl.roles import Role

from .factories import accepted_case
from .test_views import intake_data

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"x" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 100


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def token_of(response) -> str:
    page = response.content.decode()
    marker = 'name="upload_token" value="'
    start = page.index(marker) + len(marker)
    return page[start : page.index('"', start)]


def test_files_survive_a_form_error_and_are_saved_with_the_request(login, staff):
    client = login(staff)
    url = reverse("cases:request_create")
    files = [upload("Đơn đề nghị.pdf", PDF), upload("cccd.png", PNG)]
    response = client.post(url, {**intake_data(identity_number="123"), "attachments": files})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Đã đính kèm" in page
    assert "Đơn đề nghị.pdf" in page
    assert "cccd.png" in page
    assert 'name="held_remove"' in page
    assert not LegalAidRequest.objects.exists()

    # corrected, without choosing the files again
    response = client.post(url, {**intake_data(), "upload_token": token_of(response)})
    assert response.status_code == 302
    req = LegalAidRequest.objects.get()
    assert sorted(a.title for a in req.attachments.all()) == ["cccd.png", "Đơn đề nghị.pdf"]
    stored = req.attachments.get(title="cccd.png")
    with stored.file.open("rb") as handle:
        assert handle.read() == PNG
    assert stored.file.name.startswith(f"cases/requests/{req.pk}/")
    assert not HeldUpload.objects.exists()


def test_files_are_kept_while_a_known_person_waits_for_confirmation(
    login, staff, professional_office
):
    accepted_case(staff, professional_office, identity_number="020150000111")
    client = login(staff)
    url = reverse("cases:request_create")
    response = client.post(url, {**intake_data(), "attachments": [upload("don.pdf", PDF)]})
    assert response.status_code == 200
    assert "don.pdf" in response.content.decode()
    token = token_of(response)
    response = client.post(url, {**intake_data(confirm_known="on"), "upload_token": token})
    assert response.status_code == 302
    req = LegalAidRequest.objects.latest("pk")
    assert [a.title for a in req.attachments.all()] == ["don.pdf"]


def test_a_held_file_can_be_taken_off(login, staff):
    client = login(staff)
    url = reverse("cases:request_create")
    files = [upload("giu.pdf", PDF), upload("bo.png", PNG)]
    response = client.post(url, {**intake_data(identity_number="1"), "attachments": files})
    token = token_of(response)
    dropped = HeldUpload.objects.get(title="bo.png")
    response = client.post(
        url, {**intake_data(), "upload_token": token, "held_remove": [dropped.pk]}
    )
    assert response.status_code == 302
    assert [a.title for a in LegalAidRequest.objects.get().attachments.all()] == ["giu.pdf"]


def test_a_bad_file_is_not_held_and_says_why(login, staff):
    response = login(staff).post(
        reverse("cases:request_create"),
        {**intake_data(), "attachments": [upload("virus.pdf", b"MZ\x90\x00" * 10)]},
    )
    assert response.status_code == 400
    assert "không đúng định dạng PDF" in response.content.decode()
    assert not HeldUpload.objects.exists()


def test_another_users_held_files_are_not_taken(login, staff, centre, admin_office):
    colleague = UserFactory(centre=centre, department=admin_office, roles=[Role.STAFF])
    token = uuid.uuid4()
    services.hold_uploads(actor=colleague, token=token, files=[upload("cua-nguoi-khac.pdf", PDF)])
    response = login(staff).post(
        reverse("cases:request_create"), {**intake_data(), "upload_token": str(token)}
    )
    assert response.status_code == 302
    assert not LegalAidRequest.objects.get().attachments.exists()
    assert HeldUpload.objects.filter(uploaded_by=colleague).count() == 1


def test_held_files_are_bounded_in_number(staff):
    token = uuid.uuid4()
    files = [upload(f"tep-{n}.pdf", PDF) for n in range(uploads.MAX_FILES)]
    services.hold_uploads(actor=staff, token=token, files=files)
    with pytest.raises(BusinessRuleError, match="tối đa"):
        services.hold_uploads(actor=staff, token=token, files=[upload("them.pdf", PDF)])
    assert HeldUpload.objects.filter(token=token).count() == uploads.MAX_FILES


def test_files_of_an_abandoned_form_are_discarded_later(staff, time_machine):
    old = uuid.uuid4()
    time_machine.move_to(NOW - timedelta(days=2), tick=False)
    services.hold_uploads(actor=staff, token=old, files=[upload("cu.pdf", PDF)])
    time_machine.move_to(NOW, tick=False)
    services.hold_uploads(actor=staff, token=uuid.uuid4(), files=[upload("moi.pdf", PDF)])
    assert list(HeldUpload.objects.values_list("title", flat=True)) == ["moi.pdf"]


def test_holding_files_needs_the_reception_role(lawyer):
    with pytest.raises(BusinessRuleError):
        services.hold_uploads(actor=lawyer, token=uuid.uuid4(), files=[upload("x.pdf", PDF)])
    assert not HeldUpload.objects.exists()


def test_retention_removes_the_files_of_forms_left_unsaved(staff, director):
    from tgpl.operations import retention

    services.hold_uploads(actor=staff, token=uuid.uuid4(), files=[upload("bo-quen.pdf", PDF)])
    services.hold_uploads(actor=director, token=uuid.uuid4(), files=[upload("moi.pdf", PDF)])
    HeldUpload.objects.filter(title="bo-quen.pdf").update(uploaded_at=NOW - timedelta(days=2))
    assert retention.purges()["held_intake_uploads"](NOW) == 1
    assert list(HeldUpload.objects.values_list("title", flat=True)) == ["moi.pdf"]


def test_the_files_of_discarded_uploads_are_deleted_after_commit_and_nothing_else(
    staff, tmp_path, django_capture_on_commit_callbacks
):
    from tgpl.kernel.outbox import OutboxMessage

    token = uuid.uuid4()
    (held,) = services.hold_uploads(actor=staff, token=token, files=[upload("bo.pdf", PDF)])
    path = tmp_path / held.file.name
    assert path.exists()
    outside = tmp_path / "cases" / "requests" / "giu.pdf"
    outside.parent.mkdir(parents=True, exist_ok=True)
    outside.write_bytes(PDF)
    with django_capture_on_commit_callbacks(execute=True):
        services.hold_uploads(actor=staff, token=token, remove=[held.pk])
    message = OutboxMessage.objects.get(topic="held_uploads_discarded")
    assert message.payload["files"] == [held.file.name]
    assert not path.exists()
    from cases.services.uploads import delete_discarded_files
    from tgpl.kernel.events import Event

    delete_discarded_files(
        Event(0, message.topic, {"files": ["cases/requests/giu.pdf"]}, None, NOW)
    )
    assert outside.exists()
