"""Conflict-of-interest check at intake and before assignment (issue 17): keep the index
of names and identity numbers of each request, find matches over every request and case
of the centre, and record what was found with the decision taken."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from cases.models import ConflictCheck, LegalAidRequest, PartyKey
from cases.rules import conflicts as rules
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, create, now_or, require, require_text
from tgpl.kernel.events import Event


def request_parties(req: LegalAidRequest) -> list[rules.Party]:
    return rules.parties_of(
        req.full_name, req.identity_number, req.requester_name, req.opposing_list()
    )


@transaction.atomic
def index_request(req: LegalAidRequest) -> None:
    """(Re)write the request's names in the index. The index is derived data with no
    history of its own: its rows are replaced, never edited."""
    PartyKey.objects.filter(request=req).delete()
    rows = [
        PartyKey(
            centre_id=req.centre_id,
            request=req,
            role=p.role,
            key=p.key[:255],
            reversed_key=rules.reverse_key(p.key)[:255],
            identity=p.identity,
        )
        for p in request_parties(req)
        if p.key or p.identity
    ]
    bulk_create(PartyKey, rows, actor=None, reason="Chỉ mục kiểm tra xung đột lợi ích")


def index_request_event(event: Event) -> None:
    """Subscriber of request_received: every request is in the index from its reception."""
    req = LegalAidRequest.objects.filter(pk=int(event.payload.get("request") or 0)).first()
    if req is not None:
        index_request(req)


def candidates(req: LegalAidRequest) -> list[rules.Candidate]:
    """Indexed names of the centre's other requests that may match: an identity number
    equal, or a key starting with one of the two prefixes of each name (rules.conflicts)."""
    parties = request_parties(req)
    where = Q()
    ids = [p.identity for p in parties if p.identity]
    if ids:
        where |= Q(identity__in=ids)
    for p in parties:
        if len(p.key) < rules.MIN_KEY:
            continue
        head, tail = rules.narrowing_prefixes(p.key)
        where |= Q(key__startswith=head) | Q(reversed_key__startswith=tail)
    if not where:
        return []
    rows = (
        PartyKey.objects.filter(where, centre_id=req.centre_id)
        .exclude(request_id=req.pk)
        .values_list("request_id", "role", "key", "identity", "request__case__code")
    )
    return [
        rules.Candidate(
            request_id,
            role,
            key,
            identity,
            f"yêu cầu #{request_id}" + (f" · vụ việc {code}" if code else ""),
        )
        for request_id, role, key, identity, code in rows
    ]


def find_conflicts(req: LegalAidRequest) -> list[rules.Match]:
    return rules.find_matches(request_parties(req), candidates(req))


def run_check(*, actor, request: LegalAidRequest) -> list[rules.Match]:
    """What the check finds now (nothing is recorded until the decision)."""
    require(roles.can_check_conflicts(actor) and request.centre_id == actor.centre_id)
    index_request(request)
    return find_conflicts(request)


def _found(matches: list[rules.Match]) -> list[dict]:
    return [
        {
            "request": m.candidate.request_id,
            "how": m.how,
            "party_role": m.party.role,
            "candidate_role": m.candidate.role,
            "conflict": rules.is_conflict(m),
            "description": m.description,
        }
        for m in matches
    ]


@transaction.atomic
def record_conflict_check(
    *,
    actor,
    request: LegalAidRequest,
    stage: str,
    decision: str,
    note: str = "",
    performer=None,
    at=None,
) -> ConflictCheck:
    """Record the check with what it found at this moment and the decision on it; a check
    before assignment names the performer it clears (or not)."""
    require(roles.can_check_conflicts(actor) and request.centre_id == actor.centre_id)
    if stage not in ConflictCheck.Stage.values:
        raise BusinessRuleError("Chọn thời điểm kiểm tra.", field="stage")
    if decision not in ConflictCheck.Decision.values:
        raise BusinessRuleError("Chọn quyết định.", field="decision")
    matches = run_check(actor=actor, request=request)
    if matches and decision == ConflictCheck.Decision.NO_CONFLICT:
        raise BusinessRuleError(
            f"Đã tìm thấy {len(matches)} trường hợp trùng: ghi rõ quyết định và lý do.",
            field="decision",
        )
    if not matches and decision != ConflictCheck.Decision.NO_CONFLICT:
        raise BusinessRuleError("Không tìm thấy trường hợp trùng nào.", field="decision")
    if stage == ConflictCheck.Stage.ASSIGNMENT and performer is None:
        raise BusinessRuleError(
            "Kiểm tra trước khi cử người: chọn người thực hiện được xem xét.", field="performer"
        )
    if performer is not None and stage != ConflictCheck.Stage.ASSIGNMENT:
        raise BusinessRuleError(
            "Chỉ chọn người thực hiện khi kiểm tra trước khi cử người.", field="performer"
        )
    if performer is not None and performer.centre_id != request.centre_id:
        raise BusinessRuleError("Người này không thuộc Trung tâm.", field="performer")
    if matches:
        note = require_text(note, "Ghi lý do của quyết định.", "note")
    who = f" – người thực hiện {performer.full_name}" if performer is not None else ""
    return create(
        ConflictCheck,
        actor=actor,
        reason=f"Kiểm tra xung đột lợi ích{who}: {ConflictCheck.Decision(decision).label}",
        centre_id=request.centre_id,
        request=request,
        stage=stage,
        checked_at=now_or(at),
        checked_by=actor,
        performer=performer,
        found=_found(matches),
        decision=decision,
        note=note.strip(),
    )


# --- enforced before an assignment is proposed or approved (issue 17.5) ----------------

CLEARING = (ConflictCheck.Decision.NO_CONFLICT, ConflictCheck.Decision.PROCEED)


def _signature(found: dict) -> tuple:
    return (found["request"], found["how"], found["party_role"], found["candidate_role"])


def assignment_clearance(request: LegalAidRequest, performer) -> ConflictCheck:
    """The check that clears `performer` for this request, or a BusinessRuleError saying
    what is missing: no check before assignment for this performer, a check that found a
    conflict, or a match found since the last check (not decided by anyone)."""
    check = (
        ConflictCheck.objects.filter(
            request=request, stage=ConflictCheck.Stage.ASSIGNMENT, performer=performer
        )
        .order_by("-checked_at", "-pk")
        .first()
    )
    name = performer.full_name
    if check is None:
        raise BusinessRuleError(
            f"Chưa kiểm tra xung đột lợi ích trước khi cử {name}: mở “Kiểm tra xung đột "
            "lợi ích”, ghi kết quả và quyết định rồi đề xuất lại.",
            field="performer",
        )
    if check.decision not in CLEARING:
        raise BusinessRuleError(
            f"Lần kiểm tra xung đột lợi ích gần nhất kết luận có xung đột lợi ích với "
            f"việc cử {name}: không được cử người này.",
            field="performer",
        )
    decided = {_signature(f) for f in check.found}
    new = [m for m in _found(find_conflicts(request)) if _signature(m) not in decided]
    if new:
        raise BusinessRuleError(
            f"Có {len(new)} trường hợp trùng mới chưa được quyết định kể từ lần kiểm tra "
            f"xung đột lợi ích gần nhất: kiểm tra lại trước khi cử {name}.",
            field="performer",
        )
    return check


def clearance_summary(check: ConflictCheck) -> str:
    """What was found and decided, for the assignment's history (short: a reason is cut
    at 100 characters; the check itself, linked from the assignment, keeps the rest)."""
    found = f"{len(check.found)} trùng" if check.found else "không trùng"
    decided = {
        ConflictCheck.Decision.NO_CONFLICT: "không xung đột",
        ConflictCheck.Decision.PROCEED: "không xung đột, có lý do",
        ConflictCheck.Decision.CONFLICT: "có xung đột",
    }[ConflictCheck.Decision(check.decision)]
    return f"xung đột lợi ích #{check.pk}: {found}, {decided}"
