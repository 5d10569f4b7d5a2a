"""Conflict of interest: does a name or an identity number of a new request appear in
another request or case of the centre? Pure Python, no Django.

Names are compared on their search key (lower case, no accents, "đ" → "d", single
spaces: ``tgpl.search.normalize``), so "Nguyen Van A" is "Nguyễn Văn A"; two keys
match when they are equal or one edit apart (a letter added, dropped or changed:
Levenshtein distance ≤ 1). Identity numbers (CCCD) match only exactly.

The candidates come from an index of keys narrowed with two prefixes
(`narrowing_prefixes`): if two keys are at most one edit apart, the edit falls in one
half, so the other half is unchanged; the first half is a prefix of the key, the last
half a prefix of the reversed key. Both are indexed prefix look-ups (LIKE 'x%').
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tgpl.search import normalize

MAX_EDITS = 1
MIN_KEY = 3  # shorter keys ("a", "ba") match too much to mean anything

# who a name is in a request
AIDED, REQUESTER, OPPOSING = "aided", "requester", "opposing"
ROLE_LABELS = {
    AIDED: "người được TGPL",
    REQUESTER: "người yêu cầu, người thân thích",
    OPPOSING: "bên có quyền lợi đối lập",
}


def name_key(name: str | None) -> str:
    return normalize(name)


def reverse_key(key: str) -> str:
    return key[::-1]


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of a and b is at most 1 (linear time)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def narrowing_prefixes(key: str) -> tuple[str, str]:
    """(prefix of the key, prefix of the reversed key) that every key at most one edit
    away shares at least one of."""
    half = len(key) // 2
    return key[:half], reverse_key(key)[:half]


@dataclass(frozen=True)
class Party:
    role: str
    name: str
    identity: str = ""

    @property
    def key(self) -> str:
        return name_key(self.name)


@dataclass(frozen=True)
class Candidate:
    """A name of another request (its id, case code if any) as indexed."""

    request_id: int
    role: str
    key: str
    identity: str = ""
    label: str = ""  # e.g. "Yêu cầu #12 · vụ việc TT.TV.01.2026"


@dataclass(frozen=True)
class Match:
    party: Party
    candidate: Candidate
    how: str  # "identity", "same_name", "one_letter"

    @property
    def description(self) -> str:
        how = {
            "identity": "trùng số định danh",
            "same_name": "trùng họ tên",
            "one_letter": "họ tên khác một chữ cái",
        }[self.how]
        return (
            f"{ROLE_LABELS[self.party.role]} “{self.party.name}” — {how} với "
            f"{ROLE_LABELS[self.candidate.role]} của {self.candidate.label}"
        )


def parties_of(
    full_name: str, identity: str, requester_name: str, opposing: Iterable[str]
) -> list[Party]:
    out = [Party(AIDED, full_name, identity)]
    if requester_name.strip():
        out.append(Party(REQUESTER, requester_name))
    out += [Party(OPPOSING, name) for name in opposing if name.strip()]
    return out


def find_matches(parties: Iterable[Party], candidates: Iterable[Candidate]) -> list[Match]:
    """Every (party, candidate) pair that matches, identity first, at most one per pair."""
    parties = list(parties)
    out: list[Match] = []
    for cand in candidates:
        for party in parties:
            if party.identity and cand.identity and party.identity == cand.identity:
                out.append(Match(party, cand, "identity"))
                continue
            key = party.key
            if len(key) < MIN_KEY or len(cand.key) < MIN_KEY:
                continue
            if key == cand.key:
                out.append(Match(party, cand, "same_name"))
            elif within_one_edit(key, cand.key):
                out.append(Match(party, cand, "one_letter"))
    order = {"identity": 0, "same_name": 1, "one_letter": 2}
    return sorted(out, key=lambda m: (order[m.how], m.candidate.request_id))


def is_conflict(match: Match) -> bool:
    """A conflict proper: the other side of one request is a party of another. The same
    person asking again is reported too (the same matter may already be handled,
    Điều 30.3.d), but it is not a conflict of interest by itself."""
    return (match.party.role == OPPOSING) != (match.candidate.role == OPPOSING)
