"""The online intake: the public request page and its status check (the only public
pages of cases), and reception's queue where each submission is verified and recorded
as a request, or declined."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from cases import selectors
from cases.forms import RequestForm
from cases.forms_online import (
    DeclineForm,
    OnlineRequestForm,
    StatusForm,
    categories_in_force,
    public_centres,
)
from cases.models import OnlineSubmission
from cases.services import online
from cases.states import ONLINE_TRANSITIONS, Channel, OnlineStatus
from tgpl import roles
from tgpl.actions import submit
from tgpl.audit import ReadKind, log_read
from tgpl.kernel import allowed
from tgpl.public import public_centre
from tgpl.security import ratelimit

SENT_KEY = "cases_online_sent"
QUEUE_CRUMB = ("Yêu cầu trực tuyến", "/cases/online/")


# --- public -----------------------------------------------------------------------------


def _centre_choice():
    """The centre the page is for, or (None, the centres to choose from)."""
    centre = public_centre()
    if centre is not None:
        return centre, None
    centres = public_centres()
    if not centres.exists():
        raise Http404("Chưa có Trung tâm nào nhận yêu cầu trực tuyến.")
    return None, centres


@login_not_required
def request_page(request):
    """Ask for legal aid: who may get it (Điều 7), what happened, how to call back."""
    centre, centres = _centre_choice()
    form = OnlineRequestForm(request.POST if request.method == "POST" else None, centres=centres)
    status = 200
    if request.method == "POST":
        within = ratelimit.allow(
            request,
            "online_intake",
            limit=settings.ONLINE_INTAKE_LIMIT,
            window=settings.ONLINE_INTAKE_WINDOW_SECONDS,
        )
        if not within:
            form.is_valid()
            form.add_error(
                None,
                "Máy này đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau "
                "hoặc gọi điện cho Trung tâm.",
            )
            status = 429
        elif form.is_valid():
            submission = online.submit_online(
                centre=centre or form.cleaned_data["centre"],
                fields=form.submission_fields(),
                categories=form.cleaned_data["categories"],
            )
            request.session[SENT_KEY] = submission.pk
            return redirect("online:sent")
        else:
            status = 400
        form.renew_challenge()
    categories = list(categories_in_force())
    return render(
        request,
        "cases/online/request.html",
        {
            "title": "Gửi yêu cầu trợ giúp pháp lý trực tuyến",
            "form": form,
            "centre": centre,
            "categories": categories,
        },
        status=status,
    )


@login_not_required
def sent_page(request):
    """The reference and the check code, shown to the person who just sent the request."""
    pk = request.session.get(SENT_KEY)
    submission = OnlineSubmission.objects.filter(pk=pk).select_related("centre").first()
    if submission is None:
        return redirect("online:request")
    return render(
        request,
        "cases/online/sent.html",
        {"title": "Đã gửi yêu cầu", "submission": submission},
    )


@login_not_required
def status_page(request):
    """The state of a submission, by its reference and check code: no personal data."""
    form = StatusForm(request.POST if request.method == "POST" else None)
    found = None
    status = 200
    if request.method == "POST":
        if not ratelimit.allow(
            request,
            "online_status",
            limit=settings.ONLINE_STATUS_LIMIT,
            window=settings.ONLINE_INTAKE_WINDOW_SECONDS,
        ):
            form.is_valid()
            form.add_error(None, "Máy này đã tra cứu quá nhiều lần. Vui lòng thử lại sau.")
            status = 429
        elif form.is_valid():
            found = form.submission()
            if found is None:
                form.add_error(None, "Không có yêu cầu với số tham chiếu và mã kiểm tra này.")
                status = 404
        else:
            status = 400
    return render(
        request,
        "cases/online/status.html",
        {"title": "Tra cứu yêu cầu trực tuyến", "form": form, "found": found},
        status=status,
    )


# --- reception ----------------------------------------------------------------------------


def _require_reception(user) -> None:
    if not roles.can_handle_online_submissions(user):
        raise PermissionDenied


def queue(request):
    _require_reception(request.user)
    submissions = selectors.online_submissions(request.user)
    waiting = list(submissions.filter(status=OnlineStatus.NEW).order_by("submitted_at", "pk"))
    handled = list(
        submissions.exclude(status=OnlineStatus.NEW)
        .select_related("request", "handled_by")
        .order_by("-handled_at", "-pk")[:20]
    )
    return render(
        request,
        "cases/online/queue.html",
        {"title": "Yêu cầu gửi trực tuyến", "waiting": waiting, "handled": handled},
    )


def detail(request, pk: int):
    _require_reception(request.user)
    submission = selectors.get_online_submission_for(request.user, pk)
    log_read(request, submission, ReadKind.VIEW)  # a person's data, as for a request
    return _detail(request, submission)


def _detail(request, submission, decline_form=None, status=200):
    return render(
        request,
        "cases/online/detail.html",
        {
            "title": f"Yêu cầu trực tuyến {submission.reference}",
            "breadcrumbs": [QUEUE_CRUMB, (submission.reference, "")],
            "object": submission,
            "categories": submission.categories.all(),
            "actions": allowed(ONLINE_TRANSITIONS, submission.status),
            "decline_form": decline_form or DeclineForm(),
        },
        status=status,
    )


def _initial(submission) -> dict:
    return {
        "channel": Channel.ONLINE,
        "received_at": submission.submitted_at,
        "full_name": submission.full_name,
        "birth_year": submission.birth_year,
        "sex": submission.sex,
        "phone": submission.phone,
        "address": submission.address,
        "legal_field": submission.legal_field,
        "summary": submission.summary,
        "categories": submission.categories.all(),
    }


def record(request, pk: int):
    """Verified: record it as a request (the intake form, filled in from the submission)."""
    _require_reception(request.user)
    submission = selectors.get_online_submission_for(request.user, pk)
    if "record" not in allowed(ONLINE_TRANSITIONS, submission.status):
        raise PermissionDenied
    centre = request.user.centre
    if request.method == "POST":
        form = RequestForm(
            request.POST, request.FILES if request.method == "POST" else None, centre=centre
        )

        def action(data):
            files = data.get("attachments") or []
            return online.record_online_submission(
                actor=request.user,
                submission=submission,
                fields=form.service_fields(),
                categories=data["categories"],
                proofs=data["proofs"],
                attachments=[(f.name[:255], f) for f in files],
            )

        outcome = submit(request, form, action, success="Đã tiếp nhận thành yêu cầu.")
        if outcome:
            return redirect("cases:request_detail", pk=outcome.value.pk)
    else:
        form = RequestForm(initial=_initial(submission), centre=centre)
    title = f"Tiếp nhận yêu cầu trực tuyến {submission.reference}"
    return render(
        request,
        "cases/request_form.html",
        {
            "title": title,
            "breadcrumbs": [QUEUE_CRUMB, (title, "")],
            "form": form,
            "object": None,
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def decline(request, pk: int):
    _require_reception(request.user)
    submission = selectors.get_online_submission_for(request.user, pk)
    form = DeclineForm(request.POST)

    def action(data):
        return online.decline_online_submission(
            actor=request.user, submission=submission, note=data["note"]
        )

    if submit(request, form, action, success="Đã ghi nhận không tiếp nhận."):
        return redirect("cases:online_queue")
    return _detail(request, submission, decline_form=form, status=400)
