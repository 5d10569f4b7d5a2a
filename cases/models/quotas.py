"""The yearly quota of legal-aid officers: the rules of the year's MOJ letter, the
centre's decision assigning each officer's quota, and officers sharing a case."""

from __future__ import annotations

from fractions import Fraction

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from cases.rules import quotas as rules
from cases.states import QuotaDecisionStatus
from tgpl import roles


class QuotaRules(models.Model):
    """The exemptions and the leaders' share of one year (Công văn of the MOJ)."""

    year = models.PositiveSmallIntegerField("năm", unique=True)
    absent_over_months = models.PositiveSmallIntegerField(
        "miễn khi vắng mặt trên (tháng)", default=8
    )
    appointed_under_months = models.PositiveSmallIntegerField(
        "miễn khi bổ nhiệm chưa đủ (tháng)", default=4
    )
    leader_percent = models.PositiveSmallIntegerField(
        "chỉ tiêu của lãnh đạo (% chỉ tiêu TGV)", default=50
    )
    source = models.CharField("căn cứ", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "quy định chỉ tiêu năm"
        verbose_name_plural = "quy định chỉ tiêu năm"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"Chỉ tiêu năm {self.year}"

    def to_rule(self) -> rules.QuotaRules:
        return rules.QuotaRules(
            self.absent_over_months, self.appointed_under_months, Fraction(self.leader_percent, 100)
        )


class QuotaDecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Decisions of the user's centre (any member), of the province (a Sở reviewer)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if not (roles.is_centre_member(user) or roles.is_doj_reviewer(user) or user.is_superuser):
            return self.none()
        return roles.scope_to_centres(self, user)


class QuotaDecision(models.Model):
    """The director's decision assigning each officer's quota for a year."""

    Status = QuotaDecisionStatus

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    status = models.CharField(
        "trạng thái", max_length=8, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    history = HistoricalRecords()

    objects = QuotaDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "quyết định giao chỉ tiêu"
        verbose_name_plural = "quyết định giao chỉ tiêu"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="quota_decision_per_year")
        ]

    def __str__(self) -> str:
        return f"Giao chỉ tiêu năm {self.year}"


class OfficerQuota(models.Model):
    """One officer's line of the decision: what it depends on and the levels it gives."""

    decision = models.ForeignKey(
        QuotaDecision, verbose_name="quyết định", on_delete=models.CASCADE, related_name="lines"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Trợ giúp viên", on_delete=models.PROTECT,
        related_name="quotas",
    )  # fmt: skip
    appointed_on = models.DateField("ngày bổ nhiệm TGV", null=True, blank=True)
    leader_from = models.DateField("giữ chức vụ lãnh đạo từ ngày", null=True, blank=True)
    absent_months = models.PositiveSmallIntegerField("số tháng vắng mặt", default=0)
    seniority = models.PositiveSmallIntegerField("thâm niên (năm)", default=0)
    exempt_reason = models.CharField("lý do miễn", max_length=255, blank=True)
    pass_from = models.DecimalField("mức Đạt từ", max_digits=6, decimal_places=1, default=0)
    good_from = models.DecimalField("mức Khá từ", max_digits=6, decimal_places=1, default=0)
    excellent_from = models.DecimalField("mức Tốt từ", max_digits=6, decimal_places=1, default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu của Trợ giúp viên"
        verbose_name_plural = "chỉ tiêu của Trợ giúp viên"
        ordering = ["user__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "user"], name="officer_quota_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.decision}"


class CoPerformer(models.Model):
    """A second (third ...) officer performing a case with its performer: each counts a
    share of the case in the quota."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.CASCADE, related_name="co_performers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người cùng thực hiện", on_delete=models.PROTECT,
        related_name="co_performed",
    )  # fmt: skip
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "người cùng thực hiện"
        verbose_name_plural = "người cùng thực hiện"
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="co_performer_once")]

    def __str__(self) -> str:
        return f"{self.user} – {self.case}"
