"""Pages of trainings (TT 12/2018 Điều 4): sessions with their attendance, certificates
and the decisions sending staff; every officer's year against the minimum with the
exemptions and the yearly list (PDF, Word, .xlsx); one's own hours."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from outreach import selectors_trainings as selectors
from outreach.forms_trainings import AttendanceForm, ExemptionForm, NominationForm, SessionForm
from outreach.resources_trainings import ComplianceListResource, ProvinceListResource
from outreach.rules.trainings import Standing, hours_text
from outreach.services import trainings as services
from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.documents.selectors import documents_of
from tgpl.files import private_file_response
from tgpl.models import Centre
from tgpl.paginate import paginate
from tgpl.spreadsheets import xlsx_response

LIST_CRUMB = ("Tập huấn, bồi dưỡng", "/outreach/trainings/")


def _year(request) -> int:
    today = timezone.localdate()
    value = request.GET.get("year", "")
    if value.isdigit() and 2000 <= int(value) <= today.year + 1:
        return int(value)
    return today.year


# --- sessions ---------------------------------------------------------------------------


@require_GET
def training_list(request):
    if not roles.can_see_trainings(request.user):
        raise PermissionDenied
    year = request.GET.get("year", "")
    year_value = int(year) if year.isdigit() else None
    page, query = paginate(request, selectors.session_list(request.user, year=year_value))
    return render(
        request,
        "outreach/trainings/list.html",
        {
            "title": "Tập huấn, bồi dưỡng nghiệp vụ",
            "page": page,
            "query": query,
            "year": year,
            "years": selectors.session_years(request.user),
            "can_manage": roles.can_manage_trainings(request.user),
            "can_see_compliance": roles.can_see_training_compliance(request.user),
        },
    )


def training_create(request):
    if not roles.can_manage_trainings(request.user):
        raise PermissionDenied
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.create_session(
                actor=request.user, centre=request.user.centre, **data
            ),
            success="Đã tạo lớp tập huấn.",
        )
        if outcome:
            return redirect("outreach:training_detail", outcome.value.pk)
    return render(
        request,
        "outreach/trainings/form.html",
        {"title": "Lớp tập huấn mới", "form": form, "breadcrumbs": [LIST_CRUMB, ("Mới", "")]},
        status=400 if form.is_bound else 200,
    )


def training_edit(request, pk: int):
    session = selectors.get_session_for(request.user, pk, write=True)
    form = SessionForm(request.POST if request.method == "POST" else None, instance=session)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.update_session(actor=request.user, session=session, **data),
            success="Đã lưu thông tin lớp tập huấn.",
        )
        if outcome:
            return redirect("outreach:training_detail", session.pk)
        session.refresh_from_db()
    return render(
        request,
        "outreach/trainings/form.html",
        {
            "title": "Sửa lớp tập huấn",
            "form": form,
            "session": session,
            "breadcrumbs": [
                LIST_CRUMB,
                (session.title, reverse("outreach:training_detail", args=[session.pk])),
                ("Sửa", ""),
            ],
        },
        status=400 if form.is_bound else 200,
    )


def _detail(request, session, *, attendance_form=None, nomination_form=None, status=200):
    manage = roles.can_manage_trainings(request.user, session.centre)
    people = selectors.candidates_for(session) if manage else None
    attendances = list(selectors.attendances_of(session))
    for attendance in attendances:
        attendance.hours_text = hours_text(attendance.hours)
        attendance.may_open = bool(attendance.certificate) and roles.can_open_training_certificate(
            request.user, attendance
        )
    return render(
        request,
        "outreach/trainings/detail.html",
        {
            "title": session.title,
            "session": session,
            "session_hours": hours_text(session.hours),
            "attendances": attendances,
            "documents": documents_of(request.user, session),
            "manage": manage,
            "attendance_form": attendance_form
            or (AttendanceForm(people=people) if manage else None),
            "nomination_form": nomination_form
            or (NominationForm(people=people) if manage else None),
            "breadcrumbs": [LIST_CRUMB, (session.title, "")],
        },
        status=status,
    )


@require_GET
def training_detail(request, pk: int):
    session = selectors.get_session_for(request.user, pk)
    return _detail(request, session)


@require_POST
def attendance_record(request, pk: int):
    session = selectors.get_session_for(request.user, pk, write=True)
    form = AttendanceForm(request.POST, request.FILES, people=selectors.candidates_for(session))
    outcome = submit(
        request,
        form,
        lambda data: services.record_attendance(
            actor=request.user,
            session=session,
            person=data["person"],
            hours=data["hours"],
            note=data["note"],
            certificate=data["certificate"] or None,
        ),
        success="Đã ghi nhận người tham dự.",
    )
    if outcome:
        return redirect("outreach:training_detail", session.pk)
    return _detail(request, session, attendance_form=form, status=400)


@require_POST
def attendance_remove(request, pk: int, attendance_pk: int):
    attendance = selectors.get_attendance_for(request.user, pk, attendance_pk, write=True)
    perform(
        request,
        lambda: services.remove_attendance(actor=request.user, attendance=attendance),
        success="Đã xóa người tham dự.",
    )
    return redirect("outreach:training_detail", pk)


@require_GET
def attendance_certificate(request, pk: int, attendance_pk: int):
    """A certificate, served only to the person and those who keep the centre's trainings."""
    attendance = selectors.get_attendance_for(request.user, pk, attendance_pk)
    if not roles.can_open_training_certificate(request.user, attendance):
        raise PermissionDenied
    if not attendance.certificate:
        raise Http404("Không có giấy chứng nhận.")
    return private_file_response(
        attendance.certificate, filename=attendance.certificate_name or None
    )


