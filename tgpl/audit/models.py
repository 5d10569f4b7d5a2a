"""The read log: who read which applicant's record, when, how and from where.

History (django-simple-history) records every change; this records reads — a request's
or a case's page (they show the applicant), an attachment, a work-log attachment, a
decision or notice (PDF, Word), an export (its row count and filters). One row per
read, written by `tgpl.audit.log_read` with one INSERT; lists are not logged row by
row. Rows are kept for the retention period and then purged (indexed on created_at).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from tgpl import roles


class ReadKind(models.TextChoices):
    VIEW = "view", "Xem hồ sơ"
    ATTACHMENT = "attachment", "Mở tài liệu đính kèm"
    DOCUMENT = "document", "Tải văn bản"
    EXPORT = "export", "Xuất danh sách"


class ReadLogQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The director and the administrator see their centre's reads; a superuser all."""
        if not roles.can_see_read_log(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(centre_id=user.centre_id)


class ReadLog(models.Model):
    created_at = models.DateTimeField("thời điểm", default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xem",
        on_delete=models.PROTECT,
        related_name="+",
    )
    centre = models.ForeignKey(
        "tgpl.Centre",
        verbose_name="Trung tâm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Trung tâm có hồ sơ được xem (với danh sách xuất: Trung tâm của người xuất).",
    )
    address = models.GenericIPAddressField("địa chỉ máy", null=True, blank=True)
    kind = models.CharField("loại truy cập", max_length=16, choices=ReadKind.choices)
    # what was read: a request, a case, an attachment, a document's object, or (an export)
    # the model of the rows
    content_type = models.ForeignKey(
        ContentType, verbose_name="loại đối tượng", on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField("mã đối tượng", null=True, blank=True)
    # whose record it is: the applicant's request (none for an export)
    record_type = models.ForeignKey(
        ContentType,
        verbose_name="loại hồ sơ",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    record_id = models.PositiveBigIntegerField("mã hồ sơ", null=True, blank=True)
    label = models.CharField("hồ sơ", max_length=160, help_text="Không ghi tên người.")
    rows = models.PositiveIntegerField("số dòng", null=True, blank=True)
    filters = models.JSONField("điều kiện lọc", default=dict, blank=True)

    objects = ReadLogQuerySet.as_manager()

    class Meta:
        verbose_name = "lượt xem hồ sơ"
        verbose_name_plural = "nhật ký xem hồ sơ"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["created_at"], name="readlog_created_at"),
            models.Index(fields=["centre", "-created_at"], name="readlog_centre_time"),
            models.Index(fields=["record_type", "record_id", "-created_at"], name="readlog_record"),
            models.Index(fields=["user", "-created_at"], name="readlog_user_time"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def filters_text(self) -> str:
        return "; ".join(f"{k} = {v}" for k, v in (self.filters or {}).items())
