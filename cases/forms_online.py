"""Forms of the online intake: the public request form with its challenge, the status
check, and reception's decline."""

from __future__ import annotations

import secrets

from django import forms
from django.core import signing
from django.core.validators import MaxValueValidator
from django.db.models import Q
from django.utils import timezone

from cases.models import EligibilityCategory, LegalField, OnlineSubmission
from cases.states import Sex
from tgpl.forms import FormMixin
from tgpl.models import Centre

CHALLENGE_SALT = "cases.online.challenge"
CHALLENGE_MAX_AGE = 2 * 60 * 60  # a form filled in slowly still goes through
HONEYPOT = "website"


def new_challenge() -> str:
    """A signed, timed token holding a small sum to do."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return signing.dumps({"a": a, "b": b, "n": secrets.token_hex(4)}, salt=CHALLENGE_SALT)


def _terms(token: str) -> tuple[int, int] | None:
    try:
        data = signing.loads(token, salt=CHALLENGE_SALT, max_age=CHALLENGE_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return None
    return int(data["a"]), int(data["b"])


def challenge_question(token: str) -> str | None:
    terms = _terms(token)
    return None if terms is None else f"{terms[0]} + {terms[1]} bằng bao nhiêu?"


def challenge_answer(token: str) -> int | None:
    terms = _terms(token)
    return None if terms is None else sum(terms)


def categories_in_force(on=None):
    on = on or timezone.localdate()
    return (
        EligibilityCategory.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .filter(valid_from__lte=on)
        .prefetch_related("category_proofs__document")
        .order_by("position", "code")
    )


class CategoryField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class OnlineRequestForm(FormMixin, forms.Form):
    """What a person tells the centre; the papers come when they meet the performer."""

    full_name = forms.CharField(label="Họ và tên người cần trợ giúp", max_length=255)
    birth_year = forms.IntegerField(label="Năm sinh", required=False, min_value=1900)
    sex = forms.ChoiceField(
        label="Giới tính", choices=[("", "---------"), *Sex.choices], required=False
    )
    phone = forms.RegexField(
        label="Số điện thoại liên hệ",
        regex=r"^(\+84|0)\d{8,10}$",
        max_length=16,
        error_messages={"invalid": "Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0."},
        help_text="Trung tâm gọi lại để xác minh và hẹn gặp.",
    )
    email = forms.EmailField(label="Thư điện tử (nếu có)", required=False)
    address = forms.CharField(label="Địa chỉ nơi ở", max_length=255)
    categories = CategoryField(
        label="Diện người được trợ giúp pháp lý (chọn nếu biết)",
        queryset=EligibilityCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    legal_field = forms.ModelChoiceField(
        label="Lĩnh vực cần trợ giúp (nếu biết)",
        queryset=LegalField.objects.none(),
        required=False,
    )
    summary = forms.CharField(
        label="Nội dung sự việc, điều cần trợ giúp",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label="Tôi đồng ý để Trung tâm dùng các thông tin trên để liên hệ và giải quyết yêu cầu.",
        error_messages={"required": "Cần đồng ý để Trung tâm liên hệ và giải quyết yêu cầu."},
    )
    answer = forms.IntegerField(
        label="Câu hỏi kiểm tra",
        error_messages={"required": "Trả lời câu hỏi kiểm tra.", "invalid": "Nhập một số."},
    )
    challenge = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, centres=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["birth_year"].validators.append(
            MaxValueValidator(today.year, "Năm sinh không được ở tương lai.")
        )
        self.fields["categories"].queryset = categories_in_force(today)
        self.fields["legal_field"].queryset = LegalField.objects.filter(is_active=True)
        if centres is not None:
            self.fields["centre"] = forms.ModelChoiceField(
                label="Trung tâm nhận yêu cầu", queryset=centres, empty_label=None
            )
        self.renew_challenge(keep=self.is_bound)

    def renew_challenge(self, *, keep: bool = False) -> None:
        """Ask a fresh question (after a failed attempt the answer is cleared, everything
        else the person typed stays); a bound form first keeps the question it answered."""
        token = self.data.get("challenge", "") if keep else ""
        if not challenge_question(token):
            token = new_challenge()
            if self.is_bound:
                self.data = self.data.copy()
                self.data["challenge"] = token
                self.data["answer"] = ""
            else:
                self.initial["challenge"] = token
        self.fields["answer"].label = f"Câu hỏi kiểm tra: {challenge_question(token)}"

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())

    def clean(self):
        data = super().clean()
        if self.is_bot:
            raise forms.ValidationError("Không gửi được yêu cầu. Vui lòng thử lại.")
        expected = challenge_answer(self.data.get("challenge", ""))
        if expected is None:
            self.add_error("answer", "Câu hỏi kiểm tra đã hết hạn. Trả lời câu hỏi mới.")
        elif data.get("answer") is not None and data["answer"] != expected:
            self.add_error("answer", "Câu trả lời chưa đúng. Trả lời câu hỏi mới bên dưới.")
        return data

    def submission_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "full_name": data["full_name"].strip(),
            "birth_year": data.get("birth_year"),
            "sex": data.get("sex") or "",
            "phone": data["phone"],
            "email": data.get("email") or "",
            "address": data["address"].strip(),
            "legal_field": data.get("legal_field"),
            "summary": data["summary"].strip(),
        }


class StatusForm(FormMixin, forms.Form):
    reference = forms.CharField(label="Số tham chiếu", max_length=32)
    code = forms.CharField(label="Mã kiểm tra", max_length=16)

    def submission(self) -> OnlineSubmission | None:
        reference = self.cleaned_data["reference"].strip().upper()
        code = self.cleaned_data["code"].strip().upper()
        found = (
            OnlineSubmission.objects.filter(reference=reference).select_related("request").first()
        )
        if found is None or not secrets.compare_digest(found.check_code, code):
            return None
        return found


class DeclineForm(FormMixin, forms.Form):
    note = forms.CharField(
        label="Lý do không tiếp nhận", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


def public_centres():
    return Centre.objects.order_by("name")
