"""Demo data of appraisal and quotas (after the cases seeder): an appraisal plan of the
demo year with scored cases in every grade (one không đạt by a Điều 6.1 breach), some
waiting for the appraiser or the director, checklists, time appraisals, a shared case and
the quota decision. Everything through the services; idempotent (skipped when a plan
exists)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases.models import AppraisalCriterion, AppraisalPlan, Case, CaseCriterion
from cases.services import appraisal as services
from cases.services import quotas as quota_services
from cases.states import AppraisalStatus, CaseStatus, Form
from tgpl.errors import BusinessRuleError
from tgpl.models import User

POOL = ["phogiamdoc", "truongcn1", "tgv2", "luatsu", "tgv", "truongphong.nv"]
# the totals given in turn; None: a full score with a Điều 6.1 breach
TOTALS = [96, 91, 88, 83, 76, 71, 68, 58, 52, 45, None]


def _scores(total: Decimal, on: date) -> dict:
    left = total
    scores = {}
    for c in AppraisalCriterion.objects.in_force(on).order_by("position"):
        take = min(c.max_points, left)
        scores[c.code] = take
        left -= take
    return scores


def _appraise(plan, director, stdout) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=POOL, centre=plan.centre)}
    for appraisal in plan.appraisals.select_related("case", "plan"):
        for username in POOL:
            if username not in users:
                continue
            try:
                with transaction.atomic():
                    services.assign_appraiser(
                        actor=director, appraisal=appraisal, user=users[username]
                    )
                break
            except BusinessRuleError:
                continue
    try:
        services.issue_appraisers_decision(actor=director, plan=plan)
    except BusinessRuleError as exc:
        stdout.write(f"  (chưa ban hành quyết định phân công: {exc.message})")
        return
    appraisals = list(plan.appraisals.select_related("case").prefetch_related("appraisers__user"))
    for index, appraisal in enumerate(appraisals):
        if index % 7 == 6:
            continue  # left for the appraiser to score
        total = TOTALS[index % len(TOTALS)]
        breach = total is None
        points = Decimal(100 if breach else total)
        sheet = services.Sheet(
            scores=_scores(points, appraisal.criteria_on),
            breach_6_1=breach,
            breach_note="Nhận tiền của người được TGPL (Điều 6.1 Luật TGPL)" if breach else "",
            satisfaction_source=["form", "phone", "meeting", "relative"][index % 4],
            satisfaction_note="Người được TGPL hài lòng với kết quả." if not breach else "",
            opinion="Hồ sơ đầy đủ, thực hiện đúng tiến độ." if points >= 70 else "Hồ sơ còn thiếu.",
        )
        appraiser = appraisal.appraisers.all()[0].user
        services.save_sheet(actor=appraiser, appraisal=appraisal, sheet=sheet, submit=True)
        if index % 5 == 4 and not breach:
            continue  # waiting for the director
        services.approve_appraisal(
            actor=director, appraisal=appraisal, conclusion="Đồng ý với kết quả thẩm định."
        )


def _checklists(centre, director) -> None:
    litigation = list(
        Case.objects.filter(centre=centre, status=CaseStatus.CLOSED, form=Form.LITIGATION)
        .select_related("request__legal_field")
        .order_by("pk")[:12]
    )
    success = list(CaseCriterion.objects.filter(catalogue="successful").order_by("position"))
    complex_ = list(CaseCriterion.objects.filter(catalogue="complex").order_by("position"))
    for index, case in enumerate(litigation):
        with transaction.atomic():
            if index % 2 == 0 and success:
                services.record_case_checklist(
                    actor=director, case=case, catalogue="successful",
                    criteria=[success[index % len(success)]],
                )  # fmt: skip
            if index % 3 == 0 and complex_:
                services.record_case_checklist(
                    actor=director, case=case, catalogue="complex",
                    criteria=[complex_[0], complex_[index % len(complex_)]],
                )  # fmt: skip


def _time_and_shares(centre, director) -> None:
    cases = list(
        Case.objects.filter(centre=centre, status=CaseStatus.CLOSED, form=Form.LITIGATION)
        .exclude(performer__username="tgv2")
        .order_by("-pk")[:2]
    )
    checker = User.objects.filter(username="truongcn1", centre=centre).first()
    for index, case in enumerate(cases):
        if checker is None or case.performer_id == checker.pk:
            continue
        with transaction.atomic():
            check = services.assign_time_appraisal(
                actor=director, case=case, checker=checker, claimed_hours=Decimal(16),
                claimed_work="04 buổi làm việc tại cơ quan điều tra và phiên tòa",
            )  # fmt: skip
            if index == 0:
                services.confirm_time_appraisal(
                    actor=checker, time_appraisal=check, confirmed_hours=Decimal(12),
                    note="Một buổi đi lại không tính.",
                )  # fmt: skip
    partner = User.objects.filter(username="tgv2", centre=centre).first()
    shared = (
        Case.objects.filter(
            centre=centre, form=Form.LITIGATION, accepted_at__year=timezone.localdate().year
        )
        .exclude(status=CaseStatus.DISCONTINUED)
        .exclude(performer=partner)
        .filter(performer__isnull=False)
        .first()
    )
    if partner and shared:
        with transaction.atomic():
            quota_services.add_co_performer(actor=director, case=shared, user=partner)


def _quotas(centre, director, stdout) -> None:
    year = timezone.localdate().year
    decision = quota_services.prepare_quota_decision(actor=director, centre=centre, year=year)
    lines = {line.user.username: line for line in decision.lines.select_related("user")}
    if "truongcn1" in lines:  # made head of the branch in July: pro rata
        quota_services.update_officer_quota(
            actor=director, line=lines["truongcn1"], leader_from=date(year, 7, 1), absent_months=0
        )
    if "tgv2" in lines:  # on maternity leave 9 months: exempt
        quota_services.update_officer_quota(
            actor=director, line=lines["tgv2"], leader_from=None, absent_months=9
        )
    quota_services.issue_quota_decision(actor=director, decision=decision)
    stdout.write(f"Đã ban hành quyết định giao chỉ tiêu năm {year} ({len(lines)} Trợ giúp viên).")


def seed_demo_appraisal(centre, stdout) -> None:
    director = User.objects.filter(username="giamdoc", centre=centre).first()
    if director is None or AppraisalPlan.objects.filter(centre=centre).exists():
        stdout.write("Bỏ qua dữ liệu mẫu thẩm định: đã có hoặc chưa có người dùng mẫu.")
        return
    year = timezone.localdate().year
    with transaction.atomic():
        plan = services.create_plan(
            actor=director,
            centre=centre,
            scope=services.PlanScope(
                title=f"Kế hoạch thẩm định chất lượng vụ việc trợ giúp pháp lý năm {year}",
                period_start=date(year - 1, 12, 1),
                period_end=timezone.localdate(),
                forms=[Form.LITIGATION, Form.REPRESENTATION],
                share_percent=None,
                legal_fields=[],
                departments=[],
            ),
        )
        try:
            services.draw_cases(actor=director, plan=plan)
        except BusinessRuleError as exc:
            stdout.write(f"  (không chọn được vụ việc: {exc.message})")
            return
    with transaction.atomic():
        _appraise(plan, director, stdout)
    _checklists(centre, director)
    _time_and_shares(centre, director)
    with transaction.atomic():
        _quotas(centre, director, stdout)
    approved = plan.appraisals.filter(status=AppraisalStatus.APPROVED).count()
    stdout.write(f"Đã thẩm định {approved}/{plan.appraisals.count()} vụ việc mẫu.")
