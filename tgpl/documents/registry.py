"""The kinds of documents the application produces, each declared by its own app.

An app's `documents.py` calls `register(DocumentKind(...))` when it is imported; the
registry imports every installed app's `documents` module the first time it is
read (as the admin finds `admin.py`), so tgpl never imports an app. The recipe for
a new kind is in tgpl/documents/kinds.py.
"""

from __future__ import annotations

from django.db.models import Model
from django.http import Http404
from django.utils.module_loading import autodiscover_modules

from .kinds import DocumentKind, NotFound

__all__ = ["DocumentKind", "NotFound", "get", "listed_on", "register", "sources", "unregister"]

_KINDS: dict[str, DocumentKind] = {}  # in the order declared: the order a page lists them
_discovered = False


def register(kind: DocumentKind) -> DocumentKind:
    """Declare a kind; declaring it again (a module imported twice) replaces it, but a
    name is never shared by two models."""
    known = _KINDS.get(kind.name)
    if known is not None and known.model is not kind.model:
        raise ValueError(f"Document kind {kind.name!r} is already declared for {known.model}")
    _KINDS[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    """Forget a kind (tests that declare one of their own)."""
    _KINDS.pop(name, None)


def _discover() -> None:
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("documents")


def sources() -> dict[str, DocumentKind]:
    """Every declared kind, by name."""
    _discover()
    return dict(sorted(_KINDS.items()))


def get(name: str) -> DocumentKind:
    found = sources().get(name)
    if found is None:
        raise NotFound(f"Không có loại văn bản “{name}”. Có: {', '.join(sources()) or '—'}.")
    return found


def get_or_404(name: str, *, app_label: str | None = None) -> DocumentKind:
    """The kind named in a URL of `app_label`'s (a case URL never serves a plan)."""
    _discover()
    kind = _KINDS.get(name)
    if kind is None or (app_label is not None and kind.app_label != app_label):
        raise Http404("Không có loại văn bản này.")
    return kind


def listed_on(model: type[Model]) -> list[DocumentKind]:
    """The kinds a page of `model` lists, in the order they were declared."""
    _discover()
    return [kind for kind in _KINDS.values() if kind.listed_on is model]


def _kind_of(app_label: str, model: str) -> DocumentKind | None:
    for kind in sources().values():
        meta = kind.model._meta
        if kind.page and (meta.app_label, meta.model_name) == (app_label, model):
            return kind
    return None


def links_for(user, rows: list[tuple[str, str, int | None]]) -> list[str]:
    """The page of each (app_label, model, object id), or "" when there is none or the
    user may not open it; one query per kind of object, for those the user may see."""
    wanted: dict[tuple[str, str], list[int]] = {}
    for app_label, model, object_id in rows:
        if object_id is not None and _kind_of(app_label, model):
            wanted.setdefault((app_label, model), []).append(object_id)
    pages: dict[tuple[str, str, int], str] = {}
    for key, ids in wanted.items():
        kind = _kind_of(*key)
        for obj in kind.visible_to(user).filter(pk__in=ids):
            pages[(*key, obj.pk)] = kind.page(obj)
    return [pages.get((app_label, model, object_id), "") for app_label, model, object_id in rows]
