"""Who is told of what happens to reports (outbox subscribers, see apps.py): the Sở's
reviewers when a report arrives or is sent again; the preparer and the director when it
is returned or accepted."""

from __future__ import annotations

from django.urls import reverse

from tgpl import roles
from tgpl.kernel import subscribe
from tgpl.kernel.events import Event
from tgpl.models import User
from tgpl.notifications.notify import Notice, notify

from .models import Report, ReviewStep
from .states import ReviewAction


def _report(event: Event) -> Report:
    return Report.objects.select_related("centre").get(pk=event.payload["report"])


def reviewers_of(report: Report) -> list[int]:
    """The active Sở reviewers of the Sở that runs the centre."""
    if not report.centre.parent_agency_id:
        return []
    return list(
        User.objects.filter(
            agency_id=report.centre.parent_agency_id,
            is_active=True,
            pk__in=roles.holders_of(roles.Role.DOJ_REVIEWER),
        ).values_list("pk", flat=True)
    )


def _centre_people(report: Report) -> list:
    director = roles.director_of(report.centre)
    signers = ReviewStep.objects.filter(report=report, action=ReviewAction.SIGN_OFF).values_list(
        "person_id", flat=True
    )
    return [report.prepared_by_id, director, *signers]


def report_sent(event: Event) -> None:
    report = _report(event)
    again = event.payload.get("version", 1) > 1
    notify(
        event,
        "report_sent",
        reviewers_of(report),
        Notice(
            f"{'Báo cáo gửi lại' if again else 'Báo cáo mới'}: {report.title[:150]}",
            f"{report.centre.name} đã gửi {report.title} (phiên bản {report.version}), "
            f"hạn {report.due:%d/%m/%Y}.",
            reverse("reports:detail", args=[report.pk]),
        ),
        actor_id=event.actor_id,
    )


def report_returned(event: Event) -> None:
    report = _report(event)
    notify(
        event,
        "report_returned",
        _centre_people(report),
        Notice(
            f"Sở trả lại báo cáo: {report.title[:150]}",
            "Sở Tư pháp đã trả lại báo cáo để chỉnh sửa; xem các góp ý trên trang báo cáo.",
            reverse("reports:detail", args=[report.pk]),
        ),
        actor_id=event.actor_id,
    )


def report_accepted(event: Event) -> None:
    report = _report(event)
    notify(
        event,
        "report_accepted",
        _centre_people(report),
        Notice(
            f"Sở đã tiếp nhận báo cáo: {report.title[:150]}",
            f"Sở Tư pháp đã tiếp nhận {report.title} (phiên bản {report.version}).",
            reverse("reports:detail", args=[report.pk]),
        ),
        actor_id=event.actor_id,
    )


def register() -> None:
    subscribe("report_sent", report_sent)
    subscribe("report_returned", report_returned)
    subscribe("report_accepted", report_accepted)
