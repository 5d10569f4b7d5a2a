"""From a parsed plan document to the data the import service saves (and the preview edits)."""

from .parsing import ParsedPlan


def plan_data(parsed: ParsedPlan) -> dict:
    """The parsed plan as plain JSON-able data: what the preview shows and the service saves."""
    return {
        "number": parsed.number,
        "symbol": parsed.symbol,
        "place": parsed.place or "",
        "date": parsed.date.isoformat() if parsed.date else None,
        "year": parsed.year,
        "title": parsed.title or "",
        "legal_bases": "\n".join(parsed.legal_bases or []),
        "purpose": parsed.purpose_text or "",
        "budget_section": parsed.budget_text or "",
        "organisation_section": parsed.organisation_text or "",
        "recipients": list(parsed.recipients),
        "signer": parsed.signer.to_dict(),
        "warnings": list(parsed.warnings),
        "items": [
            {
                "path": item.path,
                "number": item.number,
                "title": item.title,
                "body": item.body or "",
                "note": item.note or "",
                "kind": item.kind,
                "lead": list(item.lead),
                "partners": list(item.partners),
                "timeframe_text": item.timeframe or "",
                "result": item.result or "",
                "budget_vnd": item.budget_vnd,
                "quantities": [
                    {"quantity": q.get("quantity"), "unit": q.get("unit")} for q in item.quantities
                ],
                "milestones": [
                    {"owner": m.get("owner"), "text": m.get("text"), "due": _iso(m.get("due"))}
                    for m in item.milestones
                ],
            }
            for item in parsed.items
        ],
    }


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
