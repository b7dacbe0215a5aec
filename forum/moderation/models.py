"""Flags on posts and the append-only audit log of moderation.

Nothing in the application updates or deletes an AuditEntry: forum/moderation/audit.py
only inserts, and a test checks that no route can change one.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from moderation.types import FLAG_REASONS, FLAG_STATUSES

from ..accounts.models import User
from ..extensions import UTCDateTime, db, utcnow

REASON_MAX = 500


# Exactly one of the post columns is set (written so that SQLite and PostgreSQL both accept it).
_ONE_POST = " + ".join(f"CASE WHEN {column} IS NULL THEN 0 ELSE 1 END"
                       for column in ("question_id", "answer_id", "suggestion_id")) + " = 1"


class Flag(db.Model):
    """One person's report of one post (a question, an answer or a suggestion): one per person per post."""

    __tablename__ = "flag"
    __table_args__ = (
        CheckConstraint(_ONE_POST, name="one_post"),
        CheckConstraint(f"reason IN {tuple(FLAG_REASONS)!r}", name="reason_known"),
        CheckConstraint(f"status IN {FLAG_STATUSES!r}", name="status_known"),
        Index("uq_flag_user_question", "user_id", "question_id", unique=True),
        Index("uq_flag_user_answer", "user_id", "answer_id", unique=True),
        Index("uq_flag_user_suggestion", "user_id", "suggestion_id", unique=True),
        Index("ix_flag_status_question", "status", "question_id"),
        Index("ix_flag_status_answer", "status", "answer_id"),
        Index("ix_flag_status_suggestion", "status", "suggestion_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"))
    suggestion_id: Mapped[int | None] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(lazy="raise", foreign_keys=[user_id])


class AuditEntry(db.Model):
    """Who did what to which post or user, why and when. Inserted only, never changed."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_target", "target_type", "target_id"),
        Index("ix_audit_entry_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)  # None: automatic
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship(lazy="raise")


@event.listens_for(Session, "before_flush")
def _audit_entries_are_append_only(session, flush_context, instances) -> None:
    """The ORM refuses to change or delete a logged entry; no service issues such SQL either
    (tests/moderation_app/test_audit.py reads the code to make sure)."""
    for row in (*session.dirty, *session.deleted):
        if isinstance(row, AuditEntry) and (row in session.deleted or session.is_modified(row)):
            raise RuntimeError("audit entries are append-only")
