"""Suggestions, their supports, the public timeline of status changes, and links to questions.

support_count is denormalised: services change it in SQL in the same transaction as the
support row, and `flask forum check` recomputes it. One support per person is a constraint.
A suggestion is moderated like a post: only a "public" one is shown to everyone.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from moderation.workflow import SUGGESTION_STATUSES, STATUS_LABELS, is_closed

from ..accounts.models import Agency, User
from ..extensions import UTCDateTime, db, utcnow
from ..qa.models import STATES

_STATUS_CHECK = f"status IN {SUGGESTION_STATUSES!r}"


class Suggestion(db.Model):
    __tablename__ = "suggestion"
    __table_args__ = (
        CheckConstraint(_STATUS_CHECK, name="status_known"),
        CheckConstraint(f"state IN {STATES!r}", name="state_known"),
        CheckConstraint("support_count >= 0", name="support_count_not_negative"),
        CheckConstraint("duplicate_of_id IS NULL OR duplicate_of_id != id", name="not_own_duplicate"),
        Index("ix_suggestion_status_support", "status", "support_count"),
        Index("ix_suggestion_created", "created_at"),
        Index("ix_suggestion_activity", "last_activity_at"),
        Index("ix_suggestion_agency_awaiting", "agency_id", "first_response_at", "threshold_reached_at"),
        Index("ix_suggestion_state_agency", "state", "agency_id"),  # the moderation queue
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(150))
    slug: Mapped[str] = mapped_column(String(80))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str] = mapped_column(String(300), default="")
    # Tag names in order, kept beside the join table so list pages need no extra query.
    tag_names: Mapped[str] = mapped_column(String(160), default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    # As for posts: "held" for personal information, "hidden" by moderation, "deleted".
    state: Mapped[str] = mapped_column(String(10), default="public")
    support_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("suggestion.id", ondelete="SET NULL"))
    # When support first reached the agency's threshold, and when the agency first answered:
    # together they say whether a suggestion is "awaiting agency response".
    threshold_reached_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User] = relationship(lazy="raise")
    agency: Mapped[Agency] = relationship(lazy="raise")

    @property
    def tag_list(self) -> list[str]:
        return self.tag_names.split() if self.tag_names else []

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_closed(self) -> bool:
        return is_closed(self.status)

    @property
    def awaiting_response(self) -> bool:
        return self.threshold_reached_at is not None and self.first_response_at is None

    @property
    def text_editable(self) -> bool:
        """Its author may still change its text: open, not yet answered by the agency, and
        public or held back for personal information (so the author can take that out)."""
        return self.status == "open" and self.first_response_at is None and self.state in ("public", "held")


class SuggestionRevision(db.Model):
    """A version of a suggestion's text. A suggestion keeps no history until its text first
    changes (its author edits it, or a moderator redacts it): then the original becomes
    version 1 and each change the next one, so that nothing is lost and supporters can see
    what changed after they gave their support."""

    __tablename__ = "suggestion_revision"
    __table_args__ = (UniqueConstraint("suggestion_id", "number", name="uq_suggestion_revision_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    editor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(150))
    # None in versions written before tags were kept with them (the history then says nothing of tags).
    tag_names: Mapped[str | None] = mapped_column(String(160))
    body_source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User] = relationship(lazy="raise")


def keep_revision(suggestion: Suggestion, editor_id: int, at: datetime, before: tuple[str, str, str]) -> None:
    """Record a change to the suggestion's text (call it once the text is changed): `before` is
    its (title, tag names, body source) as they were. The first change also writes those, as
    version 1 by the author at the time of proposing."""
    number = db.session.scalar(select(func.max(SuggestionRevision.number))
                               .where(SuggestionRevision.suggestion_id == suggestion.id)) or 0
    if not number:
        title, tag_names, body = before
        db.session.add(SuggestionRevision(suggestion_id=suggestion.id, number=1, editor_id=suggestion.author_id,
                                          title=title, tag_names=tag_names, body_source=body,
                                          created_at=suggestion.created_at))
        number = 1
    db.session.add(SuggestionRevision(suggestion_id=suggestion.id, number=number + 1, editor_id=editor_id,
                                      title=suggestion.title, tag_names=suggestion.tag_names,
                                      body_source=suggestion.body_source, created_at=at))


class SuggestionTag(db.Model):
    __tablename__ = "suggestion_tag"

    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True)


class SuggestionSupport(db.Model):
    __tablename__ = "suggestion_support"
    __table_args__ = (
        UniqueConstraint("user_id", "suggestion_id", name="uq_suggestion_support_user_suggestion"),
        Index("ix_suggestion_support_suggestion_created", "suggestion_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SuggestionStatusChange(db.Model):
    """One step of the public timeline: who changed the status, for which agency, and why."""

    __tablename__ = "suggestion_status_change"
    __table_args__ = (
        CheckConstraint(f"new_status IN {SUGGESTION_STATUSES!r}", name="new_status_known"),
        Index("ix_suggestion_status_change_suggestion", "suggestion_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"))
    old_status: Mapped[str] = mapped_column(String(20))
    new_status: Mapped[str] = mapped_column(String(20))
    response: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User] = relationship(lazy="raise")
    agency: Mapped[Agency | None] = relationship(lazy="raise")

    @property
    def new_label(self) -> str:
        return STATUS_LABELS[self.new_status]


class QuestionSuggestionLink(db.Model):
    """"This question is related to that suggestion": the raw material of pain-point analysis."""

    __tablename__ = "question_suggestion_link"
    __table_args__ = (UniqueConstraint("question_id", "suggestion_id", name="uq_question_suggestion_link_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
