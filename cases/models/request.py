"""A legal-aid request as received, and the intake register counter."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from cases.states import Channel, Form, ImmediateGround, RefusalGround, RequestStatus, Sex
from tgpl import geography, roles
from tgpl.models import phone_validator

identity_validator = RegexValidator(r"^\d{12}$", "Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.")


class RequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one scope of requests: every view, export and report starts here
        (tgpl.roles.request_scope)."""
        return roles.request_scope(self, user)


class LegalAidRequest(models.Model):
    centre = models.ForeignKey(
        "tgpl.Centre", verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "tgpl.Department",
        verbose_name="nơi tiếp nhận (phòng, chi nhánh)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The case's department, copied when the request is accepted (a case never changes
    # department): a head's scope "requests handled in my departments" is then a column
    # of the request, not a join to every case (issue 18.2).
    case_department = models.ForeignKey(
        "tgpl.Department",
        verbose_name="phòng, chi nhánh thụ lý",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    channel = models.CharField("hình thức tiếp nhận", max_length=32, choices=Channel.choices)
    notifying_agency = models.ForeignKey(
        "tgpl.Agency",
        verbose_name="cơ quan thông báo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notified_at = models.DateTimeField("thời điểm nhận thông báo", null=True, blank=True)
    received_at = models.DateTimeField("thời điểm tiếp nhận")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tiếp nhận",
        on_delete=models.PROTECT,
        related_name="+",
    )
    # requester (người yêu cầu) — may be the aided person
    requester_is_aided = models.BooleanField("người yêu cầu cũng là người được TGPL", default=True)
    requester_name = models.CharField("họ tên người yêu cầu", max_length=255, blank=True)
    requester_relation = models.CharField("quan hệ với người được TGPL", max_length=128, blank=True)
    requester_phone = models.CharField(
        "điện thoại người yêu cầu", max_length=32, blank=True, validators=[phone_validator]
    )
    requester_address = models.CharField("địa chỉ người yêu cầu", max_length=255, blank=True)
    # aided person (người được TGPL)
    full_name = models.CharField("họ và tên người được TGPL", max_length=255)
    sex = models.CharField("giới tính", max_length=8, choices=Sex.choices)
    birth_date = models.DateField("ngày sinh", null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    ethnicity = models.CharField("dân tộc", max_length=64, default="Kinh")
    identity_number = models.CharField(
        "số định danh (CCCD)", max_length=12, blank=True, validators=[identity_validator]
    )
    phone = models.CharField("điện thoại", max_length=32, blank=True, validators=[phone_validator])
    commune_code = models.PositiveIntegerField("xã, phường", null=True, blank=True)
    address = models.CharField("địa chỉ (số nhà, thôn, bản)", max_length=255, blank=True)
    old_district = models.CharField("huyện cũ (hồ sơ trước 01/07/2025)", max_length=128, blank=True)
    disadvantaged_area = models.BooleanField("cư trú ở vùng đặc biệt khó khăn", default=False)
    detained = models.BooleanField("người bị bắt, người bị tạm giữ", default=False)
    categories = models.ManyToManyField(
        "cases.EligibilityCategory", verbose_name="diện người được TGPL", related_name="+"
    )
    proofs = models.ManyToManyField(
        "cases.ProofDocument", verbose_name="giấy tờ đã nhận", blank=True, related_name="+"
    )
    legal_field = models.ForeignKey(
        "cases.LegalField", verbose_name="lĩnh vực", on_delete=models.PROTECT, related_name="+"
    )
    form = models.CharField("hình thức TGPL yêu cầu", max_length=32, choices=Form.choices)
    summary = models.TextField("nội dung vụ việc")
    opposing_parties = models.TextField(
        "bên có quyền lợi đối lập", blank=True, help_text="Mỗi dòng một người, tổ chức."
    )
    limitation_expires_on = models.DateField("ngày hết thời hiệu", null=True, blank=True)
    trial_on = models.DateField("ngày xét xử", null=True, blank=True)
    # state
    status = models.CharField(
        "trạng thái", max_length=32, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    proof_requested_at = models.DateTimeField("ngày yêu cầu bổ sung", null=True, blank=True)
    proof_due_at = models.DateTimeField("hạn bổ sung giấy tờ", null=True, blank=True)
    proof_note = models.TextField("giấy tờ cần bổ sung", blank=True)
    decided_at = models.DateTimeField("thời điểm quyết định", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người quyết định",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    refusal_ground = models.CharField(
        "lý do từ chối (Điều 30.3)", max_length=4, choices=RefusalGround.choices, blank=True
    )
    notice_text = models.TextField("nội dung thông báo", blank=True)
    transferred_to = models.ForeignKey(
        "tgpl.Centre",
        verbose_name="chuyển đến Trung tâm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    transferred_to_name = models.CharField("chuyển đến (tên tổ chức)", max_length=255, blank=True)
    immediate_ground = models.CharField(
        "thụ lý ngay (TT 12/2018 Điều 6.1)",
        max_length=4,
        choices=ImmediateGround.choices,
        blank=True,
    )
    search_key = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)
    # The aided person's name without accents (tgpl.search.normalize): who is already known.
    name_key = models.CharField(max_length=255, blank=True, editable=False)
    history = HistoricalRecords(m2m_fields=[categories, proofs])

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = "yêu cầu trợ giúp pháp lý"
        verbose_name_plural = "yêu cầu trợ giúp pháp lý"
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["centre", "status", "received_at"]),
            # The list's order (newest received first) within each scope it is read in:
            # the centre (leaders, reception), a department (its head), the receiver.
            # With what a searched page's rows are tested on (Case.Meta's order index).
            models.Index(
                fields=[
                    "centre",
                    "-received_at",
                    "-id",
                    "search_key",
                    "department",
                    "case_department",
                    "received_by",
                ],
                name="request_centre_order",
            ),
            models.Index(fields=["department", "-received_at", "-id"], name="request_dept_order"),
            models.Index(
                fields=["case_department", "-received_at", "-id"], name="request_case_dept_order"
            ),
            models.Index(
                fields=["received_by", "-received_at", "-id"], name="request_receiver_order"
            ),
            # search_key also has a pg_trgm GIN index on PostgreSQL (migration 0009).
            models.Index(fields=["centre", "identity_number"], name="request_centre_identity"),
            models.Index(fields=["centre", "name_key", "birth_year"], name="request_centre_person"),
        ]
        # On PostgreSQL also (centre, received_at) INCLUDE (status), for a period's counts
        # by state read from the index alone (migration cases/0015; SQLite has no INCLUDE).

    def __str__(self) -> str:
        return f"Yêu cầu #{self.pk} – {self.full_name}"

    @property
    def read_log_label(self) -> str:
        """How the read log names this record: its number and case code, never the person."""
        case = getattr(self, "case", None)
        return f"Yêu cầu #{self.pk}" + (f" · vụ việc {case.code}" if case else "")

    @property
    def commune_name(self) -> str:
        return geography.commune_name(self.commune_code)

    @property
    def birth_display(self) -> str:
        if self.birth_date:
            return f"{self.birth_date:%d/%m/%Y}"
        return str(self.birth_year or "")

    def opposing_list(self) -> list[str]:
        return [p.strip() for p in self.opposing_parties.splitlines() if p.strip()]


def attachment_path(instance, filename):
    """A random stored name: the original name (which may name the person) stays in
    `title`, and no path can be guessed."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"cases/requests/{instance.request_id}/{uuid.uuid4().hex}{suffix}"


class RequestAttachment(models.Model):
    request = models.ForeignKey(
        LegalAidRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField("tên tài liệu", max_length=255)
    file = models.FileField("tệp", upload_to=attachment_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("thời điểm tải lên", auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu kèm theo"
        verbose_name_plural = "tài liệu kèm theo"
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.title


class RegisterCounter(models.Model):
    """Last serial of an intake register (Sổ thụ lý): the centre's (book "") or a branch's.

    Locked with select_for_update while a request is accepted, so serials are
    gap-free and unique per book and year.
    """

    centre = models.ForeignKey("tgpl.Centre", on_delete=models.PROTECT, related_name="+")
    book = models.CharField("sổ", max_length=16, blank=True)
    year = models.PositiveSmallIntegerField("năm")
    last_number = models.PositiveIntegerField("số cuối", default=0)

    class Meta:
        verbose_name = "số thứ tự sổ thụ lý"
        verbose_name_plural = "số thứ tự sổ thụ lý"
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "book", "year"], name="register_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.book or 'Trung tâm'} {self.year}: {self.last_number}"
