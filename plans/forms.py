from django import forms
from django.utils import timezone

from plans.rules.progress import thousands
from tgpl.forms import FormMixin
from tgpl.models import Department

from .models import Plan, PlanItem, QuantityTarget
from .services.lifecycle import Outcome
from .services.units import split_names

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class PlanForm(FormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "kind",
            "number",
            "symbol",
            "date",
            "year",
            "place",
            "issuing_body",
            "title",
            "legal_bases",
            "purpose",
            "budget_section",
            "organisation_section",
            "recipients",
            "signer_on_behalf",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "date": DATE_WIDGET,
            "title": forms.Textarea(attrs={"rows": 2}),
            "legal_bases": forms.Textarea(attrs={"rows": 3}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "budget_section": forms.Textarea(attrs={"rows": 2}),
            "organisation_section": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "year": {"required": "Nhập năm của kế hoạch."},
            "title": {"required": "Nhập trích yếu của kế hoạch."},
            "kind": {"required": "Chọn loại kế hoạch."},
        }


class ItemForm(FormMixin, forms.ModelForm):
    lead = forms.CharField(
        label="Chủ trì / Thực hiện",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Mỗi dòng (hoặc dấu ;) một đơn vị; tên phòng, cơ quan được nhận diện tự động.",
    )
    partners = forms.CharField(
        label="Phối hợp", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = PlanItem
        fields = [
            "path",
            "kind",
            "title",
            "body",
            "timeframe_text",
            "expected_result",
            "budget_vnd",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 3}),
            "expected_result": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "path": "Số mục như trong văn bản, nối bằng dấu chấm: II.2.2.1, II.1.1.a",
            "timeframe_text": (
                "Ghi như văn bản: Quý II - III năm 2021, Hằng tháng, trước ngày 15/3/2025…"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            units = list(self.instance.units.all())
            self.initial["lead"] = "\n".join(u.name for u in units if u.role == "lead")
            self.initial["partners"] = "\n".join(u.name for u in units if u.role == "partner")

    def clean_path(self):
        path = self.cleaned_data["path"].strip().strip(".")
        if not path or any(not part for part in path.split(".")):
            raise forms.ValidationError("Vị trí không hợp lệ: ví dụ II.2.2.1")
        return path

    def lead_names(self):
        return split_names(self.cleaned_data.get("lead", ""))

    def partner_names(self):
        return split_names(self.cleaned_data.get("partners", ""))


def _target_choice(target: QuantityTarget) -> str:
    return f"{target.label} ({thousands(target.achieved)}/{thousands(target.target)})"


class ProgressForm(FormMixin, forms.Form):
    on = forms.DateField(label="Ngày", widget=DATE_WIDGET, initial=timezone.localdate)
    note = forms.CharField(label="Nội dung đã thực hiện", widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100, required=False)
    quantity = forms.ModelChoiceField(
        label="Chỉ tiêu", queryset=QuantityTarget.objects.none(), required=False
    )
    quantity_achieved = forms.IntegerField(label="Số lượng đạt thêm", min_value=1, required=False)
    evidence_number = forms.CharField(
        label="Văn bản chứng minh",
        max_length=128,
        required=False,
        help_text="Số, ký hiệu văn bản (ví dụ 12/QĐ-TGPL).",
    )
    evidence_file = forms.FileField(label="Tệp minh chứng", required=False)
    done = forms.BooleanField(label="Đã hoàn thành nhiệm vụ", required=False)

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        targets = list(item.quantities.all()) if item is not None else []
        if targets:  # the percent comes from the targets (plans.rules.progress)
            self.fields["quantity"].queryset = item.quantities.all()
            self.fields["quantity"].label_from_instance = _target_choice
            del self.fields["percent"]
        else:
            del self.fields["quantity"]
            del self.fields["quantity_achieved"]

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload and upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError("Tệp quá lớn (tối đa 10 MB).")
        return upload


class ImportForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="Loại kế hoạch",
        choices=[("", "Nhận biết theo nội dung văn bản"), *Plan.Kind.choices],
        required=False,
    )
    document = forms.FileField(
        label="Tệp kế hoạch (.docx, .pdf hoặc .txt)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.pdf,.txt"}),
    )
    text = forms.CharField(
        label="Hoặc dán nội dung kế hoạch",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("document") and not (cleaned.get("text") or "").strip():
            raise forms.ValidationError("Chọn tệp kế hoạch hoặc dán nội dung vào ô bên dưới.")
        upload = cleaned.get("document")
        if upload and upload.size > 5 * 1024 * 1024:
            self.add_error("document", "Tệp quá lớn (tối đa 5 MB).")
        return cleaned


class BoardFilterForm(FormMixin, forms.Form):
    WINDOWS = [
        ("", "Mọi thời hạn"),
        ("overdue", "Quá hạn"),
        ("7", "Đến hạn trong 7 ngày"),
        ("30", "Đến hạn trong 30 ngày"),
        ("quarter", "Trong quý này"),
    ]
    department = forms.ModelChoiceField(
        label="Phòng, chi nhánh",
        queryset=Department.objects.none(),
        required=False,
        empty_label="(phòng của tôi)",
    )
    plan = forms.ModelChoiceField(
        label="Kế hoạch", queryset=Plan.objects.none(), required=False, empty_label="Mọi kế hoạch"
    )
    status = forms.ChoiceField(
        label="Trạng thái",
        choices=[("", "Mọi trạng thái"), *PlanItem.Status.choices],
        required=False,
    )
    window = forms.ChoiceField(label="Thời hạn", choices=WINDOWS, required=False)

    def __init__(self, *args, departments=None, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departments is not None:
            self.fields["department"].queryset = departments
        if plans is not None:
            self.fields["plan"].queryset = plans


class ClosingForm(FormMixin, forms.Form):
    """Kết thúc kế hoạch: for each open task, what becomes of it (and why)."""

    def __init__(self, *args, tasks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.tasks = list(tasks)
        for task in self.tasks:
            self.fields[f"outcome_{task.pk}"] = forms.ChoiceField(
                label=f"Mục {task.path}", choices=[("", "— Chọn —"), *Outcome.choices]
            )
            self.fields[f"note_{task.pk}"] = forms.CharField(
                label="Lý do, ghi chú", max_length=500, required=False
            )

    def clean(self):
        data = super().clean()
        for task in self.tasks:
            outcome = data.get(f"outcome_{task.pk}")
            if outcome == Outcome.DROPPED and not (data.get(f"note_{task.pk}") or "").strip():
                self.add_error(f"note_{task.pk}", "Ghi lý do không thực hiện nhiệm vụ.")
        return data

    def rows(self):
        return [(t, self[f"outcome_{t.pk}"], self[f"note_{t.pk}"]) for t in self.tasks]

    def outcomes(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {t.pk: (data[f"outcome_{t.pk}"], data.get(f"note_{t.pk}") or "") for t in self.tasks}
