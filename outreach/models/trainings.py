"""Trainings of the centre's people (tập huấn, bồi dưỡng nghiệp vụ; TT 12/2018 Điều 4).

- `TrainingMinimum` and `ExemptionReason`: the rules a circular can change (khoản 1, 4),
  shared catalogues with validity dates, kept by the system administrator;
- `TrainingSession`: a training (dates, hours, form, content, organiser, inside or
  outside the centre); `Attendance`: who attended and for how many hours, with the
  certificate; `Nomination`: the decision sending people to a training (văn bản cử);
- `Exemption`: an officer exempt (khoản 4) with its reason and dates;
- `ComplianceReport`: the yearly list of khoản 5, numbered once prepared.

Writes go through outreach/services/trainings.py; the rules are outreach/rules/trainings.py.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from outreach.rules.trainings import ExemptionPeriod, MinimumRule, ReasonRule


class TrainingMinimum(models.Model):
    """The least hours of training a year of a legal-aid officer (TT 12/2018 Điều 4.1)."""

    hours = models.DecimalField("số giờ tối thiểu mỗi năm", max_digits=5, decimal_places=1)
    legal_basis = models.CharField("căn cứ", max_length=255)
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "số giờ bồi dưỡng tối thiểu"
        verbose_name_plural = "số giờ bồi dưỡng tối thiểu"
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0), name="trainingminimum_positive_hours"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="trainingminimum_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hours} giờ từ {self.valid_from:%d/%m/%Y} ({self.legal_basis})"

    def to_rule(self) -> MinimumRule:
        return MinimumRule(
            hours=self.hours,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            legal_basis=self.legal_basis,
        )


class ExemptionReason(models.Model):
    """A reason of exemption from the yearly training (TT 12/2018 Điều 4.4)."""

    code = models.CharField("ký hiệu", max_length=16)
    name = models.CharField("lý do miễn", max_length=255)
    legal_basis = models.CharField("căn cứ", max_length=255)
    min_months = models.PositiveSmallIntegerField(
        "thời gian tối thiểu (tháng)",
        default=0,
        help_text="0: không đòi hỏi thời gian tối thiểu.",
    )
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "lý do miễn bồi dưỡng"
        verbose_name_plural = "lý do miễn bồi dưỡng"
        ordering = ["position", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="exemptionreason_unique_version"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="exemptionreason_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def to_rule(self) -> ReasonRule:
        return ReasonRule(
            code=self.code,
            name=self.name,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            min_months=self.min_months,
            legal_basis=self.legal_basis,
        )


class TrainingSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sessions of the centres the user sees (the centre's people, the Sở reviewer)."""
        from tgpl import roles

        if not roles.can_see_trainings(user):
            return self.none()
        return roles.scope_to_centres(self, user)


class CentreRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Exemptions and yearly reports: for those who read the compliance of the centre."""
        from tgpl import roles

        if not roles.can_see_training_compliance(user):
            return self.none()
        return roles.scope_to_centres(self, user)


class TrainingSession(models.Model):
    """A training, conference or seminar that staff attend (Điều 4.2: its form)."""

    class Form(models.TextChoices):
        COURSE = "course", "Tập huấn, bồi dưỡng trực tiếp"
        ONLINE = "online", "Tập huấn trực tuyến"
        CONFERENCE = "conference", "Hội nghị, hội thảo"
        SEMINAR = "seminar", "Tọa đàm, trao đổi kinh nghiệm"
        OTHER = "other", "Hình thức khác"

    centre = models.ForeignKey(
        "tgpl.Centre",
        verbose_name="Trung tâm",
        on_delete=models.PROTECT,
        related_name="training_sessions",
    )
    title = models.CharField("tên lớp, hội nghị", max_length=255)
    content = models.TextField("nội dung")
    form = models.CharField("hình thức", max_length=16, choices=Form.choices)
    organiser = models.CharField("đơn vị tổ chức", max_length=255)
    held_by_centre = models.BooleanField(
        "do Trung tâm tổ chức",
        default=True,
        help_text="Bỏ chọn nếu lớp do cơ quan, đơn vị khác tổ chức (bên ngoài Trung tâm).",
    )
    location = models.CharField("địa điểm", max_length=255, blank=True)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    hours = models.DecimalField("thời lượng (giờ)", max_digits=5, decimal_places=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("thời điểm tạo", auto_now_add=True)
    history = HistoricalRecords()

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = "lớp tập huấn, bồi dưỡng"
        verbose_name_plural = "lớp tập huấn, bồi dưỡng"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="trainingsession_dates_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gt=0), name="trainingsession_positive_hours"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on:%d/%m/%Y})"

    @property
    def year(self) -> int:
        """A session counts in the year it ends (a course over New Year: the new year)."""
        return self.ends_on.year

    @property
    def dates_text(self) -> str:
        if self.starts_on == self.ends_on:
            return f"{self.starts_on:%d/%m/%Y}"
        return f"{self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y}"


def certificate_path(instance, filename):
    suffix = PurePath(filename).suffix.lower()
    return f"outreach/trainings/{instance.session_id}/{uuid.uuid4().hex}{suffix}"


class Attendance(models.Model):
    """A person at a training: the hours they attended, their certificate. `hours` is empty
    while they are only nominated (sent, not yet back)."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name="lớp tập huấn",
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tham dự",
        on_delete=models.PROTECT,
        related_name="training_attendances",
    )
    hours = models.DecimalField(
        "số giờ tham dự", max_digits=5, decimal_places=1, null=True, blank=True
    )
    certificate = models.FileField("giấy chứng nhận", upload_to=certificate_path, blank=True)
    certificate_name = models.CharField("tên tệp giấy chứng nhận", max_length=255, blank=True)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "người tham dự tập huấn"
        verbose_name_plural = "người tham dự tập huấn"
        ordering = ["person__full_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="attendance_one_per_person"),
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gte=0),
                name="attendance_hours_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.session}"


class Nomination(models.Model):
    """The decision sending people of the centre to a training (văn bản cử), numbered in
    the register when it is made."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name="lớp tập huấn",
        on_delete=models.CASCADE,
        related_name="nominations",
    )
    people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="người được cử", related_name="+"
    )
    purpose = models.TextField("nội dung cử", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("thời điểm cử", auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[people])

    class Meta:
        verbose_name = "quyết định cử tham gia tập huấn"
        verbose_name_plural = "quyết định cử tham gia tập huấn"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Cử tham gia {self.session}"


class Exemption(models.Model):
    """An officer exempt from the yearly training (Điều 4.4), with its reason and dates."""

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="trợ giúp viên pháp lý",
        on_delete=models.PROTECT,
        related_name="training_exemptions",
    )
    reason = models.ForeignKey(
        ExemptionReason, verbose_name="lý do miễn", on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    note = models.CharField("căn cứ, ghi chú", max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)
    history = HistoricalRecords()

    objects = CentreRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "trường hợp miễn bồi dưỡng"
        verbose_name_plural = "trường hợp miễn bồi dưỡng"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="exemption_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.reason} ({self.starts_on:%d/%m/%Y})"

    @property
    def dates_text(self) -> str:
        return f"{self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y}"

    def to_period(self) -> ExemptionPeriod:
        return ExemptionPeriod(
            reason=self.reason.to_rule(), starts_on=self.starts_on, ends_on=self.ends_on
        )


class ComplianceReport(models.Model):
    """The centre's yearly list of officers' training (Điều 4.5), once prepared and
    numbered; its content is computed from the data when downloaded."""

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("năm")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("thời điểm lập", auto_now_add=True)
    history = HistoricalRecords()

    objects = CentreRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "báo cáo thực hiện nghĩa vụ bồi dưỡng"
        verbose_name_plural = "báo cáo thực hiện nghĩa vụ bồi dưỡng"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "year"], name="compliancereport_one_a_year"),
        ]

    def __str__(self) -> str:
        return f"Báo cáo bồi dưỡng năm {self.year}"
