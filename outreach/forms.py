"""Forms of outreach (Vietnamese labels; the services check the rules)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from tgpl import geography, targets
from tgpl.forms import FormMixin
from tgpl.models import Agency, Centre, Department, User

from .models import (
    Activity,
    ActivityAttachment,
    BroadcastContract,
    CommuneYear,
    Inspection,
    Language,
    Material,
    RecurringTarget,
)
from .services.activities import ACTIVITY_FIELDS

DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
DATETIME = forms.DateTimeInput(format="%d/%m/%Y %H:%M", attrs={"placeholder": "dd/mm/yyyy hh:mm"})
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y"]


def commune_field(required: bool = False) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="Xã, phường", coerce=int, required=required, empty_value=None
    )


def commune_choices(centre: Centre) -> list:
    return [("", "---------"), *geography.commune_choices(centre.province_code)]


def task_choices(user, years) -> list[tuple[int, str]]:
    return [(t.id, t.label) for year in years for t in targets.linkable_tasks(user, year)]


class ActivityForm(FormMixin, forms.ModelForm):
    commune_code = commune_field()
    tasks = forms.TypedMultipleChoiceField(
        label="Phục vụ nhiệm vụ của kế hoạch",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Được tính vào chỉ tiêu của các nhiệm vụ đã chọn, mỗi nhiệm vụ một lần.",
    )

    class Meta:
        model = Activity
        fields = [
            "kind", "title", "starts_at", "ends_at", "department", "commune_code", "village",
            "agency", "organisers", "partner_agencies", "languages", "participants_male",
            "participants_female", "ethnic_minority", "poor_households", "disabled", "children",
            "domestic_violence_victims", "trafficking_victims", "other_groups", "cost_vnd",
            "channel", "contract", "link", "note",
        ]  # fmt: skip
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "note": forms.Textarea(attrs={"rows": 3}),
            "organisers": forms.SelectMultiple(attrs={"size": 6}),
            "partner_agencies": forms.SelectMultiple(attrs={"size": 6}),
            "languages": forms.CheckboxSelectMultiple,
        }
        field_classes = {"link": forms.URLField}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        centre = user.centre
        self.fields["starts_at"].input_formats = DATETIME_FORMATS
        self.fields["link"].assume_scheme = "https"
        self.fields["ends_at"].input_formats = DATETIME_FORMATS
        self.fields["department"].queryset = Department.objects.filter(
            centre=centre, is_active=True
        )
        self.fields["organisers"].queryset = User.objects.filter(centre=centre, is_active=True)
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True)
        self.fields["partner_agencies"].queryset = Agency.objects.filter(is_active=True)
        self.fields["languages"].queryset = Language.objects.filter(is_active=True)
        self.fields["contract"].queryset = BroadcastContract.objects.filter(centre=centre)
        self.fields["commune_code"].choices = commune_choices(centre)
        year = timezone.localdate().year
        if self.instance.pk:
            year = timezone.localtime(self.instance.starts_at).year
            self.fields["commune_code"].initial = self.instance.commune_code
            self.fields["tasks"].initial = [t.plan_item_id for t in self.instance.tasks.all()]
        else:
            self.fields["starts_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["tasks"].choices = task_choices(user, sorted({year, year - 1}))

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "fields": {k: v for k, v in data.items() if k in ACTIVITY_FIELDS},
            "organisers": data["organisers"],
            "partner_agencies": data["partner_agencies"],
            "languages": data["languages"],
            "task_ids": data["tasks"],
        }


class RequestLinkForm(FormMixin, forms.Form):
    requests = forms.TypedMultipleChoiceField(
        label="Yêu cầu TGPL tiếp nhận tại hoạt động",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, initial_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requests"].choices = [(r.id, f"{r.code} ({r.state})") for r in candidates]
        self.fields["requests"].initial = list(initial_ids)


class AttachmentForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=ActivityAttachment.Kind.choices)
    file = forms.FileField(label="Tệp")
    caption = forms.CharField(label="Chú thích", max_length=255, required=False)


class ContractForm(FormMixin, forms.ModelForm):
    communes_covered = forms.TypedMultipleChoiceField(
        label="Các xã được phủ sóng", coerce=int, required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )  # fmt: skip

    class Meta:
        model = BroadcastContract
        fields = ["number", "partner", "partner_name", "start", "end", "amount_vnd",
                  "communes_covered", "note"]  # fmt: skip
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Agency.objects.filter(is_active=True)
        self.fields["communes_covered"].choices = commune_choices(user.centre)[1:]


class RecurringTargetForm(FormMixin, forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label="Hình thức được tính",
        choices=Activity.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    plan_item_id = forms.TypedChoiceField(
        label="Nhiệm vụ của kế hoạch", coerce=int, required=False, empty_value=None
    )

    class Meta:
        model = RecurringTarget
        fields = ["title", "kinds", "channel", "contract", "period", "per_period", "start", "end",
                  "plan_item_id"]  # fmt: skip
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = BroadcastContract.objects.filter(centre=user.centre)
        year = timezone.localdate().year
        self.fields["plan_item_id"].choices = [("", "---------"), *task_choices(user, [year])]


class MaterialForm(FormMixin, forms.ModelForm):
    class Meta:
        model = Material
        fields = ["kind", "title", "language", "quantity_produced", "produced_on", "cost_vnd",
                  "inspection_months", "note"]  # fmt: skip
        widgets = {"produced_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].queryset = Language.objects.filter(is_active=True)


class PlacementForm(FormMixin, forms.Form):
    on = forms.DateField(label="Ngày cấp phát, lắp đặt", widget=DATE)
    quantity = forms.IntegerField(label="Số lượng", min_value=1)
    commune_code = commune_field()
    agency = forms.ModelChoiceField(
        label="Cơ quan, đơn vị", queryset=Agency.objects.none(), required=False
    )
    place_text = forms.CharField(label="Vị trí (thôn, trụ sở ...)", max_length=255, required=False)
    received_by = forms.CharField(label="Người nhận", max_length=255)
    plan_item_id = forms.TypedChoiceField(
        label="Phục vụ nhiệm vụ của kế hoạch", coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True)
        self.fields["commune_code"].choices = commune_choices(user.centre)
        year = timezone.localdate().year
        self.fields["plan_item_id"].choices = [
            ("", "---------"),
            *task_choices(user, [year, year - 1]),
        ]
        self.fields["on"].initial = timezone.localdate()


class InspectionForm(FormMixin, forms.Form):
    on = forms.DateField(label="Ngày kiểm tra", widget=DATE)
    result = forms.ChoiceField(label="Kết quả", choices=Inspection.Result.choices)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)


class CommuneYearForm(FormMixin, forms.ModelForm):
    class Meta:
        model = CommuneYear
        fields = [*CommuneYear.ANNOTATIONS, "note"]
        widgets = {"designated_from": DATE, "designated_until": DATE}


class ContactForm(FormMixin, forms.Form):
    name = forms.CharField(label="Họ và tên", max_length=255)
    role = forms.CharField(label="Vai trò, chức vụ", max_length=128)
    phone = forms.CharField(label="Điện thoại", max_length=32, required=False)
    consent_on = forms.DateField(label="Ngày đồng ý cho lưu thông tin", widget=DATE)
    consent_note = forms.CharField(
        label="Hình thức đồng ý", max_length=255, required=False,
        help_text="Ví dụ: đồng ý bằng văn bản, đồng ý qua điện thoại.",
    )  # fmt: skip


class ImportForm(FormMixin, forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
