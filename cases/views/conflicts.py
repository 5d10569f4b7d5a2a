"""The conflict-of-interest check of a request: what matches now, the checks recorded."""

from __future__ import annotations

from django.shortcuts import redirect, render

from cases import selectors
from cases.forms_proceedings import ConflictDecisionForm
from cases.models import ConflictCheck
from cases.rules.conflicts import is_conflict
from cases.services import conflicts as services
from tgpl import roles
from tgpl.actions import submit


def _may_check(user, req) -> bool:
    return roles.can_check_conflicts(user) and req.centre_id == user.centre_id


def _initial(request) -> dict:
    """From the assignment form: "?stage=assignment" opens the check before assignment."""
    stage = request.GET.get("stage", "")
    return {"stage": stage} if stage in ConflictCheck.Stage.values else {}


def conflict_check(request, pk: int):
    req = selectors.get_request_for(request.user, pk, can=_may_check)
    form = ConflictDecisionForm(
        request.POST if request.method == "POST" else None,
        initial=_initial(request),
        performers=selectors.performer_choices(req.centre_id),
    )
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda d: services.record_conflict_check(
                actor=request.user,
                request=req,
                stage=d["stage"],
                decision=d["decision"],
                note=d["note"],
                performer=d["performer"].user if d["performer"] else None,
            ),
            success="Đã ghi kết quả kiểm tra xung đột lợi ích.",
        )
        if outcome:
            case = getattr(req, "case", None)
            if d_stage(form) == ConflictCheck.Stage.ASSIGNMENT and case is not None:
                return redirect("cases:case_detail", pk=case.pk)  # back to the proposal
            return redirect("cases:conflict_check", pk=pk)
    matches = services.find_conflicts(req)
    return render(
        request,
        "cases/proceedings/conflict_check.html",
        {
            "title": f"Kiểm tra xung đột lợi ích – yêu cầu #{req.pk}",
            "breadcrumbs": [("Yêu cầu", "/cases/requests/"), (f"#{req.pk}", "")],
            "req": req,
            "rows": [(m, is_conflict(m)) for m in matches],
            "checks": req.conflict_checks.select_related("checked_by", "performer"),
            "case": getattr(req, "case", None),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def d_stage(form) -> str:
    return form.cleaned_data.get("stage", "")
