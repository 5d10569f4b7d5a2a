"""The fields of a legal-aid request and the rules they obey, shared by every service that
writes a request (intake and the import of an old register), so neither reaches into the
other's private helpers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import EligibilityCategory, LegalAidRequest
from cases.rules.eligibility import CategoryRule, age_problems, birth_problem
from cases.states import AUTHORITY_CHANNELS
from tgpl.communes import proposed_disadvantaged_area
from tgpl.errors import BusinessRuleError
from tgpl.kernel import local_date, now_or
from tgpl.search import normalize, search_key

REQUEST_FIELDS = {
    "department",
    "channel",
    "notifying_agency",
    "notified_at",
    "received_at",
    "requester_is_aided",
    "requester_name",
    "requester_relation",
    "requester_phone",
    "requester_address",
    "full_name",
    "sex",
    "birth_date",
    "birth_year",
    "ethnicity",
    "identity_number",
    "phone",
    "commune_code",
    "address",
    "old_district",
    "disadvantaged_area",
    "detained",
    "legal_field",
    "form",
    "summary",
    "opposing_parties",
    "limitation_expires_on",
    "trial_on",
}


def request_search_key(req: LegalAidRequest, code: str = "") -> str:
    return search_key(
        req.full_name,
        req.requester_name,
        req.identity_number,
        req.phone,
        code,
        req.summary[:600],
    )


def _propose_disadvantaged_area(req: LegalAidRequest, actor) -> None:
    """ "Khu vực ĐBKK" comes from the commune's designation on the request date, as the
    centre recorded it (tgpl.communes; outreach keeps the designations); typed by hand
    only where no designation of that commune and year is recorded."""
    on = local_date(req.received_at or timezone.now())
    proposed = proposed_disadvantaged_area(actor.centre_id, req.commune_code, on)
    if proposed is not None:
        req.disadvantaged_area = proposed


def apply_request_fields(
    req: LegalAidRequest, fields: dict, actor, *, links_checked: bool = False
) -> None:
    """Set and validate a request's fields. `links_checked`: the caller (a bulk import)
    has already found the catalogue rows it links to, so validation asks the database
    nothing (no look-up of the legal field, no unique checks: a new row)."""
    unknown = set(fields) - REQUEST_FIELDS
    if unknown:
        raise ValueError(f"unknown request fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(req, name, value)
    department = req.department if req.department_id else None
    if department is not None and department.centre_id != actor.centre_id:
        raise BusinessRuleError("Nơi tiếp nhận không thuộc Trung tâm của bạn.", field="department")
    if req.channel in AUTHORITY_CHANNELS and not (req.notifying_agency_id and req.notified_at):
        raise BusinessRuleError(
            "Thông báo của cơ quan tiến hành tố tụng cần ghi rõ cơ quan và thời điểm thông báo.",
            field="notifying_agency",
        )
    if req.requester_is_aided:
        req.requester_name = req.requester_relation = ""
    elif not req.requester_name.strip():
        raise BusinessRuleError("Nhập họ tên người yêu cầu.", field="requester_name")
    if not req.birth_date and not req.birth_year:
        raise BusinessRuleError("Nhập ngày sinh hoặc năm sinh.", field="birth_date")
    problem = birth_problem(req.birth_date, req.birth_year, local_date(now_or(None)))
    if problem:
        raise BusinessRuleError(problem, field="birth_date" if req.birth_date else "birth_year")
    if req.birth_date:
        req.birth_year = req.birth_date.year
    req.name_key = normalize(req.full_name)[:255]
    _propose_disadvantaged_area(req, actor)
    # Set by the services from rows they have checked (the case's department: at acceptance).
    exclude = ["centre", "received_by", "case_department", "categories", "proofs"]
    try:
        if links_checked:
            req.full_clean(
                exclude=[*exclude, "legal_field"], validate_unique=False, validate_constraints=False
            )
        else:
            req.full_clean(exclude=exclude)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise BusinessRuleError(messages[0], field=field) from exc


def _age_rule(category: EligibilityCategory) -> CategoryRule:
    """The part of a category's rule that speaks of age (no proof groups: no query)."""
    return CategoryRule(
        code=category.code,
        article=category.article,
        name=category.name,
        valid_from=category.valid_from,
        valid_to=category.valid_to,
        min_age=category.min_age,
        max_age=category.max_age,
    )


def category_age_problems(categories, birth_date, birth_year, on) -> list[str]:
    """What the age on the request date `on` rules out among `categories` (instances or ids)."""
    chosen = [c for c in categories if isinstance(c, EligibilityCategory)]
    ids = [c for c in categories if not isinstance(c, EligibilityCategory)]
    if ids:
        chosen += list(EligibilityCategory.objects.filter(pk__in=ids))
    return age_problems([_age_rule(c) for c in chosen], birth_date, birth_year, on)


def check_category_ages(req: LegalAidRequest, categories) -> None:
    """Refuse a category the person's age on the request date rules out (children,
    the accused aged 16 to under 18, the elderly: the ages are data of the catalogue)."""
    problems = category_age_problems(
        categories, req.birth_date, req.birth_year, local_date(req.received_at)
    )
    if problems:
        raise BusinessRuleError(" ".join(problems), field="categories")
