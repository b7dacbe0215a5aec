"""Reading for moderators: the queue of questions, answers and suggestions (grouped by post,
scoped to the moderator's agency) and the audit log, each with a fixed number of queries whatever the data."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from moderation import pii

from ..accounts.models import User
from ..extensions import db
from ..qa.models import Answer, Question
from ..suggestions.models import Suggestion
from . import audit
from .models import AuditEntry, Flag

QUEUE_LIMIT = 200
LOG_PER_PAGE = 50


def _scope(statement, moderator: User):
    """Admins see everything; a moderator their agency's questions, those referred to it,
    and those that concern no agency."""
    if moderator.role == "admin":
        return statement
    return statement.where(or_(Question.agency_id == moderator.agency_id,
                               Question.referred_agency_id == moderator.agency_id,
                               Question.agency_id.is_(None) & Question.referred_agency_id.is_(None)))


def _suggestion_scope(statement, moderator: User):
    """A suggestion always concerns one agency: its moderators see it, and admins."""
    if moderator.role == "admin":
        return statement
    return statement.where(Suggestion.agency_id == moderator.agency_id)


@dataclass
class QueueItem:
    kind: str  # "question", "answer" or "suggestion"
    post: Question | Answer | Suggestion
    concern: Question | Suggestion | None  # the post's question (itself for a question); a suggestion itself
    flags: list[Flag] = field(default_factory=list)
    author: User | None = None

    @property
    def titled(self) -> bool:
        return self.kind != "answer"

    @property
    def found(self) -> list[str]:
        """What kind of personal information holds it (never the values)."""
        texts = [self.post.body_source] + ([self.post.title] if self.titled else [])
        return pii.kinds([f for text in texts for f in pii.scan(text)])

    @property
    def redacted(self) -> str:
        return pii.redact(self.post.body_source)

    @property
    def title(self) -> str:
        """The question's or suggestion's title; redacted while it is held, like its text."""
        return pii.redact(self.concern.title) if self.concern.state == "held" else self.concern.title


@dataclass
class Queue:
    held: list[QueueItem]
    flagged: list[QueueItem]
    referred: list[Question]

    @property
    def empty(self) -> bool:
        return not (self.held or self.flagged or self.referred)


_QUESTION_OPTIONS = (joinedload(Question.author), joinedload(Question.agency), joinedload(Question.referred_agency))


def queue(moderator: User) -> Queue:
    held = _held(moderator)
    flagged = _flagged(moderator)
    referred = []
    if moderator.agency_id is not None:
        referred = list(db.session.scalars(
            select(Question).where(Question.referred_agency_id == moderator.agency_id, Question.state == "public")
            .options(*_QUESTION_OPTIONS).order_by(Question.last_activity_at.desc()).limit(QUEUE_LIMIT)))
    return Queue(held, flagged, referred)


def _held(moderator: User) -> list[QueueItem]:
    """Posts held for personal information, oldest first: three queries."""
    questions = db.session.scalars(_scope(select(Question).where(Question.state == "held"), moderator)
                                   .options(*_QUESTION_OPTIONS).order_by(Question.created_at).limit(QUEUE_LIMIT))
    answers = db.session.scalars(_scope(select(Answer).join(Answer.question).where(Answer.state == "held"), moderator)
                                 .options(joinedload(Answer.author), joinedload(Answer.question).joinedload(Question.agency))
                                 .order_by(Answer.created_at).limit(QUEUE_LIMIT))
    suggestions = db.session.scalars(
        _suggestion_scope(select(Suggestion).where(Suggestion.state == "held"), moderator)
        .options(joinedload(Suggestion.author), joinedload(Suggestion.agency))
        .order_by(Suggestion.created_at).limit(QUEUE_LIMIT))
    return ([QueueItem("question", q, q, author=q.author) for q in questions]
            + [QueueItem("answer", a, a.question, author=a.author) for a in answers]
            + [QueueItem("suggestion", s, s, author=s.author) for s in suggestions])


def _flagged(moderator: User) -> list[QueueItem]:
    """Open flags grouped by post, most flagged first: five queries whatever the number."""
    groups: dict[tuple[str, int], QueueItem] = {}
    flag_sources = (
        ("question", _scope(select(Flag, Question).join(Question, Question.id == Flag.question_id)
                            .options(joinedload(Question.agency)), moderator)),
        ("answer", _scope(select(Flag, Answer).join(Answer, Answer.id == Flag.answer_id)
                          .join(Question, Question.id == Answer.question_id), moderator)),
        ("suggestion", _suggestion_scope(select(Flag, Suggestion).join(Suggestion, Suggestion.id == Flag.suggestion_id)
                                         .options(joinedload(Suggestion.agency)), moderator)),
    )
    for kind, statement in flag_sources:
        rows = db.session.execute(statement.where(Flag.status == "open")
                                  .options(joinedload(Flag.user)).order_by(Flag.created_at).limit(QUEUE_LIMIT * 3)).all()
        for flag, post in rows:
            concern = None if kind == "answer" else post
            groups.setdefault((kind, post.id), QueueItem(kind, post, concern)).flags.append(flag)
    _fill_questions_and_authors(list(groups.values()))
    return sorted(groups.values(), key=lambda item: (-len(item.flags), item.flags[0].created_at))


def hidden(moderator: User) -> list[QueueItem]:
    """Hidden posts of the moderator's scope, newest first (three queries, QUEUE_LIMIT at most):
    once "Hide" has closed its flags a post leaves the queue, and this is where it is restored."""
    questions = db.session.scalars(_scope(select(Question).where(Question.state == "hidden"), moderator)
                                   .options(*_QUESTION_OPTIONS).order_by(Question.created_at.desc()).limit(QUEUE_LIMIT))
    answers = db.session.scalars(
        _scope(select(Answer).join(Answer.question).where(Answer.state == "hidden"), moderator)
        .options(joinedload(Answer.author), joinedload(Answer.question).joinedload(Question.agency))
        .order_by(Answer.created_at.desc()).limit(QUEUE_LIMIT))
    suggestions = db.session.scalars(
        _suggestion_scope(select(Suggestion).where(Suggestion.state == "hidden"), moderator)
        .options(joinedload(Suggestion.author), joinedload(Suggestion.agency))
        .order_by(Suggestion.created_at.desc()).limit(QUEUE_LIMIT))
    items = ([QueueItem("question", q, q, author=q.author) for q in questions]
             + [QueueItem("answer", a, a.question, author=a.author) for a in answers]
             + [QueueItem("suggestion", s, s, author=s.author) for s in suggestions])
    return sorted(items, key=lambda item: item.post.created_at, reverse=True)[:QUEUE_LIMIT]


def _fill_questions_and_authors(items: list[QueueItem]) -> None:
    """Two queries for every flagged answer's question and every author, instead of one per post."""
    question_ids = {item.post.question_id for item in items if item.kind == "answer"}
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(question_ids)).options(joinedload(Question.agency))
        .execution_options(populate_existing=True))}
    author_ids = {item.post.author_id for item in items}
    authors = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(author_ids)))}
    for item in items:
        if item.concern is None:
            item.concern = questions[item.post.question_id]
        item.author = authors[item.post.author_id]


def audit_log(page: int, action: str | None = None, actor_id: int | None = None, target_type: str | None = None):
    statement = select(AuditEntry).options(joinedload(AuditEntry.actor))
    if action == "refused":
        statement = statement.where(AuditEntry.action.startswith(audit.REFUSED))
    elif action:
        statement = statement.where(AuditEntry.action == action)
    if actor_id:
        statement = statement.where(AuditEntry.actor_id == actor_id)
    if target_type:
        statement = statement.where(AuditEntry.target_type == target_type)
    statement = statement.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    return db.paginate(statement, page=min(max(page, 1), 10_000), per_page=LOG_PER_PAGE, error_out=False)
