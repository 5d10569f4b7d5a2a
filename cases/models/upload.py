"""Files attached to an intake form that has not been saved yet (the form had an error,
or a possible duplicate person is waiting for confirmation): kept under the form's token
so the user need not choose them again, and moved onto the request when it is saved."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models


def held_upload_path(instance, filename):
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"cases/held/{uuid.uuid4().hex}{suffix}"  # services.uploads.HELD_FOLDER


class HeldUpload(models.Model):
    token = models.UUIDField("mã biểu mẫu")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("tên tài liệu", max_length=255)
    file = models.FileField("tệp", upload_to=held_upload_path)
    size = models.PositiveIntegerField("dung lượng (byte)", default=0)
    uploaded_at = models.DateTimeField("thời điểm tải lên", auto_now_add=True)

    class Meta:
        verbose_name = "tệp đính kèm chờ lưu"
        verbose_name_plural = "tệp đính kèm chờ lưu"
        ordering = ["uploaded_at", "pk"]
        indexes = [models.Index(fields=["uploaded_by", "token"], name="held_upload_owner_token")]

    def __str__(self) -> str:
        return self.title
