"""The kinds of documents the application produces, each registered by its own app.

An app's `documents.py` calls `register(Source(...))` when it is imported; the
registry imports every installed app's `documents` module the first time it is
read (as the admin finds `admin.py`), so tgpl never imports an app.
`manage.py render_document <name> ...` and the register page's links use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

from .content import Document


class NotFound(LookupError):
    """No object, or more than one, answers to an identifier; the message says which."""


@dataclass(frozen=True)
class Source:
    name: str  # what `render_document` calls it: "plan"
    label: str  # Vietnamese, for messages: "kế hoạch"
    find: Callable[..., object]  # (identifier, **options) -> object, or NotFound
    build: Callable[[object], Document]
    model: type | None = None  # whose register rows link to their page
    url: Callable[[int], str] | None = None  # object id -> its page
    # (user, object ids) -> the ids whose page the user may open; None: every page
    visible: Callable[[object, list[int]], set[int]] | None = None


_SOURCES: dict[str, Source] = {}
_discovered = False


def register(source: Source) -> Source:
    _SOURCES[source.name] = source
    return source


def _discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("documents")


def sources() -> dict[str, Source]:
    _discover()
    return dict(sorted(_SOURCES.items()))


def get(name: str) -> Source:
    found = sources().get(name)
    if found is None:
        raise NotFound(f"Không có loại văn bản “{name}”. Có: {', '.join(sources()) or '—'}.")
    return found


def _source_of(app_label: str, model: str) -> Source | None:
    for source in sources().values():
        meta = source.model._meta if source.model else None
        if meta and source.url and (meta.app_label, meta.model_name) == (app_label, model):
            return source
    return None


def url_for(app_label: str, model: str, object_id: int | None) -> str:
    """The page of a register row's object, when its app registered one."""
    source = _source_of(app_label, model) if object_id is not None else None
    return source.url(object_id) if source else ""


def links_for(user, rows: list[tuple[str, str, int | None]]) -> list[str]:
    """The page of each (app_label, model, object id), or "" when there is none or the
    user may not open it; one visibility query per kind of object."""
    wanted: dict[tuple[str, str], list[int]] = {}
    for app_label, model, object_id in rows:
        if object_id is not None and _source_of(app_label, model):
            wanted.setdefault((app_label, model), []).append(object_id)
    allowed: dict[tuple[str, str], set[int] | None] = {}
    for key, ids in wanted.items():
        source = _source_of(*key)
        allowed[key] = set(source.visible(user, ids)) if source.visible else None
    links = []
    for app_label, model, object_id in rows:
        key = (app_label, model)
        ok = key in allowed and (allowed[key] is None or object_id in allowed[key])
        links.append(url_for(app_label, model, object_id) if ok else "")
    return links
