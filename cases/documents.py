"""The official documents of requests and cases: each kind declared once, here.

- APPOINTMENT: an approved Assignment's decision appointing (TP-TGPL-14 for
  litigation, 06-TP-TGPL for out-of-court representation) or replacing (TP-TGPL-15,
  07-TP-TGPL) the performer; advice has no decision;
- REFUSAL: a refused LegalAidRequest's refusal notice (08-TP-TGPL);
- DISCONTINUATION: a discontinued Case's notice that it is not continued (Điều 37).

A document carries the number given to it in the register (IssuedDocument of the
object), or stays a draft "Số: /QĐ-TGPL" until then. The wording is in
cases/document_wording.py; the service that decides takes the number
(cases/services/numbering.py). A new kind: a builder and a declaration here, a
`number_now` call in its service (the recipe: tgpl/documents/kinds.py).
"""

from __future__ import annotations

from fractions import Fraction

from django.urls import reverse
from django.utils import timezone

from tgpl import roles
from tgpl.documents import Document, Signer
from tgpl.documents import builders as b
from tgpl.documents.kinds import DocumentKind
from tgpl.documents.registry import register
from tgpl.documents.selectors import issued_for

from . import appraisal_wording as aw
from . import document_wording as w
from .models import (
    Appraisal,
    AppraisalPlan,
    Assignment,
    Case,
    LegalAidRequest,
    Performer,
    QuotaDecision,
)
from .rules.quotas import fraction_text
from .states import (
    AppraisalStatus,
    AssignmentStatus,
    CaseStatus,
    Form,
    PlanStatus,
    QuotaDecisionStatus,
    RequestStatus,
    Sex,
)

PERFORMER_TITLES = {
    Performer.Kind.LEGAL_AID_OFFICER: "Trợ giúp viên pháp lý",
    Performer.Kind.CONTRACTED_LAWYER: "Luật sư",
    Performer.Kind.COLLABORATOR: "Cộng tác viên trợ giúp pháp lý",
}
DECIDED = (AssignmentStatus.APPROVED, AssignmentStatus.SUPERSEDED)


def person(request: LegalAidRequest) -> str:
    """The aided person with the honorific the sex gives: "bà Hoàng Thị Bích Ngọc"."""
    honorific = {Sex.MALE: "ông", Sex.FEMALE: "bà"}.get(request.sex, "ông/bà")
    return f"{honorific} {request.full_name}"


def requester(request: LegalAidRequest) -> str:
    if request.requester_is_aided or not request.requester_name.strip():
        return person(request)
    return request.requester_name.strip()


def _signer(user, centre) -> Signer:
    """The leader or head who decided signs; otherwise the centre's director."""
    if user is not None and (roles.is_leadership(user) or roles.is_department_head(user)):
        return b.signer_for(user)
    director = roles.director_of(centre)
    return b.signer_for(director) if director else Signer(name="", title="Giám đốc")


def _head(kind: DocumentKind, obj, signer: Signer) -> b.Letterhead:
    """The letterhead of `obj`'s document of `kind`: its register number, or a draft."""
    centre = kind.centre(obj)
    return b.letterhead(
        centre,
        kind=kind.number_kind,
        signer=signer,
        issued=issued_for(obj, kind.number_kind),
        year=timezone.localdate().year,
    )


def _case_documents(user, obj) -> bool:
    return roles.can_download_case_documents(user, obj)


# --- decision appointing or replacing the performer -----------------------------------


