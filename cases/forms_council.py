"""Forms of the inter-agency council (issue 17.4): a member, a meeting, a report."""

from __future__ import annotations

from django import forms

from cases.models import CouncilMember
from cases.rules import uploads
from tgpl.forms import FormMixin

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


def date_field(label: str) -> forms.DateField:
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=DATE)


class MemberForm(FormMixin, forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=255)
    job_title = forms.CharField(label="Chức vụ tại cơ quan", max_length=255)
    sector = forms.ChoiceField(label="Ngành", choices=CouncilMember.Sector.choices)
    position = forms.ChoiceField(
        label="Vị trí trong Hội đồng", choices=CouncilMember.Position.choices
    )
    joined_on = date_field("Tham gia từ ngày")


class EndMemberForm(FormMixin, forms.Form):
    on = date_field("Thôi tham gia từ ngày")


class MeetingForm(FormMixin, forms.Form):
    held_on = date_field("Ngày họp")
    place = forms.CharField(label="Địa điểm", max_length=255)
    agenda = forms.CharField(label="Nội dung cuộc họp", widget=forms.Textarea(attrs={"rows": 3}))
    minutes = forms.FileField(
        label=f"Biên bản cuộc họp ({uploads.ALLOWED_LABEL})",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": uploads.ACCEPT}),
    )

    def clean_minutes(self):
        upload = self.cleaned_data.get("minutes")
        if upload:
            upload.seek(0)
            head = upload.read(16)
            upload.seek(0)
            problem = uploads.upload_problem(upload.name, upload.size, head)
            if problem:
                raise forms.ValidationError(problem)
        return upload


class CouncilReportForm(FormMixin, forms.Form):
    content = forms.CharField(
        label="Nội dung báo cáo (Mẫu 06A): kết quả phối hợp, khó khăn, vướng mắc, kiến nghị",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
