"""Links named by a URL's name, made once per process (issue 18.5).

A page prints thirty links: the menu, the tabs of its area, its buttons. Django's
reverse() walks the URL patterns and reads the thread's urlconf, script prefix and
language at every call, 0.9 ms of the case list's page. The same name, arguments,
namespace, urlconf, script prefix and language always give the same URL, so a process
keeps the last LINK_MEMO links it made under all of these: nothing can go stale while
the process runs (the URL patterns are code), and a test that swaps the urlconf clears
them, as it clears Django's own caches of the resolver.
"""

from __future__ import annotations

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

LINK_MEMO = 4096
_PLAIN = (int, str)


def reverse_kept(viewname: str, args=(), kwargs=None, current_app=None) -> str:
    """reverse(viewname, args, kwargs, current_app) as this process made it before.
    Only numbers and text name a kept link; other arguments (a model instance, whose text
    may change) are reversed afresh."""
    values = [*args, *(kwargs or {}).values()]
    if not all(type(v) in _PLAIN for v in values):
        return reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)
    return _kept(
        viewname,
        tuple(args),
        tuple(sorted((kwargs or {}).items())),
        current_app,
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        translation.get_language(),
    )


@functools.lru_cache(maxsize=LINK_MEMO)
def _kept(viewname, args, kwargs, current_app, urlconf, prefix, language) -> str:
    return reverse(
        viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
    )


@receiver(setting_changed)
def _forget_on_new_urlconf(*, setting, **kwargs) -> None:
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _kept.cache_clear()
