"""Reception hears of a request sent online (outbox subscriber, see apps.py), in the bell
and by e-mail for those who want it; the notice names the reference, not the person."""

from __future__ import annotations

from django.urls import reverse

from cases.models import OnlineSubmission
from tgpl import roles
from tgpl.kernel import subscribe
from tgpl.kernel.events import Event
from tgpl.notifications.notify import Notice, notify


def submission_received(event: Event) -> None:
    submission = OnlineSubmission.objects.get(pk=event.payload["submission"])
    notify(
        event,
        "online_submission",
        roles.reception_staff_of(submission.centre_id),
        Notice(
            f"Yêu cầu trực tuyến mới: {submission.reference}",
            f"Một yêu cầu trợ giúp pháp lý gửi trực tuyến ({submission.reference}) đang chờ "
            "xác minh.",
            reverse("cases:online_detail", args=[submission.pk]),
        ),
    )


def register() -> None:
    subscribe("online_submission_received", submission_received)