@require_POST
def nominate(request, pk: int):
    session = selectors.get_session_for(request.user, pk, write=True)
    form = NominationForm(request.POST, people=selectors.candidates_for(session))
    outcome = submit(
        request,
        form,
        lambda data: services.nominate(
            actor=request.user, session=session, people=data["people"], purpose=data["purpose"]
        ),
        success="Đã cử người tham gia tập huấn; quyết định đã được cấp số.",
    )
    if outcome:
        return redirect("outreach:training_detail", session.pk)
    return _detail(request, session, nomination_form=form, status=400)


# --- compliance (Điều 4.1, 4.4, 4.5) ----------------------------------------------------


def _centre(request) -> Centre:
    """The centre whose list is asked for: one's own; a Sở reviewer picks one of theirs."""
    user = request.user
    if not roles.can_see_training_compliance(user):
        raise PermissionDenied
    centres = roles.visible_centres(user).order_by("name")
    wanted = request.GET.get("centre") or request.POST.get("centre") or ""
    if user.centre_id and not wanted:
        wanted = str(user.centre_id)
    centre = centres.filter(pk=int(wanted)).first() if wanted.isdigit() else centres.first()
    if centre is None or not roles.can_see_training_compliance(user, centre):
        raise Http404("Không tìm thấy Trung tâm.")
    return centre


def _compliance(request, centre, year, *, exemption_form=None, status=200):
    user = request.user
    years = selectors.officer_years(centre.pk, year)
    record = roles.can_record_training_exemptions(user, centre)
    report = selectors.report_of(centre.pk, year)
    counts = {s.value: sum(1 for o in years if o.account.standing == s) for s in Standing}
    minimum = selectors.minimum_of(year)
    return render(
        request,
        "outreach/trainings/compliance.html",
        {
            "title": f"Bồi dưỡng nghiệp vụ của Trợ giúp viên pháp lý năm {year}",
            "centre": centre,
            "centres": roles.visible_centres(user).order_by("name") if not user.centre_id else [],
            "year": year,
            "years": list(range(timezone.localdate().year, 2017, -1)),
            "officers": years,
            "counts": counts,
            "minimum": hours_text(minimum) if minimum is not None else "",
            "exemptions": list(selectors.exemptions_of(centre.pk, year)),
            "may_record": record,
            "exemption_form": exemption_form
            or (
                ExemptionForm(
                    people=roles.obliged_to_train(centre.pk).order_by("full_name"),
                    reasons=selectors.reasons_in_force(),
                )
                if record
                else None
            ),
            "province_export": roles.can_export_province_training_list(user),
            "may_prepare": roles.can_prepare_training_report(user, centre)
            and year <= timezone.localdate().year,
            "documents": documents_of(user, report) if report else [],
            "breadcrumbs": [LIST_CRUMB, (f"Danh sách năm {year}", "")],
        },
        status=status,
    )


