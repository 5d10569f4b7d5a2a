"""Builders of trainings for the tests: through the services, as a user would."""

from __future__ import annotations

import datetime
from decimal import Decimal

from outreach.models import ExemptionReason, TrainingSession
from outreach.services import trainings as services


def session(actor, *, on: datetime.date, hours="8", until: datetime.date | None = None, **fields):
    data = {
        "title": "Lớp tập huấn kỹ năng tư vấn pháp luật",
        "content": "Kỹ năng tư vấn pháp luật cho người được trợ giúp pháp lý",
        "form": TrainingSession.Form.COURSE,
        "organiser": "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý",
        "held_by_centre": False,
        "location": "Hà Nội",
        "starts_on": on,
        "ends_on": until or on,
        "hours": Decimal(hours),
    }
    data.update(fields)
    return services.create_session(actor=actor, centre=actor.centre, **data)


def attend(actor, training, person, hours):
    return services.record_attendance(
        actor=actor,
        session=training,
        person=person,
        hours=None if hours is None else Decimal(str(hours)),
    )


def reason(code: str) -> ExemptionReason:
    return ExemptionReason.objects.get(code=code)