def assignment_decision(assignment: Assignment) -> Document:
    case = assignment.case
    req = case.request
    profile = Performer.objects.filter(user=assignment.performer).first()
    replaces = ""
    if assignment.kind == Assignment.Kind.REPLACE:
        before = (
            case.assignments.exclude(pk=assignment.pk)
            .filter(status__in=DECIDED, decided_at__lte=assignment.decided_at or timezone.now())
            .select_related("performer")
            .order_by("-decided_at")
            .first()
        )
        replaces = before.performer.full_name if before else "người thực hiện trước đây"
    litigation = case.form == Form.LITIGATION
    agency = req.notifying_agency.name if litigation and req.notifying_agency_id else ""
    return w.performer_decision(
        _head(APPOINTMENT, assignment, _signer(assignment.decided_by, case.centre)),
        form=w.LITIGATION if litigation else w.REPRESENTATION,
        performer=assignment.performer.full_name,
        performer_title=PERFORMER_TITLES.get(profile.kind, "") if profile else "",
        card_number=profile.card_number if profile else "",
        aided_person=person(req),
        case_code=case.code,
        case_summary=f"lĩnh vực {req.legal_field.name.lower()}",
        replaces=replaces,
        reason=assignment.reason if replaces else "",
        proposer=f"Trưởng {case.department.name}" if case.department_id else "",
        procedural_body=agency,
    )


def _no_decision(assignment: Assignment) -> str:
    if assignment.status not in DECIDED:
        return "Đề xuất cử người chưa được duyệt: chưa có quyết định."
    if assignment.case.form not in w.FORM_NAMES:
        return "Tư vấn pháp luật không có quyết định cử người thực hiện."
    return ""


def _verb(assignment: Assignment) -> str:
    return "thay thế" if assignment.kind == Assignment.Kind.REPLACE else "cử"


APPOINTMENT = register(
    DocumentKind(
        name="assignment",
        label="quyết định cử, thay thế người thực hiện",
        model=Assignment,
        number_kind="QĐ",
        visible_to=lambda user: Assignment.objects.filter(case__in=Case.objects.visible_to(user)),
        may_download=_case_documents,
        build=assignment_decision,
        subject=lambda a: (
            f"Về việc {_verb(a)} người thực hiện trợ giúp pháp lý {w.FORM_NAMES[a.case.form]}, "
            f"vụ việc {a.case.code}"
        ),
        absent=_no_decision,
        title=lambda a: f"Quyết định {_verb(a)} người thực hiện: {a.performer.full_name}",
        listed_on=Case,
        of=lambda case: case.assignments.all(),
        page=lambda a: reverse("cases:assignment_detail", args=[a.pk]),
        centre=lambda a: a.case.centre,
        related=(
            "case__centre__parent_agency",
            "case__department",
            "case__request__legal_field",
            "case__request__notifying_agency",
            "performer",
            "decided_by__department",
        ),
        read_record=lambda a: a.case.request,
    )
)


# --- notices ----------------------------------------------------------------------------


def refusal_notice(request: LegalAidRequest) -> Document:
    return w.refusal_notice(
        _head(REFUSAL, request, _signer(request.decided_by, request.centre)),
        requester=requester(request),
        aided_person=person(request),
        received_on=timezone.localdate(request.received_at),
        request_summary=request.summary,
        ground=request.get_refusal_ground_display(),
        reasons=request.notice_text,
    )


REFUSAL = register(
    DocumentKind(
        name="refusal",
        label="thông báo từ chối thụ lý",
        model=LegalAidRequest,
        number_kind="TB",
        visible_to=lambda user: LegalAidRequest.objects.visible_to(user),
        may_download=_case_documents,
        build=refusal_notice,
        subject=lambda req: f"Về việc từ chối thụ lý yêu cầu trợ giúp pháp lý số {req.pk}",
        absent=lambda req: (
            ""
            if req.status == RequestStatus.REFUSED
            else "Yêu cầu này không bị từ chối thụ lý: không có thông báo từ chối."
        ),
        title=lambda req: "Thông báo từ chối thụ lý (Mẫu 08-TP-TGPL)",
        listed_on=LegalAidRequest,
        page=lambda req: reverse("cases:request_detail", args=[req.pk]),
        numbered_later=True,
        related=("centre__parent_agency", "decided_by__department"),
        read_record=lambda req: req,
    )
)


