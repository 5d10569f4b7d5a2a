"""Importing plans from documents (upload or paste → preview → correct → save) and
a plan's tasks from/to .xlsx."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.spreadsheets import read_xlsx, xlsx_response

from . import selectors, services
from .forms import ImportForm
from .import_preview import PreviewHeaderForm, PreviewItemFormSet, plan_from_preview, preview_forms
from .models import Plan
from .reader import (
    ContractError,
    ParsedPlan,
    PlanParseError,
    parse_plan,
    plan_from_json,
    plan_to_json,
    read_plan_text,
)
from .resources import PlanItemResource

SESSION_KEY = "plan_import"


def _require_drafter(user):
    if not roles.can_draft_plans(user):
        raise PermissionDenied


def import_document(request):
    """Step 1: a .docx/.pdf/.txt upload or pasted text, read into a preview."""
    _require_drafter(request.user)
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("document")
        try:
            if upload:
                text = read_plan_text(upload.read(), upload.name)
            else:
                text = form.cleaned_data["text"]
            parsed = parse_plan(text)
        except PlanParseError as exc:
            form.add_error("document", str(exc))
        else:
            if not parsed.items:
                form.add_error(None, "Không tìm thấy mục đánh số nào (I., 1., 1.1.) trong văn bản.")
            else:
                kind = form.cleaned_data["kind"]
                request.session[SESSION_KEY] = {
                    "plan": plan_to_json(parsed),
                    "kind": kind,
                    "source": text,
                }
                header, items = preview_forms(
                    parsed, kind=kind, default_symbol=_default_symbol(request)
                )
                return _preview(request, parsed, header, items)
    return render(
        request,
        "plans/import_form.html",
        {
            "title": "Nhập kế hoạch từ văn bản",
            "form": form,
            "breadcrumbs": [("Kế hoạch", reverse("plans:index")), ("Nhập từ văn bản", None)],
        },
    )


def _default_symbol(request) -> str:
    return f"KH-{request.user.centre.document_symbol}"


def _preview(request, parsed: ParsedPlan, header, items, error=None, status=200):
    return render(
        request,
        "plans/import_preview.html",
        {
            "title": "Kiểm tra kế hoạch trước khi lưu",
            "header": header,
            "items": items,
            "rows": list(zip(items.forms, _sources(parsed, items), strict=True)),
            "warnings": parsed.warnings,
            "error": error,
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                ("Nhập từ văn bản", reverse("plans:import")),
                ("Kiểm tra", None),
            ],
        },
        status=status,
    )


def _sources(parsed: ParsedPlan, items) -> list:
    """The item of the reading each row of the preview shows (its number as the document
    shows it, its quantity targets and periods)."""
    sources = []
    for form in items.forms:
        src = form["src"].value()
        try:
            sources.append(parsed.items[int(src)])
        except (TypeError, ValueError, IndexError):
            sources.append(None)
    return sources


def _stored_plan(request) -> tuple[dict, ParsedPlan] | None:
    stored = request.session.get(SESSION_KEY)
    if not stored or "plan" not in stored:
        return None
    try:
        return stored, plan_from_json(stored["plan"])
    except ContractError:
        return None


@require_POST
def import_confirm(request):
    """Step 2: the corrected preview is saved as a draft plan, all or nothing."""
    _require_drafter(request.user)
    found = _stored_plan(request)
    if found is None:
        messages.error(request, "Phiên nhập kế hoạch đã hết hạn. Vui lòng tải văn bản lên lại.")
        return redirect("plans:import")
    stored, parsed = found
    header = PreviewHeaderForm(request.POST)
    items = PreviewItemFormSet(request.POST)
    if not (header.is_valid() and items.is_valid()):
        error = "Có thông tin chưa hợp lệ, xem các ô tô đỏ."
        return _preview(request, parsed, header, items, error=error, status=400)
    corrected, kind = plan_from_preview(parsed, header.cleaned_data, items.cleaned_data)
    try:
        plan = services.create_plan_from_parsed(
            centre=request.user.centre,
            plan=corrected,
            kind=kind,
            actor=request.user,
            source_text=stored.get("source", ""),
        )
    except BusinessRuleError as exc:
        return _preview(request, parsed, header, items, error=exc.message, status=400)
    del request.session[SESSION_KEY]
    messages.success(request, f"Đã lưu kế hoạch với {len(corrected.items)} mục (dự thảo).")
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
