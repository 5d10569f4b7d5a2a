"""Forms of appraisal, checklists, time appraisal and quotas (Vietnamese messages)."""

from __future__ import annotations

from django import forms

from cases.models import Appraisal, CaseCriterion, LegalField
from cases.rules import appraisal as rules
from cases.states import Form
from tgpl.forms import FormMixin
from tgpl.models import Department, User

DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
TEXT = forms.Textarea(attrs={"rows": 3})
APPRAISED = Form.choices


class PlanForm(FormMixin, forms.Form):
    centre = forms.ModelChoiceField(label="Trung tâm", queryset=None, required=True)
    title = forms.CharField(label="Tên kế hoạch", max_length=255)
    period_start = forms.DateField(label="Vụ việc kết thúc từ ngày", widget=DATE)
    period_end = forms.DateField(label="đến ngày", widget=DATE)
    case_forms = forms.MultipleChoiceField(
        label="Hình thức",
        choices=APPRAISED,
        widget=forms.CheckboxSelectMultiple,
        initial=[Form.LITIGATION, Form.REPRESENTATION],
    )
    share_percent = forms.IntegerField(
        label="Tỷ lệ vụ việc (%)",
        min_value=1,
        max_value=100,
        required=False,
        help_text="Để trống: thẩm định 100% vụ việc. Mỗi người thực hiện có ít nhất một vụ việc.",
    )
    legal_fields = forms.ModelMultipleChoiceField(
        label="Lĩnh vực (để trống: tất cả)",
        queryset=LegalField.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    departments = forms.ModelMultipleChoiceField(
        label="Phòng, chi nhánh (để trống: tất cả)",
        queryset=Department.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        if centres.count() == 1:
            self.fields["centre"].initial = centres.first()
        self.fields["departments"].queryset = Department.objects.filter(
            centre__in=centres, is_active=True
        ).order_by("position", "name")

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "Ngày kết thúc kỳ phải sau ngày bắt đầu.")
        return data


class AppraiserForm(FormMixin, forms.Form):
    user = forms.ModelChoiceField(label="Người thẩm định", queryset=User.objects.none())
    invited = forms.BooleanField(label="Người được mời (TGV, luật sư, chuyên gia)", required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["user"].queryset = people


def score_field(code: str) -> str:
    """The form field of a criterion ("2đ" → "score_2dd"): ASCII names."""
    return "score_" + code.replace("đ", "dd")


class ScoreField(forms.CharField):
    def to_python(self, value):
        try:
            return rules.parse_score(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class SheetForm(FormMixin, forms.Form):
    """The 100-point sheet: one field per criterion in force on the appraisal's date."""

    breach_6_1 = forms.BooleanField(
        label="Người thực hiện / tổ chức vi phạm Điều 6.1 Luật TGPL", required=False
    )
    breach_note = forms.CharField(label="Nội dung vi phạm", widget=TEXT, required=False)
    satisfaction_source = forms.ChoiceField(
        label="Cách lấy ý kiến của người được TGPL",
        choices=[("", "—"), *Appraisal.Satisfaction.choices],
        required=False,
    )
    satisfaction_note = forms.CharField(label="Ý kiến phản hồi", widget=TEXT, required=False)
    opinion = forms.CharField(label="Nhận xét, đánh giá", widget=TEXT, required=False)

    def __init__(self, *args, criteria: list[rules.Criterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            self.fields[score_field(c.code)] = ScoreField(
                label=f"{c.code}) {c.label}",
                required=False,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "size": 4, "data-max": str(c.max_points)}
                ),
                help_text=f"tối đa {rules.points_text(c.max_points)}",
            )

    def score_fields(self):
        return [(c, self[score_field(c.code)]) for c in self.criteria]

    def scores(self) -> dict:
        data = self.cleaned_data
        return {c.code: data.get(score_field(c.code)) for c in self.criteria}

    @classmethod
    def initial_of(cls, appraisal: Appraisal, criteria) -> dict:
        initial = {
            "breach_6_1": appraisal.breach_6_1,
            "breach_note": appraisal.breach_note,
            "satisfaction_source": appraisal.satisfaction_source,
            "satisfaction_note": appraisal.satisfaction_note,
            "opinion": appraisal.opinion,
        }
        for c in criteria:
            value = appraisal.score_of(c.code)
            initial[score_field(c.code)] = "" if value is None else rules.points_text(value)
        return initial


class ConclusionForm(FormMixin, forms.Form):
    conclusion = forms.CharField(label="Kết luận của Giám đốc", widget=TEXT, required=False)


class ReturnForm(FormMixin, forms.Form):
    note = forms.CharField(label="Lý do trả lại", widget=TEXT)


class OpinionForm(FormMixin, forms.Form):
    opinion = forms.CharField(label="Ý kiến bằng văn bản", widget=TEXT, required=False)
    file = forms.FileField(label="Văn bản ý kiến (tệp)", required=False)


class EmptyForm(FormMixin, forms.Form):
    pass


class ChecklistForm(FormMixin, forms.Form):
    criteria = forms.ModelMultipleChoiceField(
        label="Tiêu chí đạt",
        queryset=CaseCriterion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["criteria"].queryset = choices


class TimeAssignForm(FormMixin, forms.Form):
    checker = forms.ModelChoiceField(
        label="Người thẩm định thời gian", queryset=User.objects.none()
    )
    claimed_hours = forms.DecimalField(
        label="Số giờ kê khai", max_digits=6, decimal_places=1, min_value=0
    )
    claimed_work = forms.CharField(label="Công việc kê khai", widget=TEXT)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["checker"].queryset = people


class TimeConfirmForm(FormMixin, forms.Form):
    confirmed_hours = forms.DecimalField(
        label="Số giờ được xác nhận", max_digits=6, decimal_places=1, min_value=0
    )
    note = forms.CharField(label="Nhận xét", widget=TEXT, required=False)


class QuotaLineForm(FormMixin, forms.Form):
    leader_from = forms.DateField(label="Giữ chức vụ lãnh đạo từ ngày", widget=DATE, required=False)
    absent_months = forms.IntegerField(label="Số tháng vắng mặt", min_value=0, max_value=12)


class CoPerformerForm(FormMixin, forms.Form):
    user = forms.ModelChoiceField(
        label="Trợ giúp viên cùng thực hiện", queryset=User.objects.none()
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["user"].queryset = people
