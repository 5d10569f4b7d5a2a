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

    def narrative(self) -> dict[str, str]:
        return {s.key: self.cleaned_data.get(s.key, "") for s in SECTIONS}


class EstimateForm(FormMixin, forms.Form):
    """The estimate of one table: a number per cell of the rows that are entered (the rows
    with rows under them are their sum, shown, not entered). A field is named by its row and
    column keys ("c~form:advice|field:3~total"), so a table proposed again meanwhile cannot
    put a number in another cell; `cells()` gives them back by those keys."""

    def __init__(self, *args, estimate, **kwargs):
        super().__init__(*args, **kwargs)
        self.estimate = estimate
        section = estimate.section
        self.keys: dict[str, tuple[str, str]] = {}
        self.grid: list[tuple[object, bool, list]] = []  # (row, entered, [field name or value])
        leaves = estimate.leaves
        for i, row in enumerate(section.rows):
            line = []
            for j, column in enumerate(section.columns):
                if i not in leaves:
                    line.append((None, row.cells[j]))
                    continue
                name = f"c~{row.key}~{column.key}"
                self.fields[name] = forms.IntegerField(
                    label=f"{row.label} – {column.label}",
                    min_value=0,
                    max_value=10_000_000,
                    initial=row.cells[j],
                    widget=forms.NumberInput(
                        attrs={"class": "form-control form-control-sm estimate-input",
                               "title": f"Đề xuất: {estimate.proposed[i][j]}"}
                    ),
                )  # fmt: skip
                self.keys[name] = (row.key, column.key)
                line.append((name, estimate.is_overwritten(i, j)))
            self.grid.append((row, i in leaves, line))

    def rows(self):
        """(row, entered, [(bound field, overwritten) | (None, sum)]) for the template."""
        for row, entered, line in self.grid:
            yield row, entered, [(self[n], flag) if n else (None, flag) for n, flag in line]

    def cells(self) -> dict[tuple[str, str], int]:
        return {key: self.cleaned_data[name] for name, key in self.keys.items()}


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
