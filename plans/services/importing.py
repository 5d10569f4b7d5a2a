"""Creating a plan from a parsed document (the importer, the UI preview, seed data)."""

from datetime import date

from django.db import transaction

from plans.models import (
    BudgetLine,
    Milestone,
    Plan,
    PlanItem,
    PlanItemPeriod,
    PlanItemUnit,
    QuantityTarget,
)
from plans.reader import ParsedPlan
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.kernel import bulk_create, save, set_related
from tgpl.models import Centre, User
from tgpl.search import search_key

from .units import build_units, unit_catalogue

__all__ = ["create_plan_from_parsed", "unit_catalogue"]


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _parent_path(path: str, known_paths: set[str]) -> str | None:
    parts = path.split(".")
    while len(parts) > 1:
        parts = parts[:-1]
        candidate = ".".join(parts)
        if candidate in known_paths:
            return candidate
    return None


@transaction.atomic
def create_plan_from_parsed(
    *,
    centre: Centre,
    plan: ParsedPlan,
    kind: str | None = None,
    actor: User | None,
    source_text: str = "",
) -> Plan:
    """Save a plan reading (as parsed, or as corrected in the preview) with its items, as a
    draft. `kind` overrides the kind read from the text. All or nothing: any error leaves
    the database as it was.
    """
    parsed = plan
    if actor is not None and not roles.can_draft_plans(actor, centre):
        raise BusinessRuleError("Bạn không có quyền tạo kế hoạch của Trung tâm này.")
    year = parsed.year or (parsed.date.year if parsed.date else None)
    if not year:
        raise BusinessRuleError("Nhập năm của kế hoạch: văn bản không ghi năm.")
    kind = kind or parsed.kind
    if kind not in Plan.Kind.values:
        raise BusinessRuleError("Chọn loại kế hoạch.")
    title = (parsed.title or "").strip()
    if not title:
        raise BusinessRuleError("Kế hoạch phải có trích yếu (tiêu đề sau chữ KẾ HOẠCH).")
    number = parsed.number
    symbol = (parsed.symbol or f"KH-{centre.document_symbol}").strip()
    if (
        number
        and Plan.objects.filter(centre=centre, year=year, number=number, symbol=symbol).exists()
    ):
        raise BusinessRuleError(f"Đã có kế hoạch số {number:02d}/{symbol} năm {year}.")
    signer = parsed.signer
    record = Plan(
        centre=centre,
        number=number,
        symbol=symbol,
        kind=kind,
        issuing_body=_issuing_body(parsed, centre)[:255],
        place=(parsed.place or "")[:64],
        date=parsed.date,
        year=year,
        title=title[:500],
        legal_bases="\n".join(parsed.legal_bases),
        purpose=parsed.purpose_text or "",
        budget_section=parsed.budget_text or "",
        organisation_section=parsed.organisation_text or "",
        recipients="\n".join(parsed.recipients),
        signer_name=signer.name or "",
        signer_title=signer.title or "",
        signer_on_behalf=signer.on_behalf or "",
        source_text=source_text,
        created_by=actor if actor is not None else _system_user(centre),
    )
    record.search_key = search_key(record.number_text, record.title)
    reason = "Nhập kế hoạch từ văn bản"
    save(record, actor=actor, reason=reason)

    known = unit_catalogue(centre)
    by_path: dict[str, PlanItem] = {}
    units: list[PlanItemUnit] = []
    quantities: list[QuantityTarget] = []
    milestones: list[Milestone] = []
    periods: list[PlanItemPeriod] = []
    budget_lines: list[BudgetLine] = []
    dept_keys = {k: k[1] for k, _names in known if k[0] == "department"}
    for position, raw in enumerate(parsed.items):
        path = (raw.path or "").strip()
        if not path or path in by_path:
            raise BusinessRuleError(f"Mục thứ {position + 1}: vị trí “{path}” trống hoặc trùng.")
        timeframe_text = (raw.timeframe or "").strip()
        frame = raw.timeframe_parsed
        parent_path = _parent_path(path, set(by_path))
        item = PlanItem(
            plan=record,
            parent=by_path.get(parent_path) if parent_path else None,
            path=path[:64],
            number=str(raw.number or path.split(".")[-1])[:32],
            level=path.count("."),
            position=position,
            kind=PlanItem.Kind.TASK if raw.kind == "task" else PlanItem.Kind.HEADING,
            title=(raw.title or "").strip() or path,
            body=raw.body or "",
            note=(raw.note or "")[:255],
            timeframe_text=timeframe_text[:255],
            start=_as_date(frame["start"]) if timeframe_text else None,
            due=_as_date(frame["end"]) if timeframe_text else None,
            recurrence=frame["recurrence"] if timeframe_text else "none",
            expected_result=raw.result or "",
            budget_vnd=raw.budget_vnd,
        )
        save(item, actor=actor, reason=reason)
        by_path[path] = item
        budget_lines += _budget_lines(record, item, raw, len(budget_lines))
        units += build_units(item, PlanItemUnit.Role.LEAD, raw.lead, known)
        units += build_units(item, PlanItemUnit.Role.PARTNER, raw.partners, known)
        for q in raw.quantities:
            if q["quantity"]:
                quantities.append(
                    QuantityTarget(item=item, label=str(q["unit"])[:128], target=q["quantity"])
                )
        periods += [
            PlanItemPeriod(
                item=item,
                position=n,
                start=date.fromisoformat(p["start"]),
                due=date.fromisoformat(p["end"]),
            )
            for n, p in enumerate(raw.periods if timeframe_text else [])
        ]
        for m_pos, m in enumerate(raw.milestones):
            owner = m["owner"] or ""
            matched = build_units(item, PlanItemUnit.Role.LEAD, [owner], known) if owner else []
            dept_id = matched[0].department_id if matched else None
            milestones.append(
                Milestone(
                    item=item,
                    position=m_pos,
                    title=m["text"] or "",
                    owner_department_id=dept_id if dept_id in dept_keys.values() else None,
                    owner_text=owner[:255],
                    due=_as_date(m["due"]),
                )
            )
    bulk_create(PlanItemUnit, units, actor=actor, reason=reason)
    bulk_create(QuantityTarget, quantities, actor=actor, reason=reason)
    bulk_create(Milestone, milestones, actor=actor, reason=reason)
    bulk_create(PlanItemPeriod, periods, actor=actor, reason=reason)
    bulk_create(BudgetLine, budget_lines, actor=actor, reason=reason)
    implemented = _referenced_plans(centre, parsed, exclude=record.pk)
    if implemented:
        set_related(record, "implements", implemented, actor=actor, reason=reason)
    return record


