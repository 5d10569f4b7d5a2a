"""Liveness and readiness, for the process supervisor and the reverse proxy.

`/healthz/` says the process answers, nothing more (it touches no database: a
supervisor restarts a process that stops answering, not one whose database is down).
`/readyz/` says whether a request can be served: the database answers and its
migrations are applied, Redis answers when REDIS_URL is set, the disk that holds
MEDIA_ROOT has room, and the collected static files' manifest is there (without it,
under production settings, every page is a 500). 503 with a JSON body naming what
failed; 200 when all is well.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Set once the migrations were seen applied: they do not un-apply while the process runs.
_migrations_applied = False


class NotReady(Exception):
    """A readiness check failed; the message says what to fix."""


def check_database() -> dict:
    global _migrations_applied
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    if not _migrations_applied:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            raise NotReady(f"{len(pending)} migrations not applied: run manage.py migrate")
        _migrations_applied = True
    return {}


def check_redis() -> dict:
    if not settings.REDIS_URL:
        return {"skipped": "REDIS_URL is not set"}
    import redis

    client = redis.Redis.from_url(
        settings.REDIS_URL, socket_timeout=1.0, socket_connect_timeout=1.0
    )
    try:
        client.ping()
    finally:
        client.close()
    return {}


def _existing(path: Path) -> Path:
    """MEDIA_ROOT, or its nearest existing parent (it is made on the first upload)."""
    path = path.resolve()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_disk() -> dict:
    minimum = settings.READY_MIN_FREE_MB
    free = shutil.disk_usage(_existing(Path(settings.MEDIA_ROOT))).free // (1024 * 1024)
    facts = {"free_mb": free, "min_free_mb": minimum}
    if free < minimum:
        raise NotReady(f"only {free} MB free for MEDIA_ROOT, at least {minimum} MB needed")
    return facts


def check_static() -> dict:
    manifest_name = getattr(staticfiles_storage, "manifest_name", None)
    if manifest_name is None:
        return {"skipped": "static files are served from the source tree (DEBUG)"}
    if not staticfiles_storage.exists(manifest_name):
        raise NotReady("static files manifest missing: run manage.py collectstatic")
    return {}


CHECKS: dict[str, Callable[[], dict]] = {
    "database": check_database,
    "redis": check_redis,
    "disk": check_disk,
    "static": check_static,
}


def run_checks() -> tuple[bool, dict]:
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            facts = check()
            result = {"ok": True, **facts}
        except Exception as exc:  # any failure is "not ready", said in the body
            result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        result["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = result
    return all(r["ok"] for r in results.values()), results


@login_not_required
@require_GET
@never_cache
def healthz(request):
    """Liveness: the process answers."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@require_GET
@never_cache
def readyz(request):
    """Readiness: 200 when every check passed, 503 naming what failed."""
    ok, checks = run_checks()
    return JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503
    )
