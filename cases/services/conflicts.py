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
    *, actor, request: LegalAidRequest, stage: str, decision: str, note: str = "", at=None
) -> ConflictCheck:
    """Record the check with what it found at this moment and the decision on it."""
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
    if matches:
        note = require_text(note, "Ghi lý do của quyết định.", "note")
    return create(
        ConflictCheck,
        actor=actor,
        reason=f"Kiểm tra xung đột lợi ích: {ConflictCheck.Decision(decision).label}",
        centre_id=request.centre_id,
        request=request,
        stage=stage,
        checked_at=now_or(at),
        checked_by=actor,
        found=_found(matches),
        decision=decision,
        note=note.strip(),
    )
