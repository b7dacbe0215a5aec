"""Pain points: groups of similar questions and suggestions, recomputed by `flask forum insights refresh`.

Derived data only: every row can be rebuilt from questions and suggestions at any time."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import UTCDateTime, db, utcnow


class PainPoint(db.Model):
    """A group of similar posts found by the last refresh. Its figures (citizens, growth,
    agencies, answers) are not stored: the pages count them over the posts in their scope
    (period, agency, tag, public now), so they follow the filters and never show a post
    hidden since the refresh (forum/insights/painpoint_counts.py)."""

    __tablename__ = "pain_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, index=True)  # over the whole refresh window: breaks ties
    label: Mapped[str] = mapped_column(String(120))
    # Related suggestions (members, then linked to member questions), most linked first: space-separated ids.
    suggestion_ids: Mapped[str] = mapped_column(String(200), default="", server_default="")
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PainPointQuestion(db.Model):
    __tablename__ = "pain_point_question"

    pain_point_id: Mapped[int] = mapped_column(ForeignKey("pain_point.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)


class PainPointSuggestion(db.Model):
    __tablename__ = "pain_point_suggestion"

    pain_point_id: Mapped[int] = mapped_column(ForeignKey("pain_point.id", ondelete="CASCADE"), primary_key=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestion.id", ondelete="CASCADE"), primary_key=True,
                                               index=True)


class InsightsRun(db.Model):
    """When pain points were last recomputed, so pages can say so and a stale set refreshes."""

    __tablename__ = "insights_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    questions: Mapped[int] = mapped_column(Integer)
    pain_points: Mapped[int] = mapped_column(Integer)
