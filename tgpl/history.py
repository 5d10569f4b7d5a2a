"""Change history (django-simple-history) turned into a readable timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone

from .roles import Role

HISTORY_TYPES = {"+": "Tạo mới", "~": "Cập nhật", "-": "Xóa"}
# One write (a row and then its many-to-many links) leaves several records a moment
# apart, with the same person and reason: the timeline shows them as one entry.
SAME_WRITE = timedelta(seconds=5)


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


def display_moment(value: datetime) -> str:
    """A moment as people in Vietnam read it: local time, hh:mm dd/mm/yyyy."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.strftime("%H:%M %d/%m/%Y")


def _display(record, field_name):
    value = getattr(record, field_name, None)
    model_field = record.instance_type._meta.get_field(field_name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value or ""))
    if value is None or value == "":
        return "—"
    if isinstance(value, datetime):
        return display_moment(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return str(value)


def _m2m_names(model_field: models.ManyToManyField, rows: list[dict]) -> set:
    """The related objects' ids named by the through-rows of an m2m history snapshot."""
    target = model_field.m2m_reverse_field_name()
    return {row.get(target) for row in rows if row.get(target) is not None}


def _related_label(obj) -> str:
    """Roles are groups named by their code: show the role's Vietnamese name."""
    if isinstance(obj, Group) and obj.name in Role.values:
        return str(Role(obj.name).label)
    return str(obj)


def _field_label(model_field) -> str:
    if model_field.model is not None and model_field.name == "groups":
        return "vai trò"
    return str(model_field.verbose_name)


def _m2m_change(model_field, change) -> Change | None:
    old_ids = _m2m_names(model_field, change.old or [])
    new_ids = _m2m_names(model_field, change.new or [])
    if old_ids == new_ids:
        return None
    related = model_field.related_model
    found = related._default_manager.filter(pk__in=old_ids | new_ids)
    names = {o.pk: _related_label(o) for o in found}

    def show(ids):
        return "; ".join(sorted(names.get(i, f"#{i}") for i in ids)) or "—"

    return Change(field=_field_label(model_field), old=show(old_ids), new=show(new_ids))


def _changes(obj, record, previous) -> list[Change]:
    changes = []
    for change in record.diff_against(previous).changes:
        model_field = obj._meta.get_field(change.field)
        if model_field.many_to_many:
            m2m = _m2m_change(model_field, change)
            if m2m is not None:
                changes.append(m2m)
            continue
        if not getattr(model_field, "editable", True) or change.field == "search_key":
            continue
        changes.append(
            Change(
                field=str(model_field.verbose_name),
                old=_display(previous, change.field),
                new=_display(record, change.field),
            )
        )
    return changes


def _same_write(entry: TimelineEntry, record, who: str) -> bool:
    return (
        entry.who == who
        and entry.reason == (record.history_change_reason or "")
        and abs(entry.when - record.history_date) <= SAME_WRITE
    )


def _fold(entry: TimelineEntry, changes: list[Change]) -> None:
    """Fold a later record of the same write into its entry: a field changed twice shows
    its value before the first change and after the last."""
    by_field = {c.field: c for c in entry.changes}
    for change in changes:
        earlier = by_field.get(change.field)
        if earlier is None:
            entry.changes.append(change)
            by_field[change.field] = change
        else:
            earlier.new = change.new
    entry.changes[:] = [c for c in entry.changes if c.old != c.new]


def timeline_for(*objects, limit: int = 200) -> list[TimelineEntry]:
    """Every recorded change of these objects, newest first, with field diffs.

    Each object must have `history = HistoricalRecords()`; many-to-many fields recorded
    with `m2m_fields` show which links were added or removed.
    """
    entries: list[TimelineEntry] = []
    for obj in objects:
        if obj is None:
            continue
        history = obj.history.select_related("history_user")
        # Newest first; the id orders changes recorded at the same instant.
        records = list(history.order_by("-history_date", "-history_id")[:limit])
        subject = f"{obj._meta.verbose_name} {obj}"
        own: list[TimelineEntry] = []
        # oldest first, so that a write's later records fold into its first one
        for index in range(len(records) - 1, -1, -1):
            record = records[index]
            previous = records[index + 1] if index + 1 < len(records) else None
            changes = []
            if previous is not None and record.history_type == "~":
                changes = _changes(obj, record, previous)
                if not changes:
                    continue
            who = record.history_user.full_name if record.history_user else "Hệ thống"
            if own and _same_write(own[-1], record, who) and record.history_type == "~":
                _fold(own[-1], changes)
                continue
            own.append(
                TimelineEntry(
                    when=record.history_date,
                    who=who,
                    action=HISTORY_TYPES.get(record.history_type, record.history_type),
                    subject=subject,
                    reason=record.history_change_reason or "",
                    changes=changes,
                )
            )
        entries.extend(reversed(own))  # newest first; sort() below is stable
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
