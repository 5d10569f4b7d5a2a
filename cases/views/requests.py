"""Pages of legal-aid requests: list, intake, detail with the decision actions."""

from __future__ import annotations

import contextlib
import functools
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from cases import selectors, selectors_rows, services
from cases.eligibility import assess_choice, assess_request, category_queryset, document_names
from cases.forms import (
    AcceptForm,
    MissingProofForm,
    RecordProofForm,
    RefuseForm,
    RequestForm,
    TransferForm,
)
from cases.models import ProofDocument
from cases.rules import uploads
from cases.rules.eligibility import birth_problem
from cases.services.request_fields import category_age_problems
from cases.states import REQUEST_TRANSITIONS
from tgpl import roles
from tgpl.actions import Action, submit
from tgpl.audit import ReadKind, log_read
from tgpl.audit.selectors import reads_of
from tgpl.documents.selectors import documents_of
from tgpl.errors import BusinessRuleError
from tgpl.forms import add_business_error
from tgpl.history import timeline_for
from tgpl.kernel import allowed
from tgpl.paginate import paginate

from .common import filter_panel

LIST_CRUMB = ("Yêu cầu TGPL", "/cases/")


def request_list(request):
    panel, filters = filter_panel(request, for_cases=False)
    page, query = paginate(
        request,
        selectors.request_list(request.user, filters),
        searched=bool(filters.q),
        rows=functools.partial(selectors_rows.request_rows, request.user, searched=bool(filters.q)),
    )
    return render(
        request,
        "cases/request_list.html",
        {
            "title": "Yêu cầu trợ giúp pháp lý",
            "filter_panel": panel,
            "page": page,
            "query": query,
            "personal": roles.can_see_personal_data(request.user),
            "can_receive": roles.can_receive_requests(request.user),
            "can_import": roles.can_import_registers(request.user),
        },
    )


def _upload_token(request) -> uuid.UUID:
    """The intake form's token, under which its files are held between tries."""
    try:
        return uuid.UUID(request.POST.get("upload_token", ""))
    except ValueError:
        return uuid.uuid4()


def _form_page(request, form, req=None, *, token=None, held=(), known=()):
    if req is not None:  # the edit form shows the applicant's record
        log_read(request, req, ReadKind.VIEW)
    title = "Sửa yêu cầu" if req else "Tiếp nhận yêu cầu trợ giúp pháp lý"
    crumbs = [LIST_CRUMB, (title, "")]
    return render(
        request,
        "cases/request_form.html",
        {
            "title": title,
            "breadcrumbs": crumbs,
            "form": form,
            "object": req,
            "upload_token": token,
            "held": held,
            "known": known,
        },
        # a possible duplicate is a warning to confirm, not an error
        status=400 if form.is_bound and (form.errors or not known) else 200,
    )


def _known(request, form, req=None) -> list:
    """Earlier requests of the same person, unless the user has confirmed having seen
    them; on the edit page only when who the person is was changed."""
    if form.cleaned_data.get("confirm_known"):
        return []
    if req is not None and not {"identity_number", "full_name", "birth_date", "birth_year"} & set(
        form.changed_data
    ):
        return []
    return selectors.known_person_requests(
        request.user, **form.person, exclude_pk=req.pk if req else None
    )


def _save(request, form, req=None, token=None):
    """Receive a new request or save an edited one; the saved request, or None."""

    def action(data):
        kwargs = {
            "actor": request.user,
            "fields": form.service_fields(),
            "categories": data["categories"],
            "proofs": data["proofs"],
        }
        if req is None:
            return services.receive_request(**kwargs, held_token=token)
        services.update_request(request=req, **kwargs)
        return req

    success = "Đã lưu thông tin yêu cầu." if req else "Đã tiếp nhận yêu cầu."
    outcome = submit(request, form, action, success=success)
    return outcome.value if outcome else None


def _hold(request, form, token) -> list:
    """Keep the files of this try (those that passed their checks) and drop the ones the
    user took off, whatever becomes of the rest of the form."""
    files = getattr(form, "cleaned_data", {}).get("attachments") or []
    try:
        return services.hold_uploads(
            actor=request.user, token=token, files=files, remove=request.POST.getlist("held_remove")
        )
    except BusinessRuleError as exc:
        add_business_error(form, exc)
        return services.held_uploads(actor=request.user, token=token)


