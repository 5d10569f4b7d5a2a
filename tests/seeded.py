"""Data seeded once for all the tests of a module, and rolled back after the last one.

Seeding the whole demo takes seconds; a module whose every test reads the same demo
(the permission matrix walks it ten times) seeds it once per test process instead of
once per test. The seed runs inside an outer transaction opened before the first test
of the module; each test then runs in a savepoint of it (pytest-django's `db`), so what
a test writes is undone after it, as usual, and the outer transaction is rolled back
after the module: nothing leaks into the tests that follow in the same process.

The seed runs at the suite's frozen instant (tests/clock.py), like a test, and writes
its files into a folder of its own, which the module's tests must use as MEDIA_ROOT.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import time_machine
from django.db import transaction
from django.test.utils import override_settings

from tests import clock


@contextlib.contextmanager
def seeded_for_the_module(
    django_db_blocker, media_root: Path, seed: Callable[[], None]
) -> Iterator[Path]:
    """Run `seed` once in an outer transaction; yield the media folder; roll back."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # Like Django's TestCase atomics: a durable block inside a test stays allowed.
        outer._from_testcase = True
    try:
        with (
            django_db_blocker.unblock(),
            time_machine.travel(clock.NOW, tick=False),
            override_settings(MEDIA_ROOT=media_root),
        ):
            seed()
        yield media_root
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
