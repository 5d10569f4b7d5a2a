"""Forms of trainings: input checks and Vietnamese messages; the rules are in the services."""

from __future__ import annotations

from django import forms

from outreach.models import ExemptionReason, TrainingSession
from tgpl import uploads
from tgpl.forms import FormMixin


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name}{f' ({obj.job_title})' if obj.job_title else ''}"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name}{f' ({obj.job_title})' if obj.job_title else ''}"


class SessionForm(FormMixin, forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = [
            "title",
            "content",
            "form",
            "organiser",
            "held_by_centre",
            "location",
            "starts_on",
            "ends_on",
            "hours",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data


class AttendanceForm(FormMixin, forms.Form):
    person = PersonChoiceField(
        label="Người tham dự",
        queryset=None,
        help_text="Chọn người đã có trong danh sách để sửa số giờ hoặc thêm giấy chứng nhận.",
    )
    hours = forms.DecimalField(
        label="Số giờ tham dự",
        max_digits=5,
        decimal_places=1,
        min_value=0,
        required=False,
        help_text="Để trống nếu mới được cử, chưa tham dự.",
    )
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)
    certificate = forms.FileField(
        label="Giấy chứng nhận",
        required=False,
        help_text=f"Tệp {uploads.ALLOWED_LABEL}, không quá 10 MB.",
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["certificate"].widget.attrs["accept"] = uploads.ACCEPT

    def clean_certificate(self):
        upload = self.cleaned_data.get("certificate")
        if upload:
            upload.seek(0)
            head = upload.read(16)
            upload.seek(0)
            problem = uploads.upload_problem(upload.name, upload.size, head)
            if problem:
                raise forms.ValidationError(problem)
        return upload


class NominationForm(FormMixin, forms.Form):
    people = PeopleChoiceField(
        label="Người được cử", queryset=None, widget=forms.CheckboxSelectMultiple
    )
    purpose = forms.CharField(
        label="Căn cứ (giấy mời, kế hoạch của đơn vị tổ chức)", max_length=500, required=False
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people


class ExemptionForm(FormMixin, forms.Form):
    person = PersonChoiceField(label="Trợ giúp viên pháp lý", queryset=None)
    reason = forms.ModelChoiceField(
        label="Lý do miễn (Điều 4.4)", queryset=ExemptionReason.objects.none()
    )
    starts_on = forms.DateField(label="Từ ngày", widget=DateInput())
    ends_on = forms.DateField(label="Đến ngày", widget=DateInput())
    note = forms.CharField(label="Căn cứ, ghi chú", max_length=255, required=False)

    def __init__(self, *args, people=None, reasons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["reason"].queryset = reasons
