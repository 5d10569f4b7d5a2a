"""The report as an official document (PDF and Word), built from the frozen figures once
sent, downloadable by who may see the report."""

from datetime import date

import pytest
from django.urls import reverse

from reports import services
from reports.documents import report_document
from reports.rules.periods import Kind

from .factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(staff, centre, director, professional_office):
    make_case(staff, professional_office, accepted=date(2026, 7, 1))
    report = services.open_report(actor=staff, centre=centre, kind=Kind.QUARTERLY, year=2026,
                                  number=3)  # fmt: skip
    services.sign_off_report(actor=director, report=report)
    return services.send_report(actor=staff, report=report)


def test_the_document_is_a_report_to_the_doj_with_the_figures_filled(sent, director, doj):
    doc = report_document(sent)
    assert doc.kind == "BC"
    assert doc.addressees == (doj.name,)
    assert doc.signer.name == director.full_name
    texts = " ".join(getattr(b, "text", "") for b in doc.body)
    assert "trợ giúp pháp lý cho 1 lượt người" in texts
    assert "{b24" not in texts
    b24, b25, rest = doc.annexes
    assert (b24.label, b24.landscape, b25.label, b25.landscape) == ("Phụ lục I", True,
                                                                    "Phụ lục II", True)  # fmt: skip
    assert b24.title.startswith("Biểu số 24/BTP/TGPL")
    table = b24.blocks[0]
    assert [c.text for c in table.head[0][:3]] == ["Nội dung", "Tổng số", "Giới tính"]
    assert table.head[0][2].colspan == 2
    assert table.head[0][0].rowspan == 2
    assert table.rows[0][1].text == "1"
    assert table.rows[0][1].numeric
    assert rest.label == "Phụ lục III"
    assert [t.title for t in rest.blocks][:2] == [
        "Yêu cầu từ chối thụ lý và chuyển đi, theo lý do",
        "Thời hạn thực hiện: đúng hạn và quá hạn",
    ]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_centre_and_the_reviewer_download_it(client, sent, director, reviewer, fmt):
    url = reverse("reports:document", args=["report", sent.pk, fmt])
    for person in (director, reviewer):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200
        assert len(b"".join(response.streaming_content)) > 1000


def test_a_performer_cannot_download_it(client, sent, officer):
    client.force_login(officer)
    assert (
        client.get(reverse("reports:document", args=["report", sent.pk, "pdf"])).status_code == 404
    )
