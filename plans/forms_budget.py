"""Forms of a plan's budget (issue 17.8)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from tgpl.forms import FormMixin

from .forms import DATE_WIDGET
from .models import BudgetEntry, BudgetLine, Plan, PlanItem

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def money(label: str, required: bool = True) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, required=required)


class BudgetLineForm(FormMixin, forms.Form):
    label = forms.CharField(label="Nội dung chi", max_length=255)
    kind = forms.ChoiceField(label="Loại chi", choices=BudgetLine.Kind.choices)
    planned_vnd = money("Dự kiến (đồng)")
    item = forms.ModelChoiceField(
        label="Nhiệm vụ", queryset=PlanItem.objects.none(), required=False
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = plan.items.filter(kind=PlanItem.Kind.TASK).order_by(
            "position"
        )


class FundingDecisionForm(FormMixin, forms.Form):
    number = forms.CharField(label="Số, ký hiệu", max_length=64)
    on = forms.DateField(label="Ngày quyết định", widget=DATE_WIDGET, input_formats=DATE_FORMATS)
    issuer = forms.CharField(label="Cơ quan giao dự toán", max_length=255)
    note = forms.CharField(label="Ghi chú", max_length=255, required=False)

    def __init__(self, *args, lines: list[BudgetLine], **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[f"line_{line.pk}"] = money(f"Giao cho: {line.label}", required=False)

    @property
    def line_fields(self):
        return [self[f"line_{line.pk}"] for line in self.lines]

    def amounts(self) -> dict[int, int]:
        return {
            line.pk: self.cleaned_data[f"line_{line.pk}"]
            for line in self.lines
            if self.cleaned_data.get(f"line_{line.pk}") is not None
        }


class EntryForm(FormMixin, forms.Form):
    line = forms.ModelChoiceField(label="Dòng kinh phí", queryset=BudgetLine.objects.none())
    kind = forms.ChoiceField(label="Loại", choices=BudgetEntry.Kind.choices)
    amount_vnd = forms.IntegerField(label="Số tiền (đồng)", min_value=1)
    on = forms.DateField(
        label="Ngày", widget=DATE_WIDGET, input_formats=DATE_FORMATS, initial=timezone.localdate
    )
    what = forms.CharField(label="Nội dung", max_length=255)
    settles = forms.ModelChoiceField(
        label="Thanh toán cho cam kết", queryset=BudgetEntry.objects.none(), required=False
    )
    over_spend = forms.BooleanField(label="Giám đốc cho chi vượt dự toán", required=False)

    def __init__(self, *args, plan: Plan, lines: list[BudgetLine] | None = None, **kwargs):
        """`lines`, the plan's lines read once, gives the options without a query: the
        sources page shows this form on every pending row. A chosen line is still looked
        up among the plan's lines."""
        super().__init__(*args, **kwargs)
        field = self.fields["line"]
        field.queryset = plan.budget_lines.all()
        if lines is not None:
            field.choices = [("", field.empty_label), *((x.pk, str(x)) for x in lines)]
        self.fields["settles"].queryset = BudgetEntry.objects.filter(
            line__plan=plan, kind=BudgetEntry.Kind.COMMITMENT
        )


class FromSourceForm(FormMixin, forms.Form):
    reference = forms.CharField(widget=forms.HiddenInput, max_length=128)
    line = forms.ModelChoiceField(label="Dòng kinh phí", queryset=BudgetLine.objects.none())
    over_spend = forms.BooleanField(label="Giám đốc cho chi vượt dự toán", required=False)

    def __init__(self, *args, plan: Plan, lines: list[BudgetLine] | None = None, **kwargs):
        """`lines`, the plan's lines read once, gives the options without a query: the
        sources page shows this form on every pending row. A chosen line is still looked
        up among the plan's lines."""
        super().__init__(*args, **kwargs)
        field = self.fields["line"]
        field.queryset = plan.budget_lines.all()
        if lines is not None:
            field.choices = [("", field.empty_label), *((x.pk, str(x)) for x in lines)]