def request_create(request):
    if not roles.can_receive_requests(request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = RequestForm(
        data, request.FILES if request.method == "POST" else None, centre=request.user.centre
    )
    token, held, known = _upload_token(request), [], []
    if request.method == "POST":
        valid = form.is_valid()
        held = _hold(request, form, token)
        if valid and not form.errors:
            known = _known(request, form)
            if not known:
                req = _save(request, form, token=token)
                if req is not None:
                    return redirect("cases:request_detail", pk=req.pk)
    return _form_page(request, form, token=token, held=held, known=known)


def request_edit(request, pk: int):
    req = selectors.get_request_for(request.user, pk, can=roles.can_handle_request)
    if not REQUEST_TRANSITIONS.can("update", req.status):
        raise PermissionDenied
    initial = {"categories": req.categories.all(), "proofs": req.proofs.all()}
    form = RequestForm(
        request.POST if request.method == "POST" else None,
        instance=req,
        initial=initial,
        centre=req.centre,
    )
    known = []
    if request.method == "POST":
        if form.is_valid():
            known = _known(request, form, req)
            if not known and _save(request, form, req) is not None:
                return redirect("cases:request_detail", pk=req.pk)
        req.refresh_from_db()
    return _form_page(request, form, req, known=known)


def _action_forms(req, bound=None):
    forms = {
        "missing-proof": MissingProofForm(),
        "proof": RecordProofForm(),
        "accept": AcceptForm(centre=req.centre, initial={"department": req.department_id}),
        "refuse": RefuseForm(),
        "transfer": TransferForm(centre=req.centre),
    }
    if bound:
        forms.update(bound)
    return forms


def _permissions(user, req, case) -> dict:
    """Which actions the page offers: the role and the state table agree."""
    handle = roles.can_handle_request(user, req)
    state = allowed(REQUEST_TRANSITIONS, req.status)
    can = {name: handle and spec.transition in state for name, spec in REQUEST_ACTIONS.items()}
    can["edit"] = handle and "update" in state
    # documents received after acceptance complete the case's proof (record_proof on the case)
    can["proof"] = can["proof"] or (handle and case is not None and case.is_open)
    return can


def _overview(request, req):
    """What a supervisor (the Sở reviewer) sees of a request: its number, state, form,
    field, dates and decision, never the person, the categories or a free-text fact.
    Listed field by field (a whitelist), so a field added to the full page stays there."""
    return render(
        request,
        "cases/request_overview.html",
        {
            "title": f"Yêu cầu #{req.pk}",
            "breadcrumbs": [LIST_CRUMB, (f"Yêu cầu #{req.pk}", "")],
            "object": req,
            "case": getattr(req, "case", None),
        },
    )


def _detail(request, req, bound=None, status=200):
    if not roles.can_read_case_facts(request.user):
        return _overview(request, req)
    case = getattr(req, "case", None)
    log_read(request, req, ReadKind.VIEW)
    can = _permissions(request.user, req, case)
    forms = _action_forms(req, bound) if any(can.values()) else {}
    return render(
        request,
        "cases/request_detail.html",
        {
            "title": f"Yêu cầu #{req.pk}",
            "breadcrumbs": [LIST_CRUMB, (f"Yêu cầu #{req.pk}", "")],
            "object": req,
            "case": case,
            "categories": list(req.categories.all()),
            "proofs": list(req.proofs.all()),
            "attachments": list(req.attachments.all())
            if roles.can_open_attachments(request.user, req)
            else [],
            "documents": documents_of(request.user, req),
            "assessment": assess_request(req),
            "doc_names": document_names(),
            "personal": roles.can_see_personal_data(request.user),
            "can": can,
            "forms": forms,
            "timeline": timeline_for(req),
            "reads": reads_of(request.user, req),
            "can_see_reads": roles.can_see_read_log(request.user, req.centre_id),
        },
        status=status,
    )


def request_detail(request, pk: int):
    return _detail(request, selectors.get_request_for(request.user, pk))


def _missing_proof(u, r, d):
    return services.request_missing_proof(actor=u, request=r, note=d["note"])


def _record_proof(u, r, d):
    return services.record_proof(actor=u, request=r, proofs=d["proofs"])


def _accept(u, r, d):
    return services.accept_request(
        actor=u, request=r, department=d["department"], immediate_ground=d["immediate_ground"]
    )


def _refuse(u, r, d):
    return services.refuse_request(
        actor=u, request=r, ground=d["ground"], notice_text=d["notice_text"]
    )


def _transfer(u, r, d):
    return services.transfer_request(
        actor=u,
        request=r,
        to_centre=d["to_centre"],
        to_name=d["to_name"],
        notice_text=d["notice_text"],
    )


def _centre(req) -> dict:
    return {"centre": req.centre}


@dataclass(frozen=True)
class RequestAction(Action):
    transition: str = ""


REQUEST_ACTIONS = {
    "missing-proof": RequestAction(
        roles.can_handle_request,
        MissingProofForm,
        _missing_proof,
        "Đã ghi nhận yêu cầu bổ sung giấy tờ.",
        transition="request_missing_proof",
    ),
    "proof": RequestAction(
        roles.can_handle_request,
        RecordProofForm,
        _record_proof,
        "Đã ghi nhận giấy tờ bổ sung.",
        transition="record_proof",
    ),
    "accept": RequestAction(
        roles.can_handle_request,
        AcceptForm,
        _accept,
        "Đã thụ lý và vào sổ.",
        form_kwargs=_centre,
        transition="accept",
    ),
    "refuse": RequestAction(
        roles.can_handle_request, RefuseForm, _refuse, "Đã từ chối thụ lý.", transition="refuse"
    ),
    "transfer": RequestAction(
        roles.can_handle_request,
        TransferForm,
        _transfer,
        "Đã chuyển yêu cầu.",
        form_kwargs=_centre,
        transition="transfer",
    ),
}


@require_POST
def request_action(request, pk: int, action: str):
    if action not in REQUEST_ACTIONS:
        raise Http404
    spec = REQUEST_ACTIONS[action]
    req = selectors.get_request_for(request.user, pk, can=spec.may)
    form = spec.bind(req, request.POST)
    if submit(request, form, lambda data: spec.call(request.user, req, data), success=spec.success):
        req.refresh_from_db()
        case = getattr(req, "case", None) if action == "accept" else None
        if case is not None:
            return redirect("cases:case_detail", pk=case.pk)
        return redirect("cases:request_detail", pk=pk)
    req.refresh_from_db()
    return _detail(request, req, bound={action: form}, status=400)


@require_GET
def request_attachment(request, pk: int, attachment_pk: int):
    """A file attached to a request: personal data, served only through this check."""
    req = selectors.get_request_for(request.user, pk, can=roles.can_open_attachments)
    attachment = req.attachments.filter(pk=attachment_pk).first()
    if attachment is None or not attachment.file:
        raise Http404("Không tìm thấy tài liệu.")
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("Tệp không còn trên máy chủ.") from None
    log_read(request, attachment, ReadKind.ATTACHMENT, record=req)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.title,
        content_type=uploads.content_type(attachment.file.name),
    )


