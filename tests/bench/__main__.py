"""`make bench`: set Django up on a throwaway database, seed it, run every benchmark.

Benchmarks live beside this file as bench_*.py modules; every function whose name
starts with ``bench_`` is called with no argument and prints its own figures.
They are not tests: a slow figure never fails. Give names to run only some:
``python -m tests.bench documents`` runs the functions whose module or name holds
"documents". The database is DATABASE_URL when set, else a fresh SQLite file in the
temporary directory, one per run, removed at the end.
"""

from __future__ import annotations

import importlib
import io
import os
import pkgutil
import sys
import tempfile
import time
import traceback
from pathlib import Path


def setup_django() -> Path | None:
    """Migrate and seed; returns the throwaway SQLite file to remove, if one was made."""
    throwaway = None
    if "DATABASE_URL" not in os.environ:
        # One file per run, so that two runs at once never share (or delete) a database.
        handle, name = tempfile.mkstemp(prefix="tgpl-bench-", suffix=".sqlite3")
        os.close(handle)
        throwaway = Path(name)
        os.environ["DATABASE_URL"] = f"sqlite:///{throwaway}"
    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tgpl.settings")
    import django
    from django.core.management import call_command

    django.setup()
    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", stdout=io.StringIO())
    print(
        f"(cơ sở dữ liệu thử: {os.environ['DATABASE_URL']}, "
        f"chuẩn bị {time.perf_counter() - started:.1f} s)"
    )
    return throwaway


def benchmarks(wanted: list[str]):
    """(module name, function) of every bench_* function of every bench_*.py here."""
    here = Path(__file__).resolve().parent
    for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
        if not info.name.startswith("bench_"):
            continue
        module = importlib.import_module(f"tests.bench.{info.name}")
        for name in sorted(vars(module)):
            func = getattr(module, name)
            if name.startswith("bench_") and callable(func):
                label = f"{info.name}.{name}"
                if not wanted or any(w in label for w in wanted):
                    yield label, func


def main(argv: list[str]) -> int:
    throwaway = None
    failed = 0
    try:
        throwaway = setup_django()
        for label, func in benchmarks(argv):
            print(f"\n== {label}")
            try:
                func()
            except Exception:  # a broken benchmark is reported, the others still run
                failed += 1
                traceback.print_exc()
    finally:
        if throwaway is not None:
            throwaway.unlink(missing_ok=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