def discontinuation_notice(case: Case) -> Document:
    change = (
        case.history.filter(status=CaseStatus.DISCONTINUED)
        .select_related("history_user__department")
        .order_by("history_date")
        .first()
    )
    return w.discontinuation_notice(
        _head(DISCONTINUATION, case, _signer(change.history_user if change else None, case.centre)),
        aided_person=person(case.request),
        case_code=case.code,
        form_name=case.get_form_display(),
        ground=case.get_discontinue_ground_display(),
        reasons=case.notice_text,
        performer=case.performer.full_name if case.performer_id else "",
    )


DISCONTINUATION = register(
    DocumentKind(
        name="discontinuation",
        label="thông báo không tiếp tục thực hiện",
        model=Case,
        number_kind="TB",
        visible_to=lambda user: Case.objects.visible_to(user),
        may_download=_case_documents,
        build=discontinuation_notice,
        subject=lambda case: (
            f"Về việc không tiếp tục thực hiện trợ giúp pháp lý, vụ việc {case.code}"
        ),
        absent=lambda case: (
            ""
            if case.status == CaseStatus.DISCONTINUED
            else "Vụ việc này không bị dừng thực hiện: không có thông báo."
        ),
        title=lambda case: "Thông báo không tiếp tục thực hiện trợ giúp pháp lý",
        listed_on=Case,
        page=lambda case: reverse("cases:case_detail", args=[case.pk]),
        numbered_later=True,
        related=("centre__parent_agency", "request", "performer"),
        read_record=lambda case: case.request,
    )
)


# --- quality appraisal and quotas (issue 14) ------------------------------------------


def _plan_signer(plan: AppraisalPlan) -> Signer:
    return _signer(plan.decided_by, plan.centre)


def appraisers_decision(plan: AppraisalPlan) -> Document:
    appraisals = plan.appraisals.select_related("case__performer").prefetch_related(
        "appraisers__user"
    )
    cases = [
        aw.CaseAppraisers(
            a.case.code,
            a.case.performer.full_name if a.case.performer_id else "",
            tuple(p.user.full_name for p in a.appraisers.all()),
        )
        for a in appraisals
    ]
    period = f"vụ việc kết thúc từ {plan.period_start:%d/%m/%Y} đến {plan.period_end:%d/%m/%Y}"
    return aw.appraisers_decision(
        _head(APPRAISERS, plan, _plan_signer(plan)),
        plan_title=plan.title,
        period=period,
        cases=cases,
    )


APPRAISERS = register(
    DocumentKind(
        name="appraisers",
        label="quyết định phân công thẩm định chất lượng",
        model=AppraisalPlan,
        number_kind="QĐ",
        visible_to=lambda user: AppraisalPlan.objects.visible_to(user),
        build=appraisers_decision,
        subject=lambda plan: f"Về việc phân công thẩm định chất lượng vụ việc – {plan.title}",
        absent=lambda plan: (
            ""
            if plan.status in (PlanStatus.IN_APPRAISAL, PlanStatus.CLOSED)
            else "Chưa ban hành quyết định phân công người thẩm định."
        ),
        title=lambda plan: "Quyết định phân công người thẩm định",
        listed_on=AppraisalPlan,
        page=lambda plan: reverse("cases:appraisal_plan", args=[plan.pk]),
        related=("centre__parent_agency", "decided_by__department"),
    )
)


def _score(value) -> str:
    return "—" if value is None else fraction_text(Fraction(value))


def appraisal_report(appraisal: Appraisal) -> Document:
    from .services.appraisal import sheet_rules

    case = appraisal.case
    criteria, _bands = sheet_rules(appraisal.criteria_on)
    appraisers = list(appraisal.appraisers.select_related("user"))
    return aw.appraisal_report(
        _head(REPORT, appraisal, _signer(appraisal.approved_by, case.centre)),
        case_code=case.code,
        form_name=case.get_form_display(),
        field_name=case.request.legal_field.name,
        performer=case.performer.full_name if case.performer_id else "",
        appraisers=[a.user.full_name for a in appraisers],
        lines=[
            aw.ScoreLine(c.code, c.label, _score(c.max_points), _score(appraisal.score_of(c.code)))
            for c in criteria
        ],
        total=_score(appraisal.total),
        grade=appraisal.get_grade_display(),
        breach_note=appraisal.breach_note if appraisal.breach_6_1 else "",
        satisfaction=appraisal.get_satisfaction_source_display() or "không ghi nhận",
        opinion=appraisal.opinion,
        conclusion=appraisal.conclusion,
        written_opinions=[f"{a.user.full_name}: {a.opinion}" for a in appraisers if a.opinion],
    )


