"""Who is told of what happens to appraisals (outbox subscribers, registered in apps.py).

Notices name the case by its code, never the aided person.
"""

from __future__ import annotations

from django.urls import reverse

from cases.models import Appraisal, Appraiser
from tgpl import roles
from tgpl.kernel import subscribe
from tgpl.kernel.events import Event
from tgpl.notifications.notify import Notice, notify


def appraisers_assigned(event: Event) -> None:
    rows = Appraiser.objects.filter(appraisal__plan_id=event.payload["plan"]).select_related(
        "appraisal__case"
    )
    for row in rows:
        case = row.appraisal.case
        notify(
            event,
            f"appraise:{row.appraisal_id}",
            [row.user_id],
            Notice(
                f"Anh/chị được phân công thẩm định vụ việc {case.code}",
                f"Anh/chị được phân công thẩm định chất lượng vụ việc {case.code}.",
                reverse("cases:appraisal_detail", args=[row.appraisal_id]),
            ),
            actor_id=event.actor_id,
        )


def appraisal_submitted(event: Event) -> None:
    appraisal = Appraisal.objects.select_related("plan", "case").get(pk=event.payload["appraisal"])
    director = roles.director_of(appraisal.plan.centre)
    notify(
        event,
        "appraisal_submitted",
        [director],
        Notice(
            f"Kết quả thẩm định chờ duyệt: vụ việc {appraisal.case.code}",
            f"Kết quả thẩm định vụ việc {appraisal.case.code} đang chờ Giám đốc duyệt.",
            reverse("cases:appraisal_detail", args=[appraisal.pk]),
        ),
        actor_id=event.actor_id,
    )


def appraisal_approved(event: Event) -> None:
    appraisal = Appraisal.objects.select_related("case").get(pk=event.payload["appraisal"])
    notify(
        event,
        "appraisal_approved",
        [appraisal.case.performer_id],
        Notice(
            f"Kết quả thẩm định vụ việc {appraisal.case.code}",
            f"Vụ việc {appraisal.case.code}: {appraisal.get_grade_display()}.",
            reverse("cases:case_detail", args=[appraisal.case_id]),
        ),
        actor_id=event.actor_id,
    )


def register() -> None:
    subscribe("appraisers_assigned", appraisers_assigned)
    subscribe("appraisal_submitted", appraisal_submitted)
    subscribe("appraisal_approved", appraisal_approved)
