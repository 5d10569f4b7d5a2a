"""The inter-agency council on legal aid in proceedings (issue 17.4): its members (at most
8), its meetings with their minutes, and its twice-yearly reports."""

from __future__ import annotations

from datetime import date, datetime

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from cases.models import CouncilMeeting, CouncilMember, CouncilReport
from cases.rules import council as rules
from tgpl import roles, uploads
from tgpl.errors import BusinessRuleError
from tgpl.kernel import create, delete, emit, now_or, require, require_text, save
from tgpl.models import Centre

MINUTES_DELETED = "council_minutes_deleted"
MINUTES_FOLDER = "cases/council/"


def _require_keeper(actor, centre_id: int | None = None) -> None:
    require(roles.can_manage_council(actor))
    if centre_id is not None:
        require(centre_id == actor.centre_id)


def _active(centre_id: int, on: date):
    return CouncilMember.objects.filter(centre_id=centre_id, joined_on__lte=on).exclude(
        left_on__lte=on
    )


@transaction.atomic
def add_council_member(
    *,
    actor,
    full_name: str,
    job_title: str,
    sector: str,
    position: str = rules.MEMBER,
    joined_on: date,
) -> CouncilMember:
    """A member joins; refused when the council already has 8, or when the chair (or the
    head of the Tổ giúp việc) would be a second one."""
    _require_keeper(actor)
    # the centre row is the lock: two additions at once cannot both take the 8th seat
    Centre.objects.select_for_update().filter(pk=actor.centre_id).first()
    if sector not in CouncilMember.Sector.values:
        raise BusinessRuleError("Chọn ngành của thành viên.", field="sector")
    if position not in CouncilMember.Position.values:
        raise BusinessRuleError("Chọn vị trí trong Hội đồng.", field="position")
    active = _active(actor.centre_id, joined_on)
    problem = rules.seats_problem(active.count())
    if problem:
        raise BusinessRuleError(problem)
    if position in rules.SINGLE_POSITIONS and active.filter(position=position).exists():
        label = CouncilMember.Position(position).label
        raise BusinessRuleError(
            f"Hội đồng đã có {label}: cho người đó thôi tham gia trước.", field="position"
        )
    name = require_text(full_name, "Ghi họ và tên thành viên.", "full_name")
    return create(
        CouncilMember,
        actor=actor,
        reason=f"Thành viên Hội đồng phối hợp liên ngành: {name}",
        centre_id=actor.centre_id,
        full_name=name,
        job_title=require_text(job_title, "Ghi chức vụ tại cơ quan.", "job_title"),
        sector=sector,
        position=position,
        joined_on=joined_on,
        recorded_by=actor,
    )


@transaction.atomic
def end_council_membership(*, actor, member: CouncilMember, on: date) -> CouncilMember:
    member = CouncilMember.objects.select_for_update().get(pk=member.pk)
    _require_keeper(actor, member.centre_id)
    if member.left_on is not None:
        raise BusinessRuleError("Thành viên này đã thôi tham gia Hội đồng.")
    if on < member.joined_on:
        raise BusinessRuleError("Ngày thôi tham gia trước ngày tham gia.", field="on")
    member.left_on = on
    return save(member, actor=actor, reason=f"Thôi tham gia Hội đồng từ {on:%d/%m/%Y}")


def _check_minutes(upload: UploadedFile | None) -> None:
    if not upload:
        return
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    problem = uploads.upload_problem(upload.name or "", upload.size or 0, head)
    if problem:
        raise BusinessRuleError(problem, field="minutes")


def _meeting_fields(held_on: date, place: str, agenda: str) -> dict:
    return {
        "held_on": held_on,
        "place": require_text(place, "Ghi địa điểm họp.", "place"),
        "agenda": require_text(agenda, "Ghi nội dung cuộc họp.", "agenda"),
    }


@transaction.atomic
def record_council_meeting(
    *, actor, held_on: date, place: str, agenda: str, minutes: UploadedFile | None = None
) -> CouncilMeeting:
    _require_keeper(actor)
    _check_minutes(minutes)
    meeting = CouncilMeeting(
        centre_id=actor.centre_id, recorded_by=actor, **_meeting_fields(held_on, place, agenda)
    )
    if minutes:
        meeting.minutes = minutes
    return save(meeting, actor=actor, reason=f"Ghi cuộc họp Hội đồng ngày {held_on:%d/%m/%Y}")


@transaction.atomic
def update_council_meeting(
    *,
    actor,
    meeting: CouncilMeeting,
    held_on: date,
    place: str,
    agenda: str,
    minutes: UploadedFile | None = None,
) -> CouncilMeeting:
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    _require_keeper(actor, meeting.centre_id)
    _check_minutes(minutes)
    for field, value in _meeting_fields(held_on, place, agenda).items():
        setattr(meeting, field, value)
    if minutes:
        meeting.minutes = minutes
    return save(meeting, actor=actor, reason="Sửa thông tin cuộc họp Hội đồng")


@transaction.atomic
def delete_council_meeting(*, actor, meeting: CouncilMeeting) -> None:
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    _require_keeper(actor, meeting.centre_id)
    stored = meeting.minutes.name if meeting.minutes else ""
    delete(meeting, actor=actor, reason=f"Xóa cuộc họp Hội đồng ngày {meeting.held_on:%d/%m/%Y}")
    if stored:  # the file goes after commit, through the outbox (a rollback keeps both)
        emit(MINUTES_DELETED, actor=actor, files=[stored])


def delete_minutes_files(event) -> None:
    """Outbox subscriber (apps.py): remove the minutes of deleted meetings; safe to run
    twice, and it touches nothing outside the council's folder."""
    storage = CouncilMeeting._meta.get_field("minutes").storage
    for name in event.payload.get("files", []):
        if isinstance(name, str) and name.startswith(MINUTES_FOLDER) and ".." not in name:
            storage.delete(name)


@transaction.atomic
def save_council_report(
    *, actor, year: int, round_: int, content: str = "", at: datetime | None = None
) -> CouncilReport:
    """Prepare (or correct) the council's report of a round; only the 1st carries a
    written content (Mẫu 06A), the figures are those of the register of notices."""
    _require_keeper(actor)
    if round_ not in CouncilReport.Round.values:
        raise BusinessRuleError("Chọn lần báo cáo.", field="round")
    if rules.has_content(round_):
        content = require_text(content, "Ghi nội dung báo cáo (Mẫu 06A).", "content")
    else:
        content = ""
    report = (
        CouncilReport.objects.select_for_update()
        .filter(centre_id=actor.centre_id, year=year, round=round_)
        .first()
    )
    if report is not None and report.figures is not None:
        raise BusinessRuleError(
            "Báo cáo đã được cấp số: nội dung và số liệu giữ như khi cấp số, không sửa được."
        )
    moment = now_or(at)
    if report is None:
        report = CouncilReport(centre_id=actor.centre_id, year=year, round=round_)
        reason = f"Lập báo cáo lần {round_} năm {year} của Hội đồng"
    else:
        reason = f"Sửa báo cáo lần {round_} năm {year} của Hội đồng"
    report.content, report.prepared_by, report.prepared_at = content.strip(), actor, moment
    return save(report, actor=actor, reason=reason)