REPORT = register(
    DocumentKind(
        name="appraisal_report",
        label="báo cáo thẩm định chất lượng vụ việc",
        model=Appraisal,
        number_kind="BC",
        visible_to=lambda user: Appraisal.objects.visible_to(user),
        build=appraisal_report,
        subject=lambda a: f"Kết quả thẩm định chất lượng vụ việc {a.case.code}",
        absent=lambda a: (
            ""
            if a.status == AppraisalStatus.APPROVED
            else "Kết luận thẩm định chưa được duyệt: chưa có báo cáo."
        ),
        title=lambda a: f"Báo cáo thẩm định vụ việc {a.case.code}",
        listed_on=Appraisal,
        page=lambda a: reverse("cases:appraisal_detail", args=[a.pk]),
        centre=lambda a: a.case.centre,
        related=(
            "case__centre__parent_agency",
            "case__performer",
            "case__request__legal_field",
            "approved_by__department",
        ),
    )
)


def quota_decision(decision: QuotaDecision) -> Document:
    lines = []
    for line in decision.lines.select_related("user"):
        if line.exempt_reason:
            levels = f"miễn chỉ tiêu ({line.exempt_reason})"
        else:
            levels = (
                f"Đạt từ {_score(line.pass_from)}, Khá từ {_score(line.good_from)}, "
                f"Tốt từ {_score(line.excellent_from)} vụ việc"
            )
        lines.append(aw.QuotaLine(line.user.full_name, levels))
    return aw.quota_decision(
        _head(QUOTA, decision, _signer(decision.issued_by, decision.centre)),
        year=decision.year,
        lines=lines,
    )


QUOTA = register(
    DocumentKind(
        name="quota",
        label="quyết định giao chỉ tiêu",
        model=QuotaDecision,
        number_kind="QĐ",
        visible_to=lambda user: QuotaDecision.objects.visible_to(user),
        build=quota_decision,
        subject=lambda d: f"Về việc giao chỉ tiêu vụ việc tham gia tố tụng năm {d.year}",
        absent=lambda d: (
            ""
            if d.status == QuotaDecisionStatus.ISSUED
            else "Quyết định giao chỉ tiêu chưa ban hành."
        ),
        title=lambda d: f"Quyết định giao chỉ tiêu năm {d.year}",
        listed_on=QuotaDecision,
        page=lambda d: reverse("cases:quota_decision", args=[d.year]),
        related=("centre__parent_agency", "issued_by__department"),
    )
)


# --- issue 17: the duty roster sent to the procedural body --------------------------------

from .models import DutyRoster  # noqa: E402 - appended block of issue 17


def roster_notice(roster) -> Document:
    """The month's roster with the performers and their phones, sent to the agency
    (TTLT 10/2018 Điều 3.2: the list and phone numbers of the performers)."""
    shifts = roster.shifts.select_related("performer__performer").order_by("day", "start")
    lines = [
        f"Trung tâm Trợ giúp pháp lý nhà nước thông báo lịch trực trợ giúp pháp lý tháng "
        f"{roster.month:02d}/{roster.year} tại {roster.agency.name} như sau:"
    ]
    for s in shifts:
        profile = getattr(s.performer, "performer", None)
        title = PERFORMER_TITLES.get(profile.kind, "") if profile else ""
        lines.append(
            f"- Ngày {s.day:%d/%m/%Y}, từ {s.start:%H:%M} đến {s.end:%H:%M}: "
            f"{title} {s.performer.full_name}, điện thoại {s.phone}"
        )
    lines.append(
        "Khi có người thuộc diện được trợ giúp pháp lý yêu cầu, đề nghị Quý cơ quan liên hệ "
        "người trực theo số điện thoại trên và gửi Thông báo (Mẫu 03) hoặc Thông tin (Mẫu 04) "
        "theo Thông tư liên tịch số 10/2018/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC"
    )
    return b.notice(
        _head(ROSTER, roster, _signer(roster.issued_by, roster.centre)),
        subject=f"lịch trực trợ giúp pháp lý tháng {roster.month:02d}/{roster.year}",
        addressees=[roster.agency.name],
        paragraphs=lines,
        recipients=[roster.agency.name, "Lưu: VT"],
    )


