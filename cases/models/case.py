"""A case (vụ việc) from acceptance to closing, its assignments, change requests and log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.rules.checklist import checklist_for
from cases.states import (
    AssignmentStatus,
    CaseStatus,
    ChangeRequestStatus,
    DiscontinueGround,
    Form,
    ImmediateGround,
    Outcome,
    Stage,
)
from tgpl import roles

ASSIGNMENT_STAGE = [CaseStatus.AWAITING_ASSIGNMENT, CaseStatus.ASSIGNMENT_PROPOSED]


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one scope of cases: performer own, head the department's, leaders all
        (tgpl.roles.case_scope)."""
        return roles.case_scope(self, user, assignment_stage=ASSIGNMENT_STAGE)

    def open(self):
        return self.filter(
            status__in=[*ASSIGNMENT_STAGE, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS]
        )


# The litigation cases a performer's quota counts (quota.py): not discontinued; and the
# closed ones the appraisal results count. Each is the condition of a partial index
# (Case.Meta), which a query serves only when it asks the same: filter with these.
COUNTED_LITIGATION = Q(form=Form.LITIGATION) & ~Q(status=CaseStatus.DISCONTINUED)
CLOSED_LITIGATION = Q(form=Form.LITIGATION, status=CaseStatus.CLOSED)


