"""Database reads for search: re-checking hits (visibility is the database's to decide, never
the index's) and the simple fallback search used while the index is unavailable."""
from __future__ import annotations

from sqlalchemy import String, and_, literal, or_, select, union_all
from sqlalchemy.orm import joinedload

from ..accounts.models import Agency
from ..extensions import db
from ..qa.models import Answer, Question
from ..suggestions.models import Suggestion
from .backend import Query
from .documents import has_official_answer

FALLBACK_WORDS = 8


# Public or not is read as a column rather than filtered on: with `state = 'public'` in the WHERE
# clause SQLite walks a (state, ...) index of every public row instead of looking the ids up.


def visible(question_ids: set[int], answer_ids: set[int]) -> tuple[dict[int, Question], set[int]]:
    """The public questions among `question_ids` (with their agency) and the public answers
    among `answer_ids` whose question is public too. Two queries (one without answers) whatever
    the number."""
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(question_ids)).options(joinedload(Question.agency)))
        if q.state == "public"}
    if not answer_ids:
        return questions, set()
    answers = {answer_id for answer_id, public in db.session.execute(
        select(Answer.id, and_(Answer.state == "public", Question.state == "public"))
        .join(Question, Question.id == Answer.question_id).where(Answer.id.in_(answer_ids))) if public}
    return questions, answers


def visible_keys(keys: list[str]) -> set[str]:
    """The keys ("question:12", "answer:7", "suggestion:3") of rows the public may see now:
    ids only, for checking a whole window of hits. One query whatever the number."""
    wanted: dict[str, list[int]] = {"question": [], "answer": [], "suggestion": []}
    for key in keys:
        kind, _, raw = key.partition(":")
        if kind in wanted and raw.isdigit():
            wanted[kind].append(int(raw))
    public = {  # type -> (its id column, a statement of its rows' ids and whether each is public)
        "question": (Question.id, select(Question.id, Question.state == "public")),
        "answer": (Answer.id, select(Answer.id, and_(Answer.state == "public", Question.state == "public"))
                   .join(Question, Question.id == Answer.question_id)),
        "suggestion": (Suggestion.id, select(Suggestion.id, Suggestion.state == "public")),
    }
    parts = [statement.add_columns(literal(kind, String(20))).where(column.in_(wanted[kind]))
             for kind, (column, statement) in public.items() if wanted[kind]]
    if not parts:
        return set()
    rows = db.session.execute(union_all(*parts) if len(parts) > 1 else parts[0])
    return {f"{kind}:{i}" for i, is_public, kind in rows if is_public}


def visible_suggestions(ids: set[int]) -> dict[int, Suggestion]:
    """The public suggestions among `ids`, with their agency. One query whatever the number."""
    if not ids:
        return {}
    return {s.id: s for s in db.session.scalars(
        select(Suggestion).where(Suggestion.id.in_(ids)).options(joinedload(Suggestion.agency)))
        if s.state == "public"}


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _shared_filters(statement, model, query: Query, words: list[str]):
    """Words, tag, agency and dates: filters questions and suggestions have in common."""
    for word in words[:FALLBACK_WORDS]:
        pattern = _like(word.lower())
        statement = statement.where(or_(db.func.lower(model.title).like(pattern, escape="\\"),
                                        db.func.lower(model.body_source).like(pattern, escape="\\")))
    if query.tag:
        names = model.tag_names
        statement = statement.where(or_(names == query.tag, names.like(f"{query.tag} %"),
                                        names.like(f"% {query.tag}"), names.like(f"% {query.tag} %")))
    if query.agency:
        statement = statement.join(Agency, (Agency.id == model.agency_id) & (Agency.slug == query.agency))
    if query.date_from:
        statement = statement.where(model.created_at >= query.date_from)
    if query.date_to:
        statement = statement.where(model.created_at <= query.date_to)
    return statement


def database_search(query: Query, words: list[str]):
    """Public questions whose title or text contains every word: slow on big data and without
    stemming, but always there. Returns a Flask-SQLAlchemy Pagination of Questions."""
    statement = select(Question).where(Question.state == "public").options(joinedload(Question.agency))
    statement = _shared_filters(statement, Question, query, words)
    if query.accepted:
        statement = statement.where(Question.accepted_answer_id.is_not(None))
    if query.official:
        statement = statement.where(has_official_answer())
    if query.status in ("answered", "unanswered"):
        statement = statement.where(Question.answer_count > 0 if query.status == "answered" else Question.answer_count == 0)
    elif query.status:
        statement = statement.where(db.false())  # a suggestion's status: no question has it
    order = {"votes": (Question.score.desc(), Question.id.desc())}.get(
        query.sort, (Question.created_at.desc(), Question.id.desc()))
    return db.paginate(statement.order_by(*order), page=query.page, per_page=query.per_page, error_out=False)


def database_search_suggestions(query: Query, words: list[str]):
    """The same simple search over suggestions (the fallback when `type=suggestion`)."""
    statement = select(Suggestion).where(Suggestion.state == "public").options(joinedload(Suggestion.agency))
    statement = _shared_filters(statement, Suggestion, query, words)
    if query.accepted or query.official or query.status in ("answered", "unanswered"):
        statement = statement.where(db.false())  # filters only questions have
    elif query.status:
        statement = statement.where(Suggestion.status == query.status)
    order = {"votes": (Suggestion.support_count.desc(), Suggestion.id.desc())}.get(
        query.sort, (Suggestion.created_at.desc(), Suggestion.id.desc()))
    return db.paginate(statement.order_by(*order), page=query.page, per_page=query.per_page, error_out=False)
