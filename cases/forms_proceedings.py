"""Forms of coordination in proceedings, conflict checks and complaints (issue 17)."""

from __future__ import annotations

from django import forms

from cases.models import (
    Case,
    Complaint,
    ConflictCheck,
    DefenceRegistration,
    FormHandover,
    LegalAidRequest,
    Performer,
    ProceduralNotice,
)
from cases.states import Stage
from tgpl.forms import FormMixin
from tgpl.models import Agency

DATETIME = forms.DateTimeInput(format="%d/%m/%Y %H:%M", attrs={"placeholder": "dd/mm/yyyy hh:mm"})
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
PROCEDURAL_KINDS = [
    Agency.Kind.COURT,
    Agency.Kind.PROCURACY,
    Agency.Kind.POLICE,
    Agency.Kind.DETENTION,
]


def procedural_agencies():
    return Agency.objects.filter(kind__in=PROCEDURAL_KINDS, is_active=True).order_by("kind", "name")


def moment_field(label: str, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, required=required, widget=DATETIME, input_formats=DATETIME_FORMATS
    )


class NoticeForm(FormMixin, forms.ModelForm):
    received_at = moment_field("Thời điểm nhận (ngày giờ phút)")
    person_requested_at = moment_field("Thời điểm người đó yêu cầu TGPL (nếu biết)", False)

    class Meta:
        model = ProceduralNotice
        fields = [
            "kind",
            "agency",
            "officer_name",
            "officer_phone",
            "received_at",
            "by_phone",
            "person_name",
            "person_status",
            "person_requested_at",
            "mandatory_defence",
            "stage",
            "agency_case_number",
            "content",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = procedural_agencies()
        self.fields["stage"].choices = [
            c for c in Stage.choices if c[0] not in ("negotiation", "advice")
        ]


class LinkNoticeForm(FormMixin, forms.Form):
    request = forms.ModelChoiceField(
        label="Yêu cầu TGPL đã ghi nhận (số)",
        queryset=LegalAidRequest.objects.none(),
        widget=forms.NumberInput,
    )

    def __init__(self, *args, requests=None, **kwargs):
        super().__init__(*args, **kwargs)
        if requests is not None:
            self.fields["request"].queryset = requests


class AnswerNoticeForm(FormMixin, forms.Form):
    answer = forms.CharField(
        label="Nội dung trả lời cơ quan tiến hành tố tụng",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RegistrationForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại đăng ký", choices=DefenceRegistration.Kind.choices)
    agency = forms.ModelChoiceField(label="Cơ quan đăng ký", queryset=Agency.objects.none())
    submitted_at = moment_field("Thời điểm nộp đủ giấy tờ")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = procedural_agencies()


class RegistrationOutcomeForm(FormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="Kết quả",
        choices=[c for c in DefenceRegistration.Outcome.choices if c[0]],
    )
    at = moment_field("Thời điểm nhận văn bản")
    reason = forms.CharField(
        label="Lý do (khi từ chối, hủy bỏ)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class LimitEventForm(FormMixin, forms.Form):
    at = moment_field("Thời điểm")
    note = forms.CharField(
        label="Giấy tờ đã nhận / lý do", widget=forms.Textarea(attrs={"rows": 2})
    )


class ConflictDecisionForm(FormMixin, forms.Form):
    stage = forms.ChoiceField(label="Thời điểm kiểm tra", choices=ConflictCheck.Stage.choices)
    performer = forms.ModelChoiceField(
        label="Người thực hiện được xem xét (khi kiểm tra trước khi cử người)",
        queryset=Performer.objects.none(),
        required=False,
    )
    decision = forms.ChoiceField(label="Quyết định", choices=ConflictCheck.Decision.choices)
    note = forms.CharField(
        label="Lý do (bắt buộc khi có trường hợp trùng)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, performers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if performers is not None:
            self.fields["performer"].queryset = performers
            self.fields["performer"].label_from_instance = lambda p: p.user.full_name


class ComplaintForm(FormMixin, forms.ModelForm):
    received_at = moment_field("Thời điểm nhận đơn")

    class Meta:
        model = Complaint
        fields = [
            "received_at",
            "complainant_name",
            "complainant_phone",
            "against",
            "ground",
            "case",
            "performer",
            "content",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, cases=None, performers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases if cases is not None else Case.objects.none()
        self.fields["performer"].queryset = (
            performers if performers is not None else self.fields["performer"].queryset.none()
        )


class ComplaintStepForm(FormMixin, forms.Form):
    at = moment_field("Thời điểm")
    result = forms.ChoiceField(
        label="Kết quả", required=False, choices=[("", "—"), *Complaint.Result.choices]
    )
    text = forms.CharField(
        label="Nội dung, lý do", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RosterForm(FormMixin, forms.Form):
    agency = forms.ModelChoiceField(label="Nơi trực", queryset=Agency.objects.none())
    year = forms.IntegerField(label="Năm", min_value=2018, max_value=2100)
    month = forms.IntegerField(label="Tháng", min_value=1, max_value=12)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = procedural_agencies()


class ShiftForm(FormMixin, forms.Form):
    day = forms.DateField(
        label="Ngày trực", input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}),
    )  # fmt: skip
    start = forms.TimeField(label="Từ giờ", initial="07:30")
    end = forms.TimeField(label="Đến giờ", initial="17:00")
    performer = forms.ModelChoiceField(label="Người trực", queryset=Case.objects.none())
    phone = forms.CharField(label="Điện thoại (mặc định của người trực)", required=False)

    def __init__(self, *args, performers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if performers is not None:
            self.fields["performer"].queryset = performers


class LeaveForm(FormMixin, forms.Form):
    performer = forms.ModelChoiceField(label="Người thực hiện", queryset=Case.objects.none())
    start = forms.DateField(label="Từ ngày", input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    end = forms.DateField(label="Đến ngày", input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    reason = forms.CharField(label="Lý do", required=False)

    def __init__(self, *args, performers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if performers is not None:
            self.fields["performer"].queryset = performers


class HandoverForm(FormMixin, forms.Form):
    agency = forms.ModelChoiceField(label="Cơ quan nhận", queryset=Agency.objects.none())
    item = forms.ChoiceField(label="Tài liệu", choices=FormHandover.Item.choices)
    quantity = forms.IntegerField(label="Số lượng", min_value=1, initial=1)
    handed_on = forms.DateField(label="Ngày giao", input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    received_by = forms.CharField(label="Người nhận tại cơ quan", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = procedural_agencies()
