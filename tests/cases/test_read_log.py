"""Every read of an applicant's record is written in the read log: who, when, what (the
object, the kind of read), from where; an export once, with its row count and filters."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.documents import DISCONTINUATION
from cases.models import Case, CaseLogEntry, LegalAidRequest, RequestAttachment
from cases.states import DiscontinueGround, RefusalGround
from tgpl.audit import ReadKind, ReadLog, log_read
from tgpl.documents import registry

from .factories import accepted_case, in_progress_case, receive

pytestmark = pytest.mark.django_db

ADDRESS = "10.20.30.40"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def only_read() -> ReadLog:
    assert ReadLog.objects.count() == 1
    return ReadLog.objects.get()


def test_reading_a_request_is_logged_with_who_and_where(login, staff):
    req = receive(staff)
    before = timezone.now()
    response = login(staff).get(reverse("cases:request_detail", args=[req.pk]), REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    read = only_read()
    assert read.user == staff
    assert read.address == ADDRESS
    assert read.kind == ReadKind.VIEW
    assert read.created_at >= before
    assert (read.content_type.model_class(), read.object_id) == (LegalAidRequest, req.pk)
    assert (read.record_type.model_class(), read.record_id) == (LegalAidRequest, req.pk)
    assert read.centre_id == req.centre_id


def test_the_log_names_the_record_but_never_the_person(login, staff):
    req = receive(staff)
    login(staff).get(reverse("cases:request_detail", args=[req.pk]))
    read = only_read()
    assert read.label == f"Yêu cầu #{req.pk}"
    assert req.full_name not in str(read)


def test_reading_a_case_is_logged_against_its_applicants_request(
    login, staff, director, professional_office
):
    case = accepted_case(staff, professional_office)
    login(director).get(reverse("cases:case_detail", args=[case.pk]), REMOTE_ADDR=ADDRESS)
    read = only_read()
    assert (read.content_type.model_class(), read.object_id) == (Case, case.pk)
    assert read.record_id == case.request_id
    assert read.label == f"Yêu cầu #{case.request_id} · vụ việc {case.code}"
    assert read.user == director


def test_the_edit_form_is_a_read_too(login, staff):
    req = receive(staff)
    login(staff).get(reverse("cases:request_edit", args=[req.pk]))
    assert only_read().kind == ReadKind.VIEW


def test_opening_an_attachment_is_logged(login, staff):
    req = receive(staff)
    attachment = RequestAttachment.objects.create(
        request=req, title="cccd.pdf", file=ContentFile(b"%PDF-1.4", name="cccd.pdf"),
        uploaded_by=staff,
    )  # fmt: skip
    url = reverse("cases:request_attachment", args=[req.pk, attachment.pk])
    assert login(staff).get(url, REMOTE_ADDR=ADDRESS).status_code == 200
    read = only_read()
    assert read.kind == ReadKind.ATTACHMENT
    assert (read.content_type.model_class(), read.object_id) == (RequestAttachment, attachment.pk)
    assert read.record_id == req.pk


def test_opening_a_work_log_attachment_is_logged(
    login, staff, head, officer, professional_office, performers
):
    case = in_progress_case(staff, professional_office, officer, head)
    entry = services.add_log_entry(
        actor=officer, case=case, on=timezone.localdate(), stage="advice", note="Gặp",
        attachment=ContentFile(b"%PDF-1.4", name="bien-ban.pdf"),
    )  # fmt: skip
    url = reverse("cases:case_log_attachment", args=[case.pk, entry.pk])
    assert login(officer).get(url).status_code == 200
    read = only_read()
    assert read.kind == ReadKind.ATTACHMENT
    assert (read.content_type.model_class(), read.object_id) == (CaseLogEntry, entry.pk)
    assert read.record_id == case.request_id


def test_downloading_a_refusal_notice_is_logged_with_its_format(login, staff):
    req = receive(staff)
    services.refuse_request(
        actor=staff, request=req, ground=RefusalGround.DECEASED, notice_text="Đã mất."
    )
    url = reverse("cases:document", args=["refusal", req.pk, "docx"])
    assert login(staff).get(url, REMOTE_ADDR=ADDRESS).status_code == 200
    read = only_read()
    assert read.kind == ReadKind.DOCUMENT
    assert read.filters == {"kind": "refusal", "format": "docx"}
    assert read.record_id == req.pk
    assert read.address == ADDRESS


def test_downloading_a_discontinuation_notice_is_logged_against_the_request(
    login, staff, head, professional_office
):
    case = accepted_case(staff, professional_office)
    services.discontinue_case(
        actor=head, case=case, ground=DiscontinueGround.WITHDRAWN, notice_text="Rút yêu cầu."
    )
    login(head).get(DISCONTINUATION.download_url(case.pk, "docx"))
    read = only_read()
    assert (read.content_type.model_class(), read.object_id) == (Case, case.pk)
    assert read.record_id == case.request_id


#: Kinds of cases that name no aided person: the appraisal documents carry the case
#: code, form, field and performers (TT 12/2018 Điều 15), the quota decision the officers.
# The council's report counts notices by agency (issue 17.4): it names no person.
NAMES_NO_APPLICANT = {"appraisers", "appraisal_report", "quota", "council_report"}


def test_every_document_kind_of_cases_is_read_logged():
    """Each names the aided person: a kind added without `read_record` fails here,
    unless it is one of those known to name nobody who asked for legal aid."""
    kinds = [k for k in registry.sources().values() if k.app_label == "cases"]
    assert kinds
    unlogged = {k.name for k in kinds if k.read_record is None}
    assert unlogged == NAMES_NO_APPLICANT


def test_an_export_is_logged_once_with_its_row_count_and_filters(login, staff, export_through_job):
    """Logged when its file is downloaded (the read), not when the worker writes it."""
    for i in range(3):
        receive(staff, full_name=f"Người {i}")
    response = export_through_job(
        login(staff), "cases:request_export", {"status": "received", "q": "nguoi"},
        REMOTE_ADDR=ADDRESS,
    )  # fmt: skip
    assert response.status_code == 200
    read = only_read()
    assert read.kind == ReadKind.EXPORT
    assert read.rows == 3
    assert read.filters == {"q": "nguoi", "status": "received"}
    assert read.content_type.model_class() is LegalAidRequest
    assert read.object_id is None
    assert read.record_id is None
    assert read.centre_id == staff.centre_id
    assert read.label == "Sổ tiếp nhận (.xlsx)"


def test_the_case_register_export_is_logged(
    login, director, staff, professional_office, export_through_job
):
    accepted_case(staff, professional_office)
    export_through_job(login(director), "cases:case_export")
    read = only_read()
    assert (read.kind, read.rows, read.content_type.model_class()) == (ReadKind.EXPORT, 1, Case)


def test_lists_are_not_logged_row_by_row(login, staff, director, professional_office):
    for _ in range(3):
        accepted_case(staff, professional_office)
    client = login(director)
    for name in ("cases:request_list", "cases:case_list", "cases:statistics"):
        assert client.get(reverse(name)).status_code == 200
    assert ReadLog.objects.count() == 0


def test_a_refused_read_leaves_no_row(login, staff, reviewer, other_centre_staff):
    req = receive(staff)
    attachment = RequestAttachment.objects.create(
        request=req, title="a.pdf", file=ContentFile(b"%PDF-1.4", name="a.pdf"), uploaded_by=staff
    )
    login(reviewer).get(reverse("cases:request_attachment", args=[req.pk, attachment.pk]))
    login(other_centre_staff).get(reverse("cases:request_detail", args=[req.pk]))
    assert ReadLog.objects.count() == 0


def test_a_reviewers_look_at_a_request_reads_no_personal_data_and_is_not_logged(
    login, staff, reviewer
):
    req = receive(staff)
    assert login(reviewer).get(reverse("cases:request_detail", args=[req.pk])).status_code == 200
    assert ReadLog.objects.count() == 0


def test_a_read_costs_one_insert(rf, staff):
    req = receive(staff)
    request = rf.get("/", REMOTE_ADDR=ADDRESS)
    request.user = staff
    ContentType.objects.get_for_model(LegalAidRequest)  # cached once per process
    with CaptureQueriesContext(connection) as ctx:
        log_read(request, req, ReadKind.VIEW, label="Yêu cầu")
    assert [q["sql"].split()[0] for q in ctx.captured_queries] == ["INSERT"]


@pytest.fixture
def rf():
    from django.test import RequestFactory

    return RequestFactory()


# --- "Ai đã xem hồ sơ này" on the record's page ---------------------------------------------


def test_the_director_sees_who_read_a_request_on_its_page(login, staff, director):
    req = receive(staff)
    login(staff).get(reverse("cases:request_detail", args=[req.pk]), REMOTE_ADDR=ADDRESS)
    html = login(director).get(reverse("cases:request_detail", args=[req.pk])).content.decode()
    assert "Ai đã xem hồ sơ này" in html
    assert staff.full_name in html
    assert ADDRESS in html


def test_the_case_page_shows_the_reads_of_its_request_and_documents(
    login, staff, director, head, professional_office
):
    case = accepted_case(staff, professional_office)
    services.discontinue_case(
        actor=head, case=case, ground=DiscontinueGround.WITHDRAWN, notice_text="Rút yêu cầu."
    )
    login(head).get(DISCONTINUATION.download_url(case.pk, "pdf"), REMOTE_ADDR=ADDRESS)
    page = login(director).get(reverse("cases:case_detail", args=[case.pk]))
    reads = page.context["reads"]
    assert [(r.kind, r.user_id) for r in reads] == [
        (ReadKind.VIEW, director.pk),
        (ReadKind.DOCUMENT, head.pk),
    ]


def test_staff_do_not_see_who_read_a_record(login, staff):
    req = receive(staff)
    html = login(staff).get(reverse("cases:request_detail", args=[req.pk])).content.decode()
    assert "Ai đã xem hồ sơ này" not in html
