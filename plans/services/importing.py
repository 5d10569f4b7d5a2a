"""Creating a plan from a parsed document (the importer, the UI preview, seed data)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from plans.models import Milestone, Plan, PlanItem, PlanItemUnit, QuantityTarget
from tgpl import roles
from tgpl.errors import BusinessRuleError
from tgpl.models import Centre, User
from tgpl.search import search_key
from tgpl.timeframes import parse_timeframe

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
    *, centre: Centre, data: dict, kind: str, actor: User | None, source_text: str = ""
) -> Plan:
    """Save a parsed (and possibly corrected) plan with all its items, as a draft.

    `data` has the shape `plans.importing.plan_data()` gives (the preview form edits
    the same shape). All or nothing: any error leaves the database as it was.
    """
    if actor is not None and not roles.can_draft_plans(actor, centre):
        raise BusinessRuleError("Bạn không có quyền tạo kế hoạch của Trung tâm này.")
    year = data.get("year") or (_as_date(data.get("date")) or timezone.localdate()).year
    if kind not in Plan.Kind.values:
        raise BusinessRuleError("Chọn loại kế hoạch.")
    title = (data.get("title") or "").strip()
    if not title:
        raise BusinessRuleError("Kế hoạch phải có trích yếu (tiêu đề sau chữ KẾ HOẠCH).")
    number = data.get("number")
    symbol = (data.get("symbol") or f"KH-{centre.document_symbol}").strip()
    if (
        number
        and Plan.objects.filter(centre=centre, year=year, number=number, symbol=symbol).exists()
    ):
        raise BusinessRuleError(f"Đã có kế hoạch số {number:02d}/{symbol} năm {year}.")
    signer = data.get("signer") or {}
    plan = Plan(
        centre=centre,
        number=number,
        symbol=symbol,
        kind=kind,
        issuing_body=data.get("issuing_body") or centre.name,
        place=data.get("place") or "",
        date=_as_date(data.get("date")),
        year=year,
        title=title[:500],
        legal_bases=data.get("legal_bases") or "",
        purpose=data.get("purpose") or "",
        budget_section=data.get("budget_section") or data.get("budget") or "",
        organisation_section=data.get("organisation_section") or data.get("organisation") or "",
        recipients="\n".join(data.get("recipients") or []),
        signer_name=signer.get("name") or "",
        signer_title=signer.get("title") or "",
        signer_on_behalf=signer.get("on_behalf") or "",
        source_text=source_text,
        created_by=actor if actor is not None else _system_user(centre),
    )
    plan.search_key = search_key(plan.number_text, plan.title)
    plan._history_user = actor
    plan.save()

    known = unit_catalogue(centre)
    by_path: dict[str, PlanItem] = {}
    units: list[PlanItemUnit] = []
    quantities: list[QuantityTarget] = []
    milestones: list[Milestone] = []
    dept_keys = {k: k[1] for k, _names in known if k[0] == "department"}
    for position, raw in enumerate(data.get("items") or []):
        path = str(raw.get("path") or "").strip()
        if not path or path in by_path:
            raise BusinessRuleError(f"Mục thứ {position + 1}: vị trí “{path}” trống hoặc trùng.")
        timeframe_text = (raw.get("timeframe_text") or "").strip()
        parsed = parse_timeframe(timeframe_text, default_year=year) if timeframe_text else None
        lead = raw.get("lead") or []
        partners = raw.get("partners") or []
        is_task = (
            raw.get("kind") == "task"
            if raw.get("kind")
            else bool(
                lead or partners or timeframe_text or raw.get("result") or raw.get("budget_vnd")
            )
        )
        parent_path = _parent_path(path, set(by_path))
        item = PlanItem(
            plan=plan,
            parent=by_path.get(parent_path) if parent_path else None,
            path=path[:64],
            number=str(raw.get("number") or path.split(".")[-1])[:32],
            level=path.count("."),
            position=position,
            kind=PlanItem.Kind.TASK if is_task else PlanItem.Kind.HEADING,
            title=(raw.get("title") or "").strip() or path,
            body=raw.get("body") or "",
            note=(raw.get("note") or "")[:255],
            timeframe_text=timeframe_text[:255],
            start=parsed.start if parsed else None,
            due=parsed.end if parsed else None,
            recurrence=parsed.recurrence if parsed else "none",
            expected_result=raw.get("result") or "",
            budget_vnd=raw.get("budget_vnd"),
        )
        item._history_user = actor
        item.save()
        by_path[path] = item
        units += build_units(item, PlanItemUnit.Role.LEAD, lead, known)
        units += build_units(item, PlanItemUnit.Role.PARTNER, partners, known)
        for q in raw.get("quantities") or []:
            if q.get("quantity"):
                quantities.append(
                    QuantityTarget(item=item, label=str(q.get("unit"))[:128], target=q["quantity"])
                )
        for m_pos, m in enumerate(raw.get("milestones") or []):
            owner = m.get("owner") or ""
            matched = build_units(item, PlanItemUnit.Role.LEAD, [owner], known) if owner else []
            dept_id = matched[0].department_id if matched else None
            milestones.append(
                Milestone(
                    item=item,
                    position=m_pos,
                    title=m.get("text") or "",
                    owner_department_id=dept_id if dept_id in dept_keys.values() else None,
                    owner_text=owner[:255],
                    due=_as_date(m.get("due")),
                )
            )
    PlanItemUnit.objects.bulk_create(units)
    QuantityTarget.objects.bulk_create(quantities)
    Milestone.objects.bulk_create(milestones)
    return plan


def _system_user(centre: Centre) -> User:
    """Seeding and command-line imports act as the centre's director (or first member)."""
    director = User.objects.filter(centre=centre, is_active=True).order_by("pk").first()
    if director is None:
        raise BusinessRuleError("Trung tâm chưa có người dùng nào để ghi là người tạo kế hoạch.")
    return director
