"""Input validation with Vietnamese messages; what the user typed stays on error."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from cases.eligibility import category_queryset
from cases.models import EligibilityCategory, LegalAidRequest, LegalField, ProofDocument
from cases.rules import uploads
from cases.rules.checklist import checklist_for
from cases.rules.eligibility import birth_problem
from cases.services.request_fields import REQUEST_FIELDS, category_age_problems
from cases.states import (
    CaseStatus,
    DiscontinueGround,
    Form,
    ImmediateGround,
    Outcome,
    RefusalGround,
    RequestStatus,
    Stage,
)
from tgpl import geography
from tgpl.forms import FormMixin, ModelSelect, PlainSelect, remember_choices
from tgpl.models import Agency, Centre, Department

DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
DATETIME = forms.DateTimeInput(format="%d/%m/%Y %H:%M", attrs={"placeholder": "dd/mm/yyyy hh:mm"})


def category_label(category) -> str:
    until = f" – đến {category.valid_to:%d/%m/%Y}" if category.valid_to else ""
    since = (
        f" (từ {category.valid_from:%d/%m/%Y}{until})"
        if category.valid_from.year > 2018 or category.valid_to
        else ""
    )
    return f"{category.code}. {category.name}{since}"


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return category_label(obj)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input; each checked by cases/rules/uploads.py."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs["accept"] = uploads.ACCEPT

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > uploads.MAX_FILES:
            raise forms.ValidationError(f"Chỉ đính kèm tối đa {uploads.MAX_FILES} tệp mỗi lần.")
        errors = []
        for upload in files:
            upload.seek(0)
            head = upload.read(16)
            upload.seek(0)
            problem = uploads.upload_problem(upload.name, upload.size, head)
            if problem:
                errors.append(problem)
        if errors:
            raise forms.ValidationError(errors)
        return files


class RequestForm(FormMixin, forms.ModelForm):
    categories = CategoryChoiceField(
        label="Diện người được TGPL (Điều 7)",
        queryset=category_queryset(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn ít nhất một diện người được TGPL."},
    )
    proofs = forms.ModelMultipleChoiceField(
        label="Giấy tờ chứng minh đã nhận",
        queryset=ProofDocument.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    commune_code = forms.TypedChoiceField(
        label="Xã, phường", coerce=int, required=False, empty_value=None
    )
    attachments = AttachmentsField(
        label="Tài liệu kèm theo",
        help_text=f"Chọn được nhiều tệp {uploads.ALLOWED_LABEL}, mỗi tệp không quá 10 MB.",
    )
    confirm_known = forms.BooleanField(
        label="Tôi đã kiểm tra những yêu cầu trước của người này, vẫn lưu.", required=False
    )

    class Meta:
        model = LegalAidRequest
        fields = sorted(REQUEST_FIELDS - {"commune_code"})
        widgets = {
            "received_at": DATETIME,
            "notified_at": DATETIME,
            "birth_date": DATE,
            "limitation_expires_on": DATE,
            "trial_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "opposing_parties": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, centre: Centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["received_at"].input_formats = ["%d/%m/%Y %H:%M", "%d/%m/%Y"]
        self.fields["department"].queryset = Department.objects.filter(
            centre=centre, is_active=True
        )
        self.fields["notifying_agency"].queryset = Agency.objects.exclude(kind=Agency.Kind.DOJ)
        self.fields["legal_field"].queryset = LegalField.objects.filter(is_active=True)
        self.fields["commune_code"].choices = [
            ("", "---------"),
            *geography.commune_choices(centre.province_code),
        ]
        if self.instance.pk:
            self.fields["commune_code"].initial = self.instance.commune_code
            del self.fields["attachments"]  # attached at intake (receive_request)

    def _birth(self, name: str):
        value = self.cleaned_data.get(name)
        args = (value, None) if name == "birth_date" else (None, value)
        problem = birth_problem(*args, timezone.localdate())
        if problem:
            raise forms.ValidationError(problem)
        return value

    def clean_birth_date(self):
        return self._birth("birth_date")

    def clean_birth_year(self):
        return self._birth("birth_year")

    def clean(self):
        data = super().clean()
        received, categories = data.get("received_at"), data.get("categories")
        birth_date, birth_year = data.get("birth_date"), data.get("birth_year")
        if received and categories and (birth_date or birth_year):
            on = timezone.localtime(received).date()
            problems = category_age_problems(categories, birth_date, birth_year, on)
            if problems:
                self.add_error("categories", problems)
        return data

    @property
    def person(self) -> dict:
        """Who the request is for, as the look-up of a person already known reads it."""
        data = getattr(self, "cleaned_data", {})
        birth_date = data.get("birth_date")
        return {
            "identity_number": data.get("identity_number") or "",
            "full_name": data.get("full_name") or "",
            "birth_year": birth_date.year if birth_date else data.get("birth_year"),
        }

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k in REQUEST_FIELDS}
        data["commune_code"] = self.cleaned_data.get("commune_code")
        for text in (
            "requester_name",
            "requester_relation",
            "requester_phone",
            "requester_address",
        ):
            data[text] = data.get(text) or ""
        return data


class MissingProofForm(FormMixin, forms.Form):
    note = forms.CharField(label="Giấy tờ cần bổ sung", widget=forms.Textarea(attrs={"rows": 2}))


class RecordProofForm(FormMixin, forms.Form):
    proofs = forms.ModelMultipleChoiceField(
        label="Giấy tờ nhận thêm",
        queryset=ProofDocument.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )


class AcceptForm(FormMixin, forms.Form):
    department = forms.ModelChoiceField(
        label="Phòng, chi nhánh thụ lý", queryset=Department.objects.none()
    )
    immediate_ground = forms.ChoiceField(
        label="Thụ lý ngay (TT 12/2018 Điều 6.1)",
        choices=[("", "Không – hồ sơ đã đủ"), *ImmediateGround.choices],
        required=False,
    )

    def __init__(self, *args, centre: Centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            centre=centre, is_active=True
        )


class RefuseForm(FormMixin, forms.Form):
    ground = forms.ChoiceField(label="Lý do từ chối (Điều 30.3)", choices=RefusalGround.choices)
    notice_text = forms.CharField(
        label="Nội dung thông báo (Mẫu 08-TP-TGPL)", widget=forms.Textarea(attrs={"rows": 3})
    )


class TransferForm(FormMixin, forms.Form):
    to_centre = forms.ModelChoiceField(
        label="Trung tâm nhận", queryset=Centre.objects.none(), required=False
    )
    to_name = forms.CharField(label="hoặc tên tổ chức nhận", required=False)
    notice_text = forms.CharField(
        label="Thông báo cho người yêu cầu (Mẫu 09-TP-TGPL)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, centre: Centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_centre"].queryset = Centre.objects.filter(is_active=True).exclude(
            pk=centre.pk
        )


class PerformerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user.full_name} – {obj.get_kind_display()} – {obj.open_cases} việc đang làm"


class ProposeForm(FormMixin, forms.Form):
    performer = PerformerChoiceField(label="Người thực hiện", queryset=None)
    reason = forms.CharField(
        label="Lý do đề xuất", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, performers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["performer"].queryset = performers


class DecisionForm(FormMixin, forms.Form):
    note = forms.CharField(label="Ý kiến", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class LogForm(FormMixin, forms.Form):
    on = forms.DateField(label="Ngày", widget=DATE, initial=timezone.localdate)
    stage = forms.ChoiceField(label="Giai đoạn", choices=Stage.choices)
    agency_name = forms.CharField(label="Tòa án / cơ quan", required=False)
    note = forms.CharField(label="Nội dung công việc", widget=forms.Textarea(attrs={"rows": 2}))
    attachment = forms.FileField(label="Tài liệu", required=False)


class CloseForm(FormMixin, forms.Form):
    outcome = forms.ChoiceField(label="Kết quả", choices=Outcome.choices)
    outcome_note = forms.CharField(
        label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 3})
    )


class DiscontinueForm(FormMixin, forms.Form):
    ground = forms.ChoiceField(label="Căn cứ (Điều 37)", choices=DiscontinueGround.choices)
    notice_text = forms.CharField(
        label="Thông báo bằng văn bản", widget=forms.Textarea(attrs={"rows": 3})
    )


class CaseFileForm(FormMixin, forms.Form):
    items = forms.MultipleChoiceField(
        label="Thành phần hồ sơ đã có", widget=forms.CheckboxSelectMultiple, required=False
    )
    handed_in_on = forms.DateField(label="Ngày nộp hồ sơ lưu trữ", widget=DATE, required=False)

    def __init__(self, *args, form: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = checklist_for(form)


class ExtendAdviceForm(FormMixin, forms.Form):
    days = forms.IntegerField(label="Tổng thời hạn (ngày)", min_value=11, max_value=30)


class ChangeRequestForm(FormMixin, forms.Form):
    reason = forms.CharField(
        label="Lý do đề nghị thay đổi (Mẫu 04-TP-TGPL)", widget=forms.Textarea(attrs={"rows": 2})
    )


class AnswerChangeForm(FormMixin, forms.Form):
    accept = forms.TypedChoiceField(
        label="Trả lời",
        choices=[("1", "Chấp nhận"), ("0", "Không chấp nhận")],
        coerce=lambda v: v == "1",
    )
    answer = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 2}))


class FilterForm(FormMixin, forms.Form):
    q = forms.CharField(label="Tìm", required=False)
    code = forms.CharField(label="Mã vụ việc, số yêu cầu", max_length=40, required=False)
    status = forms.ChoiceField(label="Trạng thái", required=False, widget=PlainSelect)
    form = forms.ChoiceField(
        label="Hình thức",
        choices=[("", "Tất cả"), *Form.choices],
        required=False,
        widget=PlainSelect,
    )
    legal_field = ModelSelect(label="Lĩnh vực", queryset=LegalField.objects.all(), required=False)
    category = ModelSelect(
        # Only the labels: a filter needs no proof documents (one query fewer a page).
        label="Diện",
        queryset=EligibilityCategory.objects.all(),
        required=False,
    )
    department = ModelSelect(
        label="Phòng, chi nhánh", queryset=Department.objects.none(), required=False
    )
    performer = ModelSelect(label="Người thực hiện", queryset=None, required=False)
    date_from = forms.DateField(label="Từ ngày", widget=DATE, required=False)
    date_to = forms.DateField(label="Đến ngày", widget=DATE, required=False)

    def __init__(
        self, *args, centres, centres_key: str, for_cases: bool, personal: bool = True, **kwargs
    ):
        """`centres`: roles.visible_centres, named by `centres_key`
        (roles.visible_centres_key) for the cache of the choices (tgpl/catalogues.py).
        `personal=False` (roles.can_search_personal_data): no search by name, CCCD,
        phone or text and no filter by eligibility category (the selector drops them too)."""
        from tgpl.models import User

        super().__init__(*args, **kwargs)
        statuses = CaseStatus.choices if for_cases else RequestStatus.choices
        self.fields["status"].choices = [("", "Tất cả"), *statuses]
        # The columns of the labels only (Department and User print their names).
        self.fields["department"].queryset = Department.objects.filter(centre__in=centres).only(
            "pk", "name"
        )
        self.fields["performer"].queryset = User.objects.filter(performer__centre__in=centres).only(
            "pk", "full_name", "username"
        )
        self.fields["category"].label_from_instance = category_label
        for name in ("legal_field", "category", "department", "performer"):
            self.fields[name].empty_label = "Tất cả"
        if not personal:
            del self.fields["q"], self.fields["category"]
        remember_choices(
            self,
            {
                "legal_field": "filters:legal_fields",
                "category": "filters:categories",
                "department": f"filters:departments:{centres_key}",
                "performer": f"filters:performers:{centres_key}",
            },
        )


class ImportForm(FormMixin, forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
    confirm_known = forms.BooleanField(
        label="Tôi đã kiểm tra các dòng có thể trùng người, vẫn nhập.", required=False
    )


class StatisticsForm(FormMixin, forms.Form):
    """The period of the statistics (dates of receipt for requests, of acceptance for
    cases); empty: every date."""

    date_from = forms.DateField(label="Từ ngày", widget=DATE, required=False)
    date_to = forms.DateField(label="Đến ngày", widget=DATE, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
        return data
