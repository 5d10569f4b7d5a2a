"""Kế hoạch: plans, their numbered items (headings and tasks), units, progress."""

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from plans.rules.progress import percent_from_targets
from tgpl import roles
from tgpl.models import Agency, Centre, Department, User
from tgpl.timeframes import RECURRENCE_CHOICES

DRAFT_LABEL = "Dự thảo"


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Plans of the centres the user may see (plans hold no personal data)."""
        return roles.scope_to_centres(self, user)


class Plan(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = "annual", "Kế hoạch công tác năm"
        THEMATIC = "thematic", "Kế hoạch chuyên đề"
        POLICY = "policy", "Kế hoạch thực hiện chính sách"
        LAW = "law", "Kế hoạch triển khai thi hành pháp luật"
        COORDINATION = "coordination", "Kế hoạch phối hợp liên ngành"
        OTHER = "other", "Kế hoạch khác"

    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        APPROVED = "approved", "Đã phê duyệt"
        CLOSED = "closed", "Đã kết thúc"

    centre = models.ForeignKey(
        Centre, verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="plans"
    )
    number = models.PositiveIntegerField("số", null=True, blank=True)
    symbol = models.CharField("ký hiệu", max_length=32, default="KH-TGPL")
    kind = models.CharField("loại kế hoạch", max_length=16, choices=Kind.choices)
    issuing_body = models.CharField("cơ quan ban hành", max_length=255, blank=True)
    place = models.CharField("địa danh", max_length=64, blank=True)
    date = models.DateField("ngày ban hành", null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        "năm kế hoạch", validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField("trích yếu", max_length=500)
    legal_bases = models.TextField("căn cứ", blank=True)
    implements = models.ManyToManyField(
        "self",
        verbose_name="thực hiện các kế hoạch",
        symmetrical=False,
        blank=True,
        related_name="implemented_by",
    )
    purpose = models.TextField("mục đích, yêu cầu", blank=True)
    budget_section = models.TextField("kinh phí thực hiện", blank=True)
    organisation_section = models.TextField("tổ chức thực hiện", blank=True)
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi dòng một nơi nhận.")
    signer_name = models.CharField("người ký", max_length=128, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=128, blank=True)
    signer_on_behalf = models.CharField(
        "thẩm quyền ký", max_length=64, blank=True, help_text='Ví dụ "KT. GIÁM ĐỐC".'
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    submitted_by = models.ForeignKey(
        User,
        verbose_name="người trình phê duyệt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField("thời điểm trình phê duyệt", null=True, blank=True)
    approved_by = models.ForeignKey(
        User,
        verbose_name="người phê duyệt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField("thời điểm phê duyệt", null=True, blank=True)
    closed_at = models.DateTimeField("thời điểm kết thúc", null=True, blank=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name="sao chép từ",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )
    source_text = models.TextField("văn bản gốc", blank=True, editable=False)
    created_by = models.ForeignKey(
        User, verbose_name="người tạo", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("ngày tạo", default=timezone.now)
    search_key = models.CharField(max_length=800, blank=True, editable=False, db_index=True)
    history = HistoricalRecords(
        excluded_fields=["source_text", "search_key"], m2m_fields=[implements]
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["-year", "-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "number", "symbol"],
                name="plan_unique_number",
                condition=models.Q(number__isnull=False),
                violation_error_message="Đã có kế hoạch mang số này trong năm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_text}: {self.title}" if self.number else self.title

    @property
    def number_text(self) -> str:
        """ "19/KH-TGPL" once numbered; "Dự thảo" until then (never a bare "/KH-TGPL")."""
        return f"{self.number:02d}/{self.symbol}" if self.number else DRAFT_LABEL

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def recipient_list(self) -> list[str]:
        return [r.strip() for r in self.recipients.splitlines() if r.strip()]


class PlanItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return roles.scope_to_centres(self, user, field="plan__centre")

    def tasks(self):
        return self.filter(kind=PlanItem.Kind.TASK)

    def open(self):
        """Tasks still to be done: not done, carried or dropped, of a plan not closed."""
        return (
            self.tasks()
            .filter(status__in=PlanItem.OPEN_STATUSES)
            .exclude(plan__status=Plan.Status.CLOSED)
        )

    def overdue(self, today: date):
        return self.open().filter(due__lt=today)

    def owned_by(self, department: Department):
        """Tasks a department leads: named, through a collective ("Các Phòng, Chi nhánh"), or
        through people who work in it ("Các Trợ giúp viên pháp lý", "Lãnh đạo Trung tâm")."""
        collective = (
            PlanItemUnit.Collective.OFFICES
            if department.kind == Department.Kind.OFFICE
            else PlanItemUnit.Collective.BRANCHES
        )
        lead = models.Q(units__role=PlanItemUnit.Role.LEAD)
        owners = models.Q(units__department=department) | models.Q(
            units__collective__in=[collective, PlanItemUnit.Collective.ALL]
        )
        for people, held in roles.PEOPLE_ROLES.items():
            members = roles.members_holding(department, held)
            owners |= models.Q(units__people=people) & models.Q(models.Exists(members))
        return self.filter(lead & owners).distinct()


class PlanItem(models.Model):
    """A numbered item of a plan: a heading (I, 1, 2.2) or a task with owners and dates."""

    class Kind(models.TextChoices):
        HEADING = "heading", "Mục"
        TASK = "task", "Nhiệm vụ"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Chưa thực hiện"
        IN_PROGRESS = "in_progress", "Đang thực hiện"
        DONE = "done", "Hoàn thành"
        CARRIED = "carried", "Chuyển sang kế hoạch năm sau"
        DROPPED = "dropped", "Không thực hiện"

    OPEN_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS)

    plan = models.ForeignKey(
        Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="mục cha",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField("vị trí", max_length=64, help_text='Ví dụ "II.2.2.1".')
    number = models.CharField("số thứ tự", max_length=32, blank=True)
    level = models.PositiveSmallIntegerField("cấp", default=0)
    position = models.PositiveIntegerField("thứ tự", default=0)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.TASK)
    title = models.TextField("nội dung")
    body = models.TextField("diễn giải", blank=True)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    timeframe_text = models.CharField("thời gian thực hiện", max_length=255, blank=True)
    start = models.DateField("bắt đầu", null=True, blank=True)
    due = models.DateField("hạn hoàn thành", null=True, blank=True)
    recurrence = models.CharField(
        "lặp lại", max_length=16, choices=RECURRENCE_CHOICES, default="none"
    )
    expected_result = models.TextField("kết quả", blank=True)
    budget_vnd = models.BigIntegerField(
        "kinh phí (đồng)", null=True, blank=True, validators=[MinValueValidator(0)]
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(
        "tiến độ (%)", default=0, validators=[MaxValueValidator(100)]
    )
    completed_at = models.DateField("ngày hoàn thành", null=True, blank=True)
    closing_note = models.CharField(
        "lý do khi kết thúc kế hoạch",
        max_length=500,
        blank=True,
        help_text="Vì sao nhiệm vụ không thực hiện, hoặc chuyển sang kế hoạch năm sau.",
    )
    history = HistoricalRecords()

    objects = PlanItemQuerySet.as_manager()

    class Meta:
        verbose_name = "mục, nhiệm vụ của kế hoạch"
        verbose_name_plural = "mục, nhiệm vụ của kế hoạch"
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "path"], name="planitem_unique_path"),
        ]
        indexes = [models.Index(fields=["due", "status"])]

    def __str__(self) -> str:
        return f"{self.number}. {self.title[:80]}" if self.number else self.title[:80]

    def lead_units(self) -> list["PlanItemUnit"]:
        """Owners in the order written (uses a prefetch of `units` when there is one)."""
        return [u for u in self.units.all() if u.role == PlanItemUnit.Role.LEAD]

    def partner_units(self) -> list["PlanItemUnit"]:
        return [u for u in self.units.all() if u.role == PlanItemUnit.Role.PARTNER]

    @property
    def is_task(self) -> bool:
        return self.kind == self.Kind.TASK

    @property
    def is_open(self) -> bool:
        """Still to be done: not done, carried or dropped, and its plan not closed."""
        return (
            self.is_task
            and self.status in self.OPEN_STATUSES
            and self.plan.status != Plan.Status.CLOSED
        )

    def is_overdue(self, today: date | None = None) -> bool:
        """Past its due date and still open (a closed plan's tasks are never overdue)."""
        today = today or timezone.localdate()
        return self.is_open and self.due is not None and self.due < today

    def target_percent(self) -> int | None:
        """The percent its quantity targets give (None: no target); uses `quantities`."""
        return percent_from_targets((q.achieved, q.target) for q in self.quantities.all())

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE


def collectives_cover(collectives: set[str], department_kind: str) -> bool:
    """Whether owners written as a group ("Các Phòng, Chi nhánh") include this kind of unit."""
    C = PlanItemUnit.Collective
    return (
        C.ALL in collectives
        or (department_kind == Department.Kind.OFFICE and C.OFFICES in collectives)
        or (department_kind == Department.Kind.BRANCH and C.BRANCHES in collectives)
    )


class PlanItemUnit(models.Model):
    """An owner (Chủ trì / Thực hiện) or a partner (Phối hợp) of a task, in the order written."""

    class Role(models.TextChoices):
        LEAD = "lead", "Chủ trì, thực hiện"
        PARTNER = "partner", "Phối hợp"

    class Collective(models.TextChoices):
        NONE = "", "—"
        ALL = "all", "Các Phòng, Chi nhánh"
        OFFICES = "offices", "Các Phòng"
        BRANCHES = "branches", "Các Chi nhánh"

    class People(models.TextChoices):
        """Owners that are people, not departments ("Các Trợ giúp viên pháp lý")."""

        NONE = "", "—"
        LEADERSHIP = "leadership", "Lãnh đạo Trung tâm"
        LEGAL_AID_OFFICERS = "legal_aid_officers", "Trợ giúp viên pháp lý"
        CONTRACTED_LAWYERS = "contracted_lawyers", "Luật sư thực hiện TGPL"
        COLLABORATORS = "collaborators", "Cộng tác viên"
        STAFF = "staff", "Viên chức"

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="units")
    role = models.CharField("vai trò", max_length=8, choices=Role.choices)
    position = models.PositiveSmallIntegerField(default=0)
    department = models.ForeignKey(
        Department, verbose_name="phòng, chi nhánh", on_delete=models.PROTECT, null=True, blank=True
    )
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, null=True, blank=True
    )
    collective = models.CharField(
        "nhóm đơn vị", max_length=16, choices=Collective.choices, blank=True, default=""
    )
    people = models.CharField(
        "nhóm người thực hiện",
        max_length=24,
        choices=People.choices,
        blank=True,
        default="",
        help_text="Chủ trì là người (Trợ giúp viên pháp lý, Lãnh đạo Trung tâm), không phải phòng.",
    )
    name = models.CharField("tên đơn vị như trong văn bản", max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "đơn vị thực hiện"
        verbose_name_plural = "đơn vị thực hiện"
        ordering = ["item", "role", "position"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.department_id:
            return self.department.name
        if self.agency_id:
            return self.agency.name
        return self.name


class QuantityTarget(models.Model):
    """A counted target stated in the plan ("128 Bảng thông tin") and what was achieved."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="quantities")
    label = models.CharField("sản phẩm", max_length=128)
    target = models.PositiveIntegerField("chỉ tiêu")
    achieved = models.PositiveIntegerField("đã thực hiện", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu số lượng"
        verbose_name_plural = "chỉ tiêu số lượng"
        ordering = ["item", "pk"]

    # Work recorded by other apps against this target (plans.targets.attach_recorded).
    recorded = 0

    def __str__(self) -> str:
        return f"{self.target} {self.label}"

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.achieved / self.target)) if self.target else 0

    @property
    def reached(self) -> int:
        """Reported by hand or recorded as work, whichever is more (never their sum)."""
        return max(self.achieved, self.recorded)

    @property
    def reached_percent(self) -> int:
        return min(100, round(100 * self.reached / self.target)) if self.target else 0


class PlanItemPeriod(models.Model):
    """One of several separate periods of a task ("Quý II, IV": April–June and October–
    December), each with its own due date and reminders."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="periods")
    position = models.PositiveSmallIntegerField(default=0)
    start = models.DateField("bắt đầu")
    due = models.DateField("hạn")

    class Meta:
        verbose_name = "đợt thực hiện"
        verbose_name_plural = "đợt thực hiện"
        ordering = ["item", "position"]
        indexes = [models.Index(fields=["due"])]

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.due:%d/%m/%Y}"


class Milestone(models.Model):
    """A dated step of a thematic task (draft by 15/3, review by 20/3, finalise by 28/3)."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.TextField("nội dung")
    owner_department = models.ForeignKey(
        Department, verbose_name="đơn vị thực hiện", on_delete=models.PROTECT, null=True, blank=True
    )
    owner_text = models.CharField("đơn vị (như trong văn bản)", max_length=255, blank=True)
    due = models.DateField("hạn", null=True, blank=True)
    done_at = models.DateField("ngày hoàn thành", null=True, blank=True)
    done_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "mốc thực hiện"
        verbose_name_plural = "mốc thực hiện"
        ordering = ["item", "position", "due"]

    def __str__(self) -> str:
        return self.title[:80]

    @property
    def owner_name(self) -> str:
        return self.owner_department.name if self.owner_department_id else self.owner_text


def evidence_path(instance, filename):
    return f"plans/evidence/{instance.item.plan_id}/{filename}"


class ProgressUpdate(models.Model):
    """A report of progress on a task: what was done, how far, with what evidence."""

    item = models.ForeignKey(PlanItem, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField("ngày")
    note = models.TextField("nội dung thực hiện")
    percent = models.PositiveSmallIntegerField(
        "tiến độ (%)", null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    quantity = models.ForeignKey(
        QuantityTarget,
        verbose_name="chỉ tiêu",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="updates",
    )
    quantity_achieved = models.PositiveIntegerField("số lượng đạt thêm", null=True, blank=True)
    evidence_number = models.CharField(
        "văn bản chứng minh (số, ký hiệu)", max_length=128, blank=True
    )
    evidence_file = models.FileField("tệp minh chứng", upload_to=evidence_path, blank=True)
    author = models.ForeignKey(User, verbose_name="người báo cáo", on_delete=models.PROTECT)
    created_at = models.DateTimeField("thời điểm ghi nhận", default=timezone.now)

    class Meta:
        verbose_name = "báo cáo tiến độ"
        verbose_name_plural = "báo cáo tiến độ"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.note[:60]}"


# The plan's budget (issue 17.8) lives beside, in plans/models_budget.py.
from plans.models_budget import (  # noqa: E402, F401
    BudgetEntry,
    BudgetLine,
    FundingAllocation,
    FundingDecision,
)
