"""Quality appraisal (TT 12/2018 Điều 14–17): the versioned catalogues (criteria, bands,
successful and complex/typical criteria), appraisal plans, the appraisal of a case with
its appraisers, the checklists recorded on a case, and time appraisal (Điều 12)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.rules import appraisal as rules
from cases.rules import appraisal_catalogue as catalogue
from cases.states import AppraisalStatus, Form, PlanStatus, TimeAppraisalStatus
from tgpl import roles


def _valid_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
        name=name,
    )


class InForce(models.QuerySet):
    def in_force(self, on):
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on), valid_from__lte=on)


# --- catalogues ---------------------------------------------------------------------------


class AppraisalCriterion(models.Model):
    """A line of the 100-point sheet (Điều 16), with its maximum and its dates."""

    class Group(models.IntegerChoices):
        RESPONSIBILITY = 1, "Trách nhiệm nghề nghiệp"
        PERFORMANCE = 2, "Thực hiện trợ giúp pháp lý"
        SATISFACTION = 3, "Sự hài lòng của người được TGPL"

    code = models.CharField("ký hiệu", max_length=8)
    group = models.PositiveSmallIntegerField("nhóm tiêu chí", choices=Group.choices)
    label = models.CharField("tiêu chí", max_length=255)
    max_points = models.DecimalField("điểm tối đa", max_digits=5, decimal_places=1)
    article = models.CharField("căn cứ", max_length=128, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    history = HistoricalRecords()

    objects = InForce.as_manager()

    class Meta:
        verbose_name = "tiêu chí thẩm định chất lượng"
        verbose_name_plural = "tiêu chí thẩm định chất lượng"
        ordering = ["valid_from", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="criterion_unique_version"),
            _valid_range("criterion_valid_range"),
        ]

    def __str__(self) -> str:
        return f"{self.code}) {self.label} ({self.max_points})"

    def to_rule(self) -> rules.Criterion:
        return rules.Criterion(
            self.code, self.group, self.label, self.max_points, self.valid_from, self.valid_to
        )


class GradeBand(models.Model):
    """A result category of Điều 17 from its lowest total."""

    class Grade(models.TextChoices):
        EXCELLENT = rules.EXCELLENT, rules.GRADE_LABELS[rules.EXCELLENT]
        GOOD = rules.GOOD, rules.GRADE_LABELS[rules.GOOD]
        PASS = rules.PASS, rules.GRADE_LABELS[rules.PASS]
        FAIL = rules.FAIL, rules.GRADE_LABELS[rules.FAIL]

    grade = models.CharField("xếp loại", max_length=16, choices=Grade.choices)
    min_points = models.DecimalField("từ (điểm)", max_digits=5, decimal_places=1)
    article = models.CharField("căn cứ", max_length=128, blank=True)
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    history = HistoricalRecords()

    objects = InForce.as_manager()

    class Meta:
        verbose_name = "mức xếp loại chất lượng"
        verbose_name_plural = "mức xếp loại chất lượng"
        ordering = ["valid_from", "-min_points"]
        constraints = [
            models.UniqueConstraint(fields=["grade", "valid_from"], name="band_unique_version"),
            _valid_range("band_valid_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_grade_display()}: từ {self.min_points} điểm"

    def to_rule(self) -> rules.Band:
        return rules.Band(self.grade, self.min_points, self.valid_from, self.valid_to)


class CaseCriterion(models.Model):
    """A criterion of a successful litigation case (QĐ 1179/QĐ-BTP) or of a complex,
    typical case (TT 09/2018/TT-BTP), recorded on cases as a checklist."""

    class Catalogue(models.TextChoices):
        SUCCESSFUL = catalogue.SUCCESSFUL, "Vụ việc tham gia tố tụng thành công (QĐ 1179/QĐ-BTP)"
        COMPLEX = catalogue.COMPLEX, "Vụ việc phức tạp, điển hình (TT 09/2018/TT-BTP)"

    class Group(models.TextChoices):
        COMMON = catalogue.COMMON, "Tiêu chí chung"
        CRIMINAL = catalogue.CRIMINAL, "Hình sự"
        CIVIL = catalogue.CIVIL, "Dân sự"
        ADMINISTRATIVE = catalogue.ADMINISTRATIVE, "Hành chính"
        NON_LITIGATION = catalogue.NON_LITIGATION, "Tư vấn, đại diện ngoài tố tụng"

    catalogue = models.CharField("danh mục", max_length=16, choices=Catalogue.choices)
    group = models.CharField("nhóm", max_length=16, choices=Group.choices)
    code = models.CharField("ký hiệu", max_length=8)
    label = models.CharField("tiêu chí", max_length=500)
    article = models.CharField("căn cứ", max_length=128, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    valid_from = models.DateField("áp dụng từ ngày")
    valid_to = models.DateField("áp dụng đến ngày", null=True, blank=True)
    history = HistoricalRecords()

    objects = InForce.as_manager()

    class Meta:
        verbose_name = "tiêu chí vụ việc thành công, phức tạp, điển hình"
        verbose_name_plural = "tiêu chí vụ việc thành công, phức tạp, điển hình"
        ordering = ["catalogue", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "code", "valid_from"], name="case_criterion_unique_version"
            ),
            _valid_range("case_criterion_valid_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_group_display()} {self.code}: {self.label}"


class CaseCriterionMark(models.Model):
    """A criterion of the checklists found to hold for a case."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.CASCADE, related_name="marks"
    )
    criterion = models.ForeignKey(
        CaseCriterion, verbose_name="tiêu chí", on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("thời điểm ghi nhận")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tiêu chí đạt của vụ việc"
        verbose_name_plural = "tiêu chí đạt của vụ việc"
        constraints = [
            models.UniqueConstraint(fields=["case", "criterion"], name="mark_unique_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.criterion_id}"


# --- plans ----------------------------------------------------------------------------


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Plans of the centres the user sees, for who follows the results (roles)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not roles.can_see_appraisal_plans(user):
            return self.none()
        return roles.scope_to_centres(self, user)


class AppraisalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Appraisals of the plans the user sees, and those the user is assigned to."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        mine = Appraiser.objects.filter(user=user).values("appraisal_id")
        return self.filter(Q(plan__in=AppraisalPlan.objects.visible_to(user)) | Q(pk__in=mine))


class AppraisalPlan(models.Model):
    """A plan of appraisal (Điều 15): which closed cases of a period, what share, who."""

    class Organiser(models.TextChoices):
        CENTRE = "centre", "Trung tâm TGPL nhà nước"
        DOJ = "doj", "Sở Tư pháp (Điều 14.2)"

    Status = PlanStatus

    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    organiser = models.CharField(
        "đơn vị tổ chức", max_length=8, choices=Organiser.choices, default=Organiser.CENTRE
    )
    title = models.CharField("tên kế hoạch", max_length=255)
    period_start = models.DateField("vụ việc kết thúc từ ngày")
    period_end = models.DateField("đến ngày")
    forms = models.JSONField("hình thức", default=list)
    legal_fields = models.ManyToManyField(
        "cases.LegalField", verbose_name="lĩnh vực", blank=True, related_name="+"
    )
    departments = models.ManyToManyField(
        "tgpl.Department", verbose_name="phòng, chi nhánh", blank=True, related_name="+"
    )
    share_percent = models.PositiveSmallIntegerField(
        "tỷ lệ vụ việc (%)", null=True, blank=True, help_text="Để trống: thẩm định 100% vụ việc."
    )
    seed = models.CharField("mã rút thăm", max_length=32, editable=False)
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("thời điểm lập")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField("ngày quyết định phân công", null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[legal_fields, departments])

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "kế hoạch thẩm định chất lượng"
        verbose_name_plural = "kế hoạch thẩm định chất lượng"
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="plan_period_order"
            ),
            models.CheckConstraint(
                condition=Q(share_percent__isnull=True)
                | Q(share_percent__gte=1, share_percent__lte=100),
                name="plan_share_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def form_labels(self) -> list[str]:
        names = dict(Form.choices)
        return [str(names.get(f, f)) for f in self.forms]

    @property
    def share_label(self) -> str:
        return "100% vụ việc" if self.share_percent is None else f"{self.share_percent}%"


class Appraisal(models.Model):
    """The appraisal of one case of a plan: its sheet, grade and the director's conclusion."""

    Status = AppraisalStatus

    class Satisfaction(models.TextChoices):
        FORM = "form", "Phiếu lấy ý kiến (Mẫu 11-TP-TGPL)"
        PHONE = "phone", "Hỏi qua điện thoại"
        MEETING = "meeting", "Gặp trực tiếp"
        RELATIVE = "relative", "Ý kiến của thân nhân"
        NONE = "none", "Không lấy được ý kiến"

    plan = models.ForeignKey(
        AppraisalPlan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="appraisals"
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name="vụ việc", on_delete=models.PROTECT, related_name="appraisals"
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAWN
    )
    scores = models.JSONField("điểm từng tiêu chí", default=dict, blank=True)
    criteria_on = models.DateField("tiêu chí áp dụng tại ngày")
    breach_6_1 = models.BooleanField("vi phạm Điều 6.1 Luật TGPL", default=False)
    breach_note = models.TextField("nội dung vi phạm", blank=True)
    satisfaction_source = models.CharField(
        "cách lấy ý kiến người được TGPL", max_length=16, choices=Satisfaction.choices, blank=True
    )
    satisfaction_note = models.TextField("ý kiến phản hồi", blank=True)
    opinion = models.TextField("nhận xét, đánh giá", blank=True)
    total = models.DecimalField("tổng điểm", max_digits=5, decimal_places=1, null=True, blank=True)
    grade = models.CharField("xếp loại", max_length=16, choices=GradeBand.Grade.choices, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField("thời điểm duyệt", null=True, blank=True)
    conclusion = models.TextField("kết luận", blank=True)
    history = HistoricalRecords()

    objects = AppraisalQuerySet.as_manager()

    class Meta:
        verbose_name = "thẩm định chất lượng vụ việc"
        verbose_name_plural = "thẩm định chất lượng vụ việc"
        ordering = ["plan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "case"], name="appraisal_once_per_plan")
        ]
        indexes = [
            # A plan's appraisals counted by state from the index alone (the plans list).
            models.Index(fields=["plan", "status"], name="appraisal_plan_status"),
        ]

    def __str__(self) -> str:
        return f"Thẩm định {self.case}"

    def score_of(self, code: str) -> Decimal | None:
        raw = (self.scores or {}).get(code)
        return None if raw in (None, "") else Decimal(str(raw))

    @property
    def grade_tone(self) -> str:
        return {"excellent": "success", "good": "primary", "pass": "info", "fail": "danger"}.get(
            self.grade, "secondary"
        )


def opinion_path(instance, filename):
    return f"cases/appraisals/{instance.appraisal_id}/{filename}"


class Appraiser(models.Model):
    """A person assigned to appraise a case: a staff member, an invited officer or lawyer
    (whose written opinion is attached)."""

    appraisal = models.ForeignKey(
        Appraisal, verbose_name="thẩm định", on_delete=models.CASCADE, related_name="appraisers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thẩm định",
        on_delete=models.PROTECT,
        related_name="appraiser_of",
    )
    invited = models.BooleanField("người được mời", default=False)
    opinion = models.TextField("ý kiến bằng văn bản", blank=True)
    opinion_file = models.FileField("văn bản ý kiến", upload_to=opinion_path, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "người thẩm định"
        verbose_name_plural = "người thẩm định"
        constraints = [models.UniqueConstraint(fields=["appraisal", "user"], name="appraiser_once")]

    def __str__(self) -> str:
        return f"{self.user} – {self.appraisal}"


# --- time appraisal (Điều 12) -------------------------------------------------------------


class TimeAppraisal(models.Model):
    """A check of the hours and work a performer claims on a case, for payment."""

    Status = TimeAppraisalStatus

    case = models.ForeignKey(
        "cases.Case",
        verbose_name="vụ việc",
        on_delete=models.PROTECT,
        related_name="time_appraisals",
    )
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.PROTECT,
        related_name="+",
    )
    checker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thẩm định thời gian",
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField("thời điểm phân công")
    claimed_hours = models.DecimalField("số giờ kê khai", max_digits=6, decimal_places=1)
    claimed_work = models.TextField("công việc kê khai")
    confirmed_hours = models.DecimalField(
        "số giờ được xác nhận", max_digits=6, decimal_places=1, null=True, blank=True
    )
    note = models.TextField("nhận xét", blank=True)
    confirmed_at = models.DateTimeField("thời điểm xác nhận", null=True, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.ASSIGNED
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "thẩm định thời gian"
        verbose_name_plural = "thẩm định thời gian"
        ordering = ["-assigned_at", "-pk"]

    def __str__(self) -> str:
        return f"Thẩm định thời gian {self.case}"
