"""The filters of the read log page."""

from __future__ import annotations

from django import forms

from tgpl.forms import FormMixin

from .models import ReadKind

DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class ReadFilterForm(FormMixin, forms.Form):
    user = forms.ModelChoiceField(
        label="Người xem", queryset=None, required=False, empty_label="Tất cả"
    )
    date_from = forms.DateField(label="Từ ngày", widget=DATE, required=False)
    date_to = forms.DateField(label="Đến ngày", widget=DATE, required=False)
    record = forms.CharField(
        label="Hồ sơ (số yêu cầu hoặc mã vụ việc)", max_length=40, required=False
    )
    kind = forms.ChoiceField(
        label="Loại truy cập", choices=[("", "Tất cả"), *ReadKind.choices], required=False
    )

    def __init__(self, *args, readers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = readers

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("“Từ ngày” phải trước hoặc bằng “Đến ngày”.")
        return data
