"""Importing plans from documents (upload or paste → preview → correct → save) and
a plan's tasks from/to .xlsx."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.forms import FormMixin
from tgpl.spreadsheets import read_xlsx, xlsx_response

from . import selectors, services
from .forms import ImportForm
from .importing import plan_data
from .models import Plan, PlanItem
from .parsing import PlanParseError, parse_plan, read_plan_text
from .resources import PlanItemResource
from .services.units import split_names

SESSION_KEY = "plan_import"


class PreviewHeaderForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại kế hoạch", choices=Plan.Kind.choices)
    number = forms.IntegerField(label="Số", required=False, min_value=1)
    symbol = forms.CharField(label="Ký hiệu", max_length=32)
    place = forms.CharField(label="Địa danh", max_length=64, required=False)
    date = forms.DateField(
        label="Ngày ban hành", required=False, widget=forms.DateInput(format="%d/%m/%Y")
    )
    year = forms.IntegerField(label="Năm kế hoạch", min_value=2000, max_value=2100)
    title = forms.CharField(
        label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    recipients = forms.CharField(
        label="Nơi nhận", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    signer_on_behalf = forms.CharField(label="Thẩm quyền ký", required=False, max_length=64)
    signer_title = forms.CharField(label="Chức vụ người ký", required=False, max_length=128)
    signer_name = forms.CharField(label="Người ký", required=False, max_length=128)


class PreviewItemForm(FormMixin, forms.Form):
    src = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    keep = forms.BooleanField(label="Giữ", required=False, initial=True)
    path = forms.CharField(label="Mục", max_length=64)
    kind = forms.ChoiceField(label="Loại", choices=PlanItem.Kind.choices)
    title = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 2}))
    lead = forms.CharField(
        label="Chủ trì", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    partners = forms.CharField(
        label="Phối hợp", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    timeframe_text = forms.CharField(label="Thời gian", required=False, max_length=255)
    result = forms.CharField(
        label="Kết quả", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    budget_vnd = forms.IntegerField(label="Kinh phí", required=False, min_value=0)


PreviewItemFormSet = forms.formset_factory(PreviewItemForm, extra=0)


def _require_drafter(user):
    if not roles.can_draft_plans(user):
        raise PermissionDenied


def import_document(request):
    """Step 1: a .docx/.txt upload or pasted text, parsed into a preview."""
    _require_drafter(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("document")
        try:
            if upload:
                text = read_plan_text(upload.read(), upload.name)
            else:
                text = form.cleaned_data["text"]
            data = plan_data(parse_plan(text))
        except PlanParseError as exc:
            form.add_error("document", str(exc))
        else:
            if not data["items"]:
                form.add_error(None, "Không tìm thấy mục đánh số nào (I., 1., 1.1.) trong văn bản.")
            else:
                kind = form.cleaned_data["kind"]
                request.session[SESSION_KEY] = {"data": data, "kind": kind, "source": text}
                return _preview(request, data, kind)
    return render(
        request,
        "plans/import_form.html",
        {
            "title": "Nhập kế hoạch từ văn bản",
            "form": form,
            "breadcrumbs": [("Kế hoạch", reverse("plans:index")), ("Nhập từ văn bản", None)],
        },
    )


def _preview(request, data, kind, header=None, items=None, error=None, status=200):
    if header is None:
        signer = data.get("signer") or {}
        header = PreviewHeaderForm(
            initial={
                "kind": kind,
                "number": data.get("number"),
                "symbol": data.get("symbol") or f"KH-{request.user.centre.document_symbol}",
                "place": data.get("place"),
                "date": data.get("date"),
                "year": data.get("year"),
                "title": data.get("title"),
                "recipients": "\n".join(data.get("recipients") or []),
                "signer_on_behalf": signer.get("on_behalf"),
                "signer_title": signer.get("title"),
                "signer_name": signer.get("name"),
            }
        )
    if items is None:
        items = PreviewItemFormSet(
            initial=[
                {
                    "src": index,
                    "keep": True,
                    "path": item["path"],
                    "kind": item["kind"],
                    "title": item["title"],
                    "lead": "\n".join(item["lead"]),
                    "partners": "\n".join(item["partners"]),
                    "timeframe_text": item["timeframe_text"],
                    "result": item["result"],
                    "budget_vnd": item["budget_vnd"],
                }
                for index, item in enumerate(data["items"])
            ]
        )
    return render(
        request,
        "plans/import_preview.html",
        {
            "title": "Kiểm tra kế hoạch trước khi lưu",
            "header": header,
            "items": items,
            "warnings": data.get("warnings") or [],
            "error": error,
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                ("Nhập từ văn bản", reverse("plans:import")),
                ("Kiểm tra", None),
            ],
        },
        status=status,
    )


@require_POST
def import_confirm(request):
    """Step 2: the corrected preview is saved as a draft plan, all or nothing."""
    _require_drafter(request.user)
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.error(request, "Phiên nhập kế hoạch đã hết hạn. Vui lòng tải văn bản lên lại.")
        return redirect("plans:import")
    data = stored["data"]
    header = PreviewHeaderForm(request.POST)
    items = PreviewItemFormSet(request.POST)
    if not (header.is_valid() and items.is_valid()):
        return _preview(
            request,
            data,
            stored["kind"],
            header,
            items,
            error="Có thông tin chưa hợp lệ, xem các ô tô đỏ.",
            status=400,
        )
    h = header.cleaned_data
    corrected = {
        **data,
        "number": h["number"],
        "symbol": h["symbol"],
        "place": h["place"],
        "date": h["date"].isoformat() if h["date"] else None,
        "year": h["year"],
        "title": h["title"],
        "recipients": split_names(h["recipients"]),
        "signer": {
            "name": h["signer_name"],
            "title": h["signer_title"],
            "on_behalf": h["signer_on_behalf"],
        },
        "items": [],
    }
    for row in items.cleaned_data:
        if not row or not row.get("keep"):
            continue
        source = data["items"][row["src"]] if row["src"] < len(data["items"]) else {}
        corrected["items"].append(
            {
                **source,
                "path": row["path"].strip().strip("."),
                "kind": row["kind"],
                "title": row["title"],
                "lead": split_names(row["lead"]),
                "partners": split_names(row["partners"]),
                "timeframe_text": row["timeframe_text"],
                "result": row["result"],
                "budget_vnd": row["budget_vnd"],
            }
        )
    try:
        plan = services.create_plan_from_parsed(
            centre=request.user.centre,
            data=corrected,
            kind=h["kind"],
            actor=request.user,
            source_text=stored.get("source", ""),
        )
    except BusinessRuleError as exc:
        return _preview(request, data, stored["kind"], header, items, error=exc.message, status=400)
    del request.session[SESSION_KEY]
    messages.success(request, f"Đã lưu kế hoạch với {len(corrected['items'])} mục (dự thảo).")
    return redirect("plans:detail", pk=plan.pk)


def export_tasks(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    dataset = PlanItemResource(plan=plan).export()
    return xlsx_response(dataset, f"ke-hoach-{plan.year}-{plan.pk}-nhiem-vu.xlsx")


def import_tasks(request, pk):
    """Items from .xlsx into a draft plan: checked first, saved only when every row passes."""
    plan = selectors.get_plan_for(request.user, pk)
    if not roles.can_draft_plans(request.user, plan.centre):
        raise PermissionDenied
    row_errors: list[tuple[int, str]] = []
    error = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if plan.status != Plan.Status.DRAFT:
            error = "Chỉ nhập nhiệm vụ vào kế hoạch đang là dự thảo."
        elif upload is None:
            error = "Chọn tệp Excel (.xlsx) cần nhập."
        else:
            try:
                dataset = read_xlsx(upload)
            except ValueError as exc:
                error = str(exc)
            else:
                resource = PlanItemResource(plan=plan, actor=request.user)
                with transaction.atomic():
                    result = resource.import_data(dataset, dry_run=True, raise_errors=False)
                row_errors = _row_errors(result)
                if not row_errors:
                    with transaction.atomic():
                        result = resource.import_data(dataset, dry_run=False, raise_errors=True)
                    messages.success(
                        request,
                        f"Đã nhập {result.totals['new']} mục mới, "
                        f"cập nhật {result.totals['update']} mục.",
                    )
                    return redirect("plans:detail", pk=plan.pk)
                error = "Tệp có dòng lỗi; chưa lưu dòng nào. Sửa các dòng dưới đây rồi nhập lại."
    return render(
        request,
        "plans/import_tasks.html",
        {
            "title": f"Nhập nhiệm vụ từ Excel — {plan.number_text}",
            "plan": plan,
            "error": error,
            "row_errors": row_errors,
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                (plan.number_text, reverse("plans:detail", args=[plan.pk])),
                ("Nhập từ Excel", None),
            ],
        },
        status=400 if error else 200,
    )


def _row_errors(result) -> list[tuple[int, str]]:
    """(row number as Excel shows it, message) for every failing row."""
    errors: list[tuple[int, str]] = []
    for error in result.base_errors:
        errors.append((0, str(error.error)))
    for line, row_errs in result.row_errors():
        for err in row_errs:
            errors.append((line + 1, str(err.error)))
    for invalid in result.invalid_rows:
        for field_name, messages_ in invalid.field_specific_errors.items():
            errors.append((invalid.number + 1, f"{field_name}: {'; '.join(map(str, messages_))}"))
        for message in invalid.non_field_specific_errors:
            errors.append((invalid.number + 1, str(message)))
    return errors
