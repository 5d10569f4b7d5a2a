"""Pages of the reports: the list, opening a report, the report with its figures, text,
review steps and buttons, editing, the review actions and the differences of a version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tgpl import roles
from tgpl.actions import perform, submit
from tgpl.kernel import allowed

from . import selectors, services
from .forms import CommentForm, DecisionForm, NarrativeForm, OpenReportForm
from .narrative import SECTIONS as NARRATIVE_SECTIONS
from .narrative import filled
from .presenters import table_views
from .states import REPORT_TRANSITIONS, ReportStatus

TONES = {
    ReportStatus.DRAFT: "secondary",
    ReportStatus.SENT: "primary",
    ReportStatus.RETURNED: "warning",
    ReportStatus.ACCEPTED: "success",
}


def _require_reader(user) -> None:
    if not roles.can_see_reports(user):
        raise PermissionDenied


@require_GET
def index(request):
    _require_reader(request.user)
    reports = list(selectors.report_list(request.user))
    return render(
        request,
        "reports/index.html",
        {
            "title": "Báo cáo",
            "reports": reports,
            "tones": TONES,
            "open_form": OpenReportForm() if roles.can_prepare_reports(request.user) else None,
            "is_reviewer": roles.is_doj_reviewer(request.user),
        },
    )


@require_POST
def open_report(request):
    if not roles.can_prepare_reports(request.user):
        raise PermissionDenied
    form = OpenReportForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.open_report(
            actor=request.user,
            centre=request.user.centre,
            kind=d["kind"],
            year=d["year"],
            number=d["number"],
            start=d["start"],
            end=d["end"],
            due=d["due"],
        ),
        success="Đã lập báo cáo; số liệu được tính từ dữ liệu của Trung tâm.",
    )
    if outcome:
        return redirect("reports:detail", pk=outcome.value.pk)
    reports = list(selectors.report_list(request.user))
    return render(
        request,
        "reports/index.html",
        {"title": "Báo cáo", "reports": reports, "tones": TONES, "open_form": form},
        status=400,
    )


def _targets(sections) -> list[tuple[str, str]]:
    return (
        [("", "Toàn bộ báo cáo")]
        + [(f"narrative:{s.key}", s.title) for s in NARRATIVE_SECTIONS]
        + [(s.key, s.title) for s in sections]
    )


def _target_label(sections, target: str) -> str:
    """ "Toàn bộ báo cáo", a section's title, or "Biểu ...: row – column" for a figure."""
    labels = dict(_targets(sections))
    if target in labels:
        return labels[target]
    key, _, rest = target.partition("|")
    row_key, _, column_key = rest.partition("|")
    for s in sections:
        if s.key == key:
            rows = {r.key: r.label for r in s.rows}
            columns = {c.key: c.label for c in s.columns}
            return f"{s.title}: {rows.get(row_key, row_key)} – {columns.get(column_key, '')}"
    return target


def _comments(steps, sections) -> list[tuple[str, list]]:
    """The Sở's comments grouped by what they are about, in the order first made."""
    grouped: dict[str, list] = {}
    for s in steps:
        if s.action == "comment":
            grouped.setdefault(s.target, []).append(s)
    return [(_target_label(sections, t), items) for t, items in grouped.items()]


@require_GET
def detail(request, pk: int):
    report = selectors.get_report_for(request.user, pk)
    sections = selectors.report_figures(report)
    estimates = selectors.report_estimates(report)
    steps = selectors.steps_of(report)
    user = request.user
    actions = allowed(REPORT_TRANSITIONS, report.status)
    centre = report.centre
    return render(
        request,
        "reports/detail.html",
        {
            "title": report.title,
            "report": report,
            "tone": TONES[report.status],
            "tables": table_views(sections, report.pk, estimates),
            "estimates": estimates,
            "narrative": filled(report.narrative, sections, estimates),
            "steps": steps,
            "comments": _comments(steps, sections),
            "versions": list(report.versions.order_by("number").select_related("sent_by")),
            "can_edit": "edit" in actions and roles.can_prepare_reports(user, centre),
            "can_sign_off": "sign_off" in actions and roles.can_sign_off_reports(user, centre),
            "can_send": "send" in actions
            and roles.can_prepare_reports(user, centre)
            and report.signed_off_by_id is not None,
            "can_handover": roles.can_prepare_reports(user, centre)
            and roles.can_export_per_person(user),
            "can_review": "accept" in actions and roles.can_review_reports(user, centre),
            "comment_form": CommentForm(targets=_targets(sections)),
            "decision_form": DecisionForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    report = selectors.get_report_for(request.user, pk)
    if not roles.can_prepare_reports(request.user, report.centre):
        raise PermissionDenied
    form = NarrativeForm(request.POST or None, report=report)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda _d: services.save_report(
                actor=request.user, report=report, narrative=form.narrative()
            ),
            success="Đã lưu báo cáo.",
        )
        if outcome:
            return redirect("reports:detail", pk=report.pk)
    return render(
        request,
        "reports/edit.html",
        {
            "title": f"Sửa: {report.title}",
            "report": report,
            "form": form,
            "estimates": selectors.report_estimates(report),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


ACTIONS = {
    "sign_off": (
        roles.can_sign_off_reports,
        services.sign_off_report,
        "Đã ký duyệt báo cáo.",
    ),
    "send": (
        roles.can_prepare_reports,
        services.send_report,
        "Đã gửi báo cáo đến Sở Tư pháp; số liệu đã được lưu cố định.",
    ),
}


@require_POST
def act(request, pk: int, action: str):
    report = selectors.get_report_for(request.user, pk)
    may, call, success = ACTIONS[action]
    if not may(request.user, report.centre):
        raise PermissionDenied
    perform(request, lambda: call(actor=request.user, report=report), success=success)
    return redirect("reports:detail", pk=report.pk)


@require_POST
def comment(request, pk: int):
    report = selectors.get_report_for(request.user, pk)
    if not roles.can_review_reports(request.user, report.centre):
        raise PermissionDenied
    form = CommentForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: services.comment_report(
            actor=request.user, report=report, text=d["text"], target=d["target"]
        ),
        success="Đã ghi góp ý.",
    )
    if not outcome:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("reports:detail", pk=report.pk)


DECISIONS = {
    "return": (services.return_report, "Đã trả lại báo cáo để Trung tâm chỉnh sửa."),
    "accept": (services.accept_report, "Đã tiếp nhận báo cáo."),
}


@require_POST
def decide(request, pk: int, action: str):
    report = selectors.get_report_for(request.user, pk)
    if not roles.can_review_reports(request.user, report.centre):
        raise PermissionDenied
    call, success = DECISIONS[action]
    form = DecisionForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda d: call(actor=request.user, report=report, text=d["text"]),
        success=success,
    )
    if not outcome:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("reports:detail", pk=report.pk)


@require_GET
def version(request, pk: int, number: int):
    report = selectors.get_report_for(request.user, pk)
    current, previous, figure_changes, text_changes = selectors.version_changes(report, number)
    return render(
        request,
        "reports/version.html",
        {
            "title": f"{report.title}: phiên bản {number}",
            "report": report,
            "current": current,
            "previous": previous,
            "figure_changes": figure_changes,
            "text_changes": text_changes,
        },
    )
