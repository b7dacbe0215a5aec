"""Questions, answers, their revisions, votes, "I have this question too" and "did this help".

Counters (score, answer_count, me_too_count, helpful counts) are denormalised for speed:
services change them in SQL in the same transaction as the row they count, and
`flask forum check` recomputes them. Uniqueness (one vote per person) is a constraint.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (Boolean, CheckConstraint, ColumnElement, ForeignKey, Index, Integer, SmallInteger, String, Text,
                        UniqueConstraint, and_, select, text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import Agency, User
from ..extensions import UTCDateTime, db, utcnow
from ..tags.models import Tag

# Where a post stands. Only "public" posts are shown to everyone; "held" waits for a
# moderator (personal information), "hidden" was hidden by moderation, "deleted" by its author.
STATES = ("public", "held", "hidden", "deleted")
_STATE_CHECK = f"state IN {STATES!r}"


class QuestionFigures:
    """What a question shows that follows from its columns: shared by the model and by the
    question page's read-only view of it (question_page.QuestionView)."""

    __slots__ = ()

    @property
    def tag_list(self) -> list[str]:
        return self.tag_names.split() if self.tag_names else []

    @property
    def affected_count(self) -> int:
        """People this problem affects: the asker and everyone who has it too."""
        return self.me_too_count + 1


class Question(QuestionFigures, db.Model):
    __tablename__ = "question"
    __table_args__ = (
        CheckConstraint(_STATE_CHECK, name="state_known"),
        CheckConstraint("answer_count >= 0 AND me_too_count >= 0", name="counts_not_negative"),
        Index("ix_question_state_activity", "state", "last_activity_at"),
        # Newest first in lists; the insights figures read every column they need from it (PostgreSQL:
        # an index-only scan of the period, instead of the wide rows with their bodies).
        Index("ix_question_state_created", "state", "created_at", postgresql_include=[
            "id", "agency_id", "author_id", "accepted_answer_id", "me_too_count", "first_answer_seconds",
            "official_answer_seconds", "accepted_helpful_yes", "accepted_helpful_no"]),
        Index("ix_question_state_score", "state", "score"),
        Index("ix_question_state_me_too", "state", "me_too_count"),
        Index("ix_question_state_answers", "state", "answer_count", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(150))
    slug: Mapped[str] = mapped_column(String(80))
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    excerpt: Mapped[str] = mapped_column(String(300), default="")
    state: Mapped[str] = mapped_column(String(10), default="public")
    score: Mapped[int] = mapped_column(Integer, default=0)
    answer_count: Mapped[int] = mapped_column(Integer, default=0)
    me_too_count: Mapped[int] = mapped_column(Integer, default=0)
    accepted_answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answer.id", ondelete="SET NULL", use_alter=True))
    # Tag names in order, kept beside the join table so list pages need no extra query.
    tag_names: Mapped[str] = mapped_column(String(160), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Seconds from asking to the first public answer and to the first official answer (None: not
    # yet), and the accepted answer's "did this help" counts: kept by forum/qa/outcome.py for the
    # insights figures.
    first_answer_seconds: Mapped[int | None] = mapped_column(Integer)
    official_answer_seconds: Mapped[int | None] = mapped_column(Integer)
    accepted_helpful_yes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    accepted_helpful_no: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Moderation: a locked question takes no new answers; a duplicate points at the original;
    # a referral hands the question to another agency's queue (the note says why).
    locked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="SET NULL"))
    referred_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"), index=True)
    referral_note: Mapped[str | None] = mapped_column(Text)

    author: Mapped[User] = relationship(lazy="raise")
    agency: Mapped[Agency | None] = relationship(lazy="raise", foreign_keys=[agency_id])
    referred_agency: Mapped[Agency | None] = relationship(lazy="raise", foreign_keys=[referred_agency_id])
    duplicate_of: Mapped["Question | None"] = relationship(lazy="raise", remote_side=[id],
                                                           foreign_keys=[duplicate_of_id])
    tags: Mapped[list[Tag]] = relationship(secondary="question_tag", lazy="raise", order_by=Tag.name)

    @property
    def is_public(self) -> bool:
        return self.state == "public"


class Answer(db.Model):
    __tablename__ = "answer"
    __table_args__ = (
        CheckConstraint(_STATE_CHECK, name="state_known"),
        CheckConstraint("helpful_yes >= 0 AND helpful_no >= 0", name="helpful_not_negative"),
        Index("ix_answer_question_score", "question_id", "score"),
        # The official answers alone, with what the insights figures read of them.
        Index("ix_answer_official", "official_agency_id", "question_id", postgresql_include=["official_at", "state"],
              postgresql_where=text("official_agency_id IS NOT NULL"), sqlite_where=text("official_agency_id IS NOT NULL")),
        # At most one official answer per agency per question (NULLs never clash).
        UniqueConstraint("question_id", "official_agency_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"), index=True)
    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10), default="public")
    score: Mapped[int] = mapped_column(Integer, default=0)
    helpful_yes: Mapped[int] = mapped_column(Integer, default=0)
    helpful_no: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "Official answer from <agency>", given by one of its moderators; withdrawn on any edit.
    official_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agency.id", ondelete="SET NULL"))
    official_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    official_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author: Mapped[User] = relationship(lazy="raise", foreign_keys=[author_id])
    question: Mapped[Question] = relationship(lazy="raise", foreign_keys=[question_id])
    official_agency: Mapped[Agency | None] = relationship(lazy="raise")
    official_by: Mapped[User | None] = relationship(lazy="raise", foreign_keys=[official_by_id])

    @property
    def is_official(self) -> bool:
        return self.official_agency_id is not None


