"""The intake register (Sổ thụ lý): gap-free yearly serials per centre or branch book.

Also the one way in for cases accepted before the centre used this software: a row
of the old register keeps its serial and case code as written, and the counter of
its book moves past it so later acceptances continue the same register.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from cases.due import refresh_case_dues
from cases.models import Case, LegalAidRequest, RegisterCounter
from cases.states import CaseStatus, RequestStatus
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import local_date, now_or, require, save, set_related
from tgpl.models import Department
from tgpl.search import search_key

from .assignment import performer_problem
from .request_fields import apply_request_fields, check_category_ages, request_search_key
from .workload import track_open_work

IMPORT_REASON = "Nhập từ sổ thụ lý cũ"

# States an old register row may be brought in with; a closed or stopped case needs
# its outcome or ground, which the register does not carry.
IMPORTABLE_STATUSES = (CaseStatus.AWAITING_ASSIGNMENT, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)


def next_register_number(*, centre, book: str, year: int) -> int:
    """Reserve the next serial of a register book, holding a lock until commit.

    The counter row is locked with SELECT ... FOR UPDATE, so two acceptances in
    parallel get consecutive numbers; if the acceptance rolls back, so does the
    reservation, leaving no gap.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_register_number must run inside a transaction")
    counter, _ = RegisterCounter.objects.select_for_update().get_or_create(
        centre=centre, book=book, year=year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def register_book(department: Department) -> tuple[str, str]:
    """(book, prefix): a branch keeps its own register (TT 12/2018 Điều 7.1)."""
    if department.kind == Department.Kind.BRANCH:
        return department.short_code, department.short_code
    return "", department.centre.case_code_prefix


def _check_performer(case: Case, performer, status: str) -> None:
    if status == CaseStatus.AWAITING_ASSIGNMENT:
        if performer is not None:
            raise BusinessRuleError(
                "Vụ việc “Chờ cử người” không ghi người thực hiện.", field="performer"
            )
        return
    if performer is None:
        raise BusinessRuleError("Vụ việc đã cử người phải ghi người thực hiện.", field="performer")
    problem = performer_problem(case, performer, local_date(case.accepted_at))
    if problem:
        raise BusinessRuleError(problem, field="performer")


def check_row_fields(
    *,
    actor,
    fields: dict,
    department,
    register_year: int,
    register_number: int,
    code: str,
    accepted_at,
    status: str,
) -> tuple[dict, datetime, str, str]:
    """The checks of one register row that need no query (the one-row import and the
    bulk import share them): its fields, acceptance moment, tidied code and book."""
    if department.centre_id != actor.centre_id:
        raise BusinessRuleError("Phòng, chi nhánh không thuộc Trung tâm.", field="department")
    if status not in IMPORTABLE_STATUSES:
        raise BusinessRuleError(
            "Chỉ nhập được vụ việc đang ở trạng thái Chờ cử người, Đã cử người hoặc "
            "Đang thực hiện.",
            field="status",
        )
    fields = dict(fields)
    received_at = now_or(fields.get("received_at"))
    accepted_at = now_or(accepted_at)
    if accepted_at < received_at:
        raise BusinessRuleError("Ngày thụ lý trước ngày tiếp nhận.", field="accepted_at")
    if local_date(accepted_at).year != register_year:
        raise BusinessRuleError("Năm thụ lý không khớp ngày thụ lý.", field="register_year")
    if register_number < 1:
        raise BusinessRuleError("Số thụ lý phải từ 1 trở lên.", field="register_number")
    code = " ".join((code or "").split())
    if not code:
        raise BusinessRuleError("Thiếu mã vụ việc.", field="code")
    book, _prefix = register_book(department)
    return fields, accepted_at, code, book


@transaction.atomic
def import_accepted_case(
    *,
    actor,
    fields: dict,
    categories=(),
    department: Department,
    register_year: int,
    register_number: int,
    code: str,
    accepted_at: datetime,
    status: str = CaseStatus.AWAITING_ASSIGNMENT,
    performer=None,
) -> Case:
    """Bring in one row of the old Sổ thụ lý: its request, and the case as accepted then.

    The serial and code are kept as written (unique per centre, book and year; the
    code per centre); the book's counter moves to the highest serial brought in. The
    eligibility was decided when the case was accepted and is not assessed again.
    """
    require(roles.can_receive_requests(actor))
    fields, accepted_at, code, book = check_row_fields(
        actor=actor, fields=fields, department=department, register_year=register_year,
        register_number=register_number, code=code, accepted_at=accepted_at, status=status,
    )  # fmt: skip
    counter, _ = RegisterCounter.objects.select_for_update().get_or_create(
        centre_id=actor.centre_id, book=book, year=register_year
    )
    taken = Case.objects.filter(centre_id=actor.centre_id)
    book_name = f"sổ {book}" if book else "sổ của Trung tâm"
    if taken.filter(
        register_book=book, register_year=register_year, register_number=register_number
    ).exists():
        raise BusinessRuleError(
            f"Số thụ lý {register_number:02d}/{register_year} đã có trong {book_name}.",
            field="register_number",
        )
    if taken.filter(code=code).exists():
        raise BusinessRuleError(f"Mã vụ việc “{code}” đã có.", field="code")

    reason = f"{IMPORT_REASON}: số {register_number:02d}/{register_year}, mã {code}"
    req = LegalAidRequest(centre_id=actor.centre_id, received_by=actor, case_department=department)
    apply_request_fields(req, fields, actor)
    check_category_ages(req, categories)
    req.status = RequestStatus.ACCEPTED
    req.decided_at, req.decided_by = accepted_at, actor
    req.search_key = request_search_key(req, code)
    save(req, actor=actor, reason=reason)
    set_related(req, "categories", categories, actor=actor, reason=reason)
    case = Case(
        centre_id=actor.centre_id,
        request=req,
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
    save(case, actor=actor, reason=reason)
    track_open_work(case, was=None)
    refresh_case_dues([case.pk])
    if register_number > counter.last_number:
        counter.last_number = register_number
        counter.save(update_fields=["last_number"])
    return case
