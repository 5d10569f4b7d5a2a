"""The plan reader is pure: no module of plans/reader imports Django, directly or through
the modules it imports (read as import-linter reads them: the import statements)."""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ALLOWED_OUTSIDE = {"docx", "pypdf", "lxml", "tgpl.timeframes"}


def imports_of(path: Path, package: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from .contract import ...
                found.add(f"{package}.{node.module}" if node.module else package)
            else:
                found.add(node.module)
    return found


def test_the_reader_imports_no_django():
    stdlib = sys.stdlib_module_names
    seen, todo = set(), ["plans.reader"]
    outside = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        path = ROOT / Path(*module.split("."))
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for name in imports_of(path, package):
            top = name.split(".")[0]
            if name.startswith("plans.reader") or name == "tgpl.timeframes":
                todo.append(name)
            elif top not in stdlib and top != "__future__":
                outside.add(name)
    assert "tgpl.timeframes" in seen
    assert not any(name.split(".")[0] == "django" for name in outside), outside
    assert {name.split(".")[0] for name in outside} <= {n.split(".")[0] for n in ALLOWED_OUTSIDE}
