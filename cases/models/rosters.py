"""Monthly duty rosters at courts, investigation bodies and detention facilities, and the
performers' leave that a roster must respect."""

from datetime import time

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tgpl import roles


class PerformerLeave(models.Model):
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.CASCADE,
        related_name="leaves",
    )  # fmt: skip
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    reason = models.CharField("lý do", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nghỉ phép của người thực hiện"
        verbose_name_plural = "nghỉ phép của người thực hiện"
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                   name="leave_end_after_start"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.performer} nghỉ {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"


class RosterQuerySet(models.QuerySet):
    def visible_to(self, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not roles.is_centre_member(user):
            return self.none()
        return self.filter(centre_id=user.centre_id)


class DutyRoster(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Đang lập"
        ISSUED = "issued", "Đã ban hành"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        "tgpl.Agency", verbose_name="nơi trực", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    month = models.PositiveSmallIntegerField("tháng")
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField("thời điểm ban hành", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    history = HistoricalRecords()

    objects = RosterQuerySet.as_manager()

    class Meta:
        verbose_name = "lịch trực"
        verbose_name_plural = "lịch trực"
        ordering = ["-year", "-month", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "agency", "year", "month"],
                                    name="roster_unique_month"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"Lịch trực tháng {self.month:02d}/{self.year} – {self.agency.name}"


class DutyShift(models.Model):
    roster = models.ForeignKey(
        DutyRoster, verbose_name="lịch trực", on_delete=models.CASCADE, related_name="shifts"
    )
    day = models.DateField("ngày trực")
    start = models.TimeField("từ giờ", default=time(7, 30))
    end = models.TimeField("đến giờ", default=time(17, 0))
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người trực", on_delete=models.PROTECT,
        related_name="duty_shifts",
    )  # fmt: skip
    phone = models.CharField("điện thoại liên hệ", max_length=32)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ca trực"
        verbose_name_plural = "ca trực"
        ordering = ["day", "start"]
        indexes = [models.Index(fields=["performer", "day"])]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.performer}"


class FormHandover(models.Model):
    """What the Centre supplied to a procedural body or detention facility (TTLT 10/2018
    Điều 3.2): leaflets, the request form, the forms of the TTLT, the list of performers
    with their phones; a record of what was handed to which agency and when."""

    class Item(models.TextChoices):
        LEAFLET = "leaflet", "Tờ gấp pháp luật về TGPL"
        BOARD = "board", "Bảng thông tin về TGPL"
        BOX = "box", "Hộp tin TGPL"
        REQUEST_FORM = "form_02", "Đơn yêu cầu TGPL (Mẫu 02-TP-TGPL)"
        TTLT_01 = "ttlt_01", "Bản thông tin về người được TGPL (Mẫu 01 TTLT 10/2018)"
        TTLT_02 = "ttlt_02", "Biên bản giải thích về quyền được TGPL (Mẫu 02 TTLT 10/2018)"
        TTLT_03 = "ttlt_03", "Thông báo về TGPL (Mẫu 03 TTLT 10/2018)"
        TTLT_04 = "ttlt_04", "Thông tin về TGPL (Mẫu 04 TTLT 10/2018)"
        TTLT_05 = "ttlt_05", "Sổ theo dõi vụ việc TGPL trong hoạt động tố tụng (Mẫu 05)"
        PERFORMER_LIST = "performers", "Danh sách, số điện thoại người thực hiện TGPL"
        AUDIO = "audio", "Tệp âm thanh (cơ sở giam giữ)"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        "tgpl.Agency", verbose_name="cơ quan nhận", on_delete=models.PROTECT, related_name="+"
    )
    handed_on = models.DateField("ngày giao")
    item = models.CharField("tài liệu", max_length=16, choices=Item.choices)
    quantity = models.PositiveIntegerField("số lượng", default=1)
    received_by = models.CharField("người nhận tại cơ quan", max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tài liệu đã cung cấp cho cơ quan"
        verbose_name_plural = "tài liệu đã cung cấp cho cơ quan"
        ordering = ["-handed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_item_display()} × {self.quantity} – {self.agency}"
