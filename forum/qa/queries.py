"""Reading questions and answers with a bounded number of queries, whatever the data size.
(The question page itself reads through question_page.py.)"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import defer, joinedload

from ..accounts.models import Agency
from ..extensions import db
from ..tags.models import QuestionTag, Tag
from ..tags.names import TAG_MAX, normalise
from .models import Answer, Question, Revision

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


def list_questions(filters: ListFilters, page: int, per_page: int = PER_PAGE, author_id: int | None = None):
    """A page of public questions (two queries: the rows and the count)."""
    statement = (select(Question).where(Question.state == "public")
                 .options(joinedload(Question.author), joinedload(Question.agency),
                          # lists show the excerpt: leave the (long) bodies in the database
                          defer(Question.body_source, raiseload=True), defer(Question.body_html, raiseload=True)))
    if filters.tag:
        statement = statement.join(QuestionTag, QuestionTag.question_id == Question.id).join(
            Tag, (Tag.id == QuestionTag.tag_id) & (Tag.name == filters.tag))
    if filters.agency:
        statement = statement.join(Agency, (Agency.id == Question.agency_id) & (Agency.slug == filters.agency))
    if author_id is not None:
        statement = statement.where(Question.author_id == author_id)
    if filters.sort == "unanswered" or filters.answered == "no":
        statement = statement.where(Question.answer_count == 0)
    elif filters.answered == "yes":
        statement = statement.where(Question.answer_count > 0)
    statement = statement.order_by(*SORTS[filters.sort][1])
    return db.paginate(statement, page=min(max(page, 1), MAX_PAGE), per_page=per_page, error_out=False)


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


REVISIONS_PER_PAGE = 5


@dataclass
class RevisionPage:
    """A page of a post's history, newest first: `page` is the Pagination of its versions and
    `previous` the version just before the oldest of them (None when that one is the original)."""
    page: object
    previous: Revision | None

    def steps(self) -> list[tuple[Revision, Revision]]:
        """(version, the one before it) for each version on the page that has a predecessor."""
        versions = [*self.page.items, *([self.previous] if self.previous else [])]
        return list(zip(versions, versions[1:]))

    @property
    def original(self) -> Revision | None:
        items = self.page.items
        return items[-1] if items and self.previous is None else None


def revisions(*, question_id: int | None = None, answer_id: int | None = None, page: int = 1) -> RevisionPage:
    """One page of a post's versions (three queries: the page, its count, the version before it)."""
    column = Revision.question_id if question_id is not None else Revision.answer_id
    of_post = column == (question_id if question_id is not None else answer_id)
    versions = db.paginate(select(Revision).where(of_post).options(joinedload(Revision.editor))
                           .order_by(Revision.number.desc()), page=min(max(page, 1), MAX_PAGE),
                           per_page=REVISIONS_PER_PAGE, error_out=False)
    oldest = versions.items[-1].number if versions.items else 0
    previous = db.session.scalar(select(Revision).where(of_post, Revision.number < oldest)
                                 .options(joinedload(Revision.editor)).order_by(Revision.number.desc()).limit(1))
    return RevisionPage(versions, previous)