class Revision(db.Model):
    """Every version of a question or answer, the first included, so edits can be compared."""

    __tablename__ = "revision"
    __table_args__ = (
        CheckConstraint("(question_id IS NULL) != (answer_id IS NULL)", name="one_post"),
        Index("uq_revision_question_number", "question_id", "number", unique=True),
        Index("uq_revision_answer_number", "answer_id", "number", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    editor_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="RESTRICT"))
    title: Mapped[str | None] = mapped_column(String(150))
    tag_names: Mapped[str | None] = mapped_column(String(160))
    body_source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor: Mapped[User] = relationship(lazy="raise")


class QuestionVote(db.Model):
    __tablename__ = "question_vote"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id", name="uq_question_vote_user_question"),
        CheckConstraint("value IN (-1, 1)", name="value_is_one"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AnswerVote(db.Model):
    __tablename__ = "answer_vote"
    __table_args__ = (
        UniqueConstraint("user_id", "answer_id", name="uq_answer_vote_user_answer"),
        CheckConstraint("value IN (-1, 1)", name="value_is_one"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeToo(db.Model):
    """"I have this question too": how the forum counts the people a problem affects."""

    __tablename__ = "me_too"
    __table_args__ = (UniqueConstraint("user_id", "question_id", name="uq_me_too_user_question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HelpfulVote(db.Model):
    """"Did this answer help you?" on an accepted answer: the satisfaction figure."""

    __tablename__ = "helpful_vote"
    __table_args__ = (UniqueConstraint("user_id", "answer_id", name="uq_helpful_vote_user_answer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), index=True)
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# Who may delete their own post is moderation.rules' question; whether it can still be
# deleted is this one: nobody else has taken part. Each rule is one SQL condition, the guard
# of the delete's UPDATE and what the question page asks before it offers the button.
def question_deletable() -> ColumnElement[bool]:
    """A public question with no answers, no votes (whatever they add up to) and no "me too"."""
    return and_(Question.state == "public", Question.answer_count == 0, Question.me_too_count == 0,
                ~select(QuestionVote.id).where(QuestionVote.question_id == Question.id).exists())


def answer_deletable() -> ColumnElement[bool]:
    """A public answer with no votes that is not the accepted one."""
    return and_(Answer.state == "public",
                ~select(AnswerVote.id).where(AnswerVote.answer_id == Answer.id).exists(),
                ~select(Question.id).where(Question.accepted_answer_id == Answer.id).exists())
