"""Complaints against the centre or a performer (Luật TGPL Điều 45)."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from cases.states import ComplaintGround, ComplaintStatus
from tgpl import roles


class ComplaintQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not roles.can_handle_complaints(user):
            return self.none()
        return self.filter(centre_id=user.centre_id)


class Complaint(models.Model):
    class Against(models.TextChoices):
        PERFORMER = "performer", "Người thực hiện TGPL"
        CENTRE = "centre", "Trung tâm"

    class Result(models.TextChoices):
        UPHELD = "upheld", "Khiếu nại đúng"
        PARTLY = "partly", "Khiếu nại đúng một phần"
        REJECTED = "rejected", "Khiếu nại sai"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField("thời điểm nhận đơn")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhận", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    complainant_name = models.CharField("họ tên người khiếu nại", max_length=255)
    complainant_phone = models.CharField("điện thoại", max_length=32, blank=True)
    against = models.CharField("khiếu nại đối với", max_length=16, choices=Against.choices)
    ground = models.CharField("nội dung khiếu nại", max_length=32, choices=ComplaintGround.choices)
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện bị khiếu nại",
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
    )  # fmt: skip
    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.PROTECT, null=True, blank=True,
        related_name="complaints",
    )  # fmt: skip
    request = models.ForeignKey(
        "cases.LegalAidRequest", verbose_name="yêu cầu", on_delete=models.PROTECT,
        null=True, blank=True, related_name="complaints",
    )  # fmt: skip
    content = models.TextField("nội dung đơn (Mẫu 03-TP-TGPL)")
    status = models.CharField(
        "trạng thái", max_length=16, choices=ComplaintStatus.choices,
        default=ComplaintStatus.RECEIVED,
    )  # fmt: skip
    accepted_at = models.DateTimeField("thời điểm thụ lý", null=True, blank=True)
    declined_at = models.DateTimeField("thời điểm không thụ lý", null=True, blank=True)
    decided_at = models.DateTimeField("thời điểm quyết định", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người quyết định", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    result = models.CharField("kết quả", max_length=16, choices=Result.choices, blank=True)
    decision_text = models.TextField("nội dung quyết định, lý do", blank=True)
    appealed_at = models.DateTimeField("thời điểm khiếu nại lên Sở", null=True, blank=True)
    appeal_decided_at = models.DateTimeField("thời điểm Sở quyết định", null=True, blank=True)
    appeal_result = models.CharField(
        "kết quả giải quyết của Sở", max_length=16, choices=Result.choices, blank=True
    )
    appeal_text = models.TextField("quyết định của Sở Tư pháp", blank=True)
    history = HistoricalRecords()

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = "khiếu nại"
        verbose_name_plural = "khiếu nại"
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["centre", "status", "received_at"])]

    def __str__(self) -> str:
        return f"Khiếu nại #{self.pk} – {self.get_ground_display()}"
