"""The form of a case's lump sum (khoán chi, TT 02/2021 Điều 10)."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from cases.rules import fees as rules
from tgpl.forms import FormMixin
from tgpl.models import User


class LumpSumForm(FormMixin, forms.Form):
    performer = forms.ModelChoiceField(label="Người thực hiện", queryset=User.objects.none())
    coefficient = forms.DecimalField(
        label="Mức khoán (× lương cơ sở)",
        min_value=rules.LUMP_MIN,
        max_value=rules.LUMP_MAX,
        decimal_places=2,
        initial=Decimal(3),
    )
    performers = forms.TypedChoiceField(
        label="Số người thực hiện vụ việc", choices=[(1, "1"), (2, "2")], coerce=int, initial=1
    )
    share_percent = forms.IntegerField(
        label="Phần của người này (%)", min_value=1, max_value=100, initial=100
    )
    on = forms.DateField(label="Ngày nghiệm thu, thanh toán", input_formats=["%d/%m/%Y"])
    basis = forms.CharField(label="Căn cứ (mức độ phức tạp)", max_length=255)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["performer"].queryset = User.objects.filter(
                performer__centre_id=case.centre_id
            ).order_by("full_name")