class Case(models.Model):
    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    request = models.OneToOneField(
        "cases.LegalAidRequest",
        verbose_name="yêu cầu",
        on_delete=models.PROTECT,
        related_name="case",
    )
    department = models.ForeignKey(
        "tgpl.Department",
        verbose_name="phòng, chi nhánh thụ lý",
        on_delete=models.PROTECT,
        related_name="+",
    )
    register_book = models.CharField("sổ thụ lý", max_length=16, blank=True)
    register_year = models.PositiveSmallIntegerField("năm thụ lý")
    register_number = models.PositiveIntegerField("số thụ lý")
    code = models.CharField("mã vụ việc", max_length=40)
    form = models.CharField("hình thức", max_length=32, choices=Form.choices)
    status = models.CharField(
        "trạng thái",
        max_length=32,
        choices=CaseStatus.choices,
        default=CaseStatus.AWAITING_ASSIGNMENT,
    )
    accepted_at = models.DateTimeField("thời điểm thụ lý")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thụ lý",
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The request's receiver, copied when the case is opened (a request's receiver never
    # changes): the scope "cases of the requests I received" is then a column of the
    # case, served by an index, not a join to every request (issue 18.2).
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tiếp nhận yêu cầu",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    immediate_ground = models.CharField(
        "thụ lý ngay", max_length=4, choices=ImmediateGround.choices, blank=True
    )
    proof_due_at = models.DateTimeField("hạn bổ sung giấy tờ", null=True, blank=True)
    proof_supplied_at = models.DateTimeField("đã bổ sung giấy tờ lúc", null=True, blank=True)
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="performed_cases",
    )
    appointed_at = models.DateTimeField("thời điểm cử người", null=True, blank=True)
    advice_days = models.PositiveSmallIntegerField(
        "thời hạn trả lời tư vấn (ngày)", null=True, blank=True
    )
    started_at = models.DateTimeField("bắt đầu thực hiện", null=True, blank=True)
    ended_at = models.DateTimeField("thời điểm kết thúc", null=True, blank=True)
    outcome = models.CharField("kết quả", max_length=16, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField("kết quả thực hiện", blank=True)
    discontinue_ground = models.CharField(
        "lý do không tiếp tục (Điều 37)",
        max_length=8,
        choices=DiscontinueGround.choices,
        blank=True,
    )
    notice_text = models.TextField("nội dung thông báo", blank=True)
    file_items = models.JSONField("thành phần hồ sơ đã có", default=list, blank=True)
    file_handed_in_on = models.DateField("ngày nộp hồ sơ lưu trữ", null=True, blank=True)
    search_key = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)
    history = HistoricalRecords()

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "vụ việc"
        verbose_name_plural = "vụ việc"
        ordering = ["-accepted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "register_book", "register_year", "register_number"],
                name="case_unique_register_serial",
            ),
            models.UniqueConstraint(fields=["centre", "code"], name="case_unique_code"),
        ]
        indexes = [
            models.Index(fields=["centre", "status", "accepted_at"]),
            # The list's order (newest accepted first) within each scope it is read in:
            # the centre (leaders), a department (its head), a performer (their own).
            # The centre's order also holds what a searched page's rows are tested on
            # (the search key, the scope's columns): the walk of a common name through
            # the order reads the index alone (7,500 rows for a head's "hoang thi" at
            # 1,000,000 cases, 12.6 -> 4 ms), then the page's rows by their ids
            # (selectors_rows.NamedRows).
            models.Index(
                fields=[
                    "centre",
                    "-accepted_at",
                    "-id",
                    "search_key",
                    "department",
                    "performer",
                    "received_by",
                ],
                name="case_centre_order",
            ),
            models.Index(fields=["department", "-accepted_at", "-id"], name="case_dept_order"),
            models.Index(fields=["performer", "-accepted_at", "-id"], name="case_performer_order"),
            models.Index(fields=["received_by", "-accepted_at", "-id"], name="case_receiver_order"),
            # search_key also has a pg_trgm GIN index on PostgreSQL (migration 0009).
            # Counts by state and form without reading the rows (appraisal results).
            models.Index(fields=["centre", "status", "form"], name="case_centre_status_form"),
            # Cases closed in a period (the home page's departments, the reports), and
            # the open ones by state, counted by department from the index alone.
            models.Index(
                fields=["centre", "status", "ended_at", "department"], name="case_centre_closed"
            ),
            # Cases a period deals with, whatever their state: still open (ended_at null)
            # or ended since its start (reports.figures.cases.in_play, the dashboard).
            models.Index(fields=["centre", "ended_at"], name="case_centre_ended"),
            # A year's litigation counted from the index alone (a partial index of the
            # litigation cases that count): the quota of each performer (the performers
            # page: 8 performers' 3,500 cases each at 1,000,000 cases, 200 -> 8 ms),
            # the centre's per performer (the quota tables, the home page) and the closed
            # ones of a scope (the appraisal results: 168 -> 7 ms).
            models.Index(
                fields=["performer", "accepted_at", "id"],
                condition=COUNTED_LITIGATION,
                name="case_performer_litigation",
            ),
            models.Index(
                fields=["centre", "accepted_at", "performer", "id"],
                condition=COUNTED_LITIGATION,
                name="case_centre_litigation",
            ),
            models.Index(
                fields=["centre", "ended_at", "department", "performer", "received_by"],
                condition=CLOSED_LITIGATION,
                name="case_closed_litigation",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.status not in (CaseStatus.CLOSED, CaseStatus.DISCONTINUED)

    def checklist(self) -> list[tuple[str, str, bool]]:
        have = set(self.file_items or [])
        return [(code, label, code in have) for code, label in checklist_for(self.form)]


class Assignment(models.Model):
    """A proposal to appoint (or replace) the performer, decided by the department head."""

    class Kind(models.TextChoices):
        APPOINT = "appoint", "Cử người thực hiện"
        REPLACE = "replace", "Thay thế người thực hiện"

    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.CASCADE, related_name="assignments"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.APPOINT)
    performer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người được đề xuất",
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField("lý do đề xuất", blank=True)
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=AssignmentStatus.choices,
        default=AssignmentStatus.PROPOSED,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người đề xuất",
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField("thời điểm đề xuất")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người quyết định",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField("thời điểm quyết định", null=True, blank=True)
    decision_note = models.TextField("ý kiến", blank=True)
    # the conflict-of-interest check that cleared the performer (issue 17.5)
    conflict_check = models.ForeignKey(
        "cases.ConflictCheck",
        verbose_name="kiểm tra xung đột lợi ích",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "đề xuất cử người"
        verbose_name_plural = "đề xuất cử người"
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="proposed"),
                name="assignment_one_pending_per_case",
            )
        ]
        indexes = [
            # The heads' inbox: proposals waiting, oldest first.
            models.Index(
                fields=["proposed_at", "id"],
                condition=Q(status="proposed"),
                name="assignment_pending_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.performer} ({self.case})"


class PerformerChangeRequest(models.Model):
    """The aided person's request to change the performer (TT 12/2018 Điều 9.1, Mẫu 04)."""

    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.CASCADE, related_name="change_requests"
    )
    requested_at = models.DateTimeField("thời điểm nhận đơn")
    reason = models.TextField("lý do đề nghị")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        "trạng thái",
        max_length=16,
        choices=ChangeRequestStatus.choices,
        default=ChangeRequestStatus.PENDING,
    )
    answered_at = models.DateTimeField("thời điểm trả lời", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer = models.TextField("nội dung trả lời", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "đề nghị thay đổi người thực hiện"
        verbose_name_plural = "đề nghị thay đổi người thực hiện"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"Đề nghị thay đổi người thực hiện ({self.case})"


def log_attachment_path(instance, filename):
    return f"cases/cases/{instance.case_id}/{filename}"


class CaseLogEntry(models.Model):
    case = models.ForeignKey(
        Case, verbose_name="vụ việc", on_delete=models.CASCADE, related_name="log_entries"
    )
    on = models.DateField("ngày")
    stage = models.CharField("giai đoạn", max_length=32, choices=Stage.choices)
    agency_name = models.CharField("tòa án / cơ quan", max_length=255, blank=True)
    note = models.TextField("nội dung công việc")
    attachment = models.FileField("tài liệu", upload_to=log_attachment_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("thời điểm ghi", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nhật ký thực hiện"
        verbose_name_plural = "nhật ký thực hiện"
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} – {self.get_stage_display()}"
