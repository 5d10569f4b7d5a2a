"""Plans pages: thin views over plans.selectors and plans.services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.errors import BusinessRuleError
from tgpl.files import private_file_response
from tgpl.forms import valid_data
from tgpl.history import timeline_for
from tgpl.kernel import allowed
from tgpl.models import Department
from tgpl.paginate import paginate
from tgpl.targets import records_for

from . import selectors, services
from .forms import BoardFilterForm, ClosingForm, ItemForm, PlanForm, ProgressForm
from .models import Milestone, Plan, PlanItem, ProgressUpdate
from .rules.years import BLANK_CITATION
from .services.tasks import can_update
from .states import PLAN_TRANSITIONS


def index(request):
    """The plan list: search, filter by year, kind and status; progress of each plan."""
    q = request.GET.get("q", "").strip()
    year = request.GET.get("year", "")
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    plans = selectors.plan_list(
        request.user, q=q, year=int(year) if year.isdigit() else None, kind=kind, status=status
    )
    page, query = paginate(request, plans, per_page=30)
    years = (
        Plan.objects.visible_to(request.user)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return render(
        request,
        "plans/plan_list.html",
        {
            "title": "Kế hoạch",
            "page": page,
            "query": query,
            "q": q,
            "year": year,
            "kind": kind,
            "status": status,
            "years": years,
            "kinds": Plan.Kind.choices,
            "statuses": Plan.Status.choices,
            "can_draft": roles.can_draft_plans(request.user),
            "to_close": selectors.plans_to_close(request.user, timezone.localdate())
            if roles.can_approve_plans(request.user)
            else [],
        },
    )


def plan_detail(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    today = timezone.localdate()
    tree, total = selectors.plan_tree(plan, today)
    actions = allowed(PLAN_TRANSITIONS, plan.status)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "title": plan.title,
            "plan": plan,
            "tree": tree,
            "total": total,
            "today": today,
            "implements": plan.implements.all(),
            "can_edit": "edit" in actions and roles.can_draft_plans(request.user, plan.centre),
            "can_submit": "submit" in actions
            and not plan.submitted_at
            and roles.can_draft_plans(request.user, plan.centre)
            and not roles.can_approve_plans(request.user, plan.centre),
            "can_approve": "approve" in actions
            and roles.can_approve_plans(request.user, plan.centre),
            "can_close": "close" in actions and roles.can_approve_plans(request.user, plan.centre),
            "closing_due": services.closing_is_due(plan, today),
            "can_reopen": "reopen" in actions
            and roles.can_approve_plans(request.user, plan.centre),
            "can_copy": roles.can_draft_plans(request.user, plan.centre),
            "may_see_budget": roles.can_see_budget(request.user, plan.centre),
            "can_issue": not plan.number
            and "issue_number" in actions
            and roles.can_issue_documents(request.user, plan.centre),
            "breadcrumbs": [("Kế hoạch", reverse("plans:index")), (plan.number_text, None)],
        },
    )


def plan_history(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    return render(
        request,
        "plans/plan_history.html",
        {
            "title": f"Lịch sử thay đổi — {plan}",
            "plan": plan,
            "timeline": timeline_for(plan, *plan.items.all()),
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                (plan.number_text, reverse("plans:detail", args=[plan.pk])),
                ("Lịch sử thay đổi", None),
            ],
        },
    )


def plan_create(request):
    if not roles.can_draft_plans(request.user):
        raise PermissionDenied
    plan = Plan(
        centre=request.user.centre,
        year=timezone.localdate().year,
        symbol=f"KH-{request.user.centre.document_symbol}",
        issuing_body=request.user.centre.name,
    )
    return _plan_form(request, plan, "Kế hoạch mới")


def plan_edit(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    if not roles.can_draft_plans(request.user, plan.centre):
        raise PermissionDenied
    if not PLAN_TRANSITIONS.can("edit", plan.status):
        messages.warning(request, "Kế hoạch đã phê duyệt: không sửa được nữa.")
        return redirect("plans:detail", pk=plan.pk)
    return _plan_form(request, plan, f"Sửa kế hoạch: {plan.title[:80]}")


def _plan_form(request, plan, title):
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.save_plan(plan=form.save(commit=False), actor=request.user),
            success="Đã lưu kế hoạch.",
        )
        if outcome:
            return redirect("plans:detail", pk=outcome.value.pk)
    status = 400 if form.is_bound else 200
    return render(
        request, "plans/plan_form.html", {"title": title, "form": form, "plan": plan}, status=status
    )


def _transition(request, pk, action, done_message):
    plan = selectors.get_plan_for(request.user, pk)
    perform(request, lambda: action(plan=plan, actor=request.user), success=done_message)
    return redirect("plans:detail", pk=plan.pk)


@require_POST
def plan_submit(request, pk):
    return _transition(request, pk, services.submit_plan, "Đã trình Giám đốc phê duyệt.")


@require_POST
def plan_approve(request, pk):
    """ "Phê duyệt và cấp số" (number=now, the default) or "Phê duyệt" (number=later)."""
    plan = selectors.get_plan_for(request.user, pk)
    number = request.POST.get("number", "now") != "later"
    try:
        approved = services.approve_plan(plan=plan, actor=request.user, number=number)
    except BusinessRuleError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            f"Đã phê duyệt và cấp số {approved.number_text} cho kế hoạch."
            if approved.number
            else "Đã phê duyệt kế hoạch; kế hoạch còn là dự thảo cho đến khi được cấp số.",
        )
    return redirect("plans:detail", pk=plan.pk)


@require_POST
def plan_close(request, pk):
    return plan_closing(request, pk)


def plan_closing(request, pk):
    """Kết thúc kế hoạch: the plan's open tasks, each to be marked done, carried to next
    year's plan or dropped with a reason; POST closes the plan (the director)."""
    plan = selectors.get_plan_for(request.user, pk)
    if not roles.can_approve_plans(request.user, plan.centre):
        raise PermissionDenied
    if not PLAN_TRANSITIONS.can("close", plan.status):
        messages.warning(request, "Chỉ kết thúc được kế hoạch đã phê duyệt.")
        return redirect("plans:detail", pk=plan.pk)
    tasks = selectors.open_tasks(plan)
    form = ClosingForm(request.POST or None, tasks=tasks)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.close_plan(
                plan=plan, actor=request.user, outcomes=form.outcomes()
            ),
            success="Đã kết thúc kế hoạch.",
        )
        if outcome:
            return redirect("plans:detail", pk=plan.pk)
    return render(
        request,
        "plans/plan_closing.html",
        {
            "title": f"Kết thúc kế hoạch — {plan.title}",
            "plan": plan,
            "rows": form.rows(),
            "form": form,
            "today": timezone.localdate(),
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                (plan.number_text, reverse("plans:detail", args=[plan.pk])),
                ("Kết thúc kế hoạch", None),
            ],
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def plan_reopen(request, pk):
    return _transition(request, pk, services.reopen_plan, "Kế hoạch đã trở về dự thảo.")


@require_POST
def plan_copy(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    outcome = perform(
        request,
        lambda: services.copy_plan_to_next_year(plan=plan, actor=request.user),
        success=f"Đã tạo dự thảo kế hoạch năm {plan.year + 1} từ kế hoạch này.",
    )
    if outcome and BLANK_CITATION in outcome.value.legal_bases + outcome.value.budget_section:
        messages.warning(
            request,
            f"Các văn bản hằng năm trong phần căn cứ, kinh phí đã để trống số và ngày: "
            f"ghi văn bản của năm {plan.year + 1} trước khi trình duyệt.",
        )
    return redirect("plans:detail", pk=outcome.value.pk if outcome else plan.pk)


def item_create(request, pk):
    plan = selectors.get_plan_for(request.user, pk)
    return _item_form(request, PlanItem(plan=plan, kind=PlanItem.Kind.TASK), "Thêm mục, nhiệm vụ")


def item_edit(request, pk):
    item = selectors.get_item_for(request.user, pk)
    return _item_form(request, item, f"Sửa mục {item.path}")


def _item_form(request, item, title):
    plan = item.plan
    if not roles.can_draft_plans(request.user, plan.centre):
        raise PermissionDenied
    if not PLAN_TRANSITIONS.can("edit", plan.status):
        messages.warning(request, "Kế hoạch đã phê duyệt: không sửa nội dung nhiệm vụ được nữa.")
        return redirect("plans:detail", pk=plan.pk)
    form = ItemForm(request.POST or None, instance=item)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.save_item(
                item=form.save(commit=False),
                actor=request.user,
                lead=form.lead_names(),
                partners=form.partner_names(),
            ),
        )
        if outcome:
            saved = outcome.value
            messages.success(request, f"Đã lưu mục {saved.path}.")
            return redirect(reverse("plans:detail", args=[plan.pk]) + f"#item-{saved.pk}")
    return render(
        request,
        "plans/item_form.html",
        {
            "title": title,
            "form": form,
            "plan": plan,
            "item": item,
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                (plan.number_text, reverse("plans:detail", args=[plan.pk])),
                (title, None),
            ],
        },
        status=400 if form.is_bound else 200,
    )


