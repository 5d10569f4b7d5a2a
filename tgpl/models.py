"""The organisation: users, centres, departments and branches, external agencies.

Every record that belongs to a centre points to it (`centre`), and
`roles.visible_centres(user)` decides which centres a user may see.
"""

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from . import geography
from .search import search_key

phone_validator = RegexValidator(
    r"^[0-9 +().-]{6,20}$", "Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -"
)


class Agency(models.Model):
    """An external body the centre works with (Sở Tư pháp, courts, police ...)."""

    class Kind(models.TextChoices):
        DOJ = "doj", "Sở Tư pháp"
        COURT = "court", "Tòa án"
        PROCURACY = "procuracy", "Viện kiểm sát"
        POLICE = "police", "Cơ quan Công an"
        DETENTION = "detention", "Cơ sở giam giữ"
        BAR = "bar", "Đoàn Luật sư"
        PEOPLES_COMMITTEE = "peoples_committee", "Ủy ban nhân dân"
        CENTRAL = "central", "Cơ quan trung ương"
        OTHER = "other", "Cơ quan, tổ chức khác"

    kind = models.CharField("loại cơ quan", max_length=32, choices=Kind.choices)
    name = models.CharField("tên cơ quan", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=64, blank=True)
    aliases = models.TextField(
        "tên gọi khác",
        blank=True,
        help_text="Mỗi dòng một cách viết khác (dùng khi nhận diện đơn vị trong văn bản).",
    )
    province_code = models.PositiveIntegerField(
        "tỉnh, thành phố", null=True, blank=True, choices=geography.province_choices()
    )
    commune_code = models.PositiveIntegerField("xã, phường", null=True, blank=True)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=32, blank=True, validators=[phone_validator])
    email = models.EmailField("thư điện tử", blank=True)
    is_active = models.BooleanField("đang hoạt động", default=True)
    search_key = models.CharField(max_length=600, blank=True, editable=False, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "cơ quan, tổ chức"
        verbose_name_plural = "cơ quan, tổ chức bên ngoài"
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "province_code"], name="agency_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.commune_code and not self.province_code:
            raise ValidationError({"province_code": "Chọn tỉnh trước khi chọn xã, phường."})
        if self.commune_code and not geography.commune_in_province(
            self.commune_code, self.province_code
        ):
            raise ValidationError({"commune_code": "Xã, phường không thuộc tỉnh đã chọn."})

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]


