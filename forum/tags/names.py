"""Tag names: how typed text becomes normalised tags (pure)."""
from __future__ import annotations

import re

TAG_MAX = 30
MAX_TAGS = 5
_VALID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SEPARATORS = re.compile(r"[\s_]+")


class TagError(ValueError):
    """Typed tags that cannot be accepted; the message says why, for the person typing."""


def normalise(raw: str) -> str:
    """'Tax Return ' -> 'tax-return'. Does not validate: see parse()."""
    name = _SEPARATORS.sub("-", raw.strip().lower())
    return re.sub(r"-{2,}", "-", name).strip("-")


def parse(text: str, *, minimum: int = 1, maximum: int = MAX_TAGS) -> list[str]:
    """Comma-separated tags as typed -> distinct normalised names, in the order given."""
    names: list[str] = []
    for raw in text.split(","):
        if not raw.strip():
            continue
        name = normalise(raw)
        if not _VALID.match(name):
            raise TagError(f"“{raw.strip()}” is not a valid tag: use letters, numbers and hyphens only")
        if len(name) > TAG_MAX:
            raise TagError(f"“{name}” is too long: a tag is at most {TAG_MAX} characters")
        if name not in names:
            names.append(name)
    if len(names) < minimum:
        raise TagError(f"Add at least {minimum} tag{'s' if minimum != 1 else ''}, separated by commas")
    if len(names) > maximum:
        raise TagError(f"Use at most {maximum} tags (you gave {len(names)})")
    return names
