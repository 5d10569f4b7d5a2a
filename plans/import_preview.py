"""The editable preview of an imported plan: forms built from a plan reading
(:func:`preview_forms`) and turned back into one (:func:`plan_from_preview`).

The reading itself travels in the session in its one JSON form
(:func:`plans.reader.plan_to_json`); what the preview does not show (bodies, notes,
milestones, quantity targets, sections) is kept from it item by item.
"""

from __future__ import annotations

import dataclasses

from django import forms

from tgpl.forms import FormMixin

from .models import Plan, PlanItem
from .reader import ParsedPlan, ParsedSigner, read_timeframe
from .services.units import split_names


class PreviewHeaderForm(FormMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại kế hoạch", choices=Plan.Kind.choices)
    number = forms.IntegerField(label="Số", required=False, min_value=1)
    symbol = forms.CharField(label="Ký hiệu", max_length=32)
    place = forms.CharField(label="Địa danh", max_length=64, required=False)
    date = forms.DateField(
        label="Ngày ban hành", required=False, widget=forms.DateInput(format="%d/%m/%Y")
    )
    year = forms.IntegerField(
        label="Năm kế hoạch",
        min_value=2000,
        max_value=2100,
        error_messages={"required": "Nhập năm của kế hoạch: văn bản không ghi năm."},
    )
    issuing_body = forms.CharField(label="Cơ quan ban hành", max_length=255, required=False)
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


def preview_forms(
    plan: ParsedPlan, *, kind: str = "", default_symbol: str = ""
) -> tuple[PreviewHeaderForm, forms.BaseFormSet]:
    """Unbound forms showing a plan reading; `kind` is the user's choice, if any."""
    header = PreviewHeaderForm(
        initial={
            "kind": kind or plan.kind,
            "number": plan.number,
            "symbol": plan.symbol or default_symbol,
            "place": plan.place,
            "date": plan.date,
            "year": plan.year,
            "issuing_body": plan.issuing_body,
            "title": plan.title,
            "recipients": "\n".join(plan.recipients),
            "signer_on_behalf": plan.signer.on_behalf,
            "signer_title": plan.signer.title,
            "signer_name": plan.signer.name,
        }
    )
    items = PreviewItemFormSet(
        initial=[
            {
                "src": index,
                "keep": True,
                "path": item.path,
                "kind": item.kind,
                "title": item.title,
                "lead": "\n".join(item.lead),
                "partners": "\n".join(item.partners),
                "timeframe_text": item.timeframe or "",
                "result": item.result or "",
                "budget_vnd": item.budget_vnd,
            }
            for index, item in enumerate(plan.items)
        ]
    )
    return header, items


def plan_from_preview(plan: ParsedPlan, header: dict, rows: list[dict]) -> tuple[ParsedPlan, str]:
    """The reading as corrected in the preview (cleaned data of the forms), and its kind.

    Items left unticked are dropped; time frames are read again with the corrected year.
    """
    year = header["year"]
    period_year = plan.period_year if plan.period_year and plan.year == year else year
    items = []
    for row in rows:
        if not row or not row.get("keep"):
            continue
        if not 0 <= row["src"] < len(plan.items):
            continue  # a row the preview never showed
        source = plan.items[row["src"]]
        path = row["path"].strip().strip(".")
        timeframe = (row["timeframe_text"] or "").strip() or None
        frame, periods = read_timeframe(timeframe, period_year)
        items.append(
            dataclasses.replace(
                source,
                path=path,
                level=path.count(".") + 1,
                kind=row["kind"],
                title=row["title"],
                lead=split_names(row["lead"]),
                partners=split_names(row["partners"]),
                timeframe=timeframe,
                timeframe_parsed=frame,
                periods=periods,
                result=row["result"] or None,
                budget_vnd=row["budget_vnd"],
            )
        )
    corrected = dataclasses.replace(
        plan,
        number=header["number"],
        symbol=header["symbol"],
        place=header["place"] or None,
        date=header["date"],
        year=year,
        period_year=period_year,
        kind=header["kind"],
        issuing_body=header["issuing_body"] or None,
        title=header["title"],
        recipients=split_names(header["recipients"]),
        signer=ParsedSigner(
            name=header["signer_name"] or None,
            title=header["signer_title"] or None,
            on_behalf=header["signer_on_behalf"] or None,
        ),
        items=items,
    )
    return corrected, header["kind"]
