"""A periodic report of a centre to the Sở Tư pháp, its sent versions and the review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from reports.rules.periods import LABELS, Kind, Period
from reports.states import ReportStatus, ReviewAction
from tgpl import roles

KIND_CHOICES = [(k.value, label) for k, label in LABELS.items()]

# the fields a hand-over column may take (reports/handover.py FIELDS gives their values)
HANDOVER_FIELDS = [
    ("code", "Mã vụ việc"), ("register_number", "Số thụ lý"), ("accepted_on", "Ngày thụ lý"),
    ("form", "Hình thức"), ("legal_field", "Lĩnh vực"), ("status", "Trạng thái"),
    ("outcome", "Kết quả"), ("ended_on", "Ngày kết thúc"), ("department", "Phòng, chi nhánh"),
    ("performer", "Người thực hiện"), ("performer_kind", "Loại người thực hiện"),
    ("full_name", "Họ tên người được TGPL"), ("sex", "Giới tính"), ("birth_year", "Năm sinh"),
    ("ethnicity", "Dân tộc"), ("identity_number", "Số định danh"), ("address", "Địa chỉ"),
    ("commune", "Xã, phường"), ("categories", "Diện người được TGPL"),
]  # fmt: skip


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The centre's preparers see its reports; a Sở reviewer those of the province's
        centres once sent (a draft is the centre's own); a superuser all."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        scope = Q(pk__in=[])
        if roles.can_prepare_reports(user):
            scope |= Q(centre_id=user.centre_id)
        if roles.is_doj_reviewer(user):
            scope |= Q(centre__in=roles.visible_centres(user), version__gt=0)
        return self.filter(scope)


class Report(models.Model):
    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại báo cáo", max_length=32, choices=KIND_CHOICES)
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveSmallIntegerField("kỳ (tháng, quý)", default=1)
    start = models.DateField("số liệu từ ngày")
    end = models.DateField("số liệu đến ngày (chốt số liệu)")
    covers_to = models.DateField("báo cáo đến ngày (gồm phần ước tính)")
    due = models.DateField("hạn gửi Sở Tư pháp")
    title = models.CharField("trích yếu", max_length=300)
    status = models.CharField(
        "trạng thái", max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    version = models.PositiveSmallIntegerField("số phiên bản đã gửi", default=0)
    narrative = models.JSONField("nội dung báo cáo (theo mục)", default=dict, blank=True)
    estimates = models.JSONField("số liệu ước tính", default=dict, blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField("ngày lập")
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người ký duyệt", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    signed_off_at = models.DateTimeField("thời điểm ký duyệt", null=True, blank=True)
    sent_at = models.DateTimeField("thời điểm gửi gần nhất", null=True, blank=True)
    decided_at = models.DateTimeField("thời điểm Sở trả lại / tiếp nhận", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người của Sở", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    history = HistoricalRecords()

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-end", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "kind", "year", "number"],
                condition=~Q(kind=Kind.AD_HOC),
                name="report_one_per_period",
            ),
            models.CheckConstraint(condition=Q(end__gte=models.F("start")),
                                   name="report_period_order"),
        ]  # fmt: skip
        indexes = [models.Index(fields=["centre", "status", "due"])]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> Period:
        return Period(
            Kind(self.kind), self.year, self.number, self.start, self.end, self.covers_to, self.due
        )

    @property
    def is_frozen(self) -> bool:
        return self.status in (ReportStatus.SENT, ReportStatus.ACCEPTED)


class ReportVersion(models.Model):
    """A report as sent: its figures and text frozen, whatever the data become."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("phiên bản")
    figures = models.JSONField("số liệu như đã gửi")
    narrative = models.JSONField("nội dung như đã gửi", default=dict)
    estimates = models.JSONField("ước tính như đã gửi", default=dict)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người gửi", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    sent_at = models.DateTimeField("thời điểm gửi")
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người ký duyệt", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = "phiên bản báo cáo đã gửi"
        verbose_name_plural = "phiên bản báo cáo đã gửi"
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report} – phiên bản {self.number}"


class ReviewStep(models.Model):
    """Who did what to a report and when: sign-off, sending, comments, return, acceptance.

    A comment names what it is about: `target` is "" (the whole report), a narrative
    section ("narrative:results"), a table ("b24") or one figure ("b24|total|cat:2")."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="steps")
    version = models.PositiveSmallIntegerField("phiên bản")
    action = models.CharField("việc", max_length=16, choices=ReviewAction.choices)
    target = models.CharField("góp ý về", max_length=200, blank=True)
    text = models.TextField("nội dung", blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    at = models.DateTimeField("thời điểm")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bước xem xét báo cáo"
        verbose_name_plural = "bước xem xét báo cáo"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"


class HandoverColumn(models.Model):
    """A column of the hand-over spreadsheet to the national TGPL software: which field of
    a case, under which title, in which order, its values translated by `values` (the
    national software's value lists, e.g. {"litigation": "Tham gia tố tụng"}). Kept by the
    system administrator; with no rows, the default columns (reports/handover.py) apply."""

    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    field = models.CharField("trường dữ liệu", max_length=32, choices=HANDOVER_FIELDS)
    title = models.CharField("tiêu đề cột", max_length=128)
    values = models.JSONField(
        "bảng chuyển đổi giá trị", default=dict, blank=True,
        help_text='Ví dụ {"litigation": "1", "advice": "2"}; giá trị không có trong bảng '
        "giữ nguyên.",
    )  # fmt: skip
    is_active = models.BooleanField("đang dùng", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cột bảng chuyển dữ liệu sang phần mềm quốc gia"
        verbose_name_plural = "cột bảng chuyển dữ liệu sang phần mềm quốc gia"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if not isinstance(self.values, dict):
            raise ValidationError({"values": "Bảng chuyển đổi là một đối tượng JSON."})


from .models_settings import ReportSettings  # noqa: E402  (a model of its own module)

__all__ = ["HandoverColumn", "Report", "ReportSettings", "ReportVersion", "ReviewStep"]
