"""The eligibility catalogue (Điều 7, versioned by dates) and the legal fields, as data."""

from django.db import models
from simple_history.models import HistoricalRecords

from cases.rules.eligibility import CategoryRule


class LegalField(models.Model):
    code = models.CharField("mã", max_length=32, unique=True)
    name = models.CharField("lĩnh vực pháp luật", max_length=255)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField("đang dùng", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "lĩnh vực pháp luật"
        verbose_name_plural = "lĩnh vực pháp luật"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ProofDocument(models.Model):
    code = models.CharField("mã", max_length=32, unique=True)
    name = models.CharField("tên giấy tờ", max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "giấy tờ chứng minh"
        verbose_name_plural = "giấy tờ chứng minh"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CategoryProof(models.Model):
    """Documents with the same group number are alternatives; every group is needed."""

    category = models.ForeignKey(
        "cases.EligibilityCategory", on_delete=models.CASCADE, related_name="category_proofs"
    )
    document = models.ForeignKey(ProofDocument, on_delete=models.PROTECT, verbose_name="giấy tờ")
    group = models.PositiveSmallIntegerField("nhóm", default=1)

    class Meta:
        verbose_name = "giấy tờ cần cho diện"
        verbose_name_plural = "giấy tờ cần cho diện"
        constraints = [
            models.UniqueConstraint(
                fields=["category", "document", "group"], name="category_proof_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category_id}/{self.group}: {self.document_id}"


class EligibilityCategory(models.Model):
    """A group of Điều 7 with its dates (e.g. 7g until 30/06/2025, 6a from 01/07/2025)."""

    code = models.CharField("ký hiệu", max_length=8)
    article = models.CharField("căn cứ", max_length=128)
    name = models.CharField("diện người được TGPL", max_length=255)
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    # Age on the request date, for the categories the law defines by age ("trẻ em": under
    # 16; "từ đủ 16 tuổi đến dưới 18 tuổi"; "người cao tuổi": from 60): from min_age
    # (inclusive) to under max_age; empty: no bound.
    min_age = models.PositiveSmallIntegerField(
        "từ đủ (tuổi)", null=True, blank=True, help_text="Tuổi vào ngày tiếp nhận yêu cầu."
    )
    max_age = models.PositiveSmallIntegerField(
        "đến dưới (tuổi)", null=True, blank=True, help_text="Tuổi vào ngày tiếp nhận yêu cầu."
    )
    documents = models.ManyToManyField(
        ProofDocument, through=CategoryProof, verbose_name="giấy tờ chứng minh", blank=True
    )
    history = HistoricalRecords(m2m_fields=[documents])

    class Meta:
        verbose_name = "diện người được TGPL"
        verbose_name_plural = "diện người được TGPL"
        ordering = ["position", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="category_unique_version"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="category_valid_range",
            ),
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(max_age__gt=models.F("min_age")),
                name="category_age_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def to_rule(self) -> CategoryRule:
        """The pure rule; uses `category_proofs` (prefetch it for lists)."""
        groups: dict[int, list[str]] = {}
        for link in self.category_proofs.all():
            groups.setdefault(link.group, []).append(link.document.code)
        return CategoryRule(
            code=self.code,
            article=self.article,
            name=self.name,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            min_age=self.min_age,
            max_age=self.max_age,
            proof_groups=tuple(tuple(sorted(g)) for _, g in sorted(groups.items())),
        )
