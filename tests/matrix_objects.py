"""The objects each page of the permission matrix is requested with (issue 18.9).

`OBJECTS` maps a URL name to a function returning [(kwargs, anchor)]: the kwargs fill
the pattern's arguments with the demo's own objects, and the anchor is the object whose
scope decides whether a persona may have it (a request, a case, a plan ...). A new page
with arguments needs an entry here, or tests/test_permission_matrix.py fails.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps


def _first(model: str, **filters):
    return apps.get_model(model).objects.filter(**filters).order_by("pk").first()


def _each(model: str, **filters):
    return list(apps.get_model(model).objects.filter(**filters).order_by("pk")[:2])


def _pk(model: str, **filters) -> Callable[[], list]:
    return lambda: [({"pk": o.pk}, o) for o in _each(model, **filters)]


def _request_actions():
    from cases.views.requests import REQUEST_ACTIONS

    req = _first("cases.LegalAidRequest")
    return [({"pk": req.pk, "action": action}, req) for action in REQUEST_ACTIONS]


def _case_actions():
    from cases.views.cases import CASE_ACTIONS

    case = _first("cases.Case")
    return [({"pk": case.pk, "action": action}, case) for action in CASE_ACTIONS]


def _request_attachment():
    attachment = _first("cases.RequestAttachment")
    if attachment is None:
        return []
    return [({"pk": attachment.request_id, "attachment_pk": attachment.pk}, attachment.request)]


def _log_attachment():
    entry = _first("cases.CaseLogEntry")
    return [({"pk": entry.case_id, "entry_pk": entry.pk}, entry.case)]


def _assignment_decisions():
    assignment = _first("cases.Assignment")
    return [
        ({"pk": assignment.pk, "decision": decision}, assignment.case)
        for decision in ("approve", "return")
    ]


def _documents(app_label: str, *, numbered: bool):
    def build():
        from tgpl.documents import registry

        found = []
        for kind in registry.sources().values():
            if kind.app_label != app_label or (numbered and not kind.numbered_later):
                continue
            obj = kind.model.objects.order_by("pk").first()
            if obj is None:
                continue
            anchor = kind.read_record(obj) if kind.read_record else obj
            formats = [{}] if numbered else [{"fmt": "pdf"}, {"fmt": "docx"}]
            found += [
                ({"kind": kind.name, "pk": obj.pk, **fmt}, (kind, obj, anchor)) for fmt in formats
            ]
        return found

    return build


def _attendance():
    """A training's attendance row: the session's scope decides (trainings, issue 14.5)."""
    return [
        ({"pk": a.session_id, "attendance_pk": a.pk}, a.session)
        for a in _each("outreach.Attendance")
    ]


def _notification():
    return [({"pk": n.pk}, n) for n in _each("tgpl.Notification")]


def _ics():
    pref = _first("tgpl.NotificationPreference")
    return [({"token": pref.ics_token}, pref)] if pref else []


def _with(model: str, key: str, values, anchor=lambda o: o) -> Callable[[], list]:
    """One object of `model`, requested with each of `values` in the URL's `key`."""

    def build():
        obj = _first(model)
        return [({"pk": obj.pk, key: value}, anchor(obj)) for value in values()] if obj else []

    return build


def _plan_actions():
    from cases.views.appraisal import PLAN_ACTIONS

    return list(PLAN_ACTIONS)


def _catalogues():
    from cases.models import CaseCriterion

    return list(CaseCriterion.Catalogue.values)


def _appraiser_remove():
    appraiser = _first("cases.Appraiser")
    if appraiser is None:
        return []
    return [({"pk": appraiser.appraisal_id, "appraiser_pk": appraiser.pk}, appraiser.appraisal)]


def _actions(model: str, *actions: str) -> Callable[[], list]:
    return _with(model, "action", lambda: list(actions))


def _complaint_steps():
    from cases.views.complaints import STEPS

    return list(STEPS)


def _through(model: str, parent: str) -> Callable[[], list]:
    """An object requested by its pk, scoped by its `parent` (an attachment by its
    activity, a placement by its material)."""
    return lambda: [({"pk": o.pk}, getattr(o, parent)) for o in _each(model)]


def _commune():
    """Commune pages are of the province's list (a code), not of a centre's record."""
    activity = _first("outreach.Activity", commune_code__isnull=False)
    return [({"code": activity.commune_code}, None)] if activity else []


