"""The registers as background export jobs (issue 18.3): queued, run by a worker after
commit, the progress recorded, the file the same as the old synchronous export, only the
owner downloads it, old files deleted."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from import_export.formats.base_formats import XLSX
from openpyxl import load_workbook

from cases import exports, resources, selectors
from tests.conftest import xlsx_rows
from tgpl.errors import BusinessRuleError
from tgpl.exports import services
from tgpl.exports.models import ExportJob, ExportStatus

from .factories import accepted_case, receive

pytestmark = pytest.mark.django_db


def start(actor, kind=exports.REQUEST_REGISTER, **params) -> ExportJob:
    return services.request_export(actor=actor, kind=kind, params=params)


def file_rows(job: ExportJob) -> list[list]:
    job.refresh_from_db()
    with job.file.open("rb") as handle:
        sheet = load_workbook(handle).active
        return [[c.value for c in row] for row in sheet.iter_rows()]


def test_a_job_is_queued_then_run_after_commit_to_done(staff, django_capture_on_commit_callbacks):
    for i in range(3):
        receive(staff, full_name=f"Người {i}")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = start(staff)
    assert job.status == ExportStatus.QUEUED
    assert job.owner == staff
    assert job.label == "Sổ tiếp nhận (.xlsx)"
    assert callbacks  # the worker gets it only once the request has committed
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE
    assert (job.total, job.done, job.percent) == (3, 3, 100)
    assert job.started_at
    assert job.finished_at
    assert job.file
    assert services.run_export(job_id=job.pk) is False  # claimed once: a retry does nothing


def test_the_file_has_the_rows_and_columns_of_the_synchronous_export(staff, professional_office):
    receive(staff, full_name="Lò Thị Ánh", summary='=HYPERLINK("http://x")')
    receive(staff, full_name="Vi Văn Bảo")
    accepted_case(staff, professional_office)
    for kind, resource, qs in (
        (exports.REQUEST_REGISTER, resources.RequestPersonalResource(),
         selectors.request_list(staff, selectors.Filters())),
        (exports.CASE_REGISTER, resources.CasePersonalResource(),
         selectors.case_list(staff, selectors.Filters())),
    ):  # fmt: skip
        # what the request used to build in memory and send
        old = load_workbook(io.BytesIO(XLSX().export_data(resource.export(qs)))).active
        job = start(staff, kind)
        services.run_export(job_id=job.pk)
        assert file_rows(job) == [[c.value for c in row] for row in old.iter_rows()]


def test_the_filters_of_the_list_are_applied_again(staff):
    receive(staff, full_name="Lò Thị Ánh")
    receive(staff, full_name="Vi Văn Bảo")
    job = start(staff, q="bao", date_from=timezone.localdate() - timedelta(days=30))
    services.run_export(job_id=job.pk)
    rows = file_rows(job)
    assert len(rows) == 2
    assert "Vi Văn Bảo" in rows[1]


def test_progress_is_recorded_every_chunk(staff, monkeypatch):
    for i in range(5):
        receive(staff, full_name=f"Người {i}")
    seen = []
    original = ExportJob.objects.filter

    def spy(*args, **kwargs):
        qs = original(*args, **kwargs)
        update = qs.update

        def recorded(**values):
            if "done" in values:
                seen.append(values["done"])
            return update(**values)

        qs.update = recorded
        return qs

    job = start(staff)
    monkeypatch.setattr(ExportJob.objects, "filter", spy)
    services.run_export(job_id=job.pk, chunk_size=2)
    assert seen == [2, 4, 5]  # after each chunk of 2, then the whole at the end


@pytest.mark.parametrize(("rows", "chunks"), [(2, 1), (6, 3)])
def test_the_worker_makes_a_fixed_number_of_queries_per_chunk(
    staff, rows, chunks, django_assert_num_queries
):
    for i in range(rows):
        receive(staff, full_name=f"Người {i}")
    job = start(staff)
    # claim, load, (savepoint: the test's transaction), the owner's roles, count, total,
    # the rows (one cursor), one progress update per chunk, done, (release)
    with django_assert_num_queries(9 + chunks):
        services.run_export(job_id=job.pk, chunk_size=2)


def test_a_failure_is_recorded_in_vietnamese(staff, monkeypatch):
    receive(staff)
    job = start(staff)

    def broken(user, params):
        raise RuntimeError("disk full")

    from tgpl.exports import registry

    kind = registry.get_kind(exports.REQUEST_REGISTER)
    monkeypatch.setitem(
        registry._kinds, kind.name, type(kind)(**{**kind.__dict__, "table": broken})
    )
    services.run_export(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED
    assert job.error == services.FAILED
    assert "Không xuất được" in job.error
    assert not job.file


def test_a_job_whose_owner_lost_the_right_fails(staff):
    """The right is asked again when the worker runs (the roles may have changed)."""
    job = start(staff)
    staff.groups.clear()
    services.run_export(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED
    assert job.error == services.NOT_EXPORTABLE


def test_the_reviewer_may_not_export_personal_data(reviewer, login):
    with pytest.raises(BusinessRuleError):
        start(reviewer)
    with pytest.raises(BusinessRuleError):
        start(reviewer, exports.CASE_REGISTER)
    client = login(reviewer)
    assert client.post(reverse("cases:case_export")).status_code == 403
    assert ExportJob.objects.count() == 0


def test_only_the_owner_sees_and_downloads_the_file(staff, director, login, other_centre_staff):
    receive(staff)
    job = start(staff)
    services.run_export(job_id=job.pk)
    detail = reverse("exports:detail", args=[job.pk])
    download = reverse("exports:download", args=[job.pk])
    for other in (director, other_centre_staff):  # even the director of the same centre
        client = login(other)
        assert client.get(detail).status_code == 404
        assert client.get(download).status_code == 404
    client = login(staff)
    response = client.get(download)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith('attachment; filename="so-tiep-nhan-')
    assert len(xlsx_rows(response)) == 2


def test_the_job_page_polls_until_done(staff, login, django_capture_on_commit_callbacks):
    client = login(staff)
    job = start(staff)
    url = reverse("exports:detail", args=[job.pk])
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert "<progress" in page
    services.run_export(job_id=job.pk)
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment
    assert "<html" not in fragment
    assert reverse("exports:download", args=[job.pk]) in fragment


def test_the_list_button_starts_the_job_and_goes_to_its_page(staff, login):
    response = login(staff).post(reverse("cases:case_export") + "?status=in_progress")
    job = ExportJob.objects.get()
    assert response["Location"] == reverse("exports:detail", args=[job.pk])
    assert job.kind == exports.CASE_REGISTER
    assert job.params["status"] == "in_progress"
    page = login(staff).get(response["Location"]).content.decode()
    assert "lọc theo: status = in_progress" in page  # the filters given, not the empty ones
    assert "q = " not in page


@pytest.mark.parametrize(
    ("export", "listed"),
    [("cases:case_export", "cases:case_list"), ("cases:request_export", "cases:request_list")],
)
def test_an_export_of_a_mistyped_filter_is_not_started_and_says_why(staff, login, export, listed):
    """It would hold every row the other filters allow, not the ones asked for."""
    client = login(staff)
    query = "?form=litigation&date_from=32%2F13%2F2026"
    response = client.post(reverse(export) + query)
    assert response["Location"] == reverse(listed) + query
    assert not ExportJob.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Bộ lọc có giá trị không hợp lệ nên chưa xuất: Từ ngày: Nhập một ngày hợp lệ." in page
    assert client.get(reverse(export) + query).status_code == 302  # nor its confirmation


def test_old_files_are_deleted(staff, settings):
    receive(staff)
    job = start(staff)
    services.run_export(job_id=job.pk)
    job.refresh_from_db()
    path = job.file.path
    stale = start(staff)  # a worker died before it ran
    assert services.expire_exports(timezone.now() + timedelta(hours=23)) == 0
    assert services.expire_exports(timezone.now() + timedelta(hours=25)) == 2
    job.refresh_from_db()
    stale.refresh_from_db()
    assert job.status == ExportStatus.EXPIRED
    assert not job.file
    assert stale.status == ExportStatus.FAILED
    assert stale.error == services.INTERRUPTED
    assert not Path(path).exists()


@pytest.mark.parametrize("size", [1, 4])
def test_the_list_of_my_exports_has_a_fixed_query_count(
    staff, login, size, django_assert_num_queries
):
    for _ in range(size):
        start(staff)
    client = login(staff)
    with django_assert_num_queries(6):
        assert client.get(reverse("exports:list")).status_code == 200
