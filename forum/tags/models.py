"""Tags and the questions they label."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import UTCDateTime, db, utcnow

TAG_MAX = 30


class Tag(db.Model):
    __tablename__ = "tag"
    __table_args__ = (CheckConstraint("question_count >= 0", name="question_count_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(TAG_MAX), unique=True)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    question_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class QuestionTag(db.Model):
    """A public question's tag (a question that is held, hidden or deleted has none: tag counts
    and trends count public questions)."""

    __tablename__ = "question_tag"
    # Tag trends count a window of questions per tag from this index alone.
    __table_args__ = (Index("ix_question_tag_created", "question_created_at", "tag_id", "question_id"),)

    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True)
    # The question's creation time, copied: it never changes.
    question_created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class TagSynonym(db.Model):
    """Another name for a tag: typed on a new post, it is replaced by its main tag."""

    __tablename__ = "tag_synonym"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(TAG_MAX), unique=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TagEvent(db.Model):
    """What moderators did to tags (merges, synonyms, descriptions), kept for audit.

    Stands in for the moderation audit log until that lands: `service.record_merge` is the one
    place that writes a merge, so pointing it at the audit log is a one-function change."""

    __tablename__ = "tag_event"
    __table_args__ = (CheckConstraint("kind IN ('merge', 'synonym', 'describe')", name="kind_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    tag_name: Mapped[str] = mapped_column(String(TAG_MAX))
    other_name: Mapped[str] = mapped_column(String(TAG_MAX), default="")
    detail: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
