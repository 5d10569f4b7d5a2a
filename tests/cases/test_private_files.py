"""Work-log documents are served through an access check, never from /media/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import Performer
from cases.models.case import Stage
from cases.states import Form
from tests.cases.factories import in_progress_case, make_performer

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(staff, professional_office, head, officer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_performer(officer, Performer.Kind.LEGAL_AID_OFFICER)
    case = in_progress_case(staff, professional_office, officer, head, form=Form.LITIGATION)
    return services.add_log_entry(
        actor=officer,
        case=case,
        on=timezone.localdate(),
        stage=Stage.values[0],
        note="Gặp bị can tại trại tạm giam",
        attachment=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban"),
    )


def url(entry):
    return reverse("cases:case_log_attachment", args=[entry.case_id, entry.pk])


def test_the_performer_downloads_the_document(client, officer, entry):
    client.force_login(officer)
    response = client.get(url(entry))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bien ban"
    assert "attachment" in response["Content-Disposition"]


def test_the_case_page_links_to_the_checked_view(client, officer, entry):
    client.force_login(officer)
    body = client.get(reverse("cases:case_detail", args=[entry.case_id])).content.decode()
    assert url(entry) in body
    assert "/media/" not in body


@pytest.mark.parametrize(("persona", "status"), [("other_centre_staff", 404), ("reviewer", 403)])
def test_others_are_refused(client, request, entry, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(entry)).status_code == status


def test_anonymous_goes_to_login(client, entry):
    assert client.get(url(entry)).status_code == 302
