"""Pages of coordination in proceedings: notices (Mẫu 03/04) with their clocks, the
register of notices (Mẫu 05), registrations and the limit events of a case."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import selectors, selectors_proceedings
from cases.forms_proceedings import (
    AnswerNoticeForm,
    LimitEventForm,
    LinkNoticeForm,
    NoticeForm,
    RegistrationForm,
    RegistrationOutcomeForm,
)
from cases.models import LegalAidRequest
from cases.services import proceedings as services
from tgpl import roles
from tgpl.actions import submit
from tgpl.documents.selectors import documents_of
from tgpl.forms import error_summary
from tgpl.paginate import paginate

CRUMB = ("Thông báo của cơ quan tiến hành tố tụng", "/cases/notices/")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def notice_list(request):
    _require(roles.can_see_notices(request.user))
    year = request.GET.get("year", "")
    year_value = int(year) if year.isdigit() else None
    page, query = paginate(
        request,
        selectors_proceedings.notice_list(
            request.user, year=year_value, q=request.GET.get("q", "")
        ),
    )
    return render(
        request,
        "cases/proceedings/notice_list.html",
        {
            "title": "Thông báo, thông tin của cơ quan tiến hành tố tụng",
            "page": page,
            "query": query,
            "year": year_value or timezone.localdate().year,
            "q": request.GET.get("q", ""),
            "can_record": roles.can_record_notices(request.user),
        },
    )


def notice_create(request):
    _require(roles.can_record_notices(request.user))
    form = NoticeForm(
        request.POST if request.method == "POST" else None,
        initial={"received_at": timezone.localtime()},
    )
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.record_notice(actor=request.user, fields=data),
            success="Đã ghi nhận; thời hạn được tính từ phút nhận.",
        )
        if outcome:
            return redirect("cases:notice_detail", pk=outcome.value.pk)
    return render(
        request,
        "cases/proceedings/notice_form.html",
        {
            "title": "Ghi nhận thông báo, thông tin (Mẫu 03, Mẫu 04 TTLT 10/2018)",
            "breadcrumbs": [CRUMB, ("Ghi nhận", "")],
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def _notice_page(request, notice, bound=None, status=200):
    forms = {"link": LinkNoticeForm(), "answer": AnswerNoticeForm()}
    forms.update(bound or {})
    case = getattr(notice.request, "case", None) if notice.request_id else None
    return render(
        request,
        "cases/proceedings/notice_detail.html",
        {
            "title": str(notice),
            "breadcrumbs": [CRUMB, (str(notice), "")],
            "notice": notice,
            "case": case,
            "clocks": selectors_proceedings.notice_clocks(notice),
            "on_duty": list(selectors_proceedings.on_duty(notice)),
            "documents": documents_of(request.user, notice),
            "can_record": roles.can_record_notices(request.user),
            "forms": forms,
        },
        status=status,
    )


def notice_detail(request, pk: int):
    notice = selectors_proceedings.get_notice_for(request.user, pk)
    return _notice_page(request, notice)


@require_POST
def notice_action(request, pk: int, action: str):
    notice = selectors_proceedings.get_notice_for(request.user, pk, can=roles.can_record_notices)
    if action == "link":
        form = LinkNoticeForm(
            request.POST, requests=LegalAidRequest.objects.visible_to(request.user)
        )
        call = lambda data: services.link_notice(  # noqa: E731
            actor=request.user, notice=notice, request=data["request"]
        )
        done = "Đã gắn thông báo với yêu cầu; thời hạn cử người tính từ phút nhận thông báo."
    elif action == "answer":
        form = AnswerNoticeForm(request.POST)
        call = lambda data: services.answer_notice(  # noqa: E731
            actor=request.user, notice=notice, answer=data["answer"]
        )
        done = "Đã ghi nội dung trả lời cơ quan tiến hành tố tụng."
    else:
        raise Http404
    if submit(request, form, call, success=done):
        return redirect("cases:notice_detail", pk=pk)
    return _notice_page(request, notice, bound={action: form}, status=400)


def notice_register(request, year: int):
    """The register of notices of a year (Mẫu 05), printable."""
    _require(roles.can_see_notices(request.user))
    rows = list(selectors_proceedings.register_rows(request.user, year))
    return render(
        request,
        "cases/proceedings/notice_register.html",
        {
            "title": f"Sổ theo dõi vụ việc TGPL trong hoạt động tố tụng năm {year} (Mẫu 05)",
            "breadcrumbs": [CRUMB, (f"Sổ năm {year}", "")],
            "rows": rows,
            "year": year,
            "centre": request.user.centre,
        },
    )


# --- the case page: registrations and the events that restart a limit -------------------


def case_panel(user, case) -> dict:
    """What the case page shows of proceedings (its registrations, limit events, forms)."""
    return {
        "registrations": selectors_proceedings.case_registrations(case),
        "limit_events": list(selectors_proceedings.case_limit_events(case)),
        "case_notices": list(case.request.notices.select_related("agency")),
        "can_register": roles.can_record_notices(user) or roles.can_work_case(user, case),
        "can_limit_event": roles.can_record_case_limit_event(user, case),
        "can_see_fees": roles.can_see_fees(user) and case.centre_id == user.centre_id,
        "can_check_conflicts": roles.can_check_conflicts(user) and case.centre_id == user.centre_id,
        "registration_form": RegistrationForm(),
        "outcome_form": RegistrationOutcomeForm(),
        "limit_event_form": LimitEventForm(initial={"at": timezone.localtime()}),
    }


def _may_register(user, case) -> bool:
    return roles.can_record_notices(user) or roles.can_work_case(user, case)


@require_POST
def case_proceedings_action(request, pk: int, action: str):
    if action == "register":
        case = selectors.get_case_for(request.user, pk, can=_may_register)
        form = RegistrationForm(request.POST)
        call = lambda d: services.record_registration(  # noqa: E731
            actor=request.user,
            case=case,
            kind=d["kind"],
            agency=d["agency"],
            submitted_at=d["submitted_at"],
            notice=case.request.notices.first(),
        )
        done = "Đã ghi nhận hồ sơ đăng ký."
    elif action in ("papers", "force-majeure"):
        case = selectors.get_case_for(request.user, pk, can=roles.can_record_case_limit_event)
        form = LimitEventForm(request.POST)
        service = (
            services.record_papers_arrived if action == "papers" else services.record_force_majeure
        )
        call = lambda d: service(  # noqa: E731
            actor=request.user, case=case, note=d["note"], at=d["at"]
        )
        done = (
            "Đã ghi nhận giấy tờ; thời hạn trả lời tư vấn tính lại từ thời điểm nhận."
            if action == "papers"
            else "Đã ghi nhận sự kiện bất khả kháng; hạn bổ sung giấy tờ là 10 ngày làm việc."
        )
    else:
        raise Http404
    if not submit(request, form, call, success=done):
        messages.error(request, error_summary(form))
    return redirect("cases:case_detail", pk=pk)


@require_POST
def registration_outcome(request, pk: int, registration_pk: int):
    case = selectors.get_case_for(request.user, pk, can=_may_register)
    registration = case.registrations.filter(pk=registration_pk).first()
    if registration is None:
        raise Http404
    form = RegistrationOutcomeForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.record_registration_outcome(
            actor=request.user,
            registration=registration,
            outcome=d["outcome"],
            reason=d["reason"],
            at=d["at"],
        ),
        success="Đã ghi nhận kết quả đăng ký.",
    )
    if not outcome:
        messages.error(request, error_summary(form))
    return redirect("cases:case_detail", pk=pk)