ROSTER = register(
    DocumentKind(
        name="roster",
        label="thông báo lịch trực",
        model=DutyRoster,
        number_kind="TB",
        visible_to=lambda user: DutyRoster.objects.visible_to(user),
        build=roster_notice,
        subject=lambda r: f"Về việc lịch trực TGPL tháng {r.month:02d}/{r.year} – {r.agency.name}",
        absent=lambda r: "" if r.status == "issued" else "Lịch trực chưa ban hành.",
        title=lambda r: f"Thông báo lịch trực tháng {r.month:02d}/{r.year} – {r.agency.name}",
        listed_on=DutyRoster,
        page=lambda r: reverse("cases:roster_detail", args=[r.pk]),
        numbered_later=True,
        related=("centre__parent_agency", "agency", "issued_by__department"),
        # it names performers, not applicants: the roster itself is the record read
        read_record=lambda r: r,
    )
)


# --- issue 17: the Centre's reply to a procedural body's notice or information -----------

from .models import ProceduralNotice  # noqa: E402 - appended block of issue 17


def notice_reply(notice) -> Document:
    """The reply to the body that sent a Mẫu 03 / Mẫu 04: who was appointed, or that the
    person is not eligible or made no request (TTLT 10/2018 Điều 3.3)."""
    case = getattr(notice.request, "case", None) if notice.request_id else None
    lines = [
        f"Ngày {timezone.localtime(notice.received_at):%d/%m/%Y}, lúc "
        f"{timezone.localtime(notice.received_at):%H giờ %M}, Trung tâm nhận được "
        f"{notice.get_kind_display()} của {notice.agency.name} (vụ án, vụ việc số "
        f"{notice.agency_case_number}) về {notice.person_name} "
        f"({notice.get_person_status_display().lower()}).",
        notice.answer,
    ]
    if case is not None and case.performer_id:
        lines.append(f"Người thực hiện trợ giúp pháp lý: {case.performer.full_name} ({case.code})")
    return b.notice(
        _head(NOTICE_REPLY, notice, _signer(None, notice.centre)),
        subject=f"trả lời {notice.get_kind_display().split(' (')[0].lower()}",
        addressees=[notice.agency.name],
        paragraphs=lines,
        recipients=[notice.agency.name, "Lưu: VT"],
    )


NOTICE_REPLY = register(
    DocumentKind(
        name="notice_reply",
        label="văn bản trả lời cơ quan tiến hành tố tụng",
        model=ProceduralNotice,
        number_kind="TB",
        visible_to=lambda user: ProceduralNotice.objects.visible_to(user),
        may_download=_case_documents,
        build=notice_reply,
        subject=lambda n: f"Về việc trả lời {n} của {n.agency.name}",
        absent=lambda n: "" if n.answered_at else "Chưa có nội dung trả lời cơ quan.",
        title=lambda n: "Văn bản trả lời cơ quan tiến hành tố tụng",
        listed_on=ProceduralNotice,
        page=lambda n: reverse("cases:notice_detail", args=[n.pk]),
        numbered_later=True,
        related=("centre__parent_agency", "agency", "request__case__performer"),
        read_record=lambda n: n,
    )
)


# --- issue 17.4: the inter-agency council's report (declared in its own module) -------

from . import documents_council  # noqa: E402, F401 - registers COUNCIL_REPORT