def _registration():
    registration = _first("cases.DefenceRegistration")
    if registration is None:
        return []
    case = registration.case
    return [({"pk": case.pk, "registration_pk": registration.pk}, case)]


def _year(*_):
    """Pages of a year of the user's own centre: nothing of another's to reach."""
    return lambda: [({"year": 2026}, None)]


REPORT_PAGES = (
    "detail", "edit", "comment", "sign_off", "send", "return", "accept", "export", "handover",
)  # fmt: skip

OBJECTS: dict[str, Callable[[], list]] = {
    "plans:detail": _pk("plans.Plan"),
    "plans:edit": _pk("plans.Plan"),
    "plans:history": _pk("plans.Plan"),
    "plans:submit": _pk("plans.Plan"),
    "plans:approve": _pk("plans.Plan"),
    "plans:close": _pk("plans.Plan"),
    "plans:reopen": _pk("plans.Plan"),
    "plans:closing": _pk("plans.Plan"),
    "plans:copy": _pk("plans.Plan"),
    "plans:item_create": _pk("plans.Plan"),
    "plans:export_tasks": _pk("plans.Plan"),
    "plans:import_tasks": _pk("plans.Plan"),
    "plans:document_pdf": _pk("plans.Plan"),
    "plans:document_docx": _pk("plans.Plan"),
    "plans:issue": _pk("plans.Plan"),
    "plans:item": _pk("plans.PlanItem", kind="task"),
    "plans:item_edit": _pk("plans.PlanItem", kind="task"),
    "plans:item_progress": _pk("plans.PlanItem", kind="task"),
    "plans:milestone_done": _pk("plans.Milestone"),
    "plans:evidence": _pk("plans.ProgressUpdate"),
    "plans:budget": _pk("plans.Plan"),
    "plans:budget_sources": _pk("plans.Plan"),
    "plans:budget_action": _actions(
        "plans.Plan", "line", "from-tasks", "decision", "entry", "source"
    ),
    "cases:request_detail": _pk("cases.LegalAidRequest"),
    "cases:request_edit": _pk("cases.LegalAidRequest"),
    "cases:request_attachment": _request_attachment,
    "cases:request_action": _request_actions,
    "cases:case_log_attachment": _log_attachment,
    "cases:decide_assignment": _assignment_decisions,
    "cases:assignment_detail": lambda: [({"pk": a.pk}, a.case) for a in _each("cases.Assignment")],
    "cases:document": _documents("cases", numbered=False),
    "cases:number_document": _documents("cases", numbered=True),
    "cases:change_answer": lambda: [
        ({"pk": c.pk}, c.case) for c in _each("cases.PerformerChangeRequest")
    ],
    "cases:case_detail": _pk("cases.Case"),
    "cases:case_action": _case_actions,
    # quality appraisal, time appraisal, quotas (issue 14)
    "cases:appraisal_plan": _pk("cases.AppraisalPlan"),
    "cases:appraisal_plan_action": _with("cases.AppraisalPlan", "action", _plan_actions),
    "cases:appraisal_detail": _pk("cases.Appraisal"),
    "cases:appraisal_sheet": _pk("cases.Appraisal"),
    "cases:appraisal_preview": _pk("cases.Appraisal"),
    "cases:appraisal_opinion": _pk("cases.Appraisal"),
    "cases:appraiser_add": _pk("cases.Appraisal"),
    "cases:appraiser_remove": _appraiser_remove,
    "cases:appraisal_decide": _with("cases.Appraisal", "decision", lambda: ["approve", "return"]),
    "cases:case_checklist": _with("cases.Case", "catalogue", _catalogues),
    "cases:co_performer_add": _pk("cases.Case"),
    "cases:time_assign": _pk("cases.Case"),
    "cases:time_confirm": _pk("cases.TimeAppraisal"),
    "cases:quota_decision": _year(),
    "cases:quota_prepare": _year(),
    "cases:quota_issue": _year(),
    "cases:quota_line": _pk("cases.OfficerQuota"),
    # --- trainings (issue 14.5) ---
    "outreach:training_detail": _pk("outreach.TrainingSession"),
    "outreach:training_edit": _pk("outreach.TrainingSession"),
    "outreach:training_attendance": _pk("outreach.TrainingSession"),
    "outreach:training_nominate": _pk("outreach.TrainingSession"),
    "outreach:training_attendance_remove": _attendance,
    "outreach:training_certificate": _attendance,
    "outreach:training_exemption_remove": _pk("outreach.Exemption"),
    "outreach:document": _documents("outreach", numbered=False),
    # coordination in proceedings, complaints, fees (issue 17)
    "cases:case_proceedings_action": _actions("cases.Case", "register", "papers", "force-majeure"),
    "cases:registration_outcome": _registration,
    "cases:case_sessions": _pk("cases.Case"),
    "cases:case_sessions_action": _actions("cases.Case", "from-log", "confirm", "lump-sum"),
    "cases:complaint_detail": _pk("cases.Complaint"),
    "cases:complaint_action": _with("cases.Complaint", "action", _complaint_steps),
    "cases:conflict_check": _pk("cases.LegalAidRequest"),
    "cases:notice_detail": _pk("cases.ProceduralNotice"),
    "cases:notice_action": _actions("cases.ProceduralNotice", "link", "answer"),
    "cases:notice_register": lambda: [({"year": 2026}, None)],
    "cases:payment_file": lambda: [({"fmt": "xlsx"}, None), ({"fmt": "pdf"}, None)],
    "cases:roster_detail": _pk("cases.DutyRoster"),
    "cases:roster_action": _actions("cases.DutyRoster", "add", "issue", "remove"),
    # the inter-agency council (issue 17.4)
    "cases:council_member_end": _pk("cases.CouncilMember"),
    "cases:council_meeting": _pk("cases.CouncilMeeting"),
    "cases:council_meeting_edit": _pk("cases.CouncilMeeting"),
    "cases:council_meeting_delete": _pk("cases.CouncilMeeting"),
    "cases:council_meeting_minutes": _pk("cases.CouncilMeeting"),
    "cases:council_report_prepare": lambda: [({"year": 2026, "round_": r}, None) for r in (1, 2)],
    "cases:council_report": _pk("cases.CouncilReport"),
    "cases:council_report_xlsx": _pk("cases.CouncilReport"),
    # online intake, reception's side (issue 12.8)
    "cases:online_detail": _pk("cases.OnlineSubmission"),
    "cases:online_record": _pk("cases.OnlineSubmission"),
    "cases:online_decline": _pk("cases.OnlineSubmission"),
    "password_reset_confirm": lambda: [({"uidb64": "MQ", "token": "sai-ma-xac-nhan"}, None)],
    # outreach (issue 15)
    "outreach:activity": _pk("outreach.Activity"),
    "outreach:activity_edit": _pk("outreach.Activity"),
    "outreach:activity_requests": _pk("outreach.Activity"),
    "outreach:attachment_add": _pk("outreach.Activity"),
    "outreach:attachment": _through("outreach.ActivityAttachment", "activity"),
    "outreach:recurring": _pk("outreach.RecurringTarget"),
    "outreach:material": _pk("outreach.Material"),
    "outreach:placement_create": _pk("outreach.Material"),
    "outreach:inspect": _through("outreach.Placement", "material"),
    "outreach:commune": _commune,
    "outreach:commune_edit": _commune,
    "outreach:contact_add": _commune,
    "outreach:contact_end": _pk("outreach.CommuneContact"),
    "notification_read": _notification,
    "ics_feed": _ics,
    # --- reports (issue 16): the demo's sent quarter and its current draft ---
    **{f"reports:{name}": _pk("reports.Report") for name in REPORT_PAGES},
    "reports:version": lambda: [
        ({"pk": r.pk, "number": 1}, r) for r in _each("reports.Report", version__gt=0)
    ],
    "reports:drill": lambda: [
        ({"pk": r.pk, "section": section}, r)
        for r in _each("reports.Report")
        for section in ("b24", "b25")
    ],
    "reports:document": _documents("reports", numbered=False),
    "reports:propose_estimates": _pk("reports.Report"),
    "reports:estimate": lambda: [
        ({"pk": r.pk, "section": section}, r)
        for r in _each("reports.Report", kind__in=["six_month", "annual"])
        for section in ("b24", "trainings")
    ],
    # export jobs (issue 18.3): only their owner has them
    "exports:detail": _pk("tgpl.ExportJob"),
    "exports:download": _pk("tgpl.ExportJob"),
}
