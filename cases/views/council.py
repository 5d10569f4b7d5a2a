"""Pages of the inter-agency council (issue 17.4): its members and meetings, the minutes,
and its reports with their figures (page, official document, .xlsx)."""

from __future__ import annotations

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from cases import selectors_council as selectors
from cases.forms_council import CouncilReportForm, EndMemberForm, MeetingForm, MemberForm
from cases.models import BaseSalary, CouncilReport
from cases.rules import council as rules
from cases.services import council as services
from tgpl import roles
from tgpl.actions import submit
from tgpl.documents.selectors import documents_of
from tgpl.files import private_file_response
from tgpl.forms import error_summary
from tgpl.spreadsheets import safe_cell, xlsx_response

CRUMB = ("Hội đồng phối hợp liên ngành", "/cases/council/")


def _may_see(user) -> None:
    if not roles.can_see_council(user):
        raise PermissionDenied


def _may_manage(user) -> None:
    if not roles.can_manage_council(user):
        raise PermissionDenied


def _allowance(today) -> int | None:
    """0.3 × the base salary in force today (dated data of the fees), if one is recorded."""
    row = BaseSalary.objects.filter(valid_from__lte=today).order_by("-valid_from").first()
    return rules.monthly_allowance(row.amount) if row else None


def council_home(request, member_form=None, status=200):
    _may_see(request.user)
    today = timezone.localdate()
    members = list(selectors.council_members(request.user))
    active = selectors.active_members(members, today)
    return render(
        request,
        "cases/council/home.html",
        {
            "title": "Hội đồng phối hợp liên ngành về TGPL trong hoạt động tố tụng",
            "active": active,
            "former": [m for m in members if m not in active],
            "seats": rules.MAX_MEMBERS,
            "allowance": _allowance(today),
            "meetings": selectors.meeting_list(request.user)[:50],
            "reports": selectors.report_list(request.user),
            "manage": roles.can_manage_council(request.user),
            "member_form": member_form or MemberForm(initial={"joined_on": today}),
            "end_form": EndMemberForm(initial={"on": today}),
            "year": today.year,
            "rounds": CouncilReport.Round.choices,
        },
        status=status,
    )


@require_POST
def member_create(request):
    _may_manage(request.user)
    form = MemberForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.add_council_member(actor=request.user, **d),
        success="Đã thêm thành viên Hội đồng.",
    )
    if outcome:
        return redirect("cases:council")
    return council_home(request, member_form=form, status=400)


@require_POST
def member_end(request, pk: int):
    _may_manage(request.user)
    member = selectors.get_member_for(request.user, pk)
    form = EndMemberForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.end_council_membership(actor=request.user, member=member, on=d["on"]),
        success="Đã ghi thành viên thôi tham gia Hội đồng.",
    )
    if not outcome:
        messages.error(request, error_summary(form))
    return redirect("cases:council")


def _meeting_page(request, form, meeting=None, status=200):
    title = "Sửa cuộc họp Hội đồng" if meeting else "Ghi cuộc họp Hội đồng"
    return render(
        request,
        "cases/council/meeting_form.html",
        {"title": title, "breadcrumbs": [CRUMB, (title, "")], "form": form, "meeting": meeting},
        status=status,
    )


def meeting_create(request):
    _may_manage(request.user)
    form = MeetingForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.record_council_meeting(actor=request.user, **d),
            success="Đã ghi cuộc họp.",
        )
        if outcome:
            return redirect("cases:council_meeting", pk=outcome.value.pk)
        return _meeting_page(request, form, status=400)
    return _meeting_page(request, form)


def meeting_detail(request, pk: int):
    _may_see(request.user)
    meeting = selectors.get_meeting_for(request.user, pk)
    return render(
        request,
        "cases/council/meeting_detail.html",
        {
            "title": str(meeting),
            "breadcrumbs": [CRUMB, (str(meeting), "")],
            "meeting": meeting,
            "manage": roles.can_manage_council(request.user)
            and meeting.centre_id == request.user.centre_id,
            "minutes": roles.can_open_council_minutes(request.user, meeting),
        },
    )


