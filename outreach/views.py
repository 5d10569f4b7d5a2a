"""Outreach pages: the overview, activities (sessions, broadcasts, articles), contracts and
recurring targets. Thin views over outreach.selectors and outreach.services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tgpl import references, roles, targets
from tgpl.actions import submit
from tgpl.files import private_file_response
from tgpl.history import timeline_for
from tgpl.paginate import paginate
from tgpl.spreadsheets import xlsx_response

from . import selectors, services
from .forms import (
    ActivityForm,
    AttachmentForm,
    ContractForm,
    RecurringTargetForm,
    RequestLinkForm,
)
from .models import Activity
from .resources import ActivityResource

CRUMB = ("Truyền thông", "outreach:index")


def crumbs(*rest):
    return [(CRUMB[0], reverse(CRUMB[1])), *rest]


def _require_reader(user) -> None:
    if not roles.can_see_outreach(user):
        raise PermissionDenied


def _year(request) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() else timezone.localdate().year


@require_GET
def index(request):
    _require_reader(request.user)
    today = timezone.localdate()
    year = _year(request)
    return render(
        request,
        "outreach/index.html",
        {
            "title": "Truyền thông",
            "year": year,
            "figures": selectors.year_figures(request.user, year),
            "due": selectors.inspections_due(request.user, today)[:10],
            "not_reached": len(selectors.communes_not_reached(request.user, year)),
            "today": today,
            "can_record": roles.can_record_outreach(request.user),
        },
    )


# --- activities -----------------------------------------------------------------------------


def _activity_list(request, *, media: bool):
    _require_reader(request.user)
    year = _year(request)
    kind = request.GET.get("kind", "")
    commune = request.GET.get("commune", "")
    rows = selectors.activity_list(
        request.user,
        year=year,
        kind=kind,
        commune=int(commune) if commune.isdigit() else None,
        media=media,
    )
    if request.GET.get("format") == "xlsx":
        name = "so-theo-doi-phat-song-dang-tin" if media else "so-theo-doi-hoat-dong-truyen-thong"
        return xlsx_response(ActivityResource().export(rows), f"{name}-{year}.xlsx")
    page, query = paginate(request, rows, per_page=50)
    kinds = [
        (v, label) for v, label in Activity.Kind.choices if (v in Activity.MEDIA_KINDS) == media
    ]
    return render(
        request,
        "outreach/activity_list.html",
        {
            "title": "Phát sóng, đăng tin" if media else "Hoạt động truyền thông",
            "media": media,
            "page": page,
            "query": query,
            "year": year,
            "kind": kind,
            "kinds": kinds,
            "can_record": roles.can_record_outreach(request.user),
            "breadcrumbs": crumbs(("Phát sóng, đăng tin" if media else "Hoạt động", None)),
        },
    )


@require_GET
def activity_list(request):
    return _activity_list(request, media=False)


@require_GET
def broadcast_list(request):
    return _activity_list(request, media=True)


def _activity_form(request, activity, title):
    form = ActivityForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        user=request.user,
        instance=activity,
    )
    if request.method == "POST":
        if activity is None:
            outcome = submit(
                request,
                form,
                lambda data: services.record_activity(actor=request.user, **form.service_kwargs()),
                success="Đã ghi nhận hoạt động.",
            )
        else:
            outcome = submit(
                request,
                form,
                lambda data: services.update_activity(
                    actor=request.user, activity=activity, **form.service_kwargs()
                ),
                success="Đã lưu hoạt động.",
            )
        if outcome:
            return redirect("outreach:activity", outcome.value.pk)
    return render(
        request,
        "outreach/activity_form.html",
        {
            "title": title,
            "form": form,
            "activity": activity,
            "breadcrumbs": crumbs(("Hoạt động", reverse("outreach:activities")), (title, None)),
        },
        status=400 if form.is_bound else 200,
    )


def activity_create(request):
    if not roles.can_record_outreach(request.user):
        raise PermissionDenied
    return _activity_form(request, None, "Ghi nhận hoạt động")


def activity_edit(request, pk):
    activity = selectors.get_activity_for(request.user, pk)
    if not roles.can_record_outreach(request.user, activity.centre):
        raise PermissionDenied
    return _activity_form(request, activity, "Sửa hoạt động")


def _request_form(request, activity, data=None):
    on = timezone.localtime(activity.starts_at).date()
    linked = [r.request_id for r in activity.requests.all()]
    return RequestLinkForm(
        data,
        candidates=references.requests_received_on(request.user, on),
        initial_ids=linked,
    )


@require_GET
def activity_detail(request, pk):
    activity = selectors.get_activity_for(request.user, pk)
    may = roles.can_record_outreach(request.user, activity.centre)
    linked = [r.request_id for r in activity.requests.all()]
    return render(
        request,
        "outreach/activity_detail.html",
        {
            "title": activity.title,
            "activity": activity,
            "tasks": targets.describe_tasks(t.plan_item_id for t in activity.tasks.all()).values(),
            "requests": references.resolve_requests(request.user, linked).values(),
            "request_count": len(linked),
            "may_edit": may,
            "request_form": _request_form(request, activity) if may else None,
            "attachment_form": AttachmentForm() if may else None,
            "timeline": timeline_for(activity),
            "breadcrumbs": crumbs(("Hoạt động", reverse("outreach:activities")), (str(pk), None)),
        },
    )


@require_POST
def activity_requests(request, pk):
    activity = selectors.get_activity_for(request.user, pk)
    if not roles.can_record_outreach(request.user, activity.centre):
        raise PermissionDenied
    form = _request_form(request, activity, request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.link_requests(
            actor=request.user, activity=activity, request_ids=data["requests"]
        ),
        success="Đã cập nhật yêu cầu TGPL tiếp nhận tại hoạt động.",
    )
    if not outcome:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect("outreach:activity", activity.pk)


@require_POST
def attachment_add(request, pk):
    activity = selectors.get_activity_for(request.user, pk)
    if not roles.can_record_outreach(request.user, activity.centre):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES)
    outcome = submit(
        request,
        form,
        lambda data: services.add_attachment(
            actor=request.user,
            activity=activity,
            file=data["file"],
            kind=data["kind"],
            caption=data["caption"],
        ),
        success="Đã đính kèm.",
    )
    if not outcome:
        messages.error(request, "Chưa đính kèm được: chọn tệp và loại.")
    return redirect("outreach:activity", activity.pk)


@require_GET
def attachment_download(request, pk):
    """Photos and papers of an activity, served only to those who see the activity."""
    attachment = selectors.get_attachment_for(request.user, pk)
    return private_file_response(attachment.file)


# --- contracts and recurring targets --------------------------------------------------------


def contract_list(request):
    _require_reader(request.user)
    may = roles.can_record_outreach(request.user)
    form = (
        ContractForm(request.POST if request.method == "POST" else None, user=request.user)
        if may
        else None
    )
    if request.method == "POST":
        if not may:
            raise PermissionDenied
        if submit(
            request,
            form,
            lambda data: services.record_contract(actor=request.user, fields=data),
            success="Đã ghi nhận hợp đồng.",
        ):
            return redirect("outreach:contracts")
    return render(
        request,
        "outreach/contract_list.html",
        {
            "title": "Hợp đồng phát sóng, đăng tin",
            "contracts": selectors.contracts_visible_to(request.user),
            "form": form,
            "breadcrumbs": crumbs(("Hợp đồng", None)),
        },
        status=400 if form is not None and form.is_bound else 200,
    )


def recurring_list(request):
    _require_reader(request.user)
    may = roles.can_record_outreach(request.user)
    form = (
        RecurringTargetForm(request.POST if request.method == "POST" else None, user=request.user)
        if may
        else None
    )
    if request.method == "POST":
        if not may:
            raise PermissionDenied
        outcome = submit(
            request,
            form,
            lambda data: services.record_recurring_target(actor=request.user, fields=data),
            success="Đã đặt chỉ tiêu định kỳ.",
        )
        if outcome:
            return redirect("outreach:recurring", outcome.value.pk)
    rows = selectors.recurring_rows(request.user, timezone.localdate())
    return render(
        request,
        "outreach/recurring_list.html",
        {
            "title": "Chỉ tiêu định kỳ",
            "rows": rows,
            "form": form,
            "breadcrumbs": crumbs(("Chỉ tiêu định kỳ", None)),
        },
        status=400 if form is not None and form.is_bound else 200,
    )


@require_GET
def recurring_detail(request, pk):
    target = selectors.get_recurring_target_for(request.user, pk)
    checks = selectors.recurring_check(target, timezone.localdate())
    return render(
        request,
        "outreach/recurring_detail.html",
        {
            "title": target.title,
            "target": target,
            "checks": checks,
            "missed": [c for c in checks if not c.met],
            "breadcrumbs": crumbs(
                ("Chỉ tiêu định kỳ", reverse("outreach:recurring_list")), (target.title, None)
            ),
        },
    )
