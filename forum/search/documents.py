"""Turning database rows into search Documents: for the outbox (a few keys) and for a rebuild
(everything public), each with a bounded number of queries.

Adding a document type: a `_<type>s()` statement and a `_<type>_doc(row, synonyms)` builder,
an entry in LOADERS (used by `load`, `count_all`, `all_keys` and `iter_all`), the model in
outbox.KINDS/INDEXED, and its re-check in service.py. Suggestions are done that way.

Tags are indexed under their main name (a synonym such as "tax" is stored as "taxes"), so
the tag filter, which goes through forum.tags.service.canonical, finds them.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from sqlalchemy import exists, func, select
from sqlalchemy.orm import aliased

from ..accounts.models import Agency
from ..extensions import db
from ..qa.models import Answer, Question
from ..suggestions.models import Suggestion
from ..tags.models import Tag, TagSynonym
from .backend import Document

def has_official_answer():
    """A question "has an official answer" when one of its public answers carries an agency's mark."""
    official = aliased(Answer)
    return (exists().where(official.question_id == Question.id, official.official_agency_id.is_not(None),
                           official.state == "public").correlate(Question))


_QUESTION_COLUMNS = (Question.id, Question.title, Question.body_source, Question.tag_names, Agency.slug,
                     Question.answer_count, Question.accepted_answer_id, Question.created_at, Question.score)


def synonyms() -> dict[str, str]:
    """Every synonym with its main tag's name: the mapping forum.tags.service.canonical_names
    applies, read whole once per batch (the table is small) instead of once per document."""
    return dict(db.session.execute(select(TagSynonym.name, Tag.name).join(Tag, Tag.id == TagSynonym.tag_id)).all())


def _tags(names: str, synonyms: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(synonyms.get(name, name) for name in names.split()))


def _question_doc(row, synonyms) -> Document:
    qid, title, body, tags, agency, answers, accepted, created, score, official = row
    return Document("question", qid, title, body, question_id=qid, tags=_tags(tags, synonyms), agency=agency,
                    status="answered" if answers else "unanswered", accepted=accepted is not None,
                    official=bool(official), created_at=created, score=score)


def _answer_doc(row, synonyms) -> Document:
    aid, body, created, score, official, qid, title, tags, agency, accepted = row
    return Document("answer", aid, "", body, question_id=qid, question_title=title, tags=_tags(tags, synonyms),
                    agency=agency, status="answer", accepted=accepted == aid, official=official is not None,
                    created_at=created, score=score)


def _suggestion_doc(row, synonyms) -> Document:
    sid, title, body, tags, status, support, agency, created = row
    return Document("suggestion", sid, title, body, tags=_tags(tags, synonyms), agency=agency, status=status,
                    created_at=created, score=support)


def _questions():
    return (select(*_QUESTION_COLUMNS, has_official_answer()).outerjoin(Agency, Agency.id == Question.agency_id)
            .where(Question.state == "public"))


def _answers():
    return (select(Answer.id, Answer.body_source, Answer.created_at, Answer.score, Answer.official_agency_id,
                   Question.id, Question.title, Question.tag_names, Agency.slug, Question.accepted_answer_id)
            .join(Question, Question.id == Answer.question_id).outerjoin(Agency, Agency.id == Question.agency_id)
            .where(Answer.state == "public", Question.state == "public"))


def _suggestions():
    # Public suggestions, duplicates too (with their status, so the status filter can find them).
    return (select(Suggestion.id, Suggestion.title, Suggestion.body_source, Suggestion.tag_names,
                   Suggestion.status, Suggestion.support_count, Agency.slug, Suggestion.created_at)
            .join(Agency, Agency.id == Suggestion.agency_id).where(Suggestion.state == "public"))


# type -> (statement of public rows, its id column, document builder)
LOADERS = {
    "question": (_questions, Question.id, _question_doc),
    "answer": (_answers, Answer.id, _answer_doc),
    "suggestion": (_suggestions, Suggestion.id, _suggestion_doc),
}


def load(keys: Iterable[str]) -> tuple[list[Document], list[str]]:
    """Documents for the public rows among `keys`; the other keys are to be removed."""
    wanted: dict[str, list[int]] = {kind: [] for kind in LOADERS}
    for key in keys:
        kind, _, raw = key.partition(":")
        if kind in wanted and raw.isdigit():
            wanted[kind].append(int(raw))
    mapping = synonyms()
    documents = []
    for kind, (statement, column, make) in LOADERS.items():
        if wanted[kind]:
            documents += [make(r, mapping) for r in db.session.execute(statement().where(column.in_(wanted[kind])))]
    found = {d.key for d in documents}
    return documents, sorted(set(keys) - found)


def count_all() -> int:
    return sum(db.session.scalar(select(func.count()).select_from(statement().with_only_columns(column).subquery()))
               for statement, column, _ in LOADERS.values())


def all_keys() -> set[str]:
    return {f"{kind}:{i}" for kind, (statement, column, _) in LOADERS.items()
            for i in db.session.scalars(statement().with_only_columns(column))}


def iter_all(batch: int = 2_000) -> Iterator[Document]:
    """Every public document, streamed in batches (a rebuild of 100,000 fits in little memory)."""
    mapping = synonyms()
    for statement, column, make in LOADERS.values():
        for row in db.session.execute(statement().order_by(column).execution_options(yield_per=batch)):
            yield make(row, mapping)
