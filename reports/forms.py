"""Forms of the reports pages: opening a report, its text and estimates, the Sở's notes."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from tgpl.forms import FormMixin

from .models import KIND_CHOICES
from .narrative import SECTIONS

DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class OpenReportForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại báo cáo", choices=KIND_CHOICES)
    year = forms.IntegerField(label="Năm", min_value=2018, max_value=2100)
    number = forms.IntegerField(label="Tháng / quý", min_value=1, max_value=12, initial=1)
    start = forms.DateField(label="Từ ngày (chuyên đề)", required=False, widget=DATE)
    end = forms.DateField(label="Đến ngày (chuyên đề)", required=False, widget=DATE)
    due = forms.DateField(label="Hạn gửi do Sở đặt", required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class NarrativeForm(FormMixin, forms.Form):
    """A text area per section of the template; figures as {b25.total.new}."""

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        for s in SECTIONS:
            self.fields[s.key] = forms.CharField(
                label=s.title,
                required=False,
                initial=report.narrative.get(s.key, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.estimate_keys = []
        for section, columns in (report.estimates or {}).items():
            for column, cell in columns.items():
                name = f"est__{section}__{column.replace(':', '__')}"
                self.fields[name] = forms.IntegerField(
                    label=f"{section} · {column}",
                    min_value=0,
                    initial=cell.get("value", 0),
                    help_text=f"Đề xuất: {cell.get('proposed', 0)}",
                )
                self.estimate_keys.append((name, section, column))

    def narrative(self) -> dict[str, str]:
        return {s.key: self.cleaned_data.get(s.key, "") for s in SECTIONS}

    def estimates(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for name, section, column in self.estimate_keys:
            out.setdefault(section, {})[column] = self.cleaned_data[name]
        return out


class CommentForm(FormMixin, forms.Form):
    """A comment on the report, a section of its text, a table (a choice) or one figure
    (the drill-down page sends it as a hidden "b24|row|column")."""

    target = forms.CharField(label="Góp ý về", required=False, max_length=200,
                             widget=forms.HiddenInput)  # fmt: skip
    text = forms.CharField(label="Nội dung góp ý", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if targets is not None:
            self.fields["target"].widget = forms.Select(choices=targets)


class DecisionForm(FormMixin, forms.Form):
    text = forms.CharField(label="Ý kiến của Sở", required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip


class PeriodForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại báo cáo", choices=KIND_CHOICES)
    year = forms.IntegerField(label="Năm", min_value=2018, max_value=2100)
    number = forms.IntegerField(label="Tháng / quý", min_value=1, max_value=12, initial=1)