@require_GET
def eligibility_check(request):
    """htmx fragment of the intake form: which category applies, which proof is missing."""
    if not roles.can_receive_requests(request.user):
        raise PermissionDenied
    ids = [int(v) for v in request.GET.getlist("categories") if v.isdigit()]
    proof_ids = [int(v) for v in request.GET.getlist("proofs") if v.isdigit()]
    on = timezone.localdate()
    raw = request.GET.get("received_at", "").strip()
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            on = datetime.strptime(raw, fmt).date()  # noqa: DTZ007 - a local date only
            break
        except ValueError:
            continue
    categories = list(category_queryset().filter(pk__in=ids))
    codes = ProofDocument.objects.filter(pk__in=proof_ids).values_list("code", flat=True)
    assessment = assess_choice(categories, set(codes), on)
    birth_date, birth_year = _typed_birth(request.GET)
    problems = []
    if birth_date or birth_year:
        problem = birth_problem(birth_date, birth_year, timezone.localdate())
        problems = [problem] if problem else []
        problems = problems or category_age_problems(categories, birth_date, birth_year, on)
    return render(
        request,
        "cases/_eligibility.html",
        {
            "assessment": assessment,
            "doc_names": document_names(),
            "checked": bool(ids),
            "age_problems": problems,
        },
    )


def _typed_birth(query) -> tuple:
    """The birth date (dd/mm/yyyy) or year typed so far on the intake form, if readable."""
    birth_date = birth_year = None
    with contextlib.suppress(ValueError):
        typed = query.get("birth_date", "").strip()
        birth_date = datetime.strptime(typed, "%d/%m/%Y").date()  # noqa: DTZ007 - a date only
    year = query.get("birth_year", "").strip()
    if year.isdigit():
        birth_year = int(year)
    return birth_date, birth_year
