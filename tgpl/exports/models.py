"""An export job: who asked for which list (its filters), how far the worker is, the file."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from tgpl.kernel import Transition, Transitions


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang xuất"
    DONE = "done", "Đã xong"
    FAILED = "failed", "Không xuất được"
    EXPIRED = "expired", "Đã xoá tệp"


S = ExportStatus
EXPORT_TRANSITIONS = Transitions(
    ExportStatus,
    start=Transition({S.QUEUED}, S.RUNNING, "bắt đầu xuất"),
    finish=Transition({S.RUNNING}, S.DONE, "hoàn tất tệp xuất"),
    fail=Transition({S.QUEUED, S.RUNNING}, S.FAILED, "ghi nhận lỗi xuất"),
    expire=Transition({S.DONE, S.FAILED}, S.EXPIRED, "xoá tệp xuất"),
)
FINISHED = frozenset({S.DONE, S.FAILED, S.EXPIRED})


class ExportJobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A file of an export holds personal data: only its owner has it."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


def export_path(job: ExportJob, filename: str) -> str:
    """A name no one can guess (the download name is `filename`, given by the view)."""
    return f"exports/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.xlsx"


class ExportJob(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xuất",
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField("loại danh sách", max_length=64)
    label = models.CharField("danh sách", max_length=160)
    params = models.JSONField("điều kiện lọc", default=dict, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    total = models.PositiveIntegerField("tổng số dòng", null=True, blank=True)
    done = models.PositiveIntegerField("số dòng đã ghi", default=0)
    file = models.FileField("tệp", upload_to=export_path, max_length=255, blank=True)
    filename = models.CharField("tên tệp tải về", max_length=120, blank=True)
    created_at = models.DateTimeField("yêu cầu lúc", default=timezone.now)
    started_at = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)
    error = models.TextField("lỗi", blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = "lượt xuất danh sách"
        verbose_name_plural = "các lượt xuất danh sách"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["owner", "-created_at"], name="export_owner_recent"),
            models.Index(fields=["status", "finished_at"], name="export_status_finished"),
        ]

    def __str__(self) -> str:
        return f"{self.label} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        if not self.total:
            return 0
        return min(100, self.done * 100 // self.total)

    @property
    def filters_given(self) -> list[tuple[str, object]]:
        """The list's filters the export kept, without the empty ones (for its page)."""
        return [(key, value) for key, value in self.params.items() if value not in (None, "", [])]