class Centre(models.Model):
    """A State Legal Aid Centre (Trung tâm Trợ giúp pháp lý nhà nước)."""

    name = models.CharField("tên Trung tâm", max_length=255, unique=True)
    short_name = models.CharField("tên ngắn", max_length=128, blank=True)
    parent_agency = models.ForeignKey(
        Agency,
        verbose_name="Sở Tư pháp chủ quản",
        on_delete=models.PROTECT,
        related_name="centres",
        limit_choices_to={"kind": Agency.Kind.DOJ},
    )
    province_code = models.PositiveIntegerField(
        "tỉnh, thành phố", choices=geography.province_choices()
    )
    commune_code = models.PositiveIntegerField("xã, phường (trụ sở)", null=True, blank=True)
    address = models.CharField("địa chỉ trụ sở", max_length=255, blank=True)
    hotline = models.CharField(
        "đường dây nóng", max_length=32, blank=True, validators=[phone_validator]
    )
    email = models.EmailField("thư điện tử", blank=True)
    document_symbol = models.CharField(
        "ký hiệu văn bản",
        max_length=16,
        default="TGPL",
        help_text='Phần sau loại văn bản trong số ký hiệu, ví dụ "TGPL" trong "19/KH-TGPL".',
        validators=[RegexValidator(r"^[A-ZĐ0-9-]+$", "Chỉ dùng chữ in hoa, chữ số và dấu -.")],
    )
    case_code_prefix = models.CharField(
        "viết tắt trong mã vụ việc",
        max_length=16,
        default="TT",
        help_text='Phần đầu của mã hồ sơ vụ việc, ví dụ "TT" trong "TT.TV.01.2026".',
        validators=[RegexValidator(r"^[A-ZĐ0-9]+$", "Chỉ dùng chữ in hoa và chữ số.")],
    )
    is_active = models.BooleanField("đang hoạt động", default=True)
    personal_history_years = models.PositiveSmallIntegerField(
        "ẩn danh lịch sử thay đổi sau (năm)",
        default=5,
        help_text="Số năm sau khi vụ việc kết thúc, lịch sử thay đổi dữ liệu cá nhân của "
        "người được TGPL được ẩn danh (hồ sơ vụ việc vẫn được lưu trữ).",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Trung tâm"
        verbose_name_plural = "Trung tâm"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def clean(self):
        if self.parent_agency_id and self.parent_agency.kind != Agency.Kind.DOJ:
            raise ValidationError({"parent_agency": "Cơ quan chủ quản phải là một Sở Tư pháp."})
        if self.commune_code and not geography.commune_in_province(
            self.commune_code, self.province_code
        ):
            raise ValidationError({"commune_code": "Xã, phường không thuộc tỉnh đã chọn."})

    @property
    def province_name(self) -> str:
        return geography.province_name(self.province_code)

    @property
    def commune_name(self) -> str:
        return geography.commune_name(self.commune_code)


class Department(models.Model):
    """A department (phòng) or a branch (chi nhánh) of a centre."""

    class Kind(models.TextChoices):
        OFFICE = "office", "Phòng"
        BRANCH = "branch", "Chi nhánh"

    centre = models.ForeignKey(
        Centre, verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="departments"
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.OFFICE)
    name = models.CharField("tên phòng, chi nhánh", max_length=255)
    short_code = models.CharField(
        "mã viết tắt",
        max_length=16,
        help_text='Dùng trong ký hiệu lưu và mã vụ việc của chi nhánh, ví dụ "HC-TH", "CN1".',
        validators=[RegexValidator(r"^[A-ZĐ0-9-]+$", "Chỉ dùng chữ in hoa, chữ số và dấu -.")],
    )
    head = models.ForeignKey(
        "User",
        verbose_name="trưởng phòng / trưởng chi nhánh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_departments",
    )
    aliases = models.TextField(
        "tên gọi khác", blank=True, help_text="Mỗi dòng một cách viết khác, ví dụ HC-TH."
    )
    commune_code = models.PositiveIntegerField("xã, phường (trụ sở)", null=True, blank=True)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    phone = models.CharField("điện thoại", max_length=32, blank=True, validators=[phone_validator])
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField("đang hoạt động", default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "phòng, chi nhánh"
        verbose_name_plural = "phòng, chi nhánh"
        ordering = ["centre", "kind", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "short_code"], name="department_unique_code"),
            models.UniqueConstraint(fields=["centre", "name"], name="department_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.head_id and self.head.centre_id != self.centre_id:
            raise ValidationError({"head": "Trưởng phòng phải là người của Trung tâm này."})
        if self.commune_code and not geography.commune_in_province(
            self.commune_code, self.centre.province_code
        ):
            raise ValidationError({"commune_code": "Xã, phường không thuộc tỉnh của Trung tâm."})

    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]


class UserManager(DjangoUserManager):
    def _create_user(self, username, email, password, **extra_fields):
        if not username:
            raise ValueError("Tên đăng nhập là bắt buộc.")
        email = self.normalize_email(email)
        user = self.model(username=username, email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Vietnamese names are kept whole in `full_name`.

    Roles are held through `roles` (see tgpl/roles.py); never test group names
    anywhere else.
    """

    username = models.CharField(
        "tên đăng nhập",
        max_length=150,
        unique=True,
        validators=[
            RegexValidator(r"^[a-z0-9._-]+$", "Chỉ dùng chữ thường không dấu, chữ số và . _ -")
        ],
    )
    full_name = models.CharField("họ và tên", max_length=255)
    email = models.EmailField("thư điện tử", blank=True)
    phone = models.CharField("điện thoại", max_length=32, blank=True, validators=[phone_validator])
    job_title = models.CharField("chức danh", max_length=128, blank=True)
    centre = models.ForeignKey(
        Centre,
        verbose_name="Trung tâm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    department = models.ForeignKey(
        Department,
        verbose_name="phòng, chi nhánh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name="cơ quan công tác",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text="Với chuyên viên Sở Tư pháp: Sở Tư pháp nơi công tác.",
    )
    is_active = models.BooleanField("đang hoạt động", default=True)
    is_staff = models.BooleanField(
        "truy cập trang quản trị",
        default=False,
        help_text="Do vai trò quyết định; đặt qua vai trò Quản trị hệ thống.",
        editable=False,
    )
    date_joined = models.DateTimeField("ngày tạo", default=timezone.now)
    must_change_password = models.BooleanField(
        "phải đổi mật khẩu",
        default=False,
        help_text="Lần đăng nhập tới phải đặt mật khẩu mới trước khi làm việc (tài khoản mẫu).",
    )
    search_key = models.CharField(max_length=600, blank=True, editable=False, db_index=True)
    # Roles are groups: their changes are recorded with the rest (m2m history).
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=["groups"])

    objects = UserManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split()[-1] if self.full_name else self.username

    def clean(self):
        super().clean()
        if self.department_id and self.department.centre_id != self.centre_id:
            raise ValidationError({"department": "Phòng, chi nhánh không thuộc Trung tâm đã chọn."})
        if self.agency_id and self.agency.kind != Agency.Kind.DOJ:
            raise ValidationError({"agency": "Cơ quan công tác phải là một Sở Tư pháp."})

    def refresh_search_key(self) -> None:
        self.search_key = search_key(self.full_name, self.username, self.email)


class HolidayOverride(models.Model):
    """A local correction to the public-holiday calendar used for legal time limits.

    The `holidays` package knows the statutory days off but not the make-up
    working Saturdays ("làm bù") nor extra days off decreed later; administrators
    record those here (see tgpl/calendar.py).
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", "Ngày nghỉ bổ sung"
        WORKDAY = "workday", "Ngày làm việc bù"

    date = models.DateField("ngày", unique=True)
    kind = models.CharField("loại", max_length=16, choices=Kind.choices)
    note = models.CharField("ghi chú (căn cứ)", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ngày nghỉ / làm bù"
        verbose_name_plural = "lịch nghỉ, làm bù"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"


# Reminder and notification models live in their own module; imported here so that
# Django finds them in the tgpl app.
from tgpl.notifications.models import (  # noqa: E402
    Notification,
    NotificationPreference,
    Reminder,
    ReminderSettings,
)

__all__ = [
    "Agency",
    "Centre",
    "Department",
    "HolidayOverride",
    "Notification",
    "NotificationPreference",
    "Reminder",
    "ReminderSettings",
    "User",
]

# The read log of applicants' records (tgpl/audit/models.py).
from tgpl.audit.models import ReadLog  # noqa: E402, F401

# The outbox of side effects (tgpl/kernel/outbox.py).
# The register of issued documents and its number counters (tgpl/documents/models.py).
from tgpl.documents.models import DocumentCounter, IssuedDocument  # noqa: E402, F401

# Exports run by a worker, with their progress and file (tgpl/exports/models.py).
from tgpl.exports.models import ExportJob  # noqa: E402, F401
from tgpl.kernel.outbox import OutboxMessage  # noqa: E402, F401
