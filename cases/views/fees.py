"""Fees: a case's sessions (from the work log, confirmed by the bodies), and a
performer's month as a payment file (.xlsx and PDF)."""

from __future__ import annotations

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import selectors
from cases.forms_fees import LumpSumForm
from cases.services import fees as services
from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.documents.pdf import html_to_pdf
from tgpl.errors import BusinessRuleError
from tgpl.forms import error_summary
from tgpl.models import User
from tgpl.spreadsheets import safe_cell, xlsx_response


def _may_fees(user, case) -> bool:
    return roles.can_see_fees(user) and case.centre_id == user.centre_id


def case_sessions(request, pk: int):
    case = selectors.get_case_for(request.user, pk, can=_may_fees)
    return render(
        request,
        "cases/proceedings/case_sessions.html",
        {
            "title": f"Buổi làm việc tính thù lao – {case.code}",
            "breadcrumbs": [("Vụ việc", "/cases/list/"), (case.code, f"/cases/{case.pk}/")],
            "case": case,
            "sessions": case.sessions.select_related("performer", "log_entry"),
            "lump_sums": case.lump_sums.select_related("performer"),
            "lump_form": LumpSumForm(case=case, initial={"performer": case.performer_id}),
        },
    )


@require_POST
def case_sessions_action(request, pk: int, action: str):
    case = selectors.get_case_for(request.user, pk, can=_may_fees)
    if action == "from-log":
        perform(
            request,
            lambda: services.sessions_from_log(actor=request.user, case=case),
            success="Đã lấy các buổi làm việc từ nhật ký thực hiện.",
        )
    elif action == "confirm":
        session = case.sessions.filter(pk=request.POST.get("session") or 0).first()
        if session is None:
            raise Http404
        perform(
            request,
            lambda: services.confirm_session(
                actor=request.user, session=session, confirmed_by=request.POST.get("by", "")
            ),
            success="Đã ghi xác nhận của cơ quan.",
        )
    elif action == "lump-sum":
        form = LumpSumForm(request.POST, case=case)
        outcome = submit(
            request,
            form,
            lambda d: services.record_lump_sum(actor=request.user, case=case, **d),
            success="Đã ghi khoán chi vụ việc.",
        )
        if not outcome:
            messages.error(request, error_summary(form))
    else:
        raise Http404
    return redirect("cases:case_sessions", pk=pk)


def _payment_or_none(request):
    today = timezone.localdate()
    performers = User.objects.filter(performer__centre_id=request.user.centre_id).order_by(
        "full_name"
    )
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        chosen = performers.filter(pk=int(request.GET.get("performer", 0))).first()
    except ValueError:
        year, month, chosen = today.year, today.month, None
    if not 1 <= month <= 12:
        month = today.month
    payment = None
    if chosen is not None:
        try:
            payment = services.month_payment(
                actor=request.user, performer=chosen, year=year, month=month
            )
        except BusinessRuleError as exc:
            messages.error(request, exc.message)
    return performers, chosen, year, month, payment


def payment(request):
    if not roles.can_see_fees(request.user):
        raise PermissionDenied
    performers, chosen, year, month, pay = _payment_or_none(request)
    return render(
        request,
        "cases/proceedings/payment.html",
        {
            "title": "Thù lao người thực hiện TGPL theo tháng",
            "performers": performers,
            "chosen": chosen,
            "year": year,
            "month": month,
            "payment": pay,
            "query": request.GET.urlencode(),
        },
    )


HEADERS = ["Mã vụ việc", "Hình thức", "Cách tính", "Số buổi", "Số buổi được tính",
           "Mức một buổi (đồng)", "Thành tiền (đồng)", "Vượt mức tối đa", "Căn cứ"]  # fmt: skip


def payment_file(request, fmt: str):
    if not roles.can_see_fees(request.user):
        raise PermissionDenied
    _performers, chosen, year, month, pay = _payment_or_none(request)
    if pay is None or chosen is None:
        raise Http404
    name = f"thu-lao-{chosen.pk}-{year}-{month:02d}"
    if fmt == "xlsx":
        data = tablib.Dataset(headers=HEADERS, title=f"{month:02d}-{year}")
        for line in pay.lines:
            data.append([safe_cell(line.case.code), line.case.get_form_display(), line.method,
                         line.sessions, line.counted, line.unit, line.amount,
                         "x" if line.capped else "", safe_cell(line.rate_source)])  # fmt: skip
        data.append(["Tổng cộng", "", "", "", "", "", pay.total, "", ""])
        return xlsx_response(data, f"{name}.xlsx")
    if fmt == "pdf":
        html = render_to_string(
            "cases/proceedings/payment_pdf.html",
            {"payment": pay, "performer": chosen, "centre": request.user.centre},
        )
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    raise Http404
