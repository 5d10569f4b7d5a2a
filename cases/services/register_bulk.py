"""The old Sổ thụ lý brought in at once (issue 18.7): every row checked as
`import_accepted_case` checks one, then all written in bulk with their history.

`check_register_row` makes the checks of one row without asking the database (the
caller looked up the catalogue rows, departments and performers once for the file; the
serials and codes already in the register are read once in `RegisterTaken`);
`save_register_rows` writes the requests, their categories, the cases and the book
counters in a fixed number of queries per 500 rows, each row with its history records
(actor and reason) as the one-row path leaves them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction

from cases.due import refresh_case_dues
from cases.models import Case, LegalAidRequest, RegisterCounter
from cases.states import CaseStatus, RequestStatus
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, bulk_create_related, require
from tgpl.search import search_key

from .register import IMPORT_REASON, _check_performer, check_row_fields
from .request_fields import apply_request_fields, check_category_ages, request_search_key
from .workload import recount_open_cases


@dataclass
class RegisterTaken:
    """Serials (book, year, number) and codes of the centre's register, and those of
    the rows already accepted from the file."""

    serials: set[tuple[str, int, int]] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, centre_id, serials: Iterable[tuple[int, int]], codes: Iterable[str]):
        """What the register already holds of the years and codes a file names (two
        queries)."""
        years = {year for year, _ in serials}
        numbers = {number for _, number in serials}
        taken = Case.objects.filter(centre_id=centre_id)
        return cls(
            serials=set(
                taken.filter(register_year__in=years, register_number__in=numbers).values_list(
                    "register_book", "register_year", "register_number"
                )
            ),
            codes=set(taken.filter(code__in=set(codes)).values_list("code", flat=True)),
        )


@dataclass
class PreparedRow:
    request: LegalAidRequest
    case: Case
    categories: list
    reason: str


def check_register_row(
    *,
    actor,
    taken: RegisterTaken,
    fields: dict,
    categories=(),
    department,
    register_year: int,
    register_number: int,
    code: str,
    accepted_at,
    status: str = CaseStatus.AWAITING_ASSIGNMENT,
    performer=None,
) -> PreparedRow:
    """One row, checked as import_accepted_case checks it; nothing is saved."""
    fields, accepted_at, code, book = check_row_fields(
        actor=actor, fields=fields, department=department, register_year=register_year,
        register_number=register_number, code=code, accepted_at=accepted_at, status=status,
    )  # fmt: skip
    book_name = f"sổ {book}" if book else "sổ của Trung tâm"
    if (book, register_year, register_number) in taken.serials:
        raise BusinessRuleError(
            f"Số thụ lý {register_number:02d}/{register_year} đã có trong {book_name}.",
            field="register_number",
        )
    if code in taken.codes:
        raise BusinessRuleError(f"Mã vụ việc “{code}” đã có.", field="code")
    req = LegalAidRequest(centre_id=actor.centre_id, received_by=actor, case_department=department)
    apply_request_fields(req, fields, actor, links_checked=True)
    check_category_ages(req, categories)
    req.status = RequestStatus.ACCEPTED
    req.decided_at, req.decided_by = accepted_at, actor
    req.search_key = request_search_key(req, code)
    case = Case(
        centre_id=actor.centre_id,
        request=req,  # not saved yet: save_register_rows writes it first
        department=department,
        register_book=book,
        register_year=register_year,
        register_number=register_number,
        code=code,
        form=req.form,
        status=status,
        accepted_at=accepted_at,
        accepted_by=actor,
        received_by=actor,
        search_key=search_key(code, req.search_key),
    )
    _check_performer(case, performer, status)
    if performer is not None:
        case.performer, case.appointed_at = performer, accepted_at
        if status == CaseStatus.IN_PROGRESS:
            case.started_at = accepted_at
    taken.serials.add((book, register_year, register_number))
    taken.codes.add(code)
    reason = f"{IMPORT_REASON}: số {register_number:02d}/{register_year}, mã {code}"
    return PreparedRow(req, case, list(categories), reason)


@transaction.atomic
def save_register_rows(*, actor, rows: Sequence[PreparedRow]) -> list[Case]:
    """Write checked rows: requests, their categories, cases, then each book's counter
    moved to the highest serial brought in."""
    require(roles.can_receive_requests(actor))
    if not rows:
        return []
    reasons = {id(row.request): row.reason for row in rows}
    reasons |= {id(row.case): row.reason for row in rows}
    requests = bulk_create(
        LegalAidRequest, [row.request for row in rows], actor=actor, reason=IMPORT_REASON,
        reason_of=lambda obj: reasons[id(obj)],
    )  # fmt: skip
    bulk_create_related(
        LegalAidRequest, requests, "categories", [[c.pk for c in row.categories] for row in rows],
        actor=actor, reason=IMPORT_REASON, reason_of=lambda obj: reasons[id(obj)],
    )  # fmt: skip
    for row, req in zip(rows, requests, strict=True):
        row.case.request = req  # now with its id
    cases = bulk_create(
        Case, [row.case for row in rows], actor=actor, reason=IMPORT_REASON,
        reason_of=lambda obj: reasons[id(obj)],
    )  # fmt: skip
    highest: dict[tuple[str, int], int] = {}
    for case in cases:
        key = (case.register_book, case.register_year)
        highest[key] = max(highest.get(key, 0), case.register_number)
    for (book, year), number in sorted(highest.items()):
        counter, _ = RegisterCounter.objects.select_for_update().get_or_create(
            centre_id=actor.centre_id, book=book, year=year
        )
        if number > counter.last_number:
            counter.last_number = number
            counter.save(update_fields=["last_number"])
    # What the one-row path keeps up to date too: the performers' open-case counts
    # (issue 18.2) and the due moments the reminder scan reads (issue 18.4).
    recount_open_cases({case.performer_id for case in cases if case.performer_id})
    refresh_case_dues([case.pk for case in cases])
    return cases
