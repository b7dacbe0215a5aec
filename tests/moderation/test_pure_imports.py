"""The top-level `moderation` package is pure policy: it imports only the standard library.

`forum` may import `moderation`, never the other way round, so policy is tested without an
app and can never reach for the database or the request. Read with `ast`, not by
importing, so a forbidden import is caught even in a module nothing imports yet.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "moderation"
FORBIDDEN = ("flask", "sqlalchemy", "forum")  # and flask_* (Flask-Login, Flask-WTF, …)
MODULES = sorted(PACKAGE.rglob("*.py"))


def imported_names(source: str) -> list[tuple[int, str]]:
    """(line, dotted name) for each import, however written: `import x`, `from x import y`
    (relative ones keep their dots, ".types"), and importlib / __import__ calls with a
    literal name. Imports inside functions count too."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append((node.lineno, "." * node.level + (node.module or "")))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            names.append((node.lineno, node.args[0].value))
    return names


def _is_dynamic_import(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id in ("__import__", "import_module")) or (
        isinstance(func, ast.Attribute) and func.attr == "import_module")


def is_forbidden(name: str) -> bool:
    top = name.split(".")[0]
    return top in FORBIDDEN or top.startswith("flask_")


def climbs_out(name: str, module: Path) -> bool:
    """A relative import with more dots than the module sits deep inside `moderation`."""
    dots = len(name) - len(name.lstrip("."))
    depth = len(module.relative_to(PACKAGE).parts)  # moderation/x.py → 1
    return dots > depth


def test_the_package_has_modules_to_check():
    assert PACKAGE.is_dir() and (PACKAGE / "pii.py") in MODULES


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_moderation_imports_no_flask_sqlalchemy_or_forum(module):
    offending = []
    for line, name in imported_names(module.read_text(encoding="utf-8")):
        if name.startswith("."):
            if climbs_out(name, module):
                offending.append(f"line {line}: from {name} import … (leaves the package)")
        elif is_forbidden(name):
            offending.append(f"line {line}: {name}")
    assert not offending, f"{module.name} must stay pure: " + "; ".join(offending)


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_moderation_imports_only_the_standard_library_and_itself(module):
    allowed = set(sys.stdlib_module_names) | {"moderation", "__future__"}
    outside = [f"line {line}: {name}"
               for line, name in imported_names(module.read_text(encoding="utf-8"))
               if not name.startswith(".") and name.split(".")[0] not in allowed]
    assert not outside, f"{module.name} imports beyond the standard library: " + "; ".join(outside)


@pytest.mark.parametrize("source, name", [
    ("import flask", "flask"),
    ("from flask import current_app", "flask"),
    ("import sqlalchemy.orm as orm", "sqlalchemy.orm"),
    ("from flask_login import current_user", "flask_login"),
    ("from forum.extensions import db", "forum.extensions"),
    ("import forum", "forum"),
    ("importlib.import_module('forum.qa')", "forum.qa"),
    ("__import__('flask')", "flask"),
    ("def f():\n    from sqlalchemy import select", "sqlalchemy"),
])
def test_the_checker_sees_each_way_of_importing(source, name):
    found = [n for _, n in imported_names(source)]
    assert found == [name] and is_forbidden(name)


def test_the_checker_allows_the_packages_own_relative_imports_only():
    module = PACKAGE / "rules.py"
    assert [n for _, n in imported_names("from .types import Role")] == [".types"]
    assert not climbs_out(".types", module)
    assert climbs_out("..forum", module)
