"""Fees: sessions taken from the work log, confirmed by the bodies visited; the payment
of a performer's month computed at the rates in force (NĐ 144/2017; TT 02/2021)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from cases.models import BaseSalary, Case, FeeRate, FeeSession, LumpSum, Performer
from cases.rules import fees as rules
from cases.states import Form
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, create, now_or, require, require_text, save

PAID_FORMS = (Form.LITIGATION, Form.REPRESENTATION)


@transaction.atomic
def sessions_from_log(*, actor, case: Case) -> list[FeeSession]:
    """One session for each work-log entry at a body (a half day), not taken yet."""
    require(roles.can_see_fees(actor) and case.centre_id == actor.centre_id)
    if case.form not in PAID_FORMS:
        raise BusinessRuleError("Chỉ vụ việc tham gia tố tụng, đại diện tính thù lao theo buổi.")
    if case.performer_id is None:
        raise BusinessRuleError("Vụ việc chưa có người thực hiện.")
    if case.lump_sums.exists():
        raise BusinessRuleError("Vụ việc đã khoán chi: không tính thù lao theo buổi.")
    taken = set(FeeSession.objects.filter(case=case).values_list("log_entry_id", flat=True))
    new = [
        FeeSession(
            case=case,
            performer_id=entry.created_by_id,
            log_entry=entry,
            on=entry.on,
            sessions=1,
            agency_name=entry.agency_name,
        )
        for entry in case.log_entries.exclude(agency_name="").order_by("on", "pk")
        if entry.pk not in taken
    ]
    return bulk_create(FeeSession, new, actor=actor, reason="Lấy buổi làm việc từ nhật ký")


@transaction.atomic
def confirm_session(*, actor, session: FeeSession, confirmed_by: str, at=None) -> FeeSession:
    """The body visited confirmed the time and work (TTLT 10/2018: used for the fee)."""
    s = FeeSession.objects.select_for_update().select_related("case").get(pk=session.pk)
    require(roles.can_see_fees(actor) and s.case.centre_id == actor.centre_id)
    s.confirmed_by = require_text(confirmed_by, "Ghi cơ quan, người xác nhận.", "confirmed_by")
    s.confirmed_at = now_or(at)
    save(s, actor=actor, reason="Cơ quan xác nhận buổi làm việc")
    return s


# --- the payment of a month ---------------------------------------------------------------


@dataclass
class PaymentLine:
    case: Case
    form: str
    sessions: int
    counted: int
    unit: int
    amount: int
    capped: bool
    rate_source: str
    # a lump sum (khoán chi): its coefficient, the case's performers, this one's share
    lump_coefficient: Decimal | None = None
    performers: int = 1
    share_percent: int = 100

    @property
    def method(self) -> str:
        """How the amount was found, as the payment file writes it."""
        if self.lump_coefficient is None:
            return f"{self.counted} buổi × {self.unit:,} đ".replace(",", ".")
        text = f"Khoán {self.lump_coefficient.normalize():f} × lương cơ sở".replace(".", ",")
        if self.performers == 2:
            text += f"; 2 người (≤ 130 %, ≤ 10 × lương cơ sở); phần {self.share_percent} %"
        return text


@dataclass
class Payment:
    performer: object
    kind: str
    year: int
    month: int
    base: int
    lines: list[PaymentLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


def base_salary_on(day: date) -> int:
    row = BaseSalary.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    if row is None:
        raise BusinessRuleError("Chưa có mức lương cơ sở áp dụng cho kỳ này.")
    return row.amount


def rate_for(form: str, kind: str, day: date) -> rules.Rate:
    row = (
        FeeRate.objects.filter(form=form, performer_kind=kind, valid_from__lte=day)
        .order_by("-valid_from")
        .first()
    )
    if row is None:
        raise BusinessRuleError("Chưa có mức chi áp dụng cho hình thức và người thực hiện này.")
    return row.as_rule()


def month_payment(*, actor, performer, year: int, month: int) -> Payment:
    """The confirmed sessions of the month per case, at the base salary and rates in force
    on the month's last day; the case's ceiling counts the sessions of earlier months."""
    require(roles.can_see_fees(actor) and performer.centre_id == actor.centre_id)
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    profile = Performer.objects.filter(user=performer).first()
    kind = profile.kind if profile else ""
    payment = Payment(performer, kind, year, month, base_salary_on(last))
    confirmed = FeeSession.objects.filter(
        performer=performer, confirmed_at__isnull=False, on__lte=last
    ).select_related("case")
    per_case: dict[int, tuple[Case, int, int]] = {}
    for s in confirmed.order_by("on", "pk"):
        case, before, now = per_case.get(s.case_id, (s.case, 0, 0))
        if s.on < first:
            before += s.sessions
        else:
            now += s.sessions
        per_case[s.case_id] = (case, before, now)
    for case, before, now in per_case.values():
        if not now:
            continue
        rate = rate_for(case.form, kind, last)
        earlier = rules.session_fee(payment.base, rate, before).counted
        fee = rules.session_fee(payment.base, rate, now, already_counted=earlier)
        payment.lines.append(
            PaymentLine(case, case.form, fee.sessions, fee.counted, fee.unit, fee.amount,
                        fee.capped, rate.source)
        )  # fmt: skip
    lumps = LumpSum.objects.filter(performer=performer, on__gte=first, on__lte=last)
    for lump in lumps.select_related("case"):
        amount = rules.lump_sum_share(
            payment.base, Decimal(lump.coefficient), lump.performers, lump.share_percent
        )
        payment.lines.append(
            PaymentLine(lump.case, lump.case.form, 0, 0, amount, amount, False,
                        f"TT 02/2021 Điều 10; {lump.basis}", Decimal(lump.coefficient),
                        lump.performers, lump.share_percent)
        )  # fmt: skip
    payment.lines.sort(key=lambda line: (line.case.code, line.lump_coefficient is not None))
    return payment


# --- lump sums (khoán chi) ------------------------------------------------------------------


@transaction.atomic
def record_lump_sum(
    *,
    actor,
    case: Case,
    performer,
    coefficient: Decimal,
    on: date,
    basis: str,
    performers: int = 1,
    share_percent: int = 100,
) -> LumpSum:
    """A case paid by a lump sum, one performer's share (TT 02/2021 Điều 10): refused for a
    case whose sessions were confirmed (it is paid one way only) and for shares of two
    performers that add up to more than the case's sum."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    require(roles.can_see_fees(actor) and case.centre_id == actor.centre_id)
    basis = require_text(basis, "Ghi căn cứ (mức độ phức tạp của vụ việc).", "basis")
    try:
        rules.lump_sum_share(base_salary_on(on), Decimal(coefficient), performers, share_percent)
    except rules.FeeError as exc:
        raise BusinessRuleError(str(exc)) from exc
    if case.sessions.filter(confirmed_at__isnull=False).exists():
        raise BusinessRuleError("Vụ việc đã có buổi làm việc được xác nhận: không khoán chi.")
    others = list(case.lump_sums.exclude(performer=performer))
    if any(o.performers != performers or o.coefficient != coefficient for o in others):
        raise BusinessRuleError("Các người thực hiện một vụ việc khoán cùng một mức.")
    if (performers == 1 and others) or len(others) >= performers:
        raise BusinessRuleError("Vụ việc đã khoán chi đủ số người thực hiện.")
    if sum(o.share_percent for o in others) + share_percent > 100:
        raise BusinessRuleError("Tổng phần khoán chi của hai người vượt 100 % mức của vụ việc.")
    if case.lump_sums.filter(performer=performer).exists():
        raise BusinessRuleError("Người này đã được khoán chi cho vụ việc.")
    return create(
        LumpSum, actor=actor, reason="Khoán chi vụ việc", case=case, performer=performer,
        coefficient=Decimal(coefficient), performers=performers, share_percent=share_percent,
        on=on, basis=basis,
    )  # fmt: skip
