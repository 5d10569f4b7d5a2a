"""The plan's budget (issue 17.8): its lines (the amounts of a task kept one by one), the
funding decisions (Quyết định giao dự toán) with their amount per line, and what was
committed and paid against each line. What is left = funded − paid − the part of the
commitments not paid yet; a line with no funding is "chưa giao dự toán"."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from tgpl import spending
from tgpl.models import User

from .models import Plan, PlanItem


class BudgetLine(models.Model):
    class Kind(models.TextChoices):
        FEES = spending.FEES, spending.KIND_LABELS[spending.FEES]
        OUTREACH = spending.OUTREACH, spending.KIND_LABELS[spending.OUTREACH]
        MATERIALS = spending.MATERIALS, spending.KIND_LABELS[spending.MATERIALS]
        TRAINING = spending.TRAINING, spending.KIND_LABELS[spending.TRAINING]
        OTHER = spending.OTHER, spending.KIND_LABELS[spending.OTHER]

    plan = models.ForeignKey(
        Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.ForeignKey(
        PlanItem,
        verbose_name="nhiệm vụ",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_lines",
    )
    position = models.PositiveIntegerField("thứ tự", default=0)
    label = models.CharField("nội dung chi", max_length=255)
    kind = models.CharField("loại chi", max_length=16, choices=Kind.choices, default=Kind.OTHER)
    planned_vnd = models.BigIntegerField("dự kiến (đồng)", validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = "dòng kinh phí của kế hoạch"
        verbose_name_plural = "dòng kinh phí của kế hoạch"
        ordering = ["plan", "position", "pk"]

    def __str__(self) -> str:
        return self.label


class FundingDecision(models.Model):
    """Quyết định giao dự toán: who gave how much to which lines of the plan."""

    plan = models.ForeignKey(
        Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="funding_decisions"
    )
    number = models.CharField("số, ký hiệu", max_length=64)
    date = models.DateField("ngày quyết định")
    issuer = models.CharField("cơ quan giao dự toán", max_length=255)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    recorded_by = models.ForeignKey(User, verbose_name="người ghi", on_delete=models.PROTECT)
    recorded_at = models.DateTimeField("thời điểm ghi", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "quyết định giao dự toán"
        verbose_name_plural = "quyết định giao dự toán"
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="fundingdecision_unique")
        ]

    def __str__(self) -> str:
        return f"QĐ {self.number} ngày {self.date:%d/%m/%Y}"


class FundingAllocation(models.Model):
    decision = models.ForeignKey(
        FundingDecision, verbose_name="quyết định", on_delete=models.CASCADE,
        related_name="allocations",
    )  # fmt: skip
    line = models.ForeignKey(
        BudgetLine, verbose_name="dòng kinh phí", on_delete=models.CASCADE,
        related_name="allocations",
    )  # fmt: skip
    amount_vnd = models.BigIntegerField("số giao (đồng)", validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = "số giao dự toán của một dòng"
        verbose_name_plural = "số giao dự toán của một dòng"
        constraints = [
            models.UniqueConstraint(fields=["decision", "line"], name="fundingallocation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.line_id}: {self.amount_vnd:,} đ".replace(",", ".")


class BudgetEntry(models.Model):
    """A commitment (a contract signed, an order) or a payment against a line; a payment
    may settle a commitment. From a source (tgpl.spending) or typed by hand."""

    class Kind(models.TextChoices):
        COMMITMENT = spending.COMMITMENT, "Cam kết chi (hợp đồng, đặt hàng)"
        PAYMENT = spending.PAYMENT, "Đã chi"

    line = models.ForeignKey(
        BudgetLine, verbose_name="dòng kinh phí", on_delete=models.PROTECT, related_name="entries"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    amount_vnd = models.BigIntegerField("số tiền (đồng)", validators=[MinValueValidator(1)])
    on = models.DateField("ngày")
    what = models.CharField("nội dung", max_length=255)
    source = models.CharField("nguồn", max_length=32, default="manual")
    reference = models.CharField("mã tham chiếu của nguồn", max_length=128, blank=True)
    settles = models.ForeignKey(
        "self",
        verbose_name="thanh toán cho cam kết",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="settled_by",
    )
    over_spend = models.BooleanField("Giám đốc cho chi vượt dự toán được giao", default=False)
    recorded_by = models.ForeignKey(User, verbose_name="người ghi", on_delete=models.PROTECT)
    recorded_at = models.DateTimeField("thời điểm ghi", default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "khoản cam kết, đã chi"
        verbose_name_plural = "khoản cam kết, đã chi"
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "reference"],
                condition=~models.Q(reference=""),
                name="budgetentry_reference_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} {self.what}"
