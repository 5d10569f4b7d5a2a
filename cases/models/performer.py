"""Performers of legal aid, lawyers' contracts and the yearly litigation quota tiers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from cases.rules import performers as rules


class Performer(models.Model):
    class Kind(models.TextChoices):
        LEGAL_AID_OFFICER = rules.LEGAL_AID_OFFICER, "Trợ giúp viên pháp lý"
        CONTRACTED_LAWYER = rules.CONTRACTED_LAWYER, "Luật sư ký hợp đồng"
        COLLABORATOR = rules.COLLABORATOR, "Cộng tác viên"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="người dùng",
        on_delete=models.PROTECT,
        related_name="performer",
    )
    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại người thực hiện", max_length=32, choices=Kind.choices)
    card_number = models.CharField("số thẻ", max_length=32, blank=True)
    appointed_on = models.DateField(
        "ngày bổ nhiệm TGV", null=True, blank=True, help_text="Dùng để tính thâm niên chỉ tiêu."
    )
    is_active = models.BooleanField("đang hoạt động", default=True)
    # Cases of this person assigned or in progress: kept by the services that appoint,
    # replace, close and discontinue (cases.services.workload), so the performer choice
    # on a case page reads it instead of counting every case.
    open_cases = models.PositiveIntegerField("số vụ việc đang thực hiện", default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["open_cases"])

    class Meta:
        verbose_name = "người thực hiện TGPL"
        verbose_name_plural = "người thực hiện TGPL"
        ordering = ["user__full_name"]

    def __str__(self) -> str:
        return f"{self.user.full_name} ({self.get_kind_display()})"

    def clean(self):
        if self.user_id and self.centre_id and self.user.centre_id != self.centre_id:
            raise ValidationError({"user": "Người thực hiện phải thuộc Trung tâm này."})


class LawyerContract(models.Model):
    """A contract with a lawyer or collaborator: ≤ 3 years, renewable once."""

    performer = models.ForeignKey(
        Performer,
        verbose_name="người thực hiện",
        on_delete=models.CASCADE,
        related_name="contracts",
    )
    number = models.CharField("số hợp đồng", max_length=64)
    start = models.DateField("ngày bắt đầu")
    end = models.DateField("ngày kết thúc")
    renewal_of = models.OneToOneField(
        "self",
        verbose_name="gia hạn của hợp đồng",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hợp đồng thực hiện TGPL"
        verbose_name_plural = "hợp đồng thực hiện TGPL"
        ordering = ["-start"]

    def __str__(self) -> str:
        return f"HĐ {self.number} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"

    def clean(self):
        if self.start and self.end:
            problem = rules.contract_term_problem(self.start, self.end)
            if problem:
                raise ValidationError({"end": problem})
        if self.renewal_of_id:
            problem = rules.renewal_problem(self.renewal_of.renewal_of_id is not None)
            if problem:
                raise ValidationError({"renewal_of": problem})

    def term(self) -> rules.ContractTerm:
        return rules.ContractTerm(self.number, self.start, self.end)


class QuotaTier(models.Model):
    """Yearly litigation quota of legal-aid officers by seniority (MOJ letter each year)."""

    year = models.PositiveSmallIntegerField("năm")
    min_years = models.PositiveSmallIntegerField("thâm niên từ (năm)")
    max_years = models.PositiveSmallIntegerField("đến dưới (năm)", null=True, blank=True)
    pass_from = models.PositiveSmallIntegerField("Đạt từ (vụ việc)")
    good_from = models.PositiveSmallIntegerField("Khá từ")
    excellent_from = models.PositiveSmallIntegerField("Tốt từ")
    source = models.CharField("căn cứ", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mức chỉ tiêu tham gia tố tụng"
        verbose_name_plural = "mức chỉ tiêu tham gia tố tụng"
        ordering = ["-year", "min_years"]
        constraints = [
            models.UniqueConstraint(fields=["year", "min_years"], name="quota_tier_unique")
        ]

    def __str__(self) -> str:
        upper = f"–{self.max_years}" if self.max_years is not None else "+"
        return f"{self.year}: {self.min_years}{upper} năm"
