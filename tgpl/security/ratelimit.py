"""A fixed-window limit per client address, kept in Django's cache.

For the public forms that django-axes does not cover (the password reset by e-mail, the
online intake): `allow(request, "password_reset", limit=5, window=3600)` counts one try
of this address and says whether it is within the limit. The address is the one the
lockout uses (tgpl.clients.client_address, the AXES_IPWARE_* settings), so behind a
proxy every client is counted apart. The cache is Redis in production (shared by the web
processes); with no REDIS_URL each process counts its own (the limit then holds per process).
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from tgpl.clients import client_address


def _key(scope: str, address: str) -> str:
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"tgpl:ratelimit:{scope}:{digest}"


def allow(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one try from the request's address; False once `limit` tries were made
    within `window` seconds of the first."""
    key = _key(scope, client_address(request) or "unknown")
    cache.add(key, 0, timeout=window)  # the window starts with the first try
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= limit
