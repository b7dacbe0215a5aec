"""The search outbox: every change to a searchable row writes a `search_outbox` row in the same
transaction, and `drain` applies those rows to the index later, from whoever holds its lock.

Rows are written by SQLAlchemy Session events, so no service has to remember to: ORM changes
(new, edited, deleted objects) through `after_flush`, and ORM-enabled UPDATE statements such as
`bump()` and the guarded state changes through `do_orm_execute`. A plain Core statement on a
Table (not the model) is invisible to both: call `enqueue(kind, id)` next to it.

An answer's change can alter its question's document too (the question's "has an official
answer" field): PARENT_COLUMNS lists those columns, and their changes enqueue the question.
The other way round, an answer's document copies its question's title, tags, agency, state and
accepted answer: CHILD_COLUMNS lists those, and their changes (or `enqueue("question", ...)`)
enqueue every answer of the question too, with one INSERT ... SELECT.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, delete, event, insert, inspect, literal, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..extensions import UTCDateTime, db, utcnow
from ..qa.models import Answer, Question
from ..suggestions.models import Suggestion
from .backend import SearchBackend

BATCH = 500
# Columns whose change alters a document (text, filters, sorting, visibility).
INDEXED = {
    Question: {"title", "body_source", "tag_names", "agency_id", "state", "score", "answer_count",
               "accepted_answer_id", "created_at"},
    Answer: {"body_source", "state", "score", "question_id", "official_agency_id", "official_at"},
    Suggestion: {"title", "body_source", "tag_names", "status", "support_count", "agency_id", "created_at", "state"},
}
KINDS = {Question: "question", Answer: "answer", Suggestion: "suggestion"}
# Answer columns that also change the question's document ("has an official answer").
PARENT_COLUMNS = {"state", "official_agency_id", "official_at", "question_id"}
# Question columns copied into its answers' documents (forum/search/documents.py).
CHILD_COLUMNS = {"title", "tag_names", "agency_id", "agency", "state", "accepted_answer_id"}


class SearchOutbox(db.Model):
    __tablename__ = "search_outbox"
    # Ids must never be reused: a drain deletes exactly the ids it applied, and on SQLite an
    # emptied table would otherwise hand the same id to a row written meanwhile (and lose it).
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "question", "answer", "suggestion"
    target_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def enqueue(kind: str, target_id: int, session: Session | None = None) -> None:
    """Mark one document as changed, in the caller's transaction (it commits)."""
    enqueue_many(kind, [target_id], session)


def enqueue_many(kind: str, target_ids, session: Session | None = None) -> None:
    """Mark documents as changed in one statement, e.g. next to a bulk UPDATE by primary key.
    Questions bring their answers along (their documents copy the question's fields)."""
    session = session or db.session
    target_ids = sorted(set(target_ids))
    _write(session, [(kind, target_id) for target_id in target_ids])
    if kind == "question":
        for start in range(0, len(target_ids), BATCH):
            _write_answers_of(session, target_ids[start:start + BATCH])


def _write(session: Session, changes) -> None:
    rows = [{"kind": kind, "target_id": target_id, "created_at": utcnow()} for kind, target_id in sorted(set(changes))]
    if rows:
        session.execute(insert(SearchOutbox.__table__), rows)
        session.info["search_outbox_written"] = True


def _write_answers_of(session: Session, question_ids) -> None:
    """Enqueue every answer of `question_ids` (a list, or a SELECT of question ids) in one
    INSERT ... SELECT, however many answers there are."""
    answers = select(literal("answer", String(20)), Answer.id, literal(utcnow(), UTCDateTime)).where(
        Answer.question_id.in_(question_ids))
    session.execute(insert(SearchOutbox.__table__).from_select(["kind", "target_id", "created_at"], answers))
    session.info["search_outbox_written"] = True


def _changed(obj, names) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names if name in attrs)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context) -> None:
    changes, parents = [], set()
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        model = type(obj)
        if model in KINDS and (obj not in session.dirty or session.is_modified(obj)):
            changes.append((KINDS[model], obj.id))
            if model is Answer and obj.question_id is not None:
                changes.append(("question", obj.question_id))
            if model is Question and obj in session.dirty and _changed(obj, CHILD_COLUMNS):
                parents.add(obj.id)
    if changes:
        _write(session, changes)
    if parents:
        _write_answers_of(session, sorted(parents))


@event.listens_for(Session, "do_orm_execute")
def _on_update(state) -> None:
    if not state.is_update:
        return
    mapper = state.bind_mapper
    model = mapper.class_ if mapper is not None else None
    if model not in KINDS:
        return
    statement = state.statement
    names = {getattr(column, "key", column) for column in (statement._values or {})}
    if not names & INDEXED[model] or statement.whereclause is None:
        # A bulk UPDATE by primary key (demo and benchmark loaders) is followed by a rebuild.
        return
    if model is Answer and names & PARENT_COLUMNS:
        rows = state.session.execute(select(Answer.id, Answer.question_id).where(statement.whereclause)).all()
        _write(state.session, [("answer", a) for a, _ in rows] + [("question", q) for _, q in rows])
        return
    ids = state.session.scalars(select(model.id).where(statement.whereclause)).all()
    _write(state.session, [(KINDS[model], i) for i in ids])
    if model is Question and ids and names & CHILD_COLUMNS:
        _write_answers_of(state.session, select(Question.id).where(statement.whereclause))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    if session.info.pop("search_outbox_written", False):
        from flask import g, has_app_context
        if has_app_context():
            g.search_outbox_written = True


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("search_outbox_written", None)


def pending() -> int:
    return db.session.scalar(select(db.func.count()).select_from(SearchOutbox))


def drain(backend: SearchBackend, *, wait: bool, limit: int | None = None) -> int:
    """Apply outbox rows to the index, BATCH at a time, until none are left (or `limit` rows).

    The rows and their documents are read only once the index lock is held: a drain that read
    first could otherwise write an older version over a newer one that another drain wrote
    meanwhile, then delete the rows and leave the index stale. Only the rows that were applied
    are deleted, after the index is committed: a crash in between re-applies them, which is
    harmless (a document is re-read from the database each time). With wait=False a busy index
    lock stops at once and leaves the rows for the next drain. The drain owns the session: it
    ends the caller's transaction. Returns rows applied."""
    from . import documents

    done = 0
    while limit is None or done < limit:
        if db.session.scalar(select(SearchOutbox.id).limit(1)) is None:
            break  # nothing to do: leave the lock (and the index) alone
        applied: list[int] = []

        def changes():
            db.session.rollback()  # read afresh, now that the lock is ours
            rows = db.session.execute(select(SearchOutbox.id, SearchOutbox.kind, SearchOutbox.target_id)
                                      .order_by(SearchOutbox.id).limit(BATCH)).all()
            applied.extend(row_id for row_id, _, _ in rows)
            return documents.load({f"{kind}:{target_id}" for _, kind, target_id in rows})

        if not backend.apply(changes, wait=wait) or not applied:
            break
        db.session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(applied)))
        db.session.commit()
        done += len(applied)
    db.session.rollback()  # end the read transaction either way
    return done
