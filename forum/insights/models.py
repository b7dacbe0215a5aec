"""Pain points: groups of similar questions, recomputed by `flask forum insights refresh`.

Derived data only: every row can be rebuilt from questions, "me too", answers and linked
suggestions (with their supporters) at any time."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import UTCDateTime, db, utcnow


class PainPoint(db.Model):
    __tablename__ = "pain_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, index=True)
    label: Mapped[str] = mapped_column(String(120))
    citizens: Mapped[int] = mapped_column(Integer)  # distinct askers and "me too", each once
    recent_citizens: Mapped[int] = mapped_column(Integer)  # of whom joined in the recent window
    question_count: Mapped[int] = mapped_column(Integer)
    growth: Mapped[float] = mapped_column(Float)  # Poisson z-score of recent questions on the baseline
    agency_ids: Mapped[str] = mapped_column(String(200), default="")  # space-separated ids, for filtering
    has_accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    has_official: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Linked suggestions (question_suggestion_link), most linked first: space-separated ids.
    suggestion_ids: Mapped[str] = mapped_column(String(200), default="", server_default="")
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PainPointQuestion(db.Model):
    __tablename__ = "pain_point_question"

    pain_point_id: Mapped[int] = mapped_column(ForeignKey("pain_point.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"), primary_key=True,
                                             index=True)


class InsightsRun(db.Model):
    """When pain points were last recomputed, so pages can say so and a stale set refreshes."""

    __tablename__ = "insights_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime] = mapped_column(UTCDateTime)
    questions: Mapped[int] = mapped_column(Integer)
    pain_points: Mapped[int] = mapped_column(Integer)
