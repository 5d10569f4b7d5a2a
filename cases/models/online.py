"""What a person sent through the public online page (the "Trực tuyến" channel).

A submission is not yet a request: reception verifies it (calls the person, checks the
papers) and records it as a request through the intake service, or declines it. It
carries a reference ("TT-2026-000123") and a short check code the person uses on the
public status page, which shows the state and dates only, never personal data.
"""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from cases.states import OnlineStatus, Sex
from tgpl.models import phone_validator


class OnlineSubmission(models.Model):
    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField("số tham chiếu", max_length=32, unique=True)
    check_code = models.CharField("mã kiểm tra", max_length=16)
    submitted_at = models.DateTimeField("thời điểm gửi")
    full_name = models.CharField("họ và tên", max_length=255)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    sex = models.CharField("giới tính", max_length=8, choices=Sex.choices, blank=True)
    phone = models.CharField("điện thoại", max_length=32, validators=[phone_validator])
    email = models.EmailField("thư điện tử", blank=True)
    address = models.CharField("địa chỉ", max_length=255)
    categories = models.ManyToManyField(
        "cases.EligibilityCategory",
        verbose_name="diện người được TGPL (người gửi tự chọn)",
        blank=True,
        related_name="+",
    )
    legal_field = models.ForeignKey(
        "cases.LegalField",
        verbose_name="lĩnh vực",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.TextField("nội dung cần trợ giúp")
    status = models.CharField(
        "trạng thái", max_length=16, choices=OnlineStatus.choices, default=OnlineStatus.NEW
    )
    request = models.OneToOneField(
        "cases.LegalAidRequest",
        verbose_name="yêu cầu đã tiếp nhận",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="online_submission",
    )
    handled_at = models.DateTimeField("thời điểm xử lý", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xử lý",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_note = models.TextField("lý do không tiếp nhận", blank=True)
    history = HistoricalRecords(m2m_fields=[categories])

    class Meta:
        verbose_name = "yêu cầu gửi trực tuyến"
        verbose_name_plural = "yêu cầu gửi trực tuyến"
        ordering = ["submitted_at", "pk"]
        indexes = [models.Index(fields=["centre", "status", "submitted_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def read_log_label(self) -> str:
        return f"Yêu cầu trực tuyến {self.reference}"
