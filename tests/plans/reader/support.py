"""Shared helpers of the plan reader tests (pure Python, no Django)."""

import json

from plans.reader import PATH_RE, ParsedPlan, plan_from_json, plan_to_json
from plans.samples import samples_dir

SAMPLES = samples_dir()
SAMPLE_2021 = SAMPLES / "ke-hoach-2021-trien-khai-cong-tac-tgpl.txt"
SAMPLE_2025 = SAMPLES / "ke-hoach-2025-chuyen-de-tgpl.txt"

HCTH = "Phòng Hành chính – Tổng hợp"
NV = "Phòng Nghiệp vụ"
YEAR_2021 = ("2021-01-01", "2021-12-31")
MID_2021 = ("2021-04-01", "2021-09-30")


def paths(text: str) -> list[str]:
    """ "I I.1 II.2.1" -> ["I", "I.1", "II.2.1"]"""
    return text.split()


def check_well_formed(plan: ParsedPlan) -> None:
    """What every parse must satisfy, whatever the text."""
    paths = [item.path for item in plan.items]
    assert len(paths) == len(set(paths)), paths
    seen = set()
    for item in plan.items:
        assert PATH_RE.match(item.path), item.path
        assert item.level == item.path.count(".") + 1
        assert item.kind in ("heading", "task")
        assert item.parent is None or item.parent in seen, (item.path, item.parent)
        assert item.parent is None or item.path.startswith(item.parent + ".")
        assert item.budget_vnd is None or item.budget_vnd >= 0
        assert set(item.timeframe_parsed) == {"text", "start", "end", "recurrence"}
        seen.add(item.path)
    data = plan_to_json(plan)
    assert set(data) == PLAN_KEYS
    assert set(data["signer"]) == {"name", "title", "on_behalf"}
    for item in data["items"]:
        assert set(item) == ITEM_KEYS
        assert set(item["timeframe_parsed"]) == {"text", "start", "end", "recurrence"}
    json.dumps(data, ensure_ascii=False)
    assert plan_from_json(json.loads(json.dumps(data))) == plan  # the one JSON form reads back


PLAN_KEYS = {
    "number",
    "symbol",
    "number_text",
    "place",
    "date",
    "year",
    "period_year",
    "kind",
    "title",
    "issuer",
    "parent_agency",
    "issuing_body",
    "legal_bases",
    "referenced_plans",
    "sections",
    "purpose_text",
    "budget_text",
    "organisation_text",
    "closing",
    "recipients",
    "signer",
    "items",
    "warnings",
}
ITEM_KEYS = {
    "path",
    "number",
    "level",
    "title",
    "parent",
    "section_role",
    "kind",
    "body",
    "lead",
    "partners",
    "lead_text",
    "partners_text",
    "note",
    "timeframe",
    "timeframe_parsed",
    "periods",
    "result",
    "budget_text",
    "budget_vnd",
    "budget_lines",
    "quantities",
    "milestones",
}


def task_row(item):
    tf = item.timeframe_parsed
    return (
        item.lead,
        item.partners,
        tf["text"],
        tf["start"],
        tf["end"],
        item.result,
        item.budget_vnd,
    )
