"""The house's rules, checked on the source: one write path, selectors in views, the
import contracts of pyproject.toml (import-linter) and that those contracts bite."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["tgpl", "plans", "cases", "outreach", "reports"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def app_sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def is_service(path: Path) -> bool:
    return "services" in path.parts or path.name == "services.py" or "kernel" in path.parts


def test_status_changes_only_in_services():
    pattern = re.compile(r"\.status\s*=[^=]")
    offenders = [
        f"{rel(p)}:{n}"
        for p in app_sources()
        if not is_service(p)
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == [], "a state changes only in a service (check_transition)"


def test_history_fields_are_set_only_by_the_kernel_write_path():
    pattern = re.compile(r"\._(history_user|change_reason)\s*=")
    offenders = [
        f"{rel(p)}:{n}"
        for p in app_sources()
        if rel(p) != "tgpl/kernel/writes.py"
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == [], "use tgpl.kernel.save/create/delete/set_related"


def test_views_fetch_objects_through_scoped_selectors():
    pattern = re.compile(r"\.objects(\.\w+\([^)]*\))*\.get\(")
    views = [p for p in app_sources() if p.name.startswith("views") or "views" in p.parts]
    assert views, "the walk found no views"
    offenders = [
        f"{rel(p)}:{n}"
        for p in views
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == [], "views use a selector such as get_case_for(user, pk)"


def test_no_transaction_hook_outside_the_kernel_for_side_effects():
    """Side effects go through tgpl.kernel.emit (the outbox), not a bare on_commit."""
    offenders = [
        f"{rel(p)}:{n}"
        for p in app_sources()
        if "kernel" not in p.parts
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if "on_commit(" in line
    ]
    assert offenders == []


def run_lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own tool, fixed arguments
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def lint_imports():
    if not LINT_IMPORTS.exists():
        pytest.fail("import-linter is a dev dependency: pip install -e '.[dev]'")
    return run_lint_imports


def test_the_import_contracts_hold(lint_imports):
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("tgpl/_probe.py", "import cases.models\n", "The kernel imports no app"),
        ("plans/_probe.py", "import cases.models\n", "independent of each other"),
        ("cases/services/_probe.py", "import cases.views\n", "never import views or forms"),
        ("cases/rules/_probe.py", "import django.db\n", "The pure rules import no Django"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(lint_imports, tmp_path, module, line, contract):
    for name in APPS:
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / module).write_text(line)
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout
