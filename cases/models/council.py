"""The provincial inter-agency council on legal aid in proceedings (Hội đồng phối hợp liên
ngành về TGPL trong hoạt động tố tụng, TTLT 10/2018): its members, its meetings with their
minutes, and its twice-yearly reports on the register of notices (Mẫu 05)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.rules import council as rules
from tgpl import roles


class CouncilQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The council of the centres the user sees, for those who follow it (the Sở's
        reviewer included: members, meetings and reports name no applicant)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not roles.can_see_council(user):
            return self.none()
        return roles.scope_to_centres(self, user)


class CouncilMember(models.Model):
    class Sector(models.TextChoices):
        JUSTICE = rules.JUSTICE, "Sở Tư pháp"
        LEGAL_AID = rules.LEGAL_AID, "Trung tâm Trợ giúp pháp lý nhà nước"
        POLICE = rules.POLICE, "Công an tỉnh"
        PROCURACY = rules.PROCURACY, "Viện kiểm sát nhân dân tỉnh"
        COURT = rules.COURT, "Tòa án nhân dân tỉnh"
        MILITARY = rules.MILITARY, "Bộ Chỉ huy Quân sự tỉnh"
        FINANCE = rules.FINANCE, "Sở Tài chính"
        OTHER = rules.OTHER, "Cơ quan khác"

    class Position(models.TextChoices):
        CHAIR = rules.CHAIR, "Chủ tịch Hội đồng"
        VICE_CHAIR = rules.VICE_CHAIR, "Phó Chủ tịch Hội đồng"
        SECRETARIAT_HEAD = rules.SECRETARIAT_HEAD, "Thành viên, Tổ trưởng Tổ giúp việc"
        MEMBER = rules.MEMBER, "Thành viên"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    full_name = models.CharField("họ và tên", max_length=255)
    job_title = models.CharField("chức vụ tại cơ quan", max_length=255)
    sector = models.CharField("ngành", max_length=16, choices=Sector.choices)
    position = models.CharField(
        "vị trí trong Hội đồng", max_length=16, choices=Position.choices, default=rules.MEMBER
    )
    joined_on = models.DateField("tham gia từ ngày")
    left_on = models.DateField("thôi tham gia từ ngày", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = "thành viên Hội đồng phối hợp liên ngành"
        verbose_name_plural = "thành viên Hội đồng phối hợp liên ngành"
        ordering = ["left_on", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "position"],
                condition=Q(
                    left_on__isnull=True, position__in=[rules.CHAIR, rules.SECRETARIAT_HEAD]
                ),
                name="council_one_chair_one_secretariat_head",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="council_member_left_after_joining",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.get_position_display()}"


def minutes_path(instance, filename):
    return f"cases/council/{instance.centre_id}/{filename}"


class CouncilMeeting(models.Model):
    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField("ngày họp")
    place = models.CharField("địa điểm", max_length=255)
    agenda = models.TextField("nội dung cuộc họp")
    minutes = models.FileField("biên bản cuộc họp", upload_to=minutes_path, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = "cuộc họp Hội đồng phối hợp liên ngành"
        verbose_name_plural = "cuộc họp Hội đồng phối hợp liên ngành"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Cuộc họp ngày {self.held_on:%d/%m/%Y}"


class CouncilReport(models.Model):
    """A report of the council's year: the 1st (01/01–31/10, content and data: Mẫu 06A and
    06B), the 2nd (01/01–31/12, data only: Mẫu 06C). Its figures are read from the
    register of notices when shown or printed, until it is numbered: from then on the
    figures of that moment are kept with it."""

    class Round(models.IntegerChoices):
        FIRST = rules.FIRST, "Báo cáo lần 1 (01/01 – 31/10)"
        SECOND = rules.SECOND, "Báo cáo lần 2 (01/01 – 31/12)"

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    round = models.PositiveSmallIntegerField("lần báo cáo", choices=Round.choices)
    content = models.TextField("nội dung báo cáo", blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người lập", on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    prepared_at = models.DateTimeField("thời điểm lập")
    # the register's counts when the report was numbered (selectors_council.frozen_rows):
    # a numbered report says what it said that day, whatever is entered in the register
    # after; None while it is a draft, whose figures are read live
    figures = models.JSONField("số liệu khi cấp số", null=True, blank=True, editable=False)
    figures_at = models.DateTimeField(
        "thời điểm chốt số liệu", null=True, blank=True, editable=False
    )
    history = HistoricalRecords()

    objects = CouncilQuerySet.as_manager()

    class Meta:
        verbose_name = "báo cáo của Hội đồng phối hợp liên ngành"
        verbose_name_plural = "báo cáo của Hội đồng phối hợp liên ngành"
        ordering = ["-year", "-round"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "round"], name="council_report_one_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_round_display()} năm {self.year}"

    @property
    def forms(self) -> str:
        return rules.forms_of(self.round)