def meeting_edit(request, pk: int):
    _may_manage(request.user)
    meeting = selectors.get_meeting_for(request.user, pk)
    if meeting.centre_id != request.user.centre_id:
        raise PermissionDenied
    initial = {"held_on": meeting.held_on, "place": meeting.place, "agenda": meeting.agenda}
    form = MeetingForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.update_council_meeting(actor=request.user, meeting=meeting, **d),
            success="Đã sửa cuộc họp.",
        )
        if outcome:
            return redirect("cases:council_meeting", pk=pk)
        return _meeting_page(request, form, meeting, status=400)
    return _meeting_page(request, form, meeting)


@require_POST
def meeting_delete(request, pk: int):
    _may_manage(request.user)
    meeting = selectors.get_meeting_for(request.user, pk)
    if meeting.centre_id != request.user.centre_id:
        raise PermissionDenied
    services.delete_council_meeting(actor=request.user, meeting=meeting)
    messages.success(request, "Đã xóa cuộc họp.")
    return redirect("cases:council")


@require_GET
def meeting_minutes(request, pk: int):
    _may_see(request.user)
    meeting = selectors.get_meeting_for(request.user, pk)
    if not roles.can_open_council_minutes(request.user, meeting):
        raise PermissionDenied
    return private_file_response(meeting.minutes)


# --- reports -------------------------------------------------------------------------


def report_prepare(request, year: int, round_: int):
    """Prepare (or correct) the report of a round of the user's centre: the figures as they
    stand, the content for the 1st."""
    _may_manage(request.user)
    if round_ not in CouncilReport.Round.values or not 2000 <= year <= 2100:
        raise PermissionDenied
    report = selectors.report_of(request.user, request.user.centre_id, year, round_)
    initial = {"content": report.content} if report else {}
    form = CouncilReportForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.save_council_report(
                actor=request.user, year=year, round_=round_, content=d["content"]
            ),
            success="Đã lưu báo cáo của Hội đồng.",
        )
        if outcome:
            return redirect("cases:council_report", pk=outcome.value.pk)
    label = CouncilReport.Round(round_).label
    return render(
        request,
        "cases/council/report_prepare.html",
        {
            "title": f"{label} năm {year}",
            "breadcrumbs": [CRUMB, (f"{label} năm {year}", "")],
            "figures": selectors.council_figures(request.user.centre_id, year, round_),
            "form": form,
            "has_content": rules.has_content(round_),
            "forms_label": rules.forms_of(round_),
        },
        status=400 if request.method == "POST" else 200,
    )


def _report(user, pk: int) -> CouncilReport:
    _may_see(user)
    try:
        return selectors.report_list(user).get(pk=pk)
    except CouncilReport.DoesNotExist:
        raise Http404("Không tìm thấy báo cáo.") from None


@require_GET
def report_detail(request, pk: int):
    report = _report(request.user, pk)
    return render(
        request,
        "cases/council/report_detail.html",
        {
            "title": f"{report} ({report.forms})",
            "breadcrumbs": [CRUMB, (str(report), "")],
            "report": report,
            "figures": selectors.report_figures(report),
            "documents": documents_of(request.user, report),
            "manage": roles.can_manage_council(request.user)
            and report.centre_id == request.user.centre_id,
        },
    )


@require_GET
def report_xlsx(request, pk: int):
    """The figures as a spreadsheet: one row per agency, with its sector's and the total."""
    report = _report(request.user, pk)
    figures = selectors.report_figures(report)
    data = tablib.Dataset(headers=["Ngành, cơ quan", *figures.columns])
    for sector in figures.sectors:
        data.append([safe_cell(sector.total.label), *sector.total.cells])
        for row in sector.agencies:
            data.append([safe_cell(f"- {row.label}"), *row.cells])
    data.append([figures.total.label, *figures.total.cells])
    data.title = f"Lan {report.round} nam {report.year}"
    return xlsx_response(data, f"hoi-dong-lien-nganh-{report.year}-lan-{report.round}.xlsx")
