"""The one permission check that services and views share.

moderation.rules decides; `require` refuses with the reason in words, and writes a refused
attempt at staff work (or at flagging) to the audit log, so such attempts are answerable.
Only attempts to act are logged: a view that shows a form checks with log=False on GET, so
reading a page never writes (forum.web.ensure does this)."""
from __future__ import annotations

from moderation.rules import can, is_answerable, why_not
from moderation.types import Action

from .errors import Forbidden
from .moderation import audit


def require(actor, action: Action, target=None, *, on: tuple[str, int] | None = None, log: bool = True,
            message: str | None = None) -> None:
    """Raise Forbidden unless `actor` may do `action` on `target` (what the rules look at).
    `on` names what the attempt was on for the log when that is not `target` itself (an
    answer, whose question the rules look at); `message` says why in words the rules cannot
    know (an agency's name, say)."""
    if can(actor, action, target):
        return
    message = message or why_not(actor, action, target) or "You do not have permission to do that"
    if log and is_answerable(action) and getattr(actor, "is_authenticated", False):
        logged_on = on or _named(target)
        if logged_on is not None:
            audit.record_refusal(actor, action.value, *logged_on, message)
    raise Forbidden(message)


def _named(target) -> tuple[str, int] | None:
    """("question", 12) for a question, and so on for what the log knows; None otherwise."""
    kind = type(target).__name__.lower()
    return (kind, target.id) if target is not None and kind in audit.TARGET_TYPES else None
