"""Builders of appraisal data over the services: closed cases, a plan drawn and decided."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from cases import services
from cases.models import AppraisalCriterion
from cases.services import appraisal as appraisal_services
from cases.states import Form, Outcome

from .factories import in_progress_case

TODAY = date(2026, 11, 18)


def closed_case(receiver, department, performer, approver, **overrides):
    overrides.setdefault("form", Form.LITIGATION)
    case = in_progress_case(receiver, department, performer, approver, **overrides)
    return services.close_case(
        actor=performer, case=case, outcome=Outcome.DONE, outcome_note="Đã bào chữa xong."
    )


def scope(**overrides):
    fields = {
        "title": "Kế hoạch thẩm định năm 2026",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "forms": [Form.LITIGATION, Form.REPRESENTATION],
        "share_percent": None,
        "legal_fields": [],
        "departments": [],
    }
    fields.update(overrides)
    return appraisal_services.PlanScope(**fields)


def plan_for(director, **overrides):
    return appraisal_services.create_plan(
        actor=director, centre=director.centre, scope=scope(**overrides)
    )


def full_scores(total: Decimal | int = 100) -> dict:
    """Sub-scores summing to `total`, taken from the top criteria down."""
    left = Decimal(total)
    scores = {}
    for c in AppraisalCriterion.objects.in_force(TODAY).order_by("position"):
        take = min(c.max_points, left)
        scores[c.code] = take
        left -= take
    return scores


def sheet(total=100, **overrides):
    fields = {"scores": full_scores(total), "satisfaction_source": "form"}
    fields.update(overrides)
    return appraisal_services.Sheet(**fields)


def now():
    return timezone.now()
