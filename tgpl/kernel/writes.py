"""Writes with history: the actor and the reason of every change a person makes.

django-simple-history reads `_history_user` and `_change_reason` from the instance;
only this module sets them (an architecture test keeps it so).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

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
    model: type[M], objs: Sequence[M], *, actor, reason: str, batch_size: int = 500
) -> list[M]:
    """Insert many rows at once, each with its history record (one query per batch).

    Models without history are inserted with Django's bulk_create.
    """
    if not objs:
        return []
    if not hasattr(model, "history"):
        return model._default_manager.bulk_create(objs, batch_size=batch_size)
    return bulk_create_with_history(
        list(objs),
        model,
        batch_size=batch_size,
        default_user=actor,
        default_change_reason=fit_reason(reason),
    )


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
