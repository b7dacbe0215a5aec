"""Reading questions and answers with a bounded number of queries, whatever the data size."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, or_, select
from sqlalchemy.orm import defer, joinedload

from moderation.rules import can
from moderation.types import Action

from ..accounts.models import Agency, User
from ..errors import NotFound
from ..extensions import db
from ..tags.models import QuestionTag, Tag
from ..tags.names import TAG_MAX, normalise
from .models import (Answer, AnswerVote, HelpfulVote, MeToo, Question, QuestionVote, Revision, answer_deletable,
                     question_deletable)

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


@dataclass
class QuestionPage:
    question: Question
    answers: list[Answer]
    my_question_vote: int = 0
    my_answer_votes: dict[int, int] = field(default_factory=dict)
    i_have_it_too: bool = False
    my_helpful: dict[int, bool] = field(default_factory=dict)
    question_deletable: bool = False  # by the viewer, its author (models.question_deletable)
    deletable_answer_ids: set[int] = field(default_factory=set)  # the viewer's own that can still go


def question_page(question_id: int, viewer: User | None) -> QuestionPage:
    """The question and its answers (official ones first, then the accepted one, then by
    score) and the viewer's own marks. A post held for personal information is shown only
    to its author and to the moderators who may release it; a hidden one only to those
    moderators (to restore it)."""
    question = db.session.scalar(select(Question).where(Question.id == question_id).options(
        joinedload(Question.author), joinedload(Question.agency), joinedload(Question.referred_agency),
        joinedload(Question.duplicate_of)))
    signed_in = viewer is not None and viewer.is_authenticated
    moderates = signed_in and can(viewer, Action.MODERATE_POST, question)
    if question is None or not (question.state == "public" or question.state == "held" and (
            moderates or signed_in and viewer.id == question.author_id) or question.state == "hidden" and moderates):
        raise NotFound("There is no such question, or it has been removed")
    visible = Answer.state == "public"
    if moderates:
        visible = Answer.state.in_(("public", "held", "hidden"))
    elif signed_in:
        visible = or_(visible, (Answer.state == "held") & (Answer.author_id == viewer.id))
    official_first = case((Answer.official_agency_id.is_not(None), 0), else_=1)
    accepted_first = case((Answer.id == question.accepted_answer_id, 0), else_=1)
    answers = list(db.session.scalars(
        select(Answer).where(Answer.question_id == question.id, visible)
        .options(joinedload(Answer.author), joinedload(Answer.official_agency), joinedload(Answer.official_by))
        .order_by(official_first, accepted_first, Answer.score.desc(), Answer.created_at, Answer.id)))
    page = QuestionPage(question, answers)
    if viewer is not None and viewer.is_authenticated:
        answer_ids = [a.id for a in answers]
        page.my_question_vote = db.session.scalar(select(QuestionVote.value).where(
            QuestionVote.question_id == question.id, QuestionVote.user_id == viewer.id)) or 0
        page.i_have_it_too = db.session.scalar(select(MeToo.id).where(
            MeToo.question_id == question.id, MeToo.user_id == viewer.id)) is not None
        # Always the same statements, answers or not, so the count never depends on the data.
        page.my_answer_votes = dict(db.session.execute(select(AnswerVote.answer_id, AnswerVote.value).where(
            AnswerVote.user_id == viewer.id, AnswerVote.answer_id.in_(answer_ids))).all())
        page.my_helpful = dict(db.session.execute(select(HelpfulVote.answer_id, HelpfulVote.helpful).where(
            HelpfulVote.user_id == viewer.id, HelpfulVote.answer_id == question.accepted_answer_id)).all())
        _deletable(page, viewer)
    return page


def _deletable(page: QuestionPage, viewer: User) -> None:
    """Which of the viewer's posts on the page may still be deleted: the rule the delete itself applies."""
    if viewer.id == page.question.author_id:
        page.question_deletable = db.session.scalar(
            select(Question.id).where(Question.id == page.question.id, question_deletable())) is not None
    own = [answer.id for answer in page.answers if answer.author_id == viewer.id]
    page.deletable_answer_ids = set(db.session.scalars(select(Answer.id).where(Answer.id.in_(own),
                                                                                answer_deletable())))


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
