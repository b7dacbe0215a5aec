"""`flask forum check`: recompute every denormalised counter (and each question's waits and
ratings) from the rows it counts, report any drift, and (with --fix) correct it."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.sql import ColumnElement

from ..accounts.models import User
from ..suggestions.check import expected_columns as suggestion_columns
from ..extensions import db
from ..tags.models import QuestionTag, Tag
from . import outcome
from .models import Answer, AnswerVote, HelpfulVote, MeToo, Question, QuestionVote
from .service import ACCEPTED_POINTS, POINTS


@dataclass(frozen=True)
class Drift:
    table: str
    row_id: int
    column: str
    stored: int | None  # None: a wait not (or no longer) reached
    expected: int | None


def _scalar(statement) -> ColumnElement:
    return func.coalesce(statement.scalar_subquery(), 0)


def _points(vote_model, post_model, post_column: str, kind: str):
    """Reputation a user's posts of one kind earned from votes."""
    points = case((vote_model.value == 1, POINTS[(kind, 1)]), else_=POINTS[(kind, -1)])
    return _scalar(select(func.sum(points)).select_from(vote_model)
                   .join(post_model, post_model.id == getattr(vote_model, post_column))
                   .where(post_model.author_id == User.id))


def _expected_columns():
    """(model, column, expected value as a correlated SQL expression) for every counter."""
    accepted = _scalar(select(func.count()).select_from(Question).join(
        Answer, Answer.id == Question.accepted_answer_id).where(
        Answer.author_id == User.id, Question.author_id != User.id)) * ACCEPTED_POINTS  # none for accepting your own
    return [
        (Question, Question.score, _scalar(select(func.sum(QuestionVote.value)).where(QuestionVote.question_id == Question.id))),
        (Question, Question.answer_count, _scalar(select(func.count()).select_from(Answer).where(
            Answer.question_id == Question.id, Answer.state == "public"))),
        (Question, Question.me_too_count, _scalar(select(func.count()).select_from(MeToo).where(MeToo.question_id == Question.id))),
        (Answer, Answer.score, _scalar(select(func.sum(AnswerVote.value)).where(AnswerVote.answer_id == Answer.id))),
        (Answer, Answer.helpful_yes, _scalar(select(func.count()).select_from(HelpfulVote).where(
            HelpfulVote.answer_id == Answer.id, HelpfulVote.helpful.is_(True)))),
        (Answer, Answer.helpful_no, _scalar(select(func.count()).select_from(HelpfulVote).where(
            HelpfulVote.answer_id == Answer.id, HelpfulVote.helpful.is_(False)))),
        (Tag, Tag.question_count, _scalar(select(func.count()).select_from(QuestionTag).join(
            Question, and_(Question.id == QuestionTag.question_id, Question.state == "public"))
            .where(QuestionTag.tag_id == Tag.id))),
        (User, User.reputation, _points(QuestionVote, Question, "question_id", "question")
         + _points(AnswerVote, Answer, "answer_id", "answer") + accepted),
        *suggestion_columns(),
        *((Question, getattr(Question, name), value) for name, value in outcome.expected().items()),
    ]


def find_drift(limit: int = 1000) -> list[Drift]:
    drift: list[Drift] = []
    for model, column, expected in _expected_columns():
        rows = db.session.execute(select(model.id, column, expected).where(column.is_distinct_from(expected))
                                  .limit(limit)).all()
        drift += [Drift(model.__tablename__, row_id, column.key, stored, None if want is None else int(want))
                  for row_id, stored, want in rows]
    return drift


def fix_drift() -> int:
    """Set every counter to its recomputed value; returns the number of rows changed."""
    changed = 0
    for model, column, expected in _expected_columns():
        changed += db.session.execute(update(model).where(column.is_distinct_from(expected))
                                      .values({column.key: expected})).rowcount
    db.session.commit()
    return changed