@require_GET
def compliance(request):
    return _compliance(request, _centre(request), _year(request))


@require_GET
def compliance_export(request):
    year = _year(request)
    if request.GET.get("centre") == "all":
        if not roles.can_export_province_training_list(request.user):
            raise PermissionDenied
        rows = selectors.list_rows(selectors.officer_years_of_province(request.user, year))
        dataset = ProvinceListResource().export(rows)
        return xlsx_response(dataset, f"boi-duong-tgv-ca-tinh-{year}.xlsx")
    centre = _centre(request)
    rows = selectors.list_rows(selectors.officer_years(centre.pk, year))
    dataset = ComplianceListResource().export(rows)
    return xlsx_response(dataset, f"boi-duong-tgv-{year}.xlsx")


@require_POST
def compliance_prepare(request):
    centre = _centre(request)
    if not roles.can_prepare_training_report(request.user, centre):
        raise PermissionDenied
    year = _year(request)
    perform(
        request,
        lambda: services.prepare_compliance_report(actor=request.user, centre=centre, year=year),
        success=f"Đã lập báo cáo bồi dưỡng năm {year}.",
    )
    return redirect(reverse("outreach:training_compliance") + f"?year={year}")


@require_POST
def exemption_record(request):
    user = request.user
    centre = _centre(request)
    if not roles.can_record_training_exemptions(user, centre):
        raise PermissionDenied
    year = _year(request)
    form = ExemptionForm(
        request.POST,
        people=roles.obliged_to_train(centre.pk),
        reasons=selectors.reasons_in_force(),
    )
    outcome = submit(
        request,
        form,
        lambda data: services.record_exemption(
            actor=user,
            person=data["person"],
            reason=data["reason"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            note=data["note"],
        ),
        success="Đã ghi nhận trường hợp miễn bồi dưỡng.",
    )
    if outcome:
        return redirect(reverse("outreach:training_compliance") + f"?year={year}")
    return _compliance(request, centre, year, exemption_form=form, status=400)


@require_POST
def exemption_remove(request, pk: int):
    exemption = selectors.get_exemption_for(request.user, pk)
    if not roles.can_record_training_exemptions(request.user, exemption.centre):
        raise PermissionDenied
    perform(
        request,
        lambda: services.remove_exemption(actor=request.user, exemption=exemption),
        success="Đã xóa trường hợp miễn bồi dưỡng.",
    )
    return redirect(reverse("outreach:training_compliance") + f"?year={exemption.starts_on.year}")


# --- one's own hours --------------------------------------------------------------------


@require_GET
def my_trainings(request):
    if not getattr(request.user, "centre_id", None):
        raise PermissionDenied
    year = _year(request)
    mine = selectors.own_year(request.user, year)
    years = sorted({*selectors.own_years(request.user), timezone.localdate().year}, reverse=True)
    return render(
        request,
        "outreach/trainings/mine.html",
        {
            "title": f"Số giờ bồi dưỡng của tôi năm {year}",
            "mine": mine,
            "year": year,
            "years": years,
            "obliged": roles.has_training_obligation(request.user),
            "minimum": hours_text(mine.account.minimum) if mine.account.minimum is not None else "",
            "rows": [(a, hours_text(a.hours)) for a in mine.attendances],
            "breadcrumbs": [LIST_CRUMB, ("Của tôi", "")],
        },
    )
