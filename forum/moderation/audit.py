"""Writing the audit log. The only function that touches AuditEntry inserts; there is no
update or delete anywhere in the application (tests/moderation_app/test_audit.py checks)."""
from __future__ import annotations

from ..extensions import db, utcnow
from .models import AuditEntry


def record(actor, action: str, target_type: str, target_id: int | None, reason: str = "",
           details: str = "") -> None:
    """Add an entry to the current transaction; `actor` None means the forum did it itself."""
    db.session.add(AuditEntry(actor_id=actor.id if actor is not None else None, action=action,
                              target_type=target_type, target_id=target_id, reason=reason[:2000],
                              details=details[:2000], created_at=utcnow()))


def record_refusal(actor, action: str, target_type: str, target_id: int | None, message: str) -> None:
    """A refused attempt is logged in its own transaction, since the action's is rolled back."""
    db.session.rollback()
    record(actor, f"refused:{action}", target_type, target_id, details=message)
    db.session.commit()
