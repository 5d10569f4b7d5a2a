"""The one write of the read log: one INSERT per read (content types are cached)."""

from __future__ import annotations

from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tgpl.clients import client_address

from .models import ReadLog

LABEL_MAX = 160


def _label(record, obj) -> str:
    target = record if record is not None else obj
    if isinstance(target, type) and issubclass(target, models.Model):
        return str(target._meta.verbose_name_plural).capitalize()
    label = getattr(target, "read_log_label", None)
    if not label:
        label = f"{str(target._meta.verbose_name).capitalize()} #{target.pk}"
    return str(label)[:LABEL_MAX]


def _plain(value):
    """A filter value as JSON keeps it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _centre_id(request, record, obj):
    for source in (record, obj):
        if source is not None and not isinstance(source, type):
            centre_id = getattr(source, "centre_id", None)
            if centre_id:
                return centre_id
    return getattr(request.user, "centre_id", None)


def log_read(
    request,
    obj,
    kind: str,
    *,
    record=None,
    label: str = "",
    rows: int | None = None,
    filters: dict | None = None,
) -> ReadLog:
    """Record that `request.user` read `obj` (an instance, or a model for an export).

    `record`: the applicant's record the read concerns (default `obj`; None for an
    export); `rows` and `filters`: what an export held and how it was chosen (empty
    filters are left out)."""
    is_model = isinstance(obj, type)
    if record is None and not is_model:
        record = obj
    kept = {k: _plain(v) for k, v in (filters or {}).items() if v not in (None, "", [], ())}
    return ReadLog.objects.create(
        user=request.user,
        centre_id=_centre_id(request, record, obj),
        address=client_address(request),
        kind=kind,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=None if is_model else obj.pk,
        record_type=ContentType.objects.get_for_model(record) if record is not None else None,
        record_id=record.pk if record is not None else None,
        label=(label or _label(record, obj))[:LABEL_MAX],
        rows=rows,
        filters=kept,
    )
