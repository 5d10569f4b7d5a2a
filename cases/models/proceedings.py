"""Coordination in proceedings (TTLT 10/2018): notices and information from procedural
bodies, defence registrations and their outcome, and the events that restart or extend a
case's limits (papers arrived, force majeure)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.rules import proceedings as rules
from cases.states import Stage
from tgpl import roles


class NoticeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Notices of the user's centre, for the people who receive and assign."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not roles.can_see_notices(user):
            return self.none()
        return self.filter(centre_id=user.centre_id)


class ProceduralNotice(models.Model):
    """A Thông báo (Mẫu 03) or Thông tin (Mẫu 04) of TTLT 10/2018, received to the minute."""

    class Kind(models.TextChoices):
        NOTICE = rules.NOTICE, "Thông báo về TGPL (Mẫu 03)"
        INFORMATION = rules.INFORMATION, "Thông tin về TGPL (Mẫu 04)"

    class PersonStatus(models.TextChoices):
        ARRESTED = rules.ARRESTED, "Người bị bắt"
        DETAINED = rules.DETAINED, "Người bị tạm giữ"
        ACCUSED = rules.ACCUSED, "Bị can"
        DEFENDANT = rules.DEFENDANT, "Bị cáo"
        VICTIM = rules.VICTIM, "Bị hại"
        PARTY = rules.PARTY, "Đương sự"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    register_year = models.PositiveSmallIntegerField("năm")
    register_number = models.PositiveIntegerField("số thứ tự trong sổ")
    agency = models.ForeignKey(
        "tgpl.Agency",
        verbose_name="cơ quan gửi",
        on_delete=models.PROTECT,
        related_name="+",
    )
    officer_name = models.CharField("người tiến hành tố tụng gửi", max_length=255)
    officer_phone = models.CharField("điện thoại của người gửi", max_length=32, blank=True)
    received_at = models.DateTimeField("thời điểm nhận (đến phút)")
    by_phone = models.BooleanField("đã báo trước bằng điện thoại", default=False)
    person_name = models.CharField("họ tên người được TGPL", max_length=255)
    person_status = models.CharField("tư cách tố tụng", max_length=16, choices=PersonStatus.choices)
    person_requested_at = models.DateTimeField(
        "thời điểm người đó yêu cầu TGPL", null=True, blank=True
    )
    mandatory_defence = models.BooleanField("chỉ định người bào chữa", default=False)
    stage = models.CharField("giai đoạn tố tụng", max_length=32, choices=Stage.choices)
    agency_case_number = models.CharField("số vụ án, vụ việc tại cơ quan", max_length=64)
    content = models.TextField("nội dung", blank=True)
    request = models.ForeignKey(
        "cases.LegalAidRequest",
        verbose_name="yêu cầu TGPL",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi nhận",
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField("thời điểm trả lời cơ quan", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    search_key = models.CharField(max_length=600, blank=True, editable=False, db_index=True)
    history = HistoricalRecords()

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = "thông báo, thông tin của cơ quan tiến hành tố tụng"
        verbose_name_plural = "thông báo, thông tin của cơ quan tiến hành tố tụng"
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "register_year", "register_number"],
                name="notice_unique_register_serial",
            )
        ]
        indexes = [models.Index(fields=["centre", "received_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.register_number}/{self.register_year}"


class DefenceRegistration(models.Model):
    """The registration of the appointed performer with the procedural body, and its fate."""

    class Kind(models.TextChoices):
        DEFENCE = rules.DEFENCE, "Đăng ký bào chữa (tố tụng hình sự)"
        PROTECTION = rules.PROTECTION, "Đăng ký người bảo vệ quyền lợi của đương sự"

    class Outcome(models.TextChoices):
        PENDING = "", "Chờ cơ quan đăng ký"
        REGISTERED = "registered", "Đã được đăng ký"
        REFUSED = rules.REFUSED, "Bị từ chối đăng ký"
        CANCELLED = rules.CANCELLED, "Bị hủy bỏ đăng ký"

    case = models.ForeignKey(
        "cases.Case",
        verbose_name="vụ việc",
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    notice = models.ForeignKey(
        ProceduralNotice,
        verbose_name="thông báo",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    kind = models.CharField("loại đăng ký", max_length=16, choices=Kind.choices)
    agency = models.ForeignKey(
        "tgpl.Agency", verbose_name="cơ quan đăng ký", on_delete=models.PROTECT, related_name="+"
    )
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện đăng ký",
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField("thời điểm nộp đủ giấy tờ")
    outcome = models.CharField(
        "kết quả", max_length=16, choices=Outcome.choices, blank=True, default=""
    )
    registered_at = models.DateTimeField("thời điểm được đăng ký", null=True, blank=True)
    outcome_at = models.DateTimeField("thời điểm nhận kết quả", null=True, blank=True)
    outcome_reason = models.TextField("lý do từ chối, hủy bỏ", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "đăng ký bào chữa, bảo vệ quyền lợi"
        verbose_name_plural = "đăng ký bào chữa, bảo vệ quyền lợi"
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome_at__isnull=False),
                name="registration_outcome_has_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.case}"


class LimitEvent(models.Model):
    """What restarts or extends a case's limit, recorded with its moment and reason."""

    class Kind(models.TextChoices):
        PAPERS_ARRIVED = "papers_arrived", "Nhận đủ giấy tờ còn thiếu (Luật TGPL Điều 32.2)"
        FORCE_MAJEURE = "force_majeure", "Sự kiện bất khả kháng (TT 12/2018 Điều 6.2)"

    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.CASCADE, related_name="limit_events"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    at = models.DateTimeField("thời điểm")
    note = models.TextField("lý do, giấy tờ")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sự kiện tính lại thời hạn"
        verbose_name_plural = "sự kiện tính lại thời hạn"
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(kind="force_majeure"),
                name="limit_event_one_force_majeure",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.case}"