def _issuing_body(parsed: ParsedPlan, centre: Centre) -> str:
    """The body the document names; the centre's full name when the document names the
    centre without its province ("Trung tâm Trợ giúp pháp lý nhà nước")."""
    named = (parsed.issuing_body or "").strip()
    if not named or centre.name.casefold().startswith(named.casefold()):
        return centre.name
    return named


def _referenced_plans(centre: Centre, parsed: ParsedPlan, *, exclude: int) -> list[Plan]:
    """Plans of the centre that the legal bases name ("Kế hoạch số 08/KH-STP ngày ...")."""
    found: list[Plan] = []
    for ref in parsed.referenced_plans:
        candidates = Plan.objects.filter(
            centre=centre, number=ref["number"], symbol__iexact=ref["symbol"]
        ).exclude(pk=exclude)
        if ref["year"]:
            candidates = candidates.filter(year=ref["year"])
        match = candidates.order_by("-year").first()
        if match is not None and match not in found:
            found.append(match)
    return found


def _system_user(centre: Centre) -> User:
    """Seeding and command-line imports act as the centre's director (or first member)."""
    director = User.objects.filter(centre=centre, is_active=True).order_by("pk").first()
    if director is None:
        raise BusinessRuleError("Trung tâm chưa có người dùng nào để ghi là người tạo kế hoạch.")
    return director


def _budget_lines(plan: Plan, item: PlanItem, raw, start: int) -> list[BudgetLine]:
    """The task's budget as the text wrote it, one line per amount (issue 17.8); when the
    amounts no longer add up to the task's budget (corrected in the preview), one line."""
    if item.kind != PlanItem.Kind.TASK or not item.budget_vnd:
        return []
    lines = list(getattr(raw, "budget_lines", None) or [])
    if sum(int(x["amount_vnd"]) for x in lines) != item.budget_vnd:
        lines = [{"label": "", "amount_vnd": item.budget_vnd}]
    title = f"{item.number}. {item.title}" if item.number else item.title
    return [
        BudgetLine(plan=plan, item=item, position=start + n, planned_vnd=int(x["amount_vnd"]),
                   label=(x["label"] or title)[:255])
        for n, x in enumerate(lines, start=1)
    ]  # fmt: skip
