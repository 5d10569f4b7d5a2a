"""Every write of trainings (TT 12/2018 Điều 4): sessions, attendance and certificates,
the decision sending staff (numbered), exemptions, the yearly list (numbered).

Keyword-only, in a transaction, the actor's role checked through tgpl/roles.py, each row
saved through the kernel's write path (history names who and why).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from outreach.models import (
    Attendance,
    ComplianceReport,
    Exemption,
    ExemptionReason,
    Nomination,
    TrainingSession,
)
from outreach.rules.trainings import period_problem
from tgpl import roles, uploads
from tgpl.documents.selectors import issued_for
from tgpl.documents.services import issue_for
from tgpl.errors import BusinessRuleError
from tgpl.kernel import create, delete, require, require_text, save, set_related

SESSION_FIELDS = (
    "title",
    "content",
    "form",
    "organiser",
    "held_by_centre",
    "location",
    "starts_on",
    "ends_on",
    "hours",
)
NOT_KEEPER = "Bạn không có quyền quản lý tập huấn của Trung tâm này."


def _check_session(fields: dict[str, Any]) -> None:
    require_text(fields.get("title", ""), "Nhập tên lớp tập huấn.", "title")
    require_text(fields.get("content", ""), "Nhập nội dung tập huấn.", "content")
    require_text(fields.get("organiser", ""), "Nhập đơn vị tổ chức.", "organiser")
    if fields["ends_on"] < fields["starts_on"]:
        raise BusinessRuleError("Ngày kết thúc phải sau ngày bắt đầu.", field="ends_on")
    hours = fields["hours"]
    if hours is None or hours <= 0:
        raise BusinessRuleError("Thời lượng phải lớn hơn 0 giờ.", field="hours")


@transaction.atomic
def create_session(*, actor, centre, **fields: Any) -> TrainingSession:
    """A training the centre's people attend, inside or outside the centre."""
    require(roles.can_manage_trainings(actor, centre), NOT_KEEPER)
    data = {k: fields[k] for k in SESSION_FIELDS if k in fields}
    _check_session(data)
    return create(
        TrainingSession,
        actor=actor,
        reason="Tạo lớp tập huấn",
        centre=centre,
        created_by=actor,
        **data,
    )


@transaction.atomic
def update_session(*, actor, session: TrainingSession, **fields: Any) -> TrainingSession:
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    require(roles.can_manage_trainings(actor, session.centre), NOT_KEEPER)
    data = {k: fields[k] for k in SESSION_FIELDS if k in fields}
    for key, value in data.items():
        setattr(session, key, value)
    _check_session({k: getattr(session, k) for k in SESSION_FIELDS})
    over = session.attendances.filter(hours__gt=session.hours).exists()
    if over:
        raise BusinessRuleError(
            "Có người đã được ghi nhiều giờ hơn thời lượng mới của lớp.", field="hours"
        )
    return save(session, actor=actor, reason="Sửa thông tin lớp tập huấn")


def _check_person(session: TrainingSession, person) -> None:
    if person.centre_id != session.centre_id or not person.is_active:
        raise BusinessRuleError(
            "Người tham dự phải là người đang làm việc của Trung tâm.", field="person"
        )


def _check_certificate(upload: UploadedFile) -> None:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    problem = uploads.upload_problem(upload.name or "", upload.size or 0, head)
    if problem:
        raise BusinessRuleError(problem, field="certificate")


@transaction.atomic
def record_attendance(
    *,
    actor,
    session: TrainingSession,
    person,
    hours: Decimal | None,
    note: str = "",
    certificate: UploadedFile | None = None,
) -> Attendance:
    """Record (or correct) who attended and for how many hours, with their certificate.
    Hours are at most the session's length; empty hours mean "sent, not yet attended"."""
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    require(roles.can_manage_trainings(actor, session.centre), NOT_KEEPER)
    _check_person(session, person)
    if hours is not None and (hours < 0 or hours > session.hours):
        raise BusinessRuleError(
            f"Số giờ tham dự phải từ 0 đến thời lượng của lớp ({session.hours} giờ).",
            field="hours",
        )
    if certificate is not None:
        _check_certificate(certificate)
    attendance = Attendance.objects.filter(session=session, person=person).first()
    reason = "Ghi nhận người tham dự tập huấn"
    if attendance is None:
        attendance = Attendance(session=session, person=person, recorded_by=actor)
    else:
        reason = "Sửa số giờ tham dự tập huấn"
    attendance.hours = hours
    attendance.note = note.strip()
    attendance.recorded_by = actor
    if certificate is not None:
        attendance.certificate_name = certificate.name or ""
        attendance.certificate.save(certificate.name or "chung-nhan", certificate, save=False)
        reason += ", kèm giấy chứng nhận"
    return save(attendance, actor=actor, reason=reason)


