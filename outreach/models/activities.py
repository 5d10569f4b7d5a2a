"""Outreach activities (hoạt động truyền thông): sessions, conferences, broadcasts, articles,
posts, hotline days; the contracts behind broadcasts and the recurring targets they meet.

An activity links to the plan tasks it serves and to the legal-aid requests taken at it
by id only (`plan_item_id`, `request_id`: indexed integers, see tgpl/targets.py and
tgpl/references.py): outreach imports neither plans nor cases.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from tgpl import geography
from tgpl.models import Agency, Centre, Department, User


class Language(models.Model):
    """A language of outreach (Tiếng Việt, Tày, Nùng, Dao, H'Mông, Sán Chay ...): a list
    the administrators extend in the admin."""

    name = models.CharField("ngôn ngữ", max_length=64, unique=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    is_active = models.BooleanField("đang dùng", default=True)

    class Meta:
        verbose_name = "ngôn ngữ truyền thông"
        verbose_name_plural = "ngôn ngữ truyền thông"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class BroadcastContract(models.Model):
    """A contract with a radio/TV station or a web page for programmes or articles."""

    centre = models.ForeignKey(Centre, verbose_name="Trung tâm", on_delete=models.PROTECT)
    number = models.CharField("số hợp đồng", max_length=64)
    partner = models.ForeignKey(
        Agency, verbose_name="đối tác", on_delete=models.PROTECT, null=True, blank=True
    )
    partner_name = models.CharField(
        "tên đối tác (nếu không có trong danh mục)", max_length=255, blank=True
    )
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    amount_vnd = models.BigIntegerField(
        "giá trị (đồng)", null=True, blank=True, validators=[MinValueValidator(0)]
    )
    communes_covered = models.JSONField("các xã được phủ sóng (mã)", default=list, blank=True)
    note = models.CharField("ghi chú", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "hợp đồng phát sóng, đăng tin"
        verbose_name_plural = "hợp đồng phát sóng, đăng tin"
        ordering = ["-start", "number"]

    def __str__(self) -> str:
        return f"HĐ {self.number} — {self.partner_label}"

    @property
    def partner_label(self) -> str:
        return self.partner.name if self.partner_id else self.partner_name


class Activity(models.Model):
    class Kind(models.TextChoices):
        COMMUNE_SESSION = "commune_session", "Truyền thông trực tiếp tại xã"
        AGENCY_SESSION = "agency_session", "Truyền thông trực tiếp tại cơ quan, đơn vị"
        CONFERENCE = "conference", "Hội nghị, tọa đàm"
        RADIO_TV = "radio_tv", "Chương trình phát thanh, truyền hình"
        LOUDSPEAKER = "loudspeaker", "Chương trình trên loa truyền thanh xã"
        WEB_ARTICLE = "web_article", "Tin, bài trên trang thông tin điện tử"
        SOCIAL_POST = "social_post", "Bài đăng trên mạng xã hội"
        COMMUNE_EVENT = "commune_event", "TGPL tại sự kiện của xã"
        HOTLINE_DAY = "hotline_day", "Ngày trực đường dây nóng"

    centre = models.ForeignKey(
        Centre, verbose_name="Trung tâm", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="đơn vị thực hiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField("hình thức", max_length=32, choices=Kind.choices)
    title = models.CharField("nội dung, chủ đề", max_length=255)
    starts_at = models.DateTimeField("thời gian (phát sóng, đăng tải)")
    ends_at = models.DateTimeField("kết thúc", null=True, blank=True)
    commune_code = models.PositiveIntegerField("xã, phường", null=True, blank=True, db_index=True)
    village = models.CharField("thôn, bản", max_length=128, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name="cơ quan, đơn vị (nơi tổ chức)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisers = models.ManyToManyField(
        User, verbose_name="người thực hiện", blank=True, related_name="+"
    )
    partner_agencies = models.ManyToManyField(
        Agency, verbose_name="cơ quan phối hợp", blank=True, related_name="+"
    )
    languages = models.ManyToManyField(Language, verbose_name="ngôn ngữ", blank=True)
    # participants (người tham dự)
    participants_male = models.PositiveIntegerField("nam", default=0)
    participants_female = models.PositiveIntegerField("nữ", default=0)
    ethnic_minority = models.PositiveIntegerField("người dân tộc thiểu số", default=0)
    poor_households = models.PositiveIntegerField("người thuộc hộ nghèo", default=0)
    disabled = models.PositiveIntegerField("người khuyết tật", default=0)
    children = models.PositiveIntegerField("trẻ em", default=0)
    domestic_violence_victims = models.PositiveIntegerField("nạn nhân bạo lực gia đình", default=0)
    trafficking_victims = models.PositiveIntegerField("nạn nhân mua bán người", default=0)
    other_groups = models.PositiveIntegerField("đối tượng khác", default=0)
    cost_vnd = models.BigIntegerField(
        "kinh phí (đồng)", null=True, blank=True, validators=[MinValueValidator(0)]
    )
    # broadcasts and articles
    channel = models.CharField("đài, trang thông tin", max_length=255, blank=True)
    contract = models.ForeignKey(
        BroadcastContract,
        verbose_name="hợp đồng",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    link = models.URLField("đường dẫn", max_length=500, blank=True)
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        User, verbose_name="người ghi nhận", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("thời điểm ghi nhận", default=timezone.now)
    history = HistoricalRecords(m2m_fields=[organisers, partner_agencies, languages])

    MEDIA_KINDS = frozenset({Kind.RADIO_TV, Kind.LOUDSPEAKER, Kind.WEB_ARTICLE, Kind.SOCIAL_POST})
    SESSION_KINDS = frozenset(
        {
            Kind.COMMUNE_SESSION,
            Kind.AGENCY_SESSION,
            Kind.CONFERENCE,
            Kind.COMMUNE_EVENT,
            Kind.HOTLINE_DAY,
        }
    )

    class Meta:
        verbose_name = "hoạt động truyền thông"
        verbose_name_plural = "hoạt động truyền thông"
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["centre", "starts_at"])]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%d/%m/%Y} — {self.title}"

    @property
    def participants(self) -> int:
        return self.participants_male + self.participants_female

    @property
    def is_media(self) -> bool:
        return self.kind in self.MEDIA_KINDS

    @property
    def commune_name(self) -> str:
        return geography.commune_name(self.commune_code)

    @property
    def place(self) -> str:
        if self.commune_code:
            name = self.commune_name
            return f"{self.village}, {name}" if self.village else name
        if self.agency_id:
            return self.agency.name
        return self.channel


class ActivityTask(models.Model):
    """A plan task an activity serves, by id (plans.PlanItem; see tgpl/targets.py)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="tasks")
    plan_item_id = models.PositiveBigIntegerField("nhiệm vụ của kế hoạch (mã)", db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nhiệm vụ được phục vụ"
        verbose_name_plural = "nhiệm vụ được phục vụ"
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "plan_item_id"], name="activitytask_unique_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} → {self.plan_item_id}"


