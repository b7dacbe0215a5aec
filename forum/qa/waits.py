"""How long a question waited: whole seconds from asking to its first public answer, and to its
first official answer (a public answer marked by an agency), kept on the question.

The insights figures (median waits, unanswered after 7 days, share with an official answer) then
read one narrow row per question instead of searching its answers. Every change that can move
them calls `refresh(question_id)` in its own transaction: an answer posted, held, released,
hidden, restored or deleted, and an official mark given or withdrawn. `flask forum check`
recomputes them from the answers (`expected`) and reports drift, like the counters."""
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
    return {"first_answer_seconds": first_answer.scalar_subquery(), "official_answer_seconds": official.scalar_subquery()}


def refresh(question_id: int) -> None:
    """Recompute one question's waits from its answers, inside the caller's transaction."""
    db.session.execute(update(Question).where(Question.id == question_id).values(**expected())
                       .execution_options(synchronize_session=False))
