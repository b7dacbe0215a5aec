"""What a question's answers came to, kept on the question for the insights figures: whole
seconds from asking to its first public answer and to its first official answer (a public answer
marked by an agency), and the "did this help" counts of its accepted answer while that is public.

The figures then read one narrow row per question instead of searching its answers. Every
change that can move them calls `refresh(question_id)` in its own transaction: an answer posted,
held, released, hidden, restored or deleted; an official mark given or withdrawn; an answer
accepted or a rating given. `flask forum check` recomputes them from the answers (`expected`)
and reports drift, like the counters."""
from __future__ import annotations

from sqlalchemy import ColumnElement, and_, func, select, update

from ..extensions import db
from ..portable import seconds_between
from .models import Answer, Question


def is_official(answer=Answer) -> ColumnElement[bool]:
    """An official answer that counts: public, and marked by an agency at a known time."""
    return and_(answer.state == "public", answer.official_agency_id.is_not(None), answer.official_at.is_not(None))


def expected() -> dict[str, ColumnElement]:
    """{column name: its value recomputed from the answers}, correlated to `Question`."""
    first_answer = select(func.min(seconds_between(Question.created_at, Answer.created_at))).where(
        Answer.question_id == Question.id, Answer.state == "public")
    official = select(func.min(seconds_between(Question.created_at, Answer.official_at))).where(
        Answer.question_id == Question.id, is_official())

    def accepted(counter):
        return func.coalesce(select(counter).where(Answer.id == Question.accepted_answer_id, Answer.state == "public")
                             .scalar_subquery(), 0)
    return {"first_answer_seconds": first_answer.scalar_subquery(), "official_answer_seconds": official.scalar_subquery(),
            "accepted_helpful_yes": accepted(Answer.helpful_yes), "accepted_helpful_no": accepted(Answer.helpful_no)}


def refresh(question_id: int) -> None:
    """Recompute one question's columns from its answers, inside the caller's transaction."""
    db.session.execute(update(Question).where(Question.id == question_id).values(**expected())
                       .execution_options(synchronize_session=False))