@transaction.atomic
def remove_attendance(*, actor, attendance: Attendance) -> None:
    require(roles.can_manage_trainings(actor, attendance.session.centre), NOT_KEEPER)
    delete(attendance, actor=actor, reason="Xóa người tham dự tập huấn")


@transaction.atomic
def nominate(
    *, actor, session: TrainingSession, people, purpose: str = "", on: datetime.date | None = None
) -> Nomination:
    """Send people of the centre to a training: the decision (văn bản cử) takes its
    number in the register now; each person is added to the attendance, hours to come."""
    session = TrainingSession.objects.select_for_update().get(pk=session.pk)
    require(roles.can_manage_trainings(actor, session.centre), NOT_KEEPER)
    require(
        roles.can_issue_documents(actor, session.centre),
        "Bạn không có quyền cấp số văn bản của Trung tâm này.",
    )
    people = list(people)
    if not people:
        raise BusinessRuleError("Chọn ít nhất một người được cử.", field="people")
    for person in people:
        _check_person(session, person)
    nomination = create(
        Nomination,
        actor=actor,
        reason="Cử người tham gia tập huấn",
        session=session,
        purpose=purpose.strip(),
        created_by=actor,
    )
    set_related(nomination, "people", people, actor=actor, reason="Người được cử")
    present = set(session.attendances.values_list("person_id", flat=True))
    for person in people:
        if person.pk not in present:
            create(
                Attendance,
                actor=actor,
                reason="Được cử tham gia tập huấn",
                session=session,
                person=person,
                hours=None,
                recorded_by=actor,
            )
    from outreach.documents import NOMINATION

    issue_for(NOMINATION, nomination, actor=actor, on=on or timezone.localdate())
    return nomination


@transaction.atomic
def record_exemption(
    *,
    actor,
    person,
    reason: ExemptionReason,
    starts_on: datetime.date,
    ends_on: datetime.date,
    note: str = "",
) -> Exemption:
    """An officer exempt from the yearly training (Điều 4.4): its reason and dates, checked
    against the reason's validity and least length."""
    centre = actor.centre
    require(
        roles.can_record_training_exemptions(actor, centre),
        "Bạn không có quyền ghi nhận trường hợp miễn bồi dưỡng.",
    )
    if (
        person.centre_id != actor.centre_id
        or not roles.obliged_to_train(actor.centre_id).filter(pk=person.pk).exists()
    ):
        raise BusinessRuleError(
            "Chỉ ghi nhận miễn bồi dưỡng cho Trợ giúp viên pháp lý của Trung tâm.",
            field="person",
        )
    problem = period_problem(reason.to_rule(), starts_on, ends_on)
    if problem:
        raise BusinessRuleError(problem, field="ends_on")
    return create(
        Exemption,
        actor=actor,
        reason=f"Ghi nhận miễn bồi dưỡng: {reason.name}",
        centre=centre,
        person=person,
        reason_id=reason.pk,
        starts_on=starts_on,
        ends_on=ends_on,
        note=note.strip(),
        recorded_by=actor,
    )


@transaction.atomic
def remove_exemption(*, actor, exemption: Exemption) -> None:
    require(
        roles.can_record_training_exemptions(actor, exemption.centre),
        "Bạn không có quyền ghi nhận trường hợp miễn bồi dưỡng.",
    )
    delete(exemption, actor=actor, reason="Xóa trường hợp miễn bồi dưỡng")


@transaction.atomic
def prepare_compliance_report(*, actor, centre, year: int) -> ComplianceReport:
    """The centre's yearly list (Điều 4.5) for the Sở, numbered once; preparing it again
    returns the same report (its content follows the data)."""
    require(
        roles.can_prepare_training_report(actor, centre),
        "Bạn không có quyền lập báo cáo bồi dưỡng của Trung tâm.",
    )
    if year > timezone.localdate().year:
        raise BusinessRuleError("Chưa thể lập báo cáo cho năm chưa tới.", field="year")
    report = ComplianceReport.objects.select_for_update().filter(centre=centre, year=year).first()
    if report is None:
        try:
            with transaction.atomic():
                report = create(
                    ComplianceReport,
                    actor=actor,
                    reason=f"Lập báo cáo bồi dưỡng năm {year}",
                    centre=centre,
                    year=year,
                    created_by=actor,
                )
        except IntegrityError:  # prepared at the same moment by someone else
            report = ComplianceReport.objects.select_for_update().get(centre=centre, year=year)
    from outreach.documents import REPORT

    if issued_for(report, REPORT.number_kind) is None:
        issue_for(REPORT, report, actor=actor, on=timezone.localdate())
    return report
