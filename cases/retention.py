"""The history of long-closed cases made anonymous (registered with tgpl.operations.retention).

The case file itself is kept as the archiving rules require (Luật TGPL Điều 39); what goes
after the period each centre sets (Centre.personal_history_years) is the personal data
in the *history* of changes: earlier names, identity numbers, phones, addresses, facts.
Sex, birth year, ethnicity and categories stay: the statistics need them and they do
not name a person.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q

from cases.models import Case, CaseLogEntry, LegalAidRequest
from tgpl.models import Centre

ANONYMOUS = "[đã ẩn danh]"

REQUEST_TEXT = [
    "full_name", "requester_name", "requester_relation", "requester_phone",
    "requester_address", "identity_number", "phone", "address", "old_district", "summary",
    "opposing_parties", "notice_text", "proof_note", "search_key", "name_key",
]  # fmt: skip
CASE_TEXT = ["outcome_note", "notice_text", "search_key"]


def closed_before(centre: Centre, now: datetime):
    cutoff = now - timedelta(days=365 * centre.personal_history_years)
    return Case.objects.filter(centre=centre, ended_at__lt=cutoff)


def anonymise_closed_case_history(now: datetime) -> int:
    """Blank the personal data in the history rows of cases closed longer ago than their
    centre's period; rows already made anonymous are not touched again."""
    touched = 0
    for centre in Centre.objects.all():
        cases = closed_before(centre, now)
        requests = LegalAidRequest.history.filter(id__in=cases.values("request_id")).exclude(
            full_name=ANONYMOUS
        )
        touched += requests.update(
            **{f: "" for f in REQUEST_TEXT if f != "full_name"},
            full_name=ANONYMOUS,
            birth_date=None,
        )
        touched += (
            Case.history.filter(id__in=cases.values("pk"))
            .filter(~Q(outcome_note="") | ~Q(notice_text="") | ~Q(search_key=""))
            .update(**dict.fromkeys(CASE_TEXT, ""))
        )
        touched += (
            CaseLogEntry.history.filter(case_id__in=cases.values("pk"))
            .exclude(note=ANONYMOUS)
            .update(note=ANONYMOUS)
        )
    return touched
