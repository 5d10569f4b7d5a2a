"""Duty rosters: a month's rosters per procedural body, one roster day by day with the
performers and their phones, issued as the official document sent to the agency."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import selectors_proceedings as selectors
from cases.forms_proceedings import HandoverForm, LeaveForm, RosterForm, ShiftForm
from cases.rules.rosters import month_days, uncovered_days
from cases.services import rosters as services
from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.documents.selectors import documents_of
from tgpl.forms import error_summary
from tgpl.models import User

CRUMB = ("Lịch trực", "/cases/rosters/")


def _performers(user):
    return User.objects.filter(
        performer__centre_id=user.centre_id, performer__is_active=True, is_active=True
    ).order_by("full_name")


def _month(request) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
    except ValueError:
        return today.year, today.month
    return (year, month) if 1 <= month <= 12 else (today.year, today.month)


def roster_list(request):
    if not roles.is_centre_member(request.user):
        raise PermissionDenied
    year, month = _month(request)
    manage = roles.can_manage_rosters(request.user)
    roster_form = RosterForm(
        request.POST if request.method == "POST" else None, initial={"year": year, "month": month}
    )
    if request.method == "POST":
        if not manage:
            raise PermissionDenied
        outcome = submit(
            request,
            roster_form,
            lambda d: services.create_roster(
                actor=request.user, agency=d["agency"], year=d["year"], month=d["month"]
            ),
            success="Đã lập lịch trực; xếp người trực từng ngày.",
        )
        if outcome:
            return redirect("cases:roster_detail", pk=outcome.value.pk)
    return render(
        request,
        "cases/proceedings/roster_list.html",
        {
            "title": f"Lịch trực tháng {month:02d}/{year}",
            "rosters": selectors.roster_list(request.user, year=year, month=month),
            "year": year,
            "month": month,
            "manage": manage,
            "form": roster_form,
            "leave_form": LeaveForm(performers=_performers(request.user)),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
def leave_create(request):
    if not roles.can_manage_rosters(request.user):
        raise PermissionDenied
    form = LeaveForm(request.POST, performers=_performers(request.user))
    if not submit(
        request,
        form,
        lambda d: services.record_leave(
            actor=request.user,
            performer=d["performer"],
            start=d["start"],
            end=d["end"],
            reason=d["reason"],
        ),
        success="Đã ghi nghỉ phép.",
    ):
        messages.error(request, error_summary(form))
    return redirect("cases:roster_list")


def roster_detail(request, pk: int, bound=None, status=200):
    roster = selectors.get_roster_for(request.user, pk)
    shifts = list(selectors.roster_shifts(roster))
    days = month_days(roster.year, roster.month)
    return render(
        request,
        "cases/proceedings/roster_detail.html",
        {
            "title": str(roster),
            "breadcrumbs": [CRUMB, (str(roster), "")],
            "roster": roster,
            "shifts": shifts,
            "uncovered": uncovered_days(days, (s.day for s in shifts)),
            "manage": roles.can_manage_rosters(request.user) and roster.status == "draft",
            "form": bound or ShiftForm(performers=_performers(request.user)),
            "documents": documents_of(request.user, roster),
        },
        status=status,
    )


@require_POST
def roster_action(request, pk: int, action: str):
    if not roles.can_manage_rosters(request.user):
        raise PermissionDenied
    roster = selectors.get_roster_for(request.user, pk)
    if action == "add":
        form = ShiftForm(request.POST, performers=_performers(request.user))
        if submit(
            request,
            form,
            lambda d: services.add_shift(
                actor=request.user, roster=roster, performer=d["performer"], day=d["day"],
                start=d["start"], end=d["end"], phone=d["phone"],
            ),
            success="Đã xếp người trực.",
        ):  # fmt: skip
            return redirect("cases:roster_detail", pk=pk)
        return roster_detail(request, pk, bound=form, status=400)
    if action == "issue":
        perform(
            request,
            lambda: services.issue_roster(actor=request.user, roster=roster),
            success="Đã ban hành lịch trực; cấp số và gửi văn bản cho cơ quan.",
        )
        return redirect("cases:roster_detail", pk=pk)
    if action == "remove":
        shift = roster.shifts.filter(pk=request.POST.get("shift") or 0).first()
        if shift is None:
            raise Http404
        perform(
            request,
            lambda: services.remove_shift(actor=request.user, shift=shift),
            success="Đã bỏ ca trực.",
        )
        return redirect("cases:roster_detail", pk=pk)
    raise Http404


def handovers(request):
    """Forms and materials supplied to procedural bodies and detention facilities."""
    if not roles.is_centre_member(request.user):
        raise PermissionDenied
    may = roles.can_manage_rosters(request.user) or roles.can_record_notices(request.user)
    form = HandoverForm(
        request.POST if request.method == "POST" else None,
        initial={"handed_on": timezone.localdate()},
    )
    if request.method == "POST":
        if not may:
            raise PermissionDenied
        if submit(
            request,
            form,
            lambda d: services.record_handover(actor=request.user, **d),
            success="Đã ghi nhận tài liệu đã cung cấp.",
        ):
            return redirect("cases:handovers")
    return render(
        request,
        "cases/proceedings/handovers.html",
        {
            "title": "Tài liệu đã cung cấp cho cơ quan tiến hành tố tụng, cơ sở giam giữ",
            "rows": selectors.handover_list(request.user),
            "form": form,
            "may": may,
        },
        status=400 if request.method == "POST" else 200,
    )