class ActivityRequest(models.Model):
    """A legal-aid request taken at the activity, by id (cases.LegalAidRequest; see
    tgpl/references.py)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="requests")
    request_id = models.PositiveBigIntegerField("yêu cầu TGPL (mã)", db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "yêu cầu tiếp nhận tại hoạt động"
        verbose_name_plural = "yêu cầu tiếp nhận tại hoạt động"
        constraints = [
            models.UniqueConstraint(fields=["request_id"], name="activityrequest_unique_request")
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} → {self.request_id}"


def attachment_path(instance, filename):
    return f"outreach/activities/{instance.activity_id}/{filename}"


class ActivityAttachment(models.Model):
    class Kind(models.TextChoices):
        PHOTO = "photo", "Ảnh"
        DOCUMENT = "document", "Tài liệu"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.PHOTO)
    file = models.FileField("tệp", upload_to=attachment_path)
    caption = models.CharField("chú thích", max_length=255, blank=True)
    uploaded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ảnh, tài liệu của hoạt động"
        verbose_name_plural = "ảnh, tài liệu của hoạt động"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption or self.file.name


class RecurringTarget(models.Model):
    """A target repeated each period ("một bài/tuần", "Hằng tháng"): so many activities of
    these kinds (on this channel or under this contract) in every week, month or quarter."""

    class Period(models.TextChoices):
        WEEK = "week", "Hằng tuần"
        MONTH = "month", "Hằng tháng"
        QUARTER = "quarter", "Hằng quý"

    centre = models.ForeignKey(Centre, verbose_name="Trung tâm", on_delete=models.PROTECT)
    title = models.CharField("chỉ tiêu", max_length=255)
    kinds = models.JSONField("hình thức được tính", default=list)
    channel = models.CharField(
        "đài, trang thông tin (để trống: mọi nơi)", max_length=255, blank=True
    )
    contract = models.ForeignKey(
        BroadcastContract,
        verbose_name="hợp đồng",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
    )
    period = models.CharField("chu kỳ", max_length=16, choices=Period.choices)
    per_period = models.PositiveSmallIntegerField(
        "số lượng mỗi kỳ", default=1, validators=[MinValueValidator(1)]
    )
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    plan_item_id = models.PositiveBigIntegerField(
        "nhiệm vụ của kế hoạch (mã)", null=True, blank=True, db_index=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu định kỳ"
        verbose_name_plural = "chỉ tiêu định kỳ"
        ordering = ["start", "title"]

    def __str__(self) -> str:
        return self.title
