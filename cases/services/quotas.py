"""The yearly quota decision of a centre and officers sharing a case (domain.md 2.5)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases.documents import QUOTA
from cases.models import Case, CoPerformer, OfficerQuota, Performer, QuotaDecision
from cases.rules import quotas as rules
from cases.states import QUOTA_TRANSITIONS, Form
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, check_transition, create, delete, require, save

from .numbering import number_now


def _tiers_and_rules(year: int):
    from cases.selectors_appraisal import rules_of, tiers_of

    return tiers_of(year), rules_of(year)


def _fill(line: OfficerQuota, year: int, tiers, year_rules) -> OfficerQuota:
    target = rules.officer_target(
        rules.OfficerYear(year, line.appointed_on, line.leader_from, line.absent_months),
        tiers,
        year_rules,
    )
    line.seniority = target.seniority
    line.exempt_reason = target.exempt_reason
    line.pass_from = Decimal(int(target.pass_from))
    line.good_from = Decimal(int(target.good_from))
    line.excellent_from = Decimal(int(target.excellent_from))
    return line


@transaction.atomic
def prepare_quota_decision(*, actor, centre, year: int) -> QuotaDecision:
    """The draft decision of the year: a line per active legal-aid officer, computed from
    the tiers of the year (seniority on 31/12, pro rata, exemptions)."""
    require(roles.can_manage_quotas(actor, centre))
    if QuotaDecision.objects.filter(centre=centre, year=year).exists():
        raise BusinessRuleError(f"Trung tâm đã có quyết định giao chỉ tiêu năm {year}.")
    tiers, year_rules = _tiers_and_rules(year)
    if not tiers:
        raise BusinessRuleError(f"Chưa có mức chỉ tiêu cho năm {year}.")
    decision = create(
        QuotaDecision,
        actor=actor,
        reason=f"Lập dự thảo giao chỉ tiêu năm {year}",
        centre=centre,
        year=year,
        created_by=actor,
    )
    officers = Performer.objects.filter(
        centre=centre, kind=Performer.Kind.LEGAL_AID_OFFICER, is_active=True
    ).select_related("user")
    lines = [
        _fill(
            OfficerQuota(decision=decision, user=p.user, appointed_on=p.appointed_on),
            year,
            tiers,
            year_rules,
        )
        for p in officers
    ]
    bulk_create(OfficerQuota, lines, actor=actor, reason="Chỉ tiêu theo thâm niên")
    return decision


@transaction.atomic
def update_officer_quota(
    *, actor, line: OfficerQuota, leader_from: date | None, absent_months: int
) -> OfficerQuota:
    """Record a leader's appointment or an absence; the line is computed again."""
    decision = QuotaDecision.objects.select_for_update(of=("self",)).get(pk=line.decision_id)
    require(roles.can_manage_quotas(actor, decision.centre))
    check_transition(QUOTA_TRANSITIONS, "edit", decision.status)
    if not 0 <= absent_months <= 12:
        raise BusinessRuleError("Số tháng vắng mặt từ 0 đến 12.", field="absent_months")
    if leader_from and leader_from.year > decision.year:
        raise BusinessRuleError(
            "Ngày giữ chức vụ phải trong năm giao chỉ tiêu.", field="leader_from"
        )
    line.leader_from = leader_from
    line.absent_months = absent_months
    tiers, year_rules = _tiers_and_rules(decision.year)
    _fill(line, decision.year, tiers, year_rules)
    return save(line, actor=actor, reason=f"Cập nhật chỉ tiêu của {line.user.full_name}")


@transaction.atomic
def issue_quota_decision(*, actor, decision: QuotaDecision, on: date | None = None):
    decision = QuotaDecision.objects.select_for_update(of=("self",)).get(pk=decision.pk)
    require(roles.can_manage_quotas(actor, decision.centre))
    decision.status = check_transition(QUOTA_TRANSITIONS, "issue", decision.status)
    day = on or timezone.localdate()
    decision.issued_by = actor
    decision.issued_on = day
    save(decision, actor=actor, reason=f"Ban hành quyết định giao chỉ tiêu năm {decision.year}")
    return number_now(QUOTA, decision, actor=actor, on=day)


@transaction.atomic
def add_co_performer(*, actor, case: Case, user) -> CoPerformer:
    """A second officer performing the case: each counts a share in the quota."""
    case = Case.objects.select_for_update(of=("self",)).select_related("department").get(pk=case.pk)
    require(roles.can_assign_time_appraisal(actor, case))
    if case.form != Form.LITIGATION:
        raise BusinessRuleError("Chỉ vụ việc tham gia tố tụng được tính chỉ tiêu.")
    if user.pk == case.performer_id:
        raise BusinessRuleError("Người này đang là người thực hiện vụ việc.", field="user")
    profile = Performer.objects.filter(user=user, centre_id=case.centre_id).first()
    if profile is None or profile.kind != Performer.Kind.LEGAL_AID_OFFICER:
        raise BusinessRuleError(
            "Người cùng thực hiện phải là Trợ giúp viên của Trung tâm.", field="user"
        )
    if CoPerformer.objects.filter(case=case, user=user).exists():
        raise BusinessRuleError(f"{user.full_name} đã cùng thực hiện vụ việc này.", field="user")
    return create(
        CoPerformer,
        actor=actor,
        reason=f"{user.full_name} cùng thực hiện vụ việc",
        case=case,
        user=user,
        added_by=actor,
    )


@transaction.atomic
def remove_co_performer(*, actor, co_performer: CoPerformer) -> None:
    case = Case.objects.select_related("department").get(pk=co_performer.case_id)
    require(roles.can_assign_time_appraisal(actor, case))
    delete(co_performer, actor=actor, reason=f"Bỏ {co_performer.user.full_name} khỏi vụ việc")
