"""Opening a report for a period and editing its text."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from reports.models import Report
from reports.rules import periods
from reports.selectors import settings_of
from reports.states import REPORT_TRANSITIONS
from tgpl import roles
from tgpl.calendar import work_calendar
from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, create, require, save
from tgpl.models import Centre, User

from .estimates import propose_estimates

TITLE = "Báo cáo công tác trợ giúp pháp lý {label}"


@transaction.atomic
def open_report(
    *,
    actor: User,
    centre: Centre,
    kind: str,
    year: int,
    number: int = 1,
    start: date | None = None,
    end: date | None = None,
    due: date | None = None,
) -> Report:
    """A draft report of the period, its text from the template and, for a period with an
    estimated part, the estimates proposed from last year."""
    require(roles.can_prepare_reports(actor, centre), "Bạn không lập báo cáo của Trung tâm này.")
    own = settings_of(centre.pk)
    try:
        if kind == periods.Kind.AD_HOC:
            if not (start and end and due):
                raise BusinessRuleError("Nhập ngày bắt đầu, kết thúc và hạn gửi do Sở đặt.")
            period = periods.ad_hoc(start, end, due)
        else:
            period = periods.period(
                kind, year, number, schedule=own.to_schedule(), workdays=work_calendar()
            )
    except ValueError as error:
        raise BusinessRuleError(str(error)) from None
    if (
        kind != periods.Kind.AD_HOC
        and Report.objects.filter(centre=centre, kind=kind, year=year, number=number).exists()
    ):
        raise BusinessRuleError("Trung tâm đã có báo cáo của kỳ này.")
    report = create(
        Report,
        actor=actor,
        reason="Lập báo cáo",
        centre=centre,
        kind=period.kind,
        year=period.year,
        number=period.number,
        start=period.start,
        end=period.end,
        covers_to=period.covers_to,
        due=period.due,
        title=TITLE.format(label=period.label),
        narrative=own.narrative_template(),
        prepared_by=actor,
        created_at=timezone.now(),
    )
    if period.has_estimate:
        report.estimates = propose_estimates(report)
        save(report, actor=actor, reason="Đề xuất số liệu ước tính")
    return report


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def save_report(*, actor: User, report: Report, narrative: dict[str, str]) -> Report:
    """Change the text; a change withdraws the director's sign-off, which was given to the
    text as it was. (Estimates: services/estimates.py.)"""
    report = _locked(report)
    require(roles.can_prepare_reports(actor, report.centre), "Bạn không sửa báo cáo này.")
    check_transition(REPORT_TRANSITIONS, "edit", report.status)
    report.narrative = {**report.narrative, **narrative}
    report.signed_off_by = None
    report.signed_off_at = None
    save(report, actor=actor, reason="Sửa báo cáo")
    return report
