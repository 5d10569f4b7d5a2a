"""Fees of the performers: the base salary and the per-session rates as dated data (kept
by the system administrator), and the sessions from the work log confirmed by the bodies
visited (NĐ 144/2017; TT 02/2021)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from cases.rules import fees as rules
from cases.states import Form


class BaseSalary(models.Model):
    valid_from = models.DateField("áp dụng từ ngày", unique=True)
    amount = models.PositiveIntegerField("mức lương cơ sở (đồng/tháng)")
    source = models.CharField("căn cứ", max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mức lương cơ sở"
        verbose_name_plural = "mức lương cơ sở"
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đ từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class FeeRate(models.Model):
    class Kind(models.TextChoices):
        LEGAL_AID_OFFICER = rules.LEGAL_AID_OFFICER, "Trợ giúp viên pháp lý"
        CONTRACTED_LAWYER = rules.CONTRACTED_LAWYER, "Luật sư ký hợp đồng"
        COLLABORATOR = rules.COLLABORATOR, "Cộng tác viên"

    valid_from = models.DateField("áp dụng từ ngày")
    form = models.CharField("hình thức", max_length=32, choices=Form.choices)
    performer_kind = models.CharField("người thực hiện", max_length=32, choices=Kind.choices)
    coefficient = models.DecimalField(
        "hệ số × lương cơ sở một buổi", max_digits=6, decimal_places=4
    )
    percent = models.PositiveSmallIntegerField("tỷ lệ hưởng (%)", default=100)
    max_sessions = models.PositiveSmallIntegerField("tối đa số buổi một vụ việc", null=True)
    source = models.CharField("căn cứ", max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mức chi một buổi"
        verbose_name_plural = "mức chi một buổi"
        ordering = ["-valid_from", "form", "performer_kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["valid_from", "form", "performer_kind"], name="fee_rate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} – {self.get_performer_kind_display()}"

    def as_rule(self) -> rules.Rate:
        return rules.Rate(
            self.valid_from,
            self.form,
            self.performer_kind,
            Decimal(self.coefficient),
            self.percent,
            self.max_sessions,
            self.source,
        )


class FeeSession(models.Model):
    """A half-day session of work on a case, from the work log, confirmed by the body
    visited (the time sheet of the payment file)."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.CASCADE, related_name="sessions"
    )
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.PROTECT,
        related_name="fee_sessions",
    )
    log_entry = models.OneToOneField(
        "cases.CaseLogEntry",
        verbose_name="nhật ký",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fee_session",
    )
    on = models.DateField("ngày")
    sessions = models.PositiveSmallIntegerField("số buổi", default=1)
    agency_name = models.CharField("cơ quan nơi làm việc", max_length=255)
    confirmed_at = models.DateTimeField("thời điểm cơ quan xác nhận", null=True, blank=True)
    confirmed_by = models.CharField("người, cơ quan xác nhận", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "buổi làm việc tính thù lao"
        verbose_name_plural = "buổi làm việc tính thù lao"
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["performer", "on"])]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.case} ({self.sessions} buổi)"


class LumpSum(models.Model):
    """A case paid by a lump sum (khoán chi) instead of sessions: 3–10 × the base salary
    by the case's complexity; two performers share at most 130 % of it, never more than
    10 × base (TT 02/2021 Điều 10). One row per performer: their share of the case's sum,
    paid in the month of `on`."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.CASCADE, related_name="lump_sums"
    )
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.PROTECT,
        related_name="lump_sums",
    )
    coefficient = models.DecimalField("mức khoán (× lương cơ sở)", max_digits=4, decimal_places=2)
    performers = models.PositiveSmallIntegerField("số người thực hiện vụ việc", default=1)
    share_percent = models.PositiveSmallIntegerField("phần của người này (%)", default=100)
    on = models.DateField("ngày nghiệm thu, thanh toán")
    basis = models.CharField("căn cứ (mức độ phức tạp)", max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "khoán chi vụ việc"
        verbose_name_plural = "khoán chi vụ việc"
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "performer"], name="lumpsum_unique_performer")
        ]
        indexes = [models.Index(fields=["performer", "on"])]

    def __str__(self) -> str:
        return f"Khoán {self.coefficient} × lương cơ sở – {self.case}"
