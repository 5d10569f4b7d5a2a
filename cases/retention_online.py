"""What a person sent online is not kept longer than it is needed (registered with
tgpl.operations.retention): ONLINE_SUBMISSION_KEEP_DAYS after it was handled, the
personal data of the submission and of its history is blanked. A recorded submission's
data lives on in the request; a declined one's was never a request. The reference,
dates, state and the link to the request stay (the status page still answers)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings

from cases.models import OnlineSubmission
from cases.states import OnlineStatus

ANONYMOUS = "[đã ẩn danh]"
BLANKED = {"full_name": ANONYMOUS, "phone": "", "email": "", "address": "", "summary": ""}


def anonymise_handled_online_submissions(now: datetime) -> int:
    cutoff = now - timedelta(days=settings.ONLINE_SUBMISSION_KEEP_DAYS)
    handled = OnlineSubmission.objects.filter(handled_at__lt=cutoff).exclude(
        status=OnlineStatus.NEW
    )
    rows = handled.exclude(full_name=ANONYMOUS)
    touched = rows.update(**BLANKED, birth_year=None)
    OnlineSubmission.history.filter(id__in=handled.values("pk")).exclude(
        full_name=ANONYMOUS
    ).update(**BLANKED, birth_year=None)
    return touched
