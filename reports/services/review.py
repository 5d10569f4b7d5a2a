"""Sign-off, sending (the figures frozen in a new version), the Sở's comments, return and
acceptance. Each step is a ReviewStep with its time and person."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from reports import figures
from reports.models import Report, ReportVersion, ReviewStep
from reports.selectors import scope_of
from reports.states import REPORT_TRANSITIONS, ReviewAction
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, create, emit, require, require_text, save
from tgpl.models import User

REVIEWERS_ONLY = "Chỉ chuyên viên Sở Tư pháp phụ trách Trung tâm này xem xét báo cáo."


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().select_related("centre").get(pk=report.pk)


def _step(report: Report, actor: User, action: str, text: str = "", target: str = ""):
    return create(
        ReviewStep,
        actor=actor,
        reason=str(ReviewAction(action).label),
        report=report,
        person=actor,
        version=report.version,
        action=action,
        target=target,
        text=text,
        at=timezone.now(),
    )


@transaction.atomic
def sign_off_report(*, actor: User, report: Report) -> Report:
    report = _locked(report)
    require(
        roles.can_sign_off_reports(actor, report.centre),
        "Chỉ Giám đốc (Phó Giám đốc ký thay) ký duyệt báo cáo.",
    )
    check_transition(REPORT_TRANSITIONS, "sign_off", report.status)
    report.signed_off_by = actor
    report.signed_off_at = timezone.now()
    save(report, actor=actor, reason="Ký duyệt báo cáo")
    _step(report, actor, ReviewAction.SIGN_OFF)
    return report


@transaction.atomic
def send_report(*, actor: User, report: Report) -> Report:
    """Freeze the figures as they are now into a new version and send it to the Sở."""
    report = _locked(report)
    require(roles.can_prepare_reports(actor, report.centre), "Bạn không gửi báo cáo này.")
    report.status = check_transition(REPORT_TRANSITIONS, "send", report.status)
    if report.signed_off_by_id is None:
        raise BusinessRuleError("Báo cáo chưa được Giám đốc ký duyệt.")
    sections = figures.compute(scope_of(report))
    report.version += 1
    report.sent_at = timezone.now()
    create(
        ReportVersion,
        actor=actor,
        reason="Gửi Sở Tư pháp",
        report=report,
        number=report.version,
        figures=[s.to_json() for s in sections],
        narrative=dict(report.narrative),
        estimates=dict(report.estimates),
        sent_by=actor,
        sent_at=report.sent_at,
        signed_off_by_id=report.signed_off_by_id,
    )
    save(report, actor=actor, reason=f"Gửi Sở Tư pháp (phiên bản {report.version})")
    _step(report, actor, ReviewAction.SEND)
    emit("report_sent", actor=actor, report=report.pk, version=report.version)
    return report


@transaction.atomic
def comment_report(*, actor: User, report: Report, text: str, target: str = "") -> ReviewStep:
    """A comment of the Sở on the whole report, a section or a figure."""
    report = _locked(report)
    require(roles.can_review_reports(actor, report.centre), REVIEWERS_ONLY)
    check_transition(REPORT_TRANSITIONS, "comment", report.status)
    text = require_text(text, "Nhập nội dung góp ý.", "text")
    return _step(report, actor, ReviewAction.COMMENT, text, target[:200])


@transaction.atomic
def return_report(*, actor: User, report: Report, text: str = "") -> Report:
    """Back to the centre for correction: with a note, or after comments on this version."""
    report = _locked(report)
    require(roles.can_review_reports(actor, report.centre), REVIEWERS_ONLY)
    report.status = check_transition(REPORT_TRANSITIONS, "return_", report.status)
    commented = report.steps.filter(version=report.version, action=ReviewAction.COMMENT).exists()
    if not text.strip() and not commented:
        raise BusinessRuleError(
            "Nêu lý do trả lại hoặc góp ý vào mục, số liệu cần sửa.", field="text"
        )
    report.decided_by, report.decided_at = actor, timezone.now()
    report.signed_off_by, report.signed_off_at = None, None
    save(report, actor=actor, reason="Sở trả lại báo cáo")
    _step(report, actor, ReviewAction.RETURN, text.strip())
    emit("report_returned", actor=actor, report=report.pk, version=report.version)
    return report


@transaction.atomic
def accept_report(*, actor: User, report: Report, text: str = "") -> Report:
    report = _locked(report)
    require(roles.can_review_reports(actor, report.centre), REVIEWERS_ONLY)
    report.status = check_transition(REPORT_TRANSITIONS, "accept", report.status)
    report.decided_by, report.decided_at = actor, timezone.now()
    save(report, actor=actor, reason="Sở tiếp nhận báo cáo")
    _step(report, actor, ReviewAction.ACCEPT, text.strip())
    emit("report_accepted", actor=actor, report=report.pk, version=report.version)
    return report
