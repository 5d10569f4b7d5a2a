"""The official documents of requests and cases, built on tgpl.documents.builders.

- an approved Assignment: the decision appointing (TP-TGPL-14 for litigation,
  06-TP-TGPL for out-of-court representation) or replacing (TP-TGPL-15, 07-TP-TGPL)
  the performer; advice has no decision;
- a refused LegalAidRequest: the refusal notice (08-TP-TGPL);
- a discontinued Case: the notice that the case is not continued (Điều 37).

A document carries the number given to it in the register (IssuedDocument of the
object), or stays a draft "Số: /QĐ-TGPL" until then.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from tgpl import roles
from tgpl.documents import Document, Signer
from tgpl.documents import builders as b
from tgpl.documents.models import IssuedDocument
from tgpl.documents.registry import NotFound, Source, register

from .models import Assignment, Case, LegalAidRequest, Performer
from .states import AssignmentStatus, CaseStatus, Form, RequestStatus, Sex

PERFORMER_TITLES = {
    Performer.Kind.LEGAL_AID_OFFICER: "Trợ giúp viên pháp lý",
    Performer.Kind.CONTRACTED_LAWYER: "Luật sư",
    Performer.Kind.COLLABORATOR: "Cộng tác viên trợ giúp pháp lý",
}


def issued_for(obj, kind: str) -> IssuedDocument | None:
    """The latest number the register gave to this object's document of this kind."""
    return (
        IssuedDocument.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, kind=kind
        )
        .order_by("-issued_at", "-pk")
        .first()
    )


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


# --- decision appointing or replacing the performer -----------------------------------


def assignment_decision(assignment: Assignment) -> Document:
    case = assignment.case
    req = case.request
    if case.form not in (Form.LITIGATION, Form.REPRESENTATION):
        raise NotFound("Tư vấn pháp luật không có quyết định cử người thực hiện.")
    profile = Performer.objects.filter(user=assignment.performer).first()
    replaces = ""
    if assignment.kind == Assignment.Kind.REPLACE:
        before = (
            case.assignments.exclude(pk=assignment.pk)
            .filter(
                status__in=[AssignmentStatus.APPROVED, AssignmentStatus.SUPERSEDED],
                decided_at__lte=assignment.decided_at or timezone.now(),
            )
            .select_related("performer")
            .order_by("-decided_at")
            .first()
        )
        replaces = before.performer.full_name if before else "người thực hiện trước đây"
    litigation = case.form == Form.LITIGATION
    agency = req.notifying_agency.name if litigation and req.notifying_agency_id else ""
    head = b.letterhead(
        case.centre,
        kind="QĐ",
        signer=_signer(assignment.decided_by, case.centre),
        issued=issued_for(assignment, "QĐ"),
        year=timezone.localdate().year,
    )
    return b.performer_decision(
        head,
        form=b.LITIGATION if litigation else b.REPRESENTATION,
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


def find_assignment(identifier: str, **_options) -> Assignment:
    assignment = _get(
        Assignment.objects.select_related(
            "case__centre__parent_agency",
            "case__department",
            "case__request__legal_field",
            "case__request__notifying_agency",
            "performer",
            "decided_by__department",
        ),
        identifier,
        "đề xuất cử người",
    )
    if assignment.status not in (AssignmentStatus.APPROVED, AssignmentStatus.SUPERSEDED):
        raise NotFound("Đề xuất cử người chưa được duyệt: chưa có quyết định.")
    return assignment


# --- notices ----------------------------------------------------------------------------


def refusal_notice(request: LegalAidRequest) -> Document:
    head = b.letterhead(
        request.centre,
        kind="TB",
        signer=_signer(request.decided_by, request.centre),
        issued=issued_for(request, "TB"),
        year=timezone.localdate().year,
    )
    return b.refusal_notice(
        head,
        requester=requester(request),
        aided_person=person(request),
        received_on=timezone.localdate(request.received_at),
        request_summary=request.summary,
        ground=request.get_refusal_ground_display(),
        reasons=request.notice_text,
    )


def find_refusal(identifier: str, **_options) -> LegalAidRequest:
    request = _get(
        LegalAidRequest.objects.select_related("centre__parent_agency", "decided_by__department"),
        identifier,
        "yêu cầu",
    )
    if request.status != RequestStatus.REFUSED:
        raise NotFound("Yêu cầu này không bị từ chối thụ lý: không có thông báo từ chối.")
    return request


def discontinuation_notice(case: Case) -> Document:
    change = (
        case.history.filter(status=CaseStatus.DISCONTINUED)
        .select_related("history_user__department")
        .order_by("history_date")
        .first()
    )
    head = b.letterhead(
        case.centre,
        kind="TB",
        signer=_signer(change.history_user if change else None, case.centre),
        issued=issued_for(case, "TB"),
        year=timezone.localdate().year,
    )
    return b.discontinuation_notice(
        head,
        aided_person=person(case.request),
        case_code=case.code,
        form_name=case.get_form_display(),
        ground=case.get_discontinue_ground_display(),
        reasons=case.notice_text,
        performer=case.performer.full_name if case.performer_id else "",
    )


def find_discontinued(identifier: str, **_options) -> Case:
    case = _get(
        Case.objects.select_related("centre__parent_agency", "request", "performer"),
        identifier,
        "vụ việc",
    )
    if case.status != CaseStatus.DISCONTINUED:
        raise NotFound("Vụ việc này không bị dừng thực hiện: không có thông báo.")
    return case


def _get(queryset, identifier: str, label: str):
    identifier = identifier.strip()
    if not identifier.isdigit():
        raise NotFound(f"Mã {label} phải là một số: “{identifier}”.")
    found = queryset.filter(pk=int(identifier)).first()
    if found is None:
        raise NotFound(f"Không tìm thấy {label} mã {identifier}.")
    return found


def _visible_requests(user, ids: list[int]) -> set[int]:
    return set(
        LegalAidRequest.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)
    )


def _visible_cases(user, ids: list[int]) -> set[int]:
    return set(Case.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def _visible_assignments(user, ids: list[int]) -> set[int]:
    return set(
        Assignment.objects.filter(pk__in=ids, case__in=Case.objects.visible_to(user)).values_list(
            "pk", flat=True
        )
    )


register(
    Source(
        name="assignment",
        label="quyết định cử, thay thế người thực hiện",
        find=find_assignment,
        build=assignment_decision,
        model=Assignment,
        url=lambda pk: reverse("cases:assignment_detail", args=[pk]),
        visible=_visible_assignments,
    )
)
register(
    Source(
        name="refusal",
        label="thông báo từ chối thụ lý",
        find=find_refusal,
        build=refusal_notice,
        model=LegalAidRequest,
        url=lambda pk: reverse("cases:request_detail", args=[pk]),
        visible=_visible_requests,
    )
)
register(
    Source(
        name="discontinuation",
        label="thông báo không tiếp tục thực hiện",
        find=find_discontinued,
        build=discontinuation_notice,
        model=Case,
        url=lambda pk: reverse("cases:case_detail", args=[pk]),
        visible=_visible_cases,
    )
)
