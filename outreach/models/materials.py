"""Outreach materials (tài liệu truyền thông) and where they were placed.

Stock left = produced − placed. Boards and boxes placed at a commune or an agency are
inspected and replaced on a schedule (the 2024 coordination plan: at courts, police,
border posts and detention facilities); `next_inspection_on` says when.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from tgpl import geography
from tgpl.models import Agency, Centre, User

from .activities import Language


class Material(models.Model):
    class Kind(models.TextChoices):
        INFO_BOARD = "info_board", "Bảng thông tin"
        INFO_BOX = "info_box", "Hộp tin"
        LEAFLET = "leaflet", "Tờ gấp"
        INFO_SHEET = "info_sheet", "Tờ thông tin"
        POSTER = "poster", "Áp phích"
        BOOKLET = "booklet", "Sổ tay, tài liệu"
        CLIP = "clip", "Audio, video clip"
        USB = "usb", "USB cho cơ sở giam giữ"

    INSPECTED_KINDS = frozenset({Kind.INFO_BOARD, Kind.INFO_BOX})

    centre = models.ForeignKey(
        Centre, verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    title = models.CharField("tên, nội dung", max_length=255)
    language = models.ForeignKey(
        Language, verbose_name="ngôn ngữ", on_delete=models.PROTECT, null=True, blank=True
    )
    quantity_produced = models.PositiveIntegerField(
        "số lượng sản xuất", validators=[MinValueValidator(1)]
    )
    produced_on = models.DateField("ngày nhận từ nơi sản xuất")
    cost_vnd = models.BigIntegerField(
        "kinh phí (đồng)", null=True, blank=True, validators=[MinValueValidator(0)]
    )
    inspection_months = models.PositiveSmallIntegerField(
        "chu kỳ kiểm tra (tháng)",
        default=12,
        help_text="Bảng thông tin, hộp tin: kiểm tra, thay thế theo chu kỳ này.",
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tài liệu truyền thông"
        verbose_name_plural = "tài liệu truyền thông"
        ordering = ["-produced_on", "title"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def is_inspected(self) -> bool:
        return self.kind in self.INSPECTED_KINDS


class Placement(models.Model):
    """Some of a material placed at a commune or an agency (cấp phát, lắp đặt)."""

    material = models.ForeignKey(
        Material, verbose_name="tài liệu", on_delete=models.PROTECT, related_name="placements"
    )
    on = models.DateField("ngày cấp phát, lắp đặt")
    quantity = models.PositiveIntegerField("số lượng", validators=[MinValueValidator(1)])
    commune_code = models.PositiveIntegerField("xã, phường", null=True, blank=True, db_index=True)
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan, đơn vị", on_delete=models.PROTECT, null=True, blank=True
    )
    place_text = models.CharField("vị trí (thôn, trụ sở ...)", max_length=255, blank=True)
    received_by = models.CharField("người nhận", max_length=255)
    plan_item_id = models.PositiveBigIntegerField(
        "nhiệm vụ của kế hoạch (mã)", null=True, blank=True, db_index=True
    )
    next_inspection_on = models.DateField("hạn kiểm tra, thay thế", null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cấp phát, lắp đặt"
        verbose_name_plural = "cấp phát, lắp đặt"
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["next_inspection_on"])]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}: {self.quantity} {self.material.get_kind_display()}"

    @property
    def place(self) -> str:
        where = self.agency.name if self.agency_id else geography.commune_name(self.commune_code)
        return (
            f"{self.place_text}, {where}" if self.place_text and where else where or self.place_text
        )


class Inspection(models.Model):
    """A check of placed boards or boxes: in order, or replaced."""

    class Result(models.TextChoices):
        IN_ORDER = "in_order", "Còn tốt"
        REPLACED = "replaced", "Đã thay thế"
        REMOVED = "removed", "Đã thu hồi"

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="inspections")
    on = models.DateField("ngày kiểm tra")
    result = models.CharField("kết quả", max_length=16, choices=Result.choices)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    inspected_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kiểm tra, thay thế"
        verbose_name_plural = "kiểm tra, thay thế"
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}: {self.get_result_display()}"
