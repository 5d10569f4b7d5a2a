"""The outbox: what must happen after a change (notify, e-mail) is a row written in the
change's own transaction. A change that rolls back leaves no row; a broker that is down
delays the row, never loses it: a periodic flush handles whatever is still waiting."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class OutboxMessage(models.Model):
    topic = models.CharField("sự kiện", max_length=64)
    payload = models.JSONField("dữ liệu", default=dict)
    actor = models.ForeignKey(
        "tgpl.User",
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm ghi", default=timezone.now)
    available_at = models.DateTimeField("xử lý từ", default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    processed_at = models.DateTimeField("đã xử lý lúc", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("số lần xử lý", default=0)
    last_error = models.TextField("lỗi gần nhất", blank=True)

    class Meta:
        verbose_name = "sự kiện chờ xử lý"
        verbose_name_plural = "hàng đợi sự kiện (outbox)"
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["available_at"],
                name="outbox_waiting",
                condition=models.Q(processed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk}"
