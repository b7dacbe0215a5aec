"""Reading questions and answers with a bounded number of queries, whatever the data size.
(The question page itself reads through question_page.py.)"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Integer, String, bindparam, func, select
from sqlalchemy.orm import defer, joinedload

from ..accounts.models import Agency, User
from ..extensions import db
from ..history import RevisionPage, history
from ..tags.models import QuestionTag, Tag
from ..tags.names import TAG_MAX, normalise
from .models import Answer, Question, QuestionFigures, Revision
from .question_page import AgencyRef, Person

PER_PAGE = 20
MAX_PAGE = 10_000
SORTS = {
    "active": ("Recently active", (Question.last_activity_at.desc(), Question.id.desc())),
    "newest": ("Newest", (Question.created_at.desc(), Question.id.desc())),
    "votes": ("Most votes", (Question.score.desc(), Question.id.desc())),
    "unanswered": ("Unanswered", (Question.created_at.desc(), Question.id.desc())),
    "affected": ("Most people affected", (Question.me_too_count.desc(), Question.id.desc())),
}


@dataclass(frozen=True)
class ListFilters:
    sort: str = "active"
    tag: str | None = None
    agency: str | None = None
    answered: str | None = None  # "yes", "no" or None

    @classmethod
    def from_args(cls, args) -> "ListFilters":
        sort = args.get("sort", "active")
        answered = args.get("answered")
        tag = normalise(args.get("tag") or "")[:TAG_MAX]
        return cls(sort=sort if sort in SORTS else "active",
                   tag=tag or None,
                   agency=(args.get("agency") or "").strip()[:60] or None,
                   answered=answered if answered in ("yes", "no") else None)

    def as_args(self) -> dict:
        return {k: v for k, v in (("sort", self.sort), ("tag", self.tag), ("agency", self.agency),
                                  ("answered", self.answered)) if v}


@dataclass(frozen=True, slots=True)
class ListedQuestion(QuestionFigures):
    """A question as lists show it (qa/_macros.html's question_row)."""
    id: int
    slug: str
    title: str
    excerpt: str
    score: int
    answer_count: int
    me_too_count: int
    accepted_answer_id: int | None
    tag_names: str
    last_activity_at: datetime
    author: Person
    agency: AgencyRef | None


class _ListedPage(Pagination):
    """Flask-SQLAlchemy's Pagination over the prebuilt statements of _list_statements."""

    def _query_items(self) -> list[ListedQuestion]:
        rows, _, params = self._query_args["statements"]
        return [ListedQuestion(*row[:10], Person(*row[10:13], AgencyRef(*row[13:15]) if row[13] else None),
                               AgencyRef(*row[15:17]) if row[15] else None)
                for row in db.session.execute(rows, {**params, "limit": self.per_page,
                                                     "offset": self._query_offset}).all()]

    def _query_count(self) -> int:
        _, count, params = self._query_args["statements"]
        return db.session.scalar(count, params)


@cache
def _list_statements(sort: str, tagged: bool, about_agency: bool, by_author: bool, answered: str | None):
    """The rows and the count of one kind of list, built once per process: the filters' values
    are parameters (tag, agency, author_id, limit, offset)."""
    q, author = Question.__table__, User.__table__.alias("author")
    author_agency, about = Agency.__table__.alias("author_agency"), Agency.__table__.alias("about")
    conditions = [q.c.state == "public"]
    if by_author:
        conditions.append(q.c.author_id == bindparam("author_id", type_=Integer))
    if answered == "no":
        conditions.append(q.c.answer_count == 0)
    elif answered == "yes":
        conditions.append(q.c.answer_count > 0)
    filtered = q
    if tagged:
        question_tag, tag = QuestionTag.__table__, Tag.__table__
        filtered = filtered.join(question_tag, question_tag.c.question_id == q.c.id).join(
            tag, (tag.c.id == question_tag.c.tag_id) & (tag.c.name == bindparam("tag", type_=String)))
    if about_agency:
        filtered = filtered.join(about, (about.c.id == q.c.agency_id) & (about.c.slug == bindparam("agency", type_=String)))
    shown = (filtered.join(author, author.c.id == q.c.author_id)
             .outerjoin(author_agency, author_agency.c.id == author.c.agency_id))
    if not about_agency:
        shown = shown.outerjoin(about, about.c.id == q.c.agency_id)
    rows = (select(q.c.id, q.c.slug, q.c.title, q.c.excerpt, q.c.score, q.c.answer_count, q.c.me_too_count,
                   q.c.accepted_answer_id, q.c.tag_names, q.c.last_activity_at, author.c.id, author.c.display_name,
                   author.c.role, author_agency.c.slug, author_agency.c.name, about.c.slug, about.c.name)
            .select_from(shown).where(*conditions).order_by(*SORTS[sort][1])
            .limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer)))
    return rows, select(func.count()).select_from(filtered).where(*conditions)


def list_questions(filters: ListFilters, page: int, per_page: int = PER_PAGE, author_id: int | None = None):
    """A page of public questions (two queries: the rows and the count)."""
    answered = "no" if filters.sort == "unanswered" or filters.answered == "no" else filters.answered
    rows, count = _list_statements(filters.sort, bool(filters.tag), bool(filters.agency), author_id is not None,
                                   answered)
    params = {"tag": filters.tag, "agency": filters.agency, "author_id": author_id}
    return _ListedPage(page=min(max(page, 1), MAX_PAGE), per_page=per_page, max_per_page=None, error_out=False,
                       statements=(rows, count, params))


def answers_by(user_id: int, page: int = 1, per_page: int = PER_PAGE):
    """A page of a person's public answers to public questions, newest first, each with its
    question (two queries: the rows and the count)."""
    statement = (select(Answer).join(Question, Question.id == Answer.question_id)
                 .where(Answer.author_id == user_id, Answer.state == "public", Question.state == "public")
                 .options(defer(Answer.body_source, raiseload=True), defer(Answer.body_html, raiseload=True),
                          joinedload(Answer.question).options(defer(Question.body_source, raiseload=True),
                                                               defer(Question.body_html, raiseload=True)))
                 .order_by(Answer.created_at.desc(), Answer.id.desc()))
    return db.paginate(statement, page=min(max(page, 1), MAX_PAGE), per_page=per_page, error_out=False)


def revisions(*, question_id: int | None = None, answer_id: int | None = None, page: int = 1) -> RevisionPage:
    """One page of a question's or an answer's versions."""
    column = Revision.question_id if question_id is not None else Revision.answer_id
    return history(Revision, column == (question_id if question_id is not None else answer_id), page)
