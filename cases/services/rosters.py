"""Duty rosters: create a month's roster for a procedural body, put performers on it
day by day (refused with a clear message when they cannot take the duty), issue it as
the official document sent to the agency; record a performer's leave."""

from __future__ import annotations

from datetime import date, time

from django.db import transaction

from cases.models import (
    DutyRoster,
    DutyShift,
    FormHandover,
    LawyerContract,
    Performer,
    PerformerLeave,
)
from cases.rules import rosters as rules
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import create, delete, now_or, require, save
from tgpl.models import Agency

DUTY_AGENCIES = {Agency.Kind.COURT, Agency.Kind.POLICE, Agency.Kind.PROCURACY,
                 Agency.Kind.DETENTION}  # fmt: skip


@transaction.atomic
def create_roster(*, actor, agency: Agency, year: int, month: int) -> DutyRoster:
    require(roles.can_manage_rosters(actor))
    if agency.kind not in DUTY_AGENCIES:
        raise BusinessRuleError(
            "Lịch trực lập cho Tòa án, cơ quan điều tra, Viện kiểm sát hoặc cơ sở giam giữ.",
            field="agency",
        )
    if not 1 <= month <= 12:
        raise BusinessRuleError("Tháng từ 1 đến 12.", field="month")
    if DutyRoster.objects.filter(
        centre_id=actor.centre_id, agency=agency, year=year, month=month
    ).exists():
        raise BusinessRuleError("Đã có lịch trực tháng này tại nơi này.", field="month")
    return create(
        DutyRoster,
        actor=actor,
        reason="Lập lịch trực",
        centre_id=actor.centre_id,
        agency=agency,
        year=year,
        month=month,
        created_by=actor,
    )


def _lock(roster: DutyRoster) -> DutyRoster:
    return DutyRoster.objects.select_for_update().select_related("agency").get(pk=roster.pk)


def performer_facts(user, day: date) -> rules.PerformerFacts:
    profile = Performer.objects.filter(user=user).first()
    kind = profile.kind if profile else ""
    leaves = tuple(
        PerformerLeave.objects.filter(performer=user, start__lte=day, end__gte=day)
        .values_list("start", "end")
    )  # fmt: skip
    contracts = tuple(
        LawyerContract.objects.filter(performer=profile).values_list("start", "end")
        if profile
        else ()
    )
    others = DutyShift.objects.filter(performer=user, day=day).select_related("roster__agency")
    return rules.PerformerFacts(
        name=user.full_name,
        kind=kind,
        active=bool(profile and profile.is_active and user.is_active),
        leaves=leaves,
        contracts=contracts,
        other_shifts=tuple(
            rules.Shift(s.day, s.start, s.end, s.roster.agency.name) for s in others
        ),
    )


@transaction.atomic
def add_shift(
    *,
    actor,
    roster: DutyRoster,
    performer,
    day: date,
    start: time = time(7, 30),
    end: time = time(17, 0),
    phone: str = "",
) -> DutyShift:
    roster = _lock(roster)
    require(roles.can_manage_rosters(actor) and roster.centre_id == actor.centre_id)
    if roster.status != DutyRoster.Status.DRAFT:
        raise BusinessRuleError("Lịch trực đã ban hành: không sửa được.")
    if (day.year, day.month) != (roster.year, roster.month):
        raise BusinessRuleError(
            f"Ngày trực phải thuộc tháng {roster.month:02d}/{roster.year}.", field="day"
        )
    if performer.centre_id != roster.centre_id:
        raise BusinessRuleError("Người trực phải thuộc Trung tâm.", field="performer")
    problems = rules.shift_problems(
        performer_facts(performer, day), rules.Shift(day, start, end, roster.agency.name)
    )
    if problems:
        raise BusinessRuleError(" ".join(problems), field="performer")
    phone = (phone or performer.phone or "").strip()
    if not phone:
        raise BusinessRuleError(
            "Ghi số điện thoại của người trực (các cơ quan liên hệ qua điện thoại).",
            field="phone",
        )
    return create(
        DutyShift,
        actor=actor,
        reason=f"Xếp lịch trực ngày {day:%d/%m/%Y}",
        roster=roster,
        day=day,
        start=start,
        end=end,
        performer=performer,
        phone=phone,
    )


@transaction.atomic
def remove_shift(*, actor, shift: DutyShift) -> None:
    roster = _lock(shift.roster)
    require(roles.can_manage_rosters(actor) and roster.centre_id == actor.centre_id)
    if roster.status != DutyRoster.Status.DRAFT:
        raise BusinessRuleError("Lịch trực đã ban hành: không sửa được.")
    delete(shift, actor=actor, reason="Bỏ ca trực")


@transaction.atomic
def issue_roster(*, actor, roster: DutyRoster, at=None) -> DutyRoster:
    """Issue the roster: it becomes the official document sent to the agency, and it is
    kept as issued (no more changes)."""
    roster = _lock(roster)
    require(roles.can_manage_rosters(actor) and roster.centre_id == actor.centre_id)
    if roster.status != DutyRoster.Status.DRAFT:
        raise BusinessRuleError("Lịch trực đã được ban hành.")
    if not roster.shifts.exists():
        raise BusinessRuleError("Lịch trực chưa có ca trực nào.")
    roster.status = DutyRoster.Status.ISSUED
    roster.issued_at = now_or(at)
    roster.issued_by = actor
    save(roster, actor=actor, reason="Ban hành lịch trực")
    return roster


@transaction.atomic
def record_leave(*, actor, performer, start: date, end: date, reason: str = "") -> PerformerLeave:
    require(roles.can_manage_rosters(actor) and performer.centre_id == actor.centre_id)
    if end < start:
        raise BusinessRuleError("Ngày kết thúc nghỉ phải sau ngày bắt đầu.", field="end")
    clash = DutyShift.objects.filter(performer=performer, day__gte=start, day__lte=end).first()
    if clash is not None:
        raise BusinessRuleError(
            f"{performer.full_name} đã có lịch trực ngày {clash.day:%d/%m/%Y}: "
            "bỏ ca trực đó trước khi ghi nghỉ phép.",
            field="start",
        )
    leave = PerformerLeave(performer=performer, start=start, end=end, reason=reason.strip())
    return save(leave, actor=actor, reason="Ghi nghỉ phép")


@transaction.atomic
def record_handover(
    *, actor, agency: Agency, item: str, quantity: int, handed_on: date, received_by: str = ""
):
    """Forms and materials handed to a procedural body or detention facility."""
    require(roles.can_manage_rosters(actor) or roles.can_record_notices(actor))
    if agency.kind not in DUTY_AGENCIES:
        raise BusinessRuleError(
            "Tài liệu cung cấp cho cơ quan tiến hành tố tụng hoặc cơ sở giam giữ.", field="agency"
        )
    if item not in FormHandover.Item.values:
        raise BusinessRuleError("Chọn tài liệu.", field="item")
    if quantity < 1:
        raise BusinessRuleError("Số lượng ít nhất là 1.", field="quantity")
    return create(
        FormHandover,
        actor=actor,
        reason="Ghi nhận tài liệu đã cung cấp cho cơ quan",
        centre_id=actor.centre_id,
        agency=agency,
        item=item,
        quantity=quantity,
        handed_on=handed_on,
        received_by=received_by.strip(),
        recorded_by=actor,
    )