def item_detail(request, pk):
    """A task's page: owners, dates, targets, milestones, progress reports, history."""
    item = selectors.get_item_for(request.user, pk)
    may_update = PLAN_TRANSITIONS.can("report_progress", item.plan.status) and can_update(
        request.user, item
    )
    form = ProgressForm(item=item) if may_update else None
    return _item_page(request, item, form, may_update)


def _item_page(request, item, form, may_update, status=200):
    updates = item.updates.select_related("author", "quantity")
    return render(
        request,
        "plans/item_detail.html",
        {
            "title": f"{item.path}. {item.title[:80]}",
            "item": item,
            "plan": item.plan,
            "today": timezone.localdate(),
            "updates": updates,
            "form": form,
            "may_update": may_update,
            "timeline": timeline_for(item),
            "recorded_work": records_for(item.pk),
            "breadcrumbs": [
                ("Kế hoạch", reverse("plans:index")),
                (item.plan.number_text, reverse("plans:detail", args=[item.plan_id])),
                (f"Mục {item.path}", None),
            ],
        },
        status=status,
    )


@require_POST
def item_progress(request, pk):
    item = selectors.get_item_for(request.user, pk)
    if not can_update(request.user, item):
        raise PermissionDenied
    form = ProgressForm(request.POST, request.FILES, item=item)

    def record(data):
        return services.record_progress(
            item=item,
            actor=request.user,
            on=data["on"],
            note=data["note"],
            percent=data.get("percent"),
            quantity=data.get("quantity"),
            quantity_achieved=data.get("quantity_achieved"),
            evidence_number=data.get("evidence_number") or "",
            evidence_file=data.get("evidence_file"),
            done=data.get("done", False),
        )

    if submit(request, form, record, success="Đã ghi nhận tiến độ."):
        return redirect("plans:item", pk=item.pk)
    return _item_page(request, item, form, True, status=400)


