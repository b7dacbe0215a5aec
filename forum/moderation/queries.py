"""Reading for moderators: the queue (grouped by post, scoped to the moderator's agency)
and the audit log, each with a fixed number of queries whatever the data."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from moderation import pii

from ..accounts.models import User
from ..extensions import db
from ..qa.models import Answer, Question
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


@dataclass
class QueueItem:
    kind: str  # "question" or "answer"
    post: Question | Answer
    question: Question
    flags: list[Flag] = field(default_factory=list)
    author: User | None = None

    @property
    def found(self) -> list[str]:
        """What kind of personal information holds it (never the values)."""
        texts = [self.post.body_source] + ([self.post.title] if self.kind == "question" else [])
        return pii.kinds([f for text in texts for f in pii.scan(text)])

    @property
    def redacted(self) -> str:
        return pii.redact(self.post.body_source)


@dataclass
class Queue:
    held: list[QueueItem]
    flagged: list[QueueItem]
    referred: list[Question]

    @property
    def empty(self) -> bool:
        return not (self.held or self.flagged or self.referred)


def queue(moderator: User) -> Queue:
    question_options = (joinedload(Question.author), joinedload(Question.agency), joinedload(Question.referred_agency))
    held_questions = db.session.scalars(_scope(select(Question).where(Question.state == "held"), moderator)
                                        .options(*question_options).order_by(Question.created_at).limit(QUEUE_LIMIT))
    held_answers = db.session.scalars(_scope(select(Answer).join(Answer.question).where(Answer.state == "held"), moderator)
                                      .options(joinedload(Answer.author), joinedload(Answer.question).joinedload(Question.agency))
                                      .order_by(Answer.created_at).limit(QUEUE_LIMIT))
    held = ([QueueItem("question", q, q, author=q.author) for q in held_questions]
            + [QueueItem("answer", a, a.question, author=a.author) for a in held_answers])

    groups: dict[tuple[str, int], QueueItem] = {}
    flag_sources = (
        ("question", select(Flag, Question).join(Question, Question.id == Flag.question_id)
         .options(joinedload(Question.agency))),
        ("answer", select(Flag, Answer).join(Answer, Answer.id == Flag.answer_id)
         .join(Question, Question.id == Answer.question_id)),
    )
    for kind, statement in flag_sources:
        rows = db.session.execute(_scope(statement.where(Flag.status == "open"), moderator)
                                  .options(joinedload(Flag.user)).order_by(Flag.created_at).limit(QUEUE_LIMIT * 3)).all()
        for flag, post in rows:
            groups.setdefault((kind, post.id), QueueItem(kind, post, post if kind == "question" else None)).flags.append(flag)
    _fill_questions_and_authors(list(groups.values()))
    flagged = sorted(groups.values(), key=lambda item: (-len(item.flags), item.flags[0].created_at))

    referred = []
    if moderator.agency_id is not None:
        referred = list(db.session.scalars(
            select(Question).where(Question.referred_agency_id == moderator.agency_id, Question.state == "public")
            .options(*question_options).order_by(Question.last_activity_at.desc()).limit(QUEUE_LIMIT)))
    return Queue(held, flagged, referred)


def _fill_questions_and_authors(items: list[QueueItem]) -> None:
    """Two queries for every flagged post's question and author, instead of one per post."""
    question_ids = {item.post.question_id for item in items if item.kind == "answer"}
    questions = {q.id: q for q in db.session.scalars(
        select(Question).where(Question.id.in_(question_ids)).options(joinedload(Question.agency))
        .execution_options(populate_existing=True))}
    author_ids = {item.post.author_id for item in items}
    authors = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(author_ids)))}
    for item in items:
        if item.question is None:
            item.question = questions[item.post.question_id]
        item.author = authors[item.post.author_id]


ACTIONS = ("dismiss", "hide", "restore", "delete", "release", "redact", "lock", "unlock", "close_duplicate",
           "mark_official", "unmark_official", "official_withdrawn", "assign_agency", "refer", "suspend",
           "auto_hide", "auto_hold", "auto_release")


def audit_log(page: int, action: str | None = None, actor_id: int | None = None, target_type: str | None = None):
    statement = select(AuditEntry).options(joinedload(AuditEntry.actor))
    if action == "refused":
        statement = statement.where(AuditEntry.action.startswith("refused:"))
    elif action:
        statement = statement.where(AuditEntry.action == action)
    if actor_id:
        statement = statement.where(AuditEntry.actor_id == actor_id)
    if target_type:
        statement = statement.where(AuditEntry.target_type == target_type)
    statement = statement.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    return db.paginate(statement, page=min(max(page, 1), 10_000), per_page=LOG_PER_PAGE, error_out=False)
