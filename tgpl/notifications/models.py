"""Reminders (one row per (object, kind, due moment, recipient): the exactly-once ledger),
in-app notifications, users' preferences and the administrator's reminder settings."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ReminderSettings(models.Model):
    """The administrator's settings of reminders (one row)."""

    daily_scan_time = models.TimeField(
        "giờ quét hằng ngày", default="07:00", help_text="Giờ Việt Nam (Asia/Ho_Chi_Minh)."
    )
    task_days_before = models.CharField(
        "nhắc trước hạn (ngày làm việc)",
        max_length=64,
        default="5,1",
        validators=[
            RegexValidator(r"^\d{1,2}(,\d{1,2})*$", "Nhập các số ngày, cách nhau bởi dấu phẩy.")
        ],
        help_text="Ví dụ 5,1: nhắc 5 và 1 ngày làm việc trước hạn.",
    )
    overdue_repeat_days = models.PositiveSmallIntegerField(
        "nhắc lại khi quá hạn sau (ngày)", default=7
    )
    legal_hours_before = models.PositiveSmallIntegerField(
        "nhắc thời hạn tính theo giờ trước (giờ)", default=4
    )
    approval_wait_workdays = models.PositiveSmallIntegerField(
        "nhắc đề xuất chờ duyệt sau (ngày làm việc)", default=1
    )
    last_daily_scan = models.DateField("lần quét gần nhất", null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["last_daily_scan"])

    class Meta:
        verbose_name = "cấu hình nhắc hạn"
        verbose_name_plural = "cấu hình nhắc hạn"

    def __str__(self) -> str:
        return "Cấu hình nhắc hạn"

    @classmethod
    def current(cls) -> "ReminderSettings":
        obj = cls.objects.order_by("pk").first()
        return obj or cls.objects.create()

    def days_before(self) -> list[int]:
        return sorted({int(x) for x in self.task_days_before.split(",") if x.strip()}, reverse=True)


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_enabled = models.BooleanField("nhận nhắc hạn qua thư điện tử", default=True)
    ics_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        verbose_name = "tùy chọn thông báo"
        verbose_name_plural = "tùy chọn thông báo"

    def __str__(self) -> str:
        return f"Tùy chọn của {self.user}"

    @classmethod
    def for_user(cls, user) -> "NotificationPreference":
        return cls.objects.get_or_create(user=user)[0]


class Reminder(models.Model):
    """One reminder to one person about one deadline: created once, delivered once."""

    class Kind(models.TextChoices):
        BEFORE = "before", "Sắp đến hạn"
        DUE = "due", "Đến hạn hôm nay"
        OVERDUE = "overdue", "Quá hạn"
        WAITING = "waiting", "Đang chờ duyệt"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    deadline = models.CharField("loại thời hạn", max_length=64)
    kind = models.CharField("loại nhắc", max_length=16, choices=Kind.choices)
    step = models.CharField(
        "lượt nhắc", max_length=32, help_text="Ví dụ before-5, due, overdue-0, overdue-7."
    )
    due_at = models.DateTimeField("hạn")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhận",
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    title = models.CharField("tiêu đề", max_length=255)
    body = models.TextField("nội dung")
    url = models.CharField("đường dẫn", max_length=255)
    created_at = models.DateTimeField("thời điểm tạo", default=timezone.now)
    claim = models.CharField(max_length=64, blank=True, default="", editable=False)
    notified_at = models.DateTimeField("đã báo trong ứng dụng", null=True, blank=True)
    email_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_sent_at = models.DateTimeField("đã gửi thư", null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField("số lần gửi thư", default=0)
    email_error = models.TextField("lỗi gửi thư", blank=True)

    class Meta:
        verbose_name = "lượt nhắc hạn"
        verbose_name_plural = "lượt nhắc hạn"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "deadline", "step", "due_at", "recipient"],
                name="reminder_sent_once",
            ),
        ]
        indexes = [models.Index(fields=["claim"]), models.Index(fields=["email_sent_at"])]

    def __str__(self) -> str:
        return f"{self.title} → {self.recipient}"


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    reminder = models.OneToOneField(
        Reminder, on_delete=models.CASCADE, null=True, blank=True, related_name="notification"
    )
    title = models.CharField("tiêu đề", max_length=255)
    body = models.TextField("nội dung", blank=True)
    url = models.CharField("đường dẫn", max_length=255, blank=True)
    created_at = models.DateTimeField("thời điểm", default=timezone.now)
    read_at = models.DateTimeField("đã đọc lúc", null=True, blank=True)
    # A notice of an event (proposal waiting, case assigned ...): which event and which
    # kind of notice, so a retried event creates nothing twice.
    event_key = models.CharField(max_length=96, blank=True, default="", editable=False)
    email_wanted = models.BooleanField("gửi thư", default=False)
    email_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_sent_at = models.DateTimeField("đã gửi thư", null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField("số lần gửi thư", default=0)
    email_error = models.TextField("lỗi gửi thư", blank=True)

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "recipient"],
                condition=~models.Q(event_key=""),
                name="notification_once_per_event",
            ),
        ]

    def __str__(self) -> str:
        return self.title
