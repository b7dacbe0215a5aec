"""Allowed transitions of a suggestion's status (pure: plain strings in, plain answers out).

open -> under_review -> planned -> in_progress -> implemented is the main road; a
moderator may skip ahead on it, and from any status still open for discussion may
decline the idea or mark it a duplicate. Implemented and duplicate are final (a
duplicate's supports have moved to the kept suggestion); a declined idea may be
reconsidered (back to under review).
"""
from __future__ import annotations

SUGGESTION_STATUSES = ("open", "under_review", "planned", "in_progress", "implemented", "declined", "duplicate")
STATUS_LABELS = {
    "open": "Open", "under_review": "Under review", "planned": "Planned", "in_progress": "In progress",
    "implemented": "Implemented", "declined": "Declined", "duplicate": "Duplicate",
}
ROAD = ("open", "under_review", "planned", "in_progress", "implemented")
# Closed: nobody can support it any more.
CLOSED = frozenset({"implemented", "declined", "duplicate"})


def next_statuses(current: str) -> tuple[str, ...]:
    """The statuses a suggestion in `current` may move to, in display order."""
    if current == "declined":
        return ("under_review",)
    if current in CLOSED or current not in ROAD:
        return ()
    ahead = ROAD[ROAD.index(current) + 1:]
    return (*ahead, "declined", "duplicate")


def can_move(current: str, new: str) -> bool:
    return new in next_statuses(current)


def why_not_move(current: str, new: str) -> str | None:
    """A sentence for the moderator when the change is not allowed, or None when it is."""
    if new not in SUGGESTION_STATUSES:
        return "Choose a status from the list"
    if can_move(current, new):
        return None
    label, wanted = STATUS_LABELS.get(current, current), STATUS_LABELS[new]
    if current in ("implemented", "duplicate"):
        return f"This suggestion is {label.lower()}: its status can no longer change"
    if new == current:
        return f"This suggestion is already {label.lower()}"
    return f"A suggestion that is {label.lower()} cannot become {wanted.lower()}"


def is_closed(status: str) -> bool:
    return status in CLOSED
