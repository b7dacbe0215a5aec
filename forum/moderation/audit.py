"""Writing the audit log. The only function that touches AuditEntry inserts; there is no
update or delete anywhere in the application (tests/moderation_app/test_audit.py checks).

ACTIONS and TARGET_TYPES name everything the log can hold: `record` refuses any other name,
so the log's filters, built from these, always offer exactly what is logged.
"""
from __future__ import annotations

from moderation.types import Action

from ..extensions import db, utcnow
from .models import AuditEntry

ACTIONS = {
    # the queue's decisions
    "dismiss": "Flags dismissed", "hide": "Hidden", "restore": "Restored", "delete": "Deleted",
    "release": "Released", "redact": "Redacted and released",
    # questions
    "lock": "Locked", "unlock": "Unlocked", "close_duplicate": "Closed as a duplicate", "refer": "Referred",
    "assign_agency": "Agency assigned",
    # official answers
    "mark_official": "Official answer marked", "unmark_official": "Official mark removed",
    "official_withdrawn": "Official mark withdrawn after an edit",
    # the forum itself
    "auto_hide": "Hidden by flags", "auto_hold": "Held for personal information",
    "auto_release": "Published after the author's edit",
    # suggestions
    "suggestion_status": "Suggestion status changed", "unlink_question": "Question unlinked from a suggestion",
    # people and agencies
    "suspend": "Suspended", "set_role": "Role changed", "add_agency": "Agency added", "update_agency": "Agency changed",
    # tags
    "tag_describe": "Tag described", "tag_synonym": "Tag synonym added", "tag_merge": "Tags merged",
}
REFUSED = "refused:"  # + the Action refused
_ACTION_VALUES = frozenset(a.value for a in Action)
TARGET_TYPES = {"question": "Questions", "answer": "Answers", "suggestion": "Suggestions", "user": "People",
                "agency": "Agencies", "tag": "Tags"}


def record(actor, action: str, target_type: str, target_id: int | None, reason: str = "",
           details: str = "") -> None:
    """Add an entry to the current transaction; `actor` None means the forum did it itself."""
    known = action in ACTIONS or action.startswith(REFUSED) and action.removeprefix(REFUSED) in _ACTION_VALUES
    if not known or target_type not in TARGET_TYPES:
        raise ValueError(f"not a logged action or target: {action!r} on {target_type!r} (see audit.ACTIONS)")
    db.session.add(AuditEntry(actor_id=actor.id if actor is not None else None, action=action,
                              target_type=target_type, target_id=target_id, reason=reason[:2000],
                              details=details[:2000], created_at=utcnow()))


def record_refusal(actor, action: str, target_type: str, target_id: int | None, message: str) -> None:
    """A refused attempt is logged in its own transaction, since the action's is rolled back."""
    db.session.rollback()
    record(actor, f"{REFUSED}{action}", target_type, target_id, details=message)
    db.session.commit()