@require_GET
def progress_evidence(request, pk):
    """The evidence file of a progress report, for those who may see the plan."""
    update = get_object_or_404(
        ProgressUpdate.objects.filter(item__plan__in=Plan.objects.visible_to(request.user)), pk=pk
    )
    return private_file_response(update.evidence_file)


@require_POST
def milestone_done(request, pk):
    milestone = get_object_or_404(
        Milestone.objects.filter(item__plan__in=Plan.objects.visible_to(request.user)), pk=pk
    )
    perform(
        request,
        lambda: services.complete_milestone(
            milestone=milestone, actor=request.user, on=timezone.localdate()
        ),
        success="Đã xác nhận hoàn thành mốc.",
    )
    return redirect("plans:item", pk=milestone.item_id)


def board(request):
    """A department's task board: its tasks of approved plans, overdue first."""
    user = request.user
    departments = Department.objects.filter(
        centre__in=roles.visible_centres(user), is_active=True
    ).select_related("centre")
    plans = Plan.objects.visible_to(user).filter(
        status__in=PLAN_TRANSITIONS.sources_of("report_progress")
    )
    form = BoardFilterForm(request.GET or None, departments=departments, plans=plans)
    data = valid_data(form)
    department = data.get("department") or user.department
    today = timezone.localdate()
    tasks = []
    if department is not None:
        tasks = selectors.board_tasks(
            user,
            department,
            today=today,
            plan=data.get("plan"),
            status=data.get("status", ""),
            window=data.get("window", ""),
        )
    return render(
        request,
        "plans/board.html",
        {
            "title": f"Nhiệm vụ của {department.name}" if department else "Bảng nhiệm vụ",
            "form": form,
            "department": department,
            "tasks": tasks,
            "today": today,
            "overdue_count": sum(1 for t in tasks if t.is_overdue(today)),
            "breadcrumbs": [("Kế hoạch", reverse("plans:index")), ("Bảng nhiệm vụ", None)],
        },
    )
