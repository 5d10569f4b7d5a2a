"""Change history (django-simple-history) turned into a readable timeline."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

HISTORY_TYPES = {"+": "Tạo mới", "~": "Cập nhật", "-": "Xóa"}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class TimelineEntry:
    when: datetime
    who: str
    action: str
    subject: str
    reason: str = ""
    changes: list[Change] = field(default_factory=list)


def _display(record, field_name):
    value = getattr(record, field_name, None)
    model_field = record.instance_type._meta.get_field(field_name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value or ""))
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
            if timezone.is_aware(value)
            else value.strftime("%H:%M %d/%m/%Y")
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return str(value)


def timeline_for(*objects, limit: int = 200) -> list[TimelineEntry]:
    """Every recorded change of these objects, newest first, with field diffs.

    Each object must have `history = HistoricalRecords()`. Two queries per object.
    """
    entries: list[TimelineEntry] = []
    for obj in objects:
        if obj is None:
            continue
        history = obj.history.select_related("history_user")
        # Newest first; the id orders changes recorded at the same instant.
        records = list(history.order_by("-history_date", "-history_id")[:limit])
        subject = f"{obj._meta.verbose_name} {obj}"
        for index, record in enumerate(records):
            previous = records[index + 1] if index + 1 < len(records) else None
            changes = []
            if previous is not None and record.history_type == "~":
                delta = record.diff_against(previous)
                for change in delta.changes:
                    model_field = obj._meta.get_field(change.field)
                    if not getattr(model_field, "editable", True) or change.field == "search_key":
                        continue
                    changes.append(
                        Change(
                            field=str(model_field.verbose_name),
                            old=_display(previous, change.field),
                            new=_display(record, change.field),
                        )
                    )
                if not changes:
                    continue
            who = record.history_user.full_name if record.history_user else "Hệ thống"
            entries.append(
                TimelineEntry(
                    when=record.history_date,
                    who=who,
                    action=HISTORY_TYPES.get(record.history_type, record.history_type),
                    subject=subject,
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
