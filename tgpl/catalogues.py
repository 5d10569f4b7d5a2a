"""Short catalogues read on every page, kept in the cache until one of their rows changes.

The filters of every list offer the legal fields, the eligibility categories, the
departments and the performers; the band of every page names the centre and its Sở.
They change a few times a year and were read on every page: four to six queries, a
fifth of a list page's time (issue 18.5).

One generation token in the cache names the current version of all of them. A save or a
delete of a watched model (`watch`) replaces it once its transaction has committed, so
the next page on any node reads the catalogues afresh: the cache is Redis in production,
shared by the web nodes, and a folder shared by the processes of `make run`. The token
changes at the save, so the rest of the transaction sees the change, and again once it
commits, so that a page of another connection that read the old rows in between (and
kept them under the new token) is not believed. `migrate` replaces it too (a data migration
writes with `update()`, which sends no signal). Entries of the shared cache
expire after CATALOGUE_SECONDS, which bounds what a write outside the ORM (a COPY, a raw
UPDATE) can leave stale; a process keeps its copies as long
(or until the token changes). CATALOGUE_SECONDS=0 keeps nothing: every page reads them
(the tests' default, so that a pinned query count does not depend on what an earlier
page of the test left in the cache).

What is kept is what a page shows (values and labels), never what it checks: a filter
still validates its value against the database, and no permission is read from here.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save

from . import kernel

T = TypeVar("T")

GENERATION_KEY = "tgpl:catalogues:generation"
_MISSING = object()

# Saves that change no catalogue's label: signing in writes the user's last_login.
_UNSEEN_FIELDS = frozenset({"last_login", "password"})


# A page reads the token once: the band and the filters of a list both ask for it. The
# token read is kept by the thread from the request's start to its end (a task, a
# command or a shell, outside any request, reads it at every call).
_request = threading.local()


def _generation() -> str:
    token = getattr(_request, "token", None)
    if token is not None:
        return token
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        token = cache.get(GENERATION_KEY)
    if getattr(_request, "open", False):
        _request.token = token
    return token


def _request_started(**kwargs) -> None:
    _request.open, _request.token = True, None


def forget_page_token(**kwargs) -> None:
    """The request is over (request_finished; a test whose page raised calls it)."""
    _request.open, _request.token = False, None


request_started.connect(_request_started, dispatch_uid="tgpl.catalogues:started")
request_finished.connect(forget_page_token, dispatch_uid="tgpl.catalogues:finished")


def renew() -> None:
    """Every catalogue is read afresh from the next page on (after a change)."""
    token = uuid.uuid4().hex
    cache.set(GENERATION_KEY, token, timeout=None)
    if getattr(_request, "open", False):
        _request.token = token  # the rest of this page sees the change too


# This process's copies of the current generation's catalogues: a page reads the token
# from the shared cache (one round trip) and the catalogues from here.
_local: dict[str, object] = {}
_EXPIRES = "expires"


def remembered(builders: dict[str, Callable[[], T]]) -> dict[str, T]:
    """The catalogues named by `builders`, each built by its function (and kept) when
    neither this process nor the shared cache holds it under the current token. A name
    says everything the value depends on (e.g. the centres). One round trip to the
    shared cache when this process holds them all."""
    if settings.CATALOGUE_SECONDS <= 0:  # kept nowhere: read on every page
        return {name: build() for name, build in builders.items()}
    generation = _generation()
    now = time.monotonic()
    if _local.get(GENERATION_KEY) != generation or now > _local.get(_EXPIRES, 0):  # type: ignore[operator]
        _local.clear()
        _local[GENERATION_KEY] = generation
        _local[_EXPIRES] = now + settings.CATALOGUE_SECONDS
    keys = {name: f"tgpl:catalogue:{generation}:{name}" for name in builders}
    lacking = [key for key in keys.values() if key not in _local]
    if lacking:
        found = cache.get_many(lacking)
        built = {}
        for name, key in keys.items():
            if key in lacking and key not in found:
                built[key] = builders[name]()
        if built:
            cache.set_many(built, timeout=settings.CATALOGUE_SECONDS)
        _local.update(found)
        _local.update(built)
    return {name: _local[key] for name, key in keys.items()}  # type: ignore[misc]


def renew_after_migrate(**kwargs) -> None:
    """post_migrate: a data migration may have changed a catalogue with update()."""
    renew()


def _changed(sender, **kwargs) -> None:
    fields = kwargs.get("update_fields")
    if fields and set(fields) <= _UNSEEN_FIELDS:
        return
    renew()  # this transaction's own pages (and a test's) see the change at once
    kernel.after_commit(renew, using=kwargs.get("using"))


def watch(models: Iterable[type]) -> None:
    """A save or delete of any of these models renews the catalogues (an app's ready())."""
    for model in models:
        uid = f"tgpl.catalogues:{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}:save", weak=False)
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}:delete", weak=False)
