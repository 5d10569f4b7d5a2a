"""Pages of quality appraisal: plans, the draw, appraisers, the 100-point sheet (with its
live total), the director's conclusion, results; checklists and time appraisal of a case."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cases import selectors
from cases import selectors_appraisal as sa
from cases.forms_appraisal import (
    AppraiserForm,
    ChecklistForm,
    ConclusionForm,
    CoPerformerForm,
    OpinionForm,
    PlanForm,
    ReturnForm,
    SheetForm,
    TimeAssignForm,
    TimeConfirmForm,
)
from cases.models import CaseCriterion, Performer
from cases.services import appraisal as services
from cases.services import quotas as quota_services
from cases.states import APPRAISAL_TRANSITIONS, PLAN_TRANSITIONS, AppraisalStatus
from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.documents.selectors import documents_of
from tgpl.errors import BusinessRuleError
from tgpl.forms import error_summary
from tgpl.kernel import allowed
from tgpl.models import User
from tgpl.paginate import paginate

PLANS_CRUMB = ("Thẩm định chất lượng", "/cases/appraisal/plans/")


# --- plans ------------------------------------------------------------------------------


def plan_list(request):
    if not roles.can_see_appraisal_plans(request.user):
        raise PermissionDenied
    page, query = paginate(request, sa.plan_list(request.user))
    return render(
        request,
        "cases/appraisal/plan_list.html",
        {
            "title": "Kế hoạch thẩm định chất lượng vụ việc",
            "page": page,
            "query": query,
            "can_plan": roles.can_plan_appraisals(request.user),
        },
    )


def plan_create(request):
    if not roles.can_plan_appraisals(request.user):
        raise PermissionDenied
    centres = roles.visible_centres(request.user).order_by("name")
    form = PlanForm(request.POST if request.method == "POST" else None, centres=centres)
    if request.method == "POST":

        def create(data):
            scope = services.PlanScope(
                title=data["title"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                forms=data["case_forms"],
                share_percent=data["share_percent"],
                legal_fields=list(data["legal_fields"]),
                departments=[d for d in data["departments"] if d.centre_id == data["centre"].pk],
            )
            return services.create_plan(actor=request.user, centre=data["centre"], scope=scope)

        outcome = submit(request, form, create, success="Đã lập kế hoạch thẩm định.")
        if outcome:
            return redirect("cases:appraisal_plan", pk=outcome.value.pk)
    return render(
        request,
        "cases/appraisal/plan_form.html",
        {
            "title": "Lập kế hoạch thẩm định",
            "breadcrumbs": [PLANS_CRUMB, ("Lập mới", "")],
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )


def plan_detail(request, pk: int):
    plan = sa.get_plan_for(request.user, pk)
    manage = roles.can_manage_appraisal_plan(request.user, plan)
    state = allowed(PLAN_TRANSITIONS, plan.status)
    appraisals = list(sa.plan_appraisals(plan))
    assign = manage and "assign" in state
    return render(
        request,
        "cases/appraisal/plan_detail.html",
        {
            "title": plan.title,
            "breadcrumbs": [PLANS_CRUMB, (plan.title, "")],
            "plan": plan,
            "appraisals": appraisals,
            "candidates": services.candidate_cases(plan).count() if "draw" in state else None,
            "can": {
                "draw": manage and "draw" in state,
                "assign": assign,
                "decide": manage and "decide" in state,
                "close": manage and "close" in state,
            },
            "appraiser_form": AppraiserForm(people=sa.appraiser_choices(plan)) if assign else None,
            "documents": documents_of(request.user, plan),
            "results": sa.results(request.user, plan=plan),
            "personal": roles.can_see_personal_data(request.user),
        },
    )


PLAN_ACTIONS = {
    "draw": (services.draw_cases, "Đã chọn vụ việc để thẩm định."),
    "decide": (services.issue_appraisers_decision, "Đã ban hành quyết định phân công."),
    "close": (services.close_plan, "Đã kết thúc kế hoạch."),
}


@require_POST
def plan_action(request, pk: int, action: str):
    if action not in PLAN_ACTIONS:
        raise Http404
    plan = sa.get_plan_for(request.user, pk, can=roles.can_manage_appraisal_plan)
    call, success = PLAN_ACTIONS[action]
    perform(request, lambda: call(actor=request.user, plan=plan), success=success)
    return redirect("cases:appraisal_plan", pk=plan.pk)


def _appraisal_or_404(request, pk: int):
    return sa.get_appraisal_for(request.user, pk)


@require_POST
def appraiser_add(request, pk: int):
    appraisal = _appraisal_or_404(request, pk)
    if not roles.can_manage_appraisal_plan(request.user, appraisal.plan):
        raise PermissionDenied
    form = AppraiserForm(request.POST, people=sa.appraiser_choices(appraisal.plan))

    def add(data):
        return services.assign_appraiser(
            actor=request.user, appraisal=appraisal, user=data["user"], invited=data["invited"]
        )

    if not submit(request, form, add, success="Đã phân công người thẩm định."):
        messages.error(request, f"Vụ việc {appraisal.case.code}: {error_summary(form)}")
    return redirect("cases:appraisal_plan", pk=appraisal.plan_id)


@require_POST
def appraiser_remove(request, pk: int, appraiser_pk: int):
    appraisal = _appraisal_or_404(request, pk)
    if not roles.can_manage_appraisal_plan(request.user, appraisal.plan):
        raise PermissionDenied
    row = next((a for a in appraisal.appraisers.all() if a.pk == appraiser_pk), None)
    if row is None:
        raise Http404
    perform(
        request,
        lambda: services.remove_appraiser(actor=request.user, appraiser=row),
        success="Đã bỏ phân công.",
    )
    return redirect("cases:appraisal_plan", pk=appraisal.plan_id)


# --- the sheet ----------------------------------------------------------------------------


def my_appraisals(request):
    page, query = paginate(request, sa.my_appraisals(request.user))
    return render(
        request,
        "cases/appraisal/my_list.html",
        {
            "title": "Vụ việc tôi được phân công thẩm định",
            "page": page,
            "query": query,
            "waiting": list(sa.awaiting_approval(request.user)[:50]),
            "perms_plans": roles.can_see_appraisal_plans(request.user),
        },
    )


def _detail(request, appraisal, *, sheet=None, status=200):
    user = request.user
    criteria, _bands = services.sheet_rules(appraisal.criteria_on)
    ids = sa.appraiser_ids(appraisal)
    score = roles.can_score_appraisal(user, ids) and "score" in allowed(
        APPRAISAL_TRANSITIONS, appraisal.status
    )
    approve = (
        roles.can_approve_appraisal(user, appraisal.plan)
        and appraisal.status == AppraisalStatus.SUBMITTED
    )
    if sheet is None:
        sheet = SheetForm(initial=SheetForm.initial_of(appraisal, criteria), criteria=criteria)
    case = appraisal.case
    facts = roles.can_score_appraisal(user, ids) or roles.can_read_case_facts(user)
    result = None
    if appraisal.total is not None:
        result = services.evaluate(appraisal.criteria_on, _sheet_of_appraisal(appraisal))
    mine = next((a for a in appraisal.appraisers.all() if a.user_id == user.pk), None)
    return render(
        request,
        "cases/appraisal/appraisal_detail.html",
        {
            "title": f"Thẩm định vụ việc {case.code}",
            "breadcrumbs": [
                PLANS_CRUMB,
                (appraisal.plan.title, f"/cases/appraisal/plans/{appraisal.plan_id}/"),
                (case.code, ""),
            ],
            "appraisal": appraisal,
            "case": case,
            "score_lines": [(c, appraisal.score_of(c.code)) for c in criteria],
            "sheet": sheet,
            "result": result,
            "can_score": score,
            "can_approve": approve,
            "facts": facts,
            "log_entries": case.log_entries.select_related("created_by") if facts else [],
            "checklist": case.checklist(),
            "opinion_form": OpinionForm(initial={"opinion": mine.opinion}) if mine else None,
            "may_opine": mine is not None
            and "opinion" in allowed(APPRAISAL_TRANSITIONS, appraisal.status),
            "conclusion_form": ConclusionForm(),
            "return_form": ReturnForm(),
            "documents": documents_of(user, appraisal),
        },
        status=status,
    )


def _sheet_of_appraisal(appraisal) -> services.Sheet:
    criteria, _ = services.sheet_rules(appraisal.criteria_on)
    return services.Sheet(
        scores={c.code: appraisal.score_of(c.code) for c in criteria},
        breach_6_1=appraisal.breach_6_1,
    )


def appraisal_detail(request, pk: int):
    return _detail(request, _appraisal_or_404(request, pk))


def _sheet_from(form: SheetForm) -> services.Sheet:
    data = form.cleaned_data
    return services.Sheet(
        scores=form.scores(),
        breach_6_1=data["breach_6_1"],
        breach_note=data["breach_note"],
        satisfaction_source=data["satisfaction_source"],
        satisfaction_note=data["satisfaction_note"],
        opinion=data["opinion"],
    )


def _scorer_or_403(request, appraisal):
    if not roles.can_score_appraisal(request.user, sa.appraiser_ids(appraisal)):
        raise PermissionDenied


@require_POST
def appraisal_sheet(request, pk: int):
    """Keep the scores (draft) or submit them ("submit" button)."""
    appraisal = _appraisal_or_404(request, pk)
    _scorer_or_403(request, appraisal)
    criteria, _ = services.sheet_rules(appraisal.criteria_on)
    form = SheetForm(request.POST, criteria=criteria)
    final = "submit" in request.POST

    def save(_data):
        return services.save_sheet(
            actor=request.user, appraisal=appraisal, sheet=_sheet_from(form), submit=final
        )

    done = "Đã gửi kết quả thẩm định để Giám đốc duyệt." if final else "Đã lưu phiếu chấm điểm."
    if submit(request, form, save, success=done):
        return redirect("cases:appraisal_detail", pk=pk)
    appraisal.refresh_from_db()
    return _detail(request, appraisal, sheet=form, status=400)


@require_POST
def appraisal_preview(request, pk: int):
    """htmx: the total and grade of the sheet as typed (nothing is saved)."""
    appraisal = _appraisal_or_404(request, pk)
    _scorer_or_403(request, appraisal)
    criteria, _ = services.sheet_rules(appraisal.criteria_on)
    form = SheetForm(request.POST, criteria=criteria)
    form.is_valid()
    scores = {}
    for c in criteria:
        name = f"score_{c.code.replace('đ', 'dd')}"
        scores[c.code] = form.cleaned_data.get(name) if name not in form.errors else None
    sheet = services.Sheet(scores=scores, breach_6_1=form.cleaned_data.get("breach_6_1", False))
    try:
        result = services.evaluate(appraisal.criteria_on, sheet)
    except BusinessRuleError as exc:
        messages.error(request, exc.message)
        result = None
    typed = {}
    if result is not None:
        typed = {c: p for c, p in result.problems.items() if scores.get(c) is not None}
    errors = [str(e) for errs in form.errors.values() for e in errs]
    errors += [f"{code}: {problem}" for code, problem in typed.items()]
    return render(request, "cases/appraisal/_total.html", {"result": result, "errors": errors})


@require_POST
def appraisal_opinion(request, pk: int):
    appraisal = _appraisal_or_404(request, pk)
    mine = next((a for a in appraisal.appraisers.all() if a.user_id == request.user.pk), None)
    if mine is None:
        raise PermissionDenied
    form = OpinionForm(request.POST, request.FILES)

    def record(data):
        return services.record_written_opinion(
            actor=request.user, appraiser=mine, opinion=data["opinion"], file=data["file"]
        )

    if not submit(request, form, record, success="Đã gửi ý kiến."):
        messages.error(request, error_summary(form))
    return redirect("cases:appraisal_detail", pk=pk)


@require_POST
def appraisal_decide(request, pk: int, decision: str):
    if decision not in ("approve", "return"):
        raise Http404
    appraisal = _appraisal_or_404(request, pk)
    if not roles.can_approve_appraisal(request.user, appraisal.plan):
        raise PermissionDenied
    if decision == "approve":
        form = ConclusionForm(request.POST)

        def call(data):
            return services.approve_appraisal(
                actor=request.user, appraisal=appraisal, conclusion=data["conclusion"]
            )

        done = "Đã duyệt kết luận thẩm định."
    else:
        form = ReturnForm(request.POST)

        def call(data):
            return services.return_appraisal(
                actor=request.user, appraisal=appraisal, note=data["note"]
            )

        done = "Đã trả lại kết quả thẩm định."
    if not submit(request, form, call, success=done):
        messages.error(request, error_summary(form))
    return redirect("cases:appraisal_detail", pk=pk)


def appraisal_results(request):
    if not roles.can_see_appraisal_plans(request.user):
        raise PermissionDenied
    year = timezone.localdate().year
    if request.GET.get("year", "").isdigit():
        year = int(request.GET["year"])
    return render(
        request,
        "cases/appraisal/results.html",
        {
            "title": f"Kết quả thẩm định chất lượng năm {year}",
            "breadcrumbs": [PLANS_CRUMB, ("Kết quả", "")],
            "year": year,
            "results": sa.results(request.user, year=year),
        },
    )


# --- on a case: checklists, time appraisal, co-performers --------------------------------


def case_panel_context(user, case) -> dict:
    """What the case page shows of appraisal (its template: cases/appraisal/_case_panel)."""
    panel = sa.case_panel(case)
    checklists = roles.can_record_case_checklists(user, case)
    leader = roles.can_assign_time_appraisal(user, case)
    forms = {}
    if checklists:
        for catalogue in CaseCriterion.Catalogue.values:
            choices = sa.checklist_choices(case, catalogue)
            marked = [c.pk for c in panel.marks[catalogue]]
            forms[catalogue] = ChecklistForm(choices=choices, initial={"criteria": marked})
    people = User.objects.filter(centre_id=case.centre_id, is_active=True).order_by("full_name")
    officers = people.filter(
        performer__kind=Performer.Kind.LEGAL_AID_OFFICER, performer__is_active=True
    )
    return {
        "panel": panel,
        "checklist_forms": forms,
        "labels": dict(CaseCriterion.Catalogue.choices),
        "time_form": TimeAssignForm(people=people) if leader else None,
        "co_form": CoPerformerForm(people=officers)
        if leader and case.form == "litigation"
        else None,
        "confirm_form": TimeConfirmForm(),
    }


@require_POST
def case_checklist(request, pk: int, catalogue: str):
    if catalogue not in CaseCriterion.Catalogue.values:
        raise Http404
    case = selectors.get_case_for(request.user, pk, can=roles.can_record_case_checklists)
    form = ChecklistForm(request.POST, choices=sa.checklist_choices(case, catalogue))

    def record(data):
        return services.record_case_checklist(
            actor=request.user, case=case, catalogue=catalogue, criteria=list(data["criteria"])
        )

    if not submit(request, form, record, success="Đã ghi nhận tiêu chí."):
        messages.error(request, error_summary(form))
    return redirect("cases:case_detail", pk=pk)


def _centre_people(case):
    return User.objects.filter(centre_id=case.centre_id, is_active=True)


@require_POST
def time_assign(request, pk: int):
    case = selectors.get_case_for(request.user, pk, can=roles.can_assign_time_appraisal)
    form = TimeAssignForm(request.POST, people=_centre_people(case))

    def assign(data):
        return services.assign_time_appraisal(
            actor=request.user,
            case=case,
            checker=data["checker"],
            claimed_hours=data["claimed_hours"],
            claimed_work=data["claimed_work"],
        )

    if not submit(request, form, assign, success="Đã phân công thẩm định thời gian."):
        messages.error(request, error_summary(form))
    return redirect("cases:case_detail", pk=pk)


@require_POST
def time_confirm(request, pk: int):
    ta = sa.get_time_appraisal_for(request.user, pk)
    if ta.checker_id != request.user.pk:
        raise PermissionDenied
    form = TimeConfirmForm(request.POST)

    def confirm(data):
        return services.confirm_time_appraisal(
            actor=request.user,
            time_appraisal=ta,
            confirmed_hours=data["confirmed_hours"],
            note=data["note"],
        )

    if not submit(request, form, confirm, success="Đã xác nhận thời gian."):
        messages.error(request, error_summary(form))
    return redirect("cases:time_checks")


def time_checks(request):
    """The time checks assigned to this user."""
    page, query = paginate(request, sa.my_time_checks(request.user))
    return render(
        request,
        "cases/appraisal/time_checks.html",
        {
            "title": "Thẩm định thời gian được phân công",
            "page": page,
            "query": query,
            "form": TimeConfirmForm(),
            "perms_plans": roles.can_see_appraisal_plans(request.user),
        },
    )


@require_POST
def co_performer_add(request, pk: int):
    case = selectors.get_case_for(request.user, pk, can=roles.can_assign_time_appraisal)
    form = CoPerformerForm(request.POST, people=_centre_people(case))

    def add(data):
        return quota_services.add_co_performer(actor=request.user, case=case, user=data["user"])

    if not submit(request, form, add, success="Đã ghi nhận người cùng thực hiện."):
        messages.error(request, error_summary(form))
    return redirect("cases:case_detail", pk=pk)
