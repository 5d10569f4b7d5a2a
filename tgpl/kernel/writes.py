"""Writes with history: the actor and the reason of every change a person makes.

django-simple-history reads `_history_user` and `_change_reason` from the instance;
only this module sets them (an architecture test keeps it so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.apps import apps
from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

M = TypeVar("M", bound=models.Model)

REASON_MAX = 100  # simple-history's history_change_reason is a varchar(100)


def fit_reason(reason: str) -> str:
    """A reason that fits the history column, cut with an ellipsis when too long."""
    reason = " ".join((reason or "").split())
    return reason if len(reason) <= REASON_MAX else reason[: REASON_MAX - 1] + "…"


def _mark(obj: models.Model, actor, reason: str) -> None:
    obj._history_user = actor  # type: ignore[attr-defined]
    obj._change_reason = fit_reason(reason)  # type: ignore[attr-defined]


def save(obj: M, *, actor, reason: str, update_fields: Sequence[str] | None = None) -> M:
    """Save a model instance, its history record naming `actor` (None: the system)."""
    _mark(obj, actor, reason)
    obj.save(update_fields=update_fields)
    return obj


def create(model: type[M], *, actor, reason: str, **fields: Any) -> M:
    """Create a row with its first history record."""
    return save(model(**fields), actor=actor, reason=reason)


def delete(obj: models.Model, *, actor, reason: str) -> None:
    """Delete a row; its last history record ("-") names who removed it and why."""
    _mark(obj, actor, reason)
    obj.delete()


def set_related(obj: models.Model, field: str, values: Iterable, *, actor, reason: str) -> None:
    """Set a many-to-many field; its history (m2m_fields) records who and why."""
    _mark(obj, actor, reason)
    getattr(obj, field).set(list(values))


def bulk_create(
    model: type[M],
    objs: Sequence[M],
    *,
    actor,
    reason: str,
    batch_size: int = 500,
    reason_of: Callable[[M], str] | None = None,
) -> list[M]:
    """Insert many rows at once, each with its history record (one query per batch).

    `reason_of` gives a row its own reason (an import names each row's register number).
    Models without history are inserted with Django's bulk_create.
    """
    if not objs:
        return []
    if not hasattr(model, "history"):
        return model._default_manager.bulk_create(objs, batch_size=batch_size)
    if reason_of is not None:
        for obj in objs:
            _mark(obj, actor, reason_of(obj))
    return bulk_create_with_history(
        list(objs),
        model,
        batch_size=batch_size,
        default_user=actor,
        default_change_reason=fit_reason(reason),
    )  # (bulk_history_create reads each row's own _history_user and _change_reason)


def bulk_create_related(
    model: type[M],
    objs: Sequence[M],
    field: str,
    values: Sequence[Sequence[int]],
    *,
    actor,
    reason: str,
    batch_size: int = 500,
    reason_of: Callable[[M], str] | None = None,
) -> int:
    """Link rows just created to their many-to-many values (`values[i]`: the ids for
    `objs[i]`) in bulk, with the history `set_related` would record: a "~" record of
    each row that changed, holding its links (simple-history's m2m_fields).

    For rows created in the same transaction (their other links are still empty)."""
    through = getattr(model, field).through
    source = getattr(model, field).field.m2m_field_name()
    target = getattr(model, field).field.m2m_reverse_field_name()
    pairs = [(obj, list(ids)) for obj, ids in zip(objs, values, strict=True) if ids]
    links = [
        through(**{f"{source}_id": obj.pk, f"{target}_id": value})
        for obj, ids in pairs
        for value in ids
    ]
    through._default_manager.bulk_create(links, batch_size=batch_size)
    history = getattr(model, "history", None)
    if history is None or not pairs:
        return len(links)
    changed = [obj for obj, _ in pairs]
    for obj in changed:
        _mark(obj, actor, reason_of(obj) if reason_of else reason)
    records = history.bulk_history_create(
        changed, batch_size=batch_size, update=True, default_user=actor,
        default_change_reason=fit_reason(reason),
    )  # fmt: skip
    m2m_history = apps.get_model(model._meta.app_label, f"{history.model.__name__}_{field}")
    by_pair = iter(links)
    rows = []
    for record, (_obj, ids) in zip(records, pairs, strict=True):
        for _ in ids:
            link = next(by_pair)
            rows.append(
                m2m_history(
                    history=record,
                    id=link.pk,
                    **{
                        f"{source}_id": getattr(link, f"{source}_id"),
                        f"{target}_id": getattr(link, f"{target}_id"),
                    },
                )
            )
    m2m_history._default_manager.bulk_create(rows, batch_size=batch_size)
    return len(links)


def bulk_update(
    model: type[M], objs: Sequence[M], fields: Sequence[str], *, actor, reason: str
) -> int:
    """Update many rows at once, each with its history record."""
    if not objs:
        return 0
    return bulk_update_with_history(
        list(objs),
        model,
        list(fields),
        batch_size=500,
        default_user=actor,
        default_change_reason=fit_reason(reason),
    )
