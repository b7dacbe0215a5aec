"""One import site per outside engine: replacing bleach (in maintenance; nh3 is its successor)
or Whoosh (a PostgreSQL full-text backend is the path for several hosts) is then a change to
one place. The application's code is read with `ast`, so a new import anywhere else fails here."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITES = {"bleach": ["forum/content.py"], "whoosh": ["forum/search/whoosh/"]}


def imported_packages(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def application_modules() -> list[Path]:
    return sorted(p for folder in ("forum", "moderation") for p in (ROOT / folder).rglob("*.py"))


def test_the_application_is_read_whole():
    modules = [p.relative_to(ROOT).as_posix() for p in application_modules()]
    assert "forum/content.py" in modules and "forum/search/whoosh/__init__.py" in modules


@pytest.mark.parametrize("package", sorted(SITES))
def test_an_outside_engine_is_imported_in_one_place_only(package):
    allowed = SITES[package]
    elsewhere = [p.relative_to(ROOT).as_posix() for p in application_modules()
                 if package in imported_packages(p)
                 and not any(p.relative_to(ROOT).as_posix().startswith(site) for site in allowed)]
    assert elsewhere == [], f"{package} is imported outside {allowed}: {elsewhere}"
