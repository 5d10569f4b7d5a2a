"""The kinds of export, registered by the apps (like tgpl.targets and tgpl.references)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class ExportTable:
    """What one export writes: the header row, the rows (a scoped queryset, iterated in
    chunks) and the cells of one row."""

    headers: Sequence[str]
    rows: models.QuerySet
    cells: Callable[[Any], Iterable[Any]]


@dataclass(frozen=True)
class ExportKind:
    name: str  # "cases.case_register"
    label: str  # "Sổ thụ lý (.xlsx)": the job's title and the read log's label
    filename: str  # "so-thu-ly": the file is <filename>-<yyyymmdd>.xlsx
    model: type[models.Model]  # the model of the rows (the read log's object)
    # (user) -> may this user export this kind (asked on request, at run and on download)
    allowed: Callable[[Any], bool]
    # (user, params) -> the table; the same scoped selector as the list the user saw
    table: Callable[[Any, dict], ExportTable]
    sheet: str = "Danh sách"


_kinds: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> None:
    _kinds[kind.name] = kind


def kinds() -> dict[str, ExportKind]:
    return dict(_kinds)


def get_kind(name: str) -> ExportKind | None:
    return _kinds.get(name)
