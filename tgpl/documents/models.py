"""The register of issued documents (sổ đăng ký văn bản đi) and its number counters.

Nghị định 30/2020, Điều 15: numbers run from 01 on 1 January to 31 December,
unique per agency and year. Here a series is (centre, type code, year); its
counter row is locked while a number is taken, and a unique constraint on the
register makes a duplicate impossible even if a lock were missed. Numbers are
never reused: the counter only goes up, whatever happens to a register row.

Imported in tgpl/models.py so that Django finds these models in the tgpl app.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .content import KINDS

KIND_CHOICES = [(code, name.capitalize()) for code, name in KINDS.items()]


class DocumentCounter(models.Model):
    """The last number given in a series: one row per (centre, type, year)."""

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại văn bản", max_length=8, choices=KIND_CHOICES)
    year = models.PositiveSmallIntegerField("năm")
    last_serial = models.PositiveIntegerField("số đã cấp gần nhất", default=0)

    class Meta:
        verbose_name = "bộ đếm số văn bản"
        verbose_name_plural = "bộ đếm số văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "kind", "year"], name="documentcounter_unique_series"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last_serial}"


class IssuedDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The register of the user's own centre (subjects may name aided persons)."""
        from tgpl import roles

        if not roles.can_see_document_register(user):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(centre_id=user.centre_id)


class IssuedDocument(models.Model):
    """A number given to an outgoing document: "05/QĐ-TGPL" of 2026. Append-only."""

    centre = models.ForeignKey(
        "tgpl.Centre",
        verbose_name="Trung tâm",
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    kind = models.CharField("loại văn bản", max_length=8, choices=KIND_CHOICES)
    year = models.PositiveSmallIntegerField("năm")
    serial = models.PositiveIntegerField("số")
    number_text = models.CharField("số, ký hiệu", max_length=64)
    subject = models.CharField("trích yếu", max_length=500)
    issued_on = models.DateField("ngày ban hành")
    content_type = models.ForeignKey(
        ContentType,
        verbose_name="loại đối tượng",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField("mã đối tượng", null=True, blank=True)
    obj = GenericForeignKey("content_type", "object_id")
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người cấp số",
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField("thời điểm cấp số", default=timezone.now)

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "văn bản đã cấp số"
        verbose_name_plural = "sổ đăng ký văn bản đi"
        ordering = ["-year", "kind", "-serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "kind", "year", "serial"], name="issueddocument_unique_number"
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="issueddocument_object"),
        ]

    def __str__(self) -> str:
        return f"{self.number_text} ({self.issued_on:%d/%m/%Y}): {self.subject[:80]}"
