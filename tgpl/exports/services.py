"""Export jobs: requested by a person, written by a worker, downloaded by their owner.

`request_export` records the job and, through the outbox, has a worker run it after
commit (a broker outage delays it; the periodic flush hands it over later).
`run_export` claims the job (a conditional UPDATE: a second worker, or a retried message,
does nothing), re-applies the kind's scoped selector as the owner, streams the rows to an
.xlsx written in constant memory (openpyxl write_only) and records its progress every
chunk. `expire_exports` deletes old files (beat, every hour).
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import connection, transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, create, emit, require

from .models import EXPORT_TRANSITIONS, ExportJob, ExportStatus
from .registry import ExportKind, get_kind

logger = logging.getLogger("tgpl.exports")

EXPORT_REQUESTED = "export_requested"
CHUNK_SIZE = 2000
NOT_EXPORTABLE = "Bạn không có quyền xuất danh sách này."
UNKNOWN_KIND = "Không có loại danh sách này để xuất."
FAILED = "Không xuất được danh sách do lỗi hệ thống. Hãy thử xuất lại; nếu vẫn lỗi, báo quản trị."
INTERRUPTED = "Lượt xuất bị gián đoạn (máy chủ dừng giữa chừng). Hãy xuất lại."


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _kind(name: str) -> ExportKind:
    kind = get_kind(name)
    if kind is None:
        raise BusinessRuleError(UNKNOWN_KIND)
    return kind


@transaction.atomic
def request_export(*, actor, kind: str, params: dict | None = None) -> ExportJob:
    """A new job for `actor`: queued now, run by a worker after commit."""
    export_kind = _kind(kind)
    require(export_kind.allowed(actor), NOT_EXPORTABLE)
    job = create(
        ExportJob,
        actor=actor,
        reason=f"Yêu cầu xuất {export_kind.label}",
        owner=actor,
        kind=export_kind.name,
        label=export_kind.label,
        params={k: _plain(v) for k, v in (params or {}).items()},
        filename=f"{export_kind.filename}-{timezone.localdate():%Y%m%d}.xlsx",
    )
    emit(EXPORT_REQUESTED, actor=actor, job=job.pk)
    return job


def schedule_export(event) -> None:
    """Outbox subscriber: hand the job to a worker (eagerly in tests and `make dev`)."""
    from tgpl.tasks import enqueue, run_export_job

    enqueue(run_export_job, event.payload["job"])


def _claim(job_id: int) -> bool:
    """queued -> running, once: a second worker or a retried message finds nothing."""
    return bool(
        ExportJob.objects.filter(
            pk=job_id, status__in=EXPORT_TRANSITIONS.sources_of("start")
        ).update(status=EXPORT_TRANSITIONS["start"].target, started_at=timezone.now())
    )


def _cell(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _write(job: ExportJob, kind: ExportKind, path: Path, chunk_size: int) -> int:
    """Stream the table to `path`; the progress is written every `chunk_size` rows."""
    table = kind.table(job.owner, job.params)
    total = table.rows.count()
    ExportJob.objects.filter(pk=job.pk).update(total=total)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind.sheet)
    for index, header in enumerate(table.headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(header) + 4)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in table.headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    written = 0
    for obj in table.rows.iterator(chunk_size=chunk_size):
        sheet.append([_cell(v) for v in table.cells(obj)])
        written += 1
        if written % chunk_size == 0:
            ExportJob.objects.filter(pk=job.pk).update(done=written)
    book.save(path)
    return written


def _fail(job_id: int, message: str) -> None:
    job = ExportJob.objects.get(pk=job_id)
    check_transition(EXPORT_TRANSITIONS, "fail", job.status)
    ExportJob.objects.filter(pk=job_id).update(
        status=ExportStatus.FAILED, error=message, finished_at=timezone.now()
    )


def run_export(*, job_id: int, chunk_size: int = CHUNK_SIZE) -> bool:
    """Write one job's file (the worker). False when the job was not waiting."""
    if not _claim(job_id):
        return False
    job = ExportJob.objects.select_related("owner").get(pk=job_id)
    # Run by the outbox in-process (tests, `make dev`), this is inside its transaction: a
    # savepoint keeps a failed export from breaking it. A worker runs it in autocommit,
    # so that the progress is seen while it writes.
    guard = transaction.atomic() if connection.in_atomic_block else _NoGuard()
    try:
        with guard, tempfile.TemporaryDirectory(prefix="tgpl-export-") as folder:
            kind = _kind(job.kind)
            require(kind.allowed(job.owner), NOT_EXPORTABLE)
            path = Path(folder) / "export.xlsx"
            written = _write(job, kind, path, chunk_size)
            check_transition(EXPORT_TRANSITIONS, "finish", ExportStatus.RUNNING)
            with path.open("rb") as handle:
                job.file.save(job.filename or "export.xlsx", File(handle), save=False)
            ExportJob.objects.filter(pk=job_id).update(
                status=ExportStatus.DONE,
                file=job.file.name,
                total=written,
                done=written,
                finished_at=timezone.now(),
            )
    except BusinessRuleError as exc:
        _fail(job_id, exc.message)
    except Exception:
        logger.exception("Export job %s (%s) failed", job_id, job.kind)
        _fail(job_id, FAILED)
    return True


class _NoGuard:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _keep() -> timedelta:
    return timedelta(hours=getattr(settings, "EXPORT_KEEP_HOURS", 24))


def expire_exports(now: datetime | None = None) -> int:
    """Files older than EXPORT_KEEP_HOURS are deleted (a file is personal data); jobs a
    dead worker left running for as long are failed. Returns how many jobs changed."""
    now = now or timezone.now()
    cutoff = now - _keep()
    changed = 0
    stale = ExportJob.objects.filter(
        status__in=EXPORT_TRANSITIONS.sources_of("fail"), created_at__lt=cutoff
    )
    changed += stale.update(status=ExportStatus.FAILED, error=INTERRUPTED, finished_at=now)
    old = ExportJob.objects.filter(
        status__in=EXPORT_TRANSITIONS.sources_of("expire"), finished_at__lt=cutoff
    )
    for job in list(old.only("pk", "file")[:1000]):
        if job.file:
            job.file.delete(save=False)
        changed += ExportJob.objects.filter(
            pk=job.pk, status__in=EXPORT_TRANSITIONS.sources_of("expire")
        ).update(status=ExportStatus.EXPIRED, file="")
    return changed
