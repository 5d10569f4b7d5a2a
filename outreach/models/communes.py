"""The province's communes as the centre sees them, year by year: especially disadvantaged
(ĐBKK) with the legal basis, border commune, poor commune, ethnic composition; and the
grassroots contacts (collaborators) in each commune, with their consent to be recorded.

The communes themselves are the `vietnam-provinces` list (tgpl.geography): rows here are
the centre's annotations of a commune code for a year.
"""

from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from tgpl import geography
from tgpl.models import Centre, User


class CommuneYear(models.Model):
    centre = models.ForeignKey(
        Centre, verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    commune_code = models.PositiveIntegerField("xã, phường")
    year = models.PositiveSmallIntegerField("năm")
    disadvantaged = models.BooleanField("xã đặc biệt khó khăn (ĐBKK)", default=False)
    disadvantaged_basis = models.CharField(
        "căn cứ xác định ĐBKK", max_length=255, blank=True, help_text="Số, ngày quyết định."
    )
    designated_from = models.DateField("ĐBKK từ ngày", null=True, blank=True)
    designated_until = models.DateField("ĐBKK đến ngày", null=True, blank=True)
    border = models.BooleanField("xã biên giới", default=False)
    poor = models.BooleanField("xã nghèo", default=False)
    ethnic_composition = models.CharField("thành phần dân tộc", max_length=255, blank=True)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    reviewed_by = models.ForeignKey(
        User, verbose_name="người rà soát", on_delete=models.PROTECT, null=True, related_name="+"
    )
    reviewed_on = models.DateField("ngày rà soát", null=True, blank=True)
    history = HistoricalRecords()

    ANNOTATIONS = (
        "disadvantaged", "disadvantaged_basis", "designated_from", "designated_until",
        "border", "poor", "ethnic_composition",
    )  # fmt: skip

    class Meta:
        verbose_name = "thông tin xã theo năm"
        verbose_name_plural = "thông tin xã theo năm"
        ordering = ["year", "commune_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "commune_code", "year"], name="communeyear_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commune_name} ({self.year})"

    @property
    def commune_name(self) -> str:
        return geography.commune_name(self.commune_code)

    def disadvantaged_on(self, on) -> bool:
        """ĐBKK on that day: designated this year, within the dates of the decision."""
        if not self.disadvantaged or on.year != self.year:
            return False
        if self.designated_from and on < self.designated_from:
            return False
        return not (self.designated_until and on > self.designated_until)


class CommuneContact(models.Model):
    """A collaborator or grassroots contact in a commune (cán bộ tư pháp xã, trưởng thôn,
    cộng tác viên), kept only with their consent."""

    centre = models.ForeignKey(
        Centre, verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    commune_code = models.PositiveIntegerField("xã, phường", db_index=True)
    name = models.CharField("họ và tên", max_length=255)
    role = models.CharField("vai trò, chức vụ", max_length=128)
    phone = models.CharField("điện thoại", max_length=32, blank=True)
    consent_on = models.DateField("ngày đồng ý cho lưu thông tin")
    consent_note = models.CharField("hình thức đồng ý", max_length=255, blank=True)
    is_active = models.BooleanField("đang liên hệ", default=True)
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cộng tác viên, đầu mối cơ sở"
        verbose_name_plural = "cộng tác viên, đầu mối cơ sở"
        ordering = ["commune_code", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"
