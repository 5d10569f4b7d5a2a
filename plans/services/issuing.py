"""Issuing a plan: it takes the next KH number of its centre and today's date."""

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from plans.documents import PLAN
from plans.models import Plan
from plans.states import PLAN_TRANSITIONS
from tgpl.documents.models import IssuedDocument
from tgpl.documents.services import issue_for
from tgpl.errors import BusinessRuleError
from tgpl.kernel import check_transition, save
from tgpl.models import User
from tgpl.search import search_key


@transaction.atomic
def issue_plan(*, plan: Plan, actor: User) -> IssuedDocument:
    """Give an approved plan that has no number yet the next "…/KH-<centre>" number.

    The plan's date becomes the day of issue (a document is dated the day it is
    signed and released). Numbers already carried by plans of the same series that
    were entered with their number (imported) are skipped.
    """
    plan = Plan.objects.select_for_update().select_related("centre").get(pk=plan.pk)
    if plan.number:
        raise BusinessRuleError(f"Kế hoạch đã có số {plan.number_text}.")
    check_transition(PLAN_TRANSITIONS, "issue_number", plan.status)
    issued = take_number(plan, actor=actor)
    save(
        plan,
        actor=actor,
        reason=f"Cấp số {issued.number_text}",
        update_fields=["number", "symbol", "date", "search_key"],
    )
    return issued


def take_number(plan: Plan, *, actor: User) -> IssuedDocument:
    """The next number of the register for this plan, set on it (not saved: the caller
    saves) with today's date as the date of issue.

    Called inside the service that decides (issuing later, or approving: Nghị định
    30/2020 Điều 15), on a plan row it has locked: a rolled-back decision uses no number.
    """
    today = timezone.localdate()
    symbol = f"{PLAN.number_kind}-{plan.centre.document_symbol}"
    taken = (
        Plan.objects.filter(centre=plan.centre, symbol=symbol, number__isnull=False)
        .filter(Q(date__year=today.year) | Q(date__isnull=True, year=today.year))
        .aggregate(highest=Max("number"))["highest"]
    )
    issued = issue_for(PLAN, plan, actor=actor, on=today, after=taken or 0)
    clash = Plan.objects.filter(
        centre=plan.centre, year=plan.year, number=issued.serial, symbol=symbol
    ).exclude(pk=plan.pk)
    if clash.exists():
        raise BusinessRuleError(
            f"Đã có một kế hoạch năm {plan.year} mang số {issued.number_text}; "
            "sửa số của kế hoạch đó trước khi cấp số."
        )
    plan.number, plan.symbol, plan.date = issued.serial, symbol, today
    plan.search_key = search_key(plan.number_text, plan.title)
    return issued
