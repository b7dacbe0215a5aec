"""The question page's read model: what `/questions/<id>-<slug>` shows, read as plain values.

Two statements, whoever is looking and however many answers there are: the question (with
its author, agencies, the question it duplicates, the suggestions linked to it and what the
viewer did to it), then one page of its answers (with their authors, official marks, the
viewer's own votes and, for a signed-in viewer, how many they see in all; a visitor's total
is the question's answer_count). A long thread is read ANSWERS_PER_PAGE answers at a time,
so that rows are bounded too; `answer_page` says which page holds a given answer, for links
and redirects to it. Each statement is built once per process for each kind of viewer and
only its parameters change; they run through sql.page_reads, and rows become small frozen
records rather than ORM objects, since the page only reads. Writes go through the models in
service.py as before.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property
from typing import Callable

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Integer, and_, bindparam, case, func, or_, select, true

from moderation.rules import can
from moderation.types import Action

from ..accounts.models import Agency, User
from ..errors import NotFound
from ..extensions import db
from ..sql import page_reads
from ..suggestions.queries import LinkedSuggestion, linked_to_question
from .models import (Answer, AnswerVote, HelpfulVote, MeToo, Question, QuestionFigures, QuestionVote, answer_deletable,
                     question_deletable)


@dataclass(frozen=True, slots=True)
class AgencyRef:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class Person:
    """An author as a byline shows them (a moderator with their agency)."""
    id: int
    display_name: str
    role: str
    agency: AgencyRef | None


@dataclass(frozen=True, slots=True)
class QuestionRef:
    id: int
    slug: str
    title: str


@dataclass(frozen=True, slots=True)
class QuestionView(QuestionFigures):
    """The question as its page shows it. Fields keep the model's names, so that
    moderation.rules and the templates read it as they read a Question."""
    id: int
    author_id: int
    agency_id: int | None
    referred_agency_id: int | None
    duplicate_of_id: int | None
    accepted_answer_id: int | None
    title: str
    slug: str
    body_html: str
    state: str
    score: int
    me_too_count: int
    answer_count: int  # public answers: all a visitor sees
    tag_names: str
    referral_note: str | None
    created_at: datetime
    locked_at: datetime | None
    edited: bool
    author: Person
    agency: AgencyRef | None
    referred_agency: AgencyRef | None
    duplicate_of: QuestionRef | None


@dataclass(frozen=True, slots=True)
class AnswerView:
    """One answer as the question page shows it, with the viewer's own marks on it."""
    id: int
    author_id: int
    state: str
    score: int
    helpful_yes: int
    helpful_no: int
    body_html: str
    created_at: datetime
    official_agency_id: int | None
    official_at: datetime | None
    official_agency_name: str | None
    official_by_name: str | None
    edited: bool
    author: Person
    my_vote: int = 0  # 1, -1 or 0
    my_helpful: bool | None = None  # the viewer's "did this help", kept on the accepted answer
    deletable: bool = False  # the viewer's own, and it can still go (models.answer_deletable)

    @property
    def is_official(self) -> bool:
        return self.official_agency_id is not None


ANSWERS_PER_PAGE = 30  # as on Stack Overflow: most threads fit on one page
MAX_ANSWER_PAGE = 10_000


class AnswersPage(Pagination):
    """One page of a question's answers, as the pagination macro reads it: the rows and the
    total come from the one answers statement, so this asks the database nothing."""

    def _query_items(self) -> list[AnswerView]:
        return self._query_args["items"]

    def _query_count(self) -> int:
        return self._query_args["total"]


@dataclass
class QuestionPage:
    question: QuestionView
    answer_rows: list[tuple]  # the answers statement's rows as the driver gave them
    signed_in: bool = False
    suggestions: list[LinkedSuggestion] = field(default_factory=list)
    my_question_vote: int = 0
    i_have_it_too: bool = False
    question_deletable: bool = False  # by the viewer, its author (models.question_deletable)
    answers_page: AnswersPage | None = None  # which page of the answers this is, and how many in all
    typed: Callable[[list[tuple]], list[tuple]] = list  # gives answer_rows SQLAlchemy's values

    @cached_property
    def answers(self) -> list[AnswerView]:
        """The answers shown, made only when the page is rendered (a page served again from
        web.render_memoized compares answer_rows and needs none of this)."""
        return [_answer_view(row, self.signed_in) for row in self.typed(self.answer_rows)]

    @property
    def answer_total(self) -> int:
        return self.answers_page.total if self.answers_page is not None else len(self.answer_rows)

    def state(self) -> tuple:
        """Everything the page shows, as values web.render_memoized compares: the rows
        themselves (plain tuples), so that a page served again never builds its answers."""
        pages = self.answers_page
        return (self.question, tuple(self.answer_rows), tuple(self.suggestions), self.my_question_vote,
                self.i_have_it_too, self.question_deletable, pages.page if pages else None, self.answer_total)


VISITOR, PARTICIPANT, MODERATOR = "visitor", "participant", "moderator"  # whose answers a viewer sees
_question, _answer, _users, _agencies = Question.__table__, Answer.__table__, User.__table__, Agency.__table__
_QUESTION_ID, _VIEWER_ID = bindparam("question_id", type_=Integer), bindparam("viewer_id", type_=Integer)


def _person_columns(users, agencies) -> list:
    return [users.c.id, users.c.display_name, users.c.role, agencies.c.slug, agencies.c.name]


def _person(id_: int, display_name: str, role: str, agency_slug: str | None, agency_name: str | None) -> Person:
    return Person(id_, display_name, role, _agency(agency_slug, agency_name))


def _agency(slug: str | None, name: str | None) -> AgencyRef | None:
    return None if slug is None else AgencyRef(slug, name)


# Positions in a question row: the question's own columns, its author, its agency, the one it
# was referred to, the original it duplicates, one linked suggestion, then the viewer's marks.
_Q_AUTHOR, _Q_AGENCY, _Q_REFERRED, _Q_ORIGINAL, _Q_LINKED, _Q_MINE = 18, 23, 25, 27, 30, 35


@cache
def _question_statement(signed_in: bool):
    q, original = _question, _question.alias("original")
    author, author_agency = _users.alias("author"), _agencies.alias("author_agency")
    agency, referred = _agencies.alias("about"), _agencies.alias("referred")
    linked = linked_to_question(_QUESTION_ID).subquery("linked")
    columns = [q.c.id, q.c.author_id, q.c.agency_id, q.c.referred_agency_id, q.c.duplicate_of_id,
               q.c.accepted_answer_id, q.c.title, q.c.slug, q.c.body_html, q.c.state, q.c.score, q.c.me_too_count,
               q.c.answer_count, q.c.tag_names, q.c.referral_note, q.c.created_at, q.c.locked_at,
               q.c.updated_at.is_not(None),
               *_person_columns(author, author_agency), agency.c.slug, agency.c.name, referred.c.slug,
               referred.c.name, original.c.id, original.c.slug, original.c.title, *linked.c]
    joined = (q.join(author, author.c.id == q.c.author_id)
              .outerjoin(author_agency, author_agency.c.id == author.c.agency_id)
              .outerjoin(agency, agency.c.id == q.c.agency_id)
              .outerjoin(referred, referred.c.id == q.c.referred_agency_id)
              .outerjoin(original, original.c.id == q.c.duplicate_of_id)
              .outerjoin(linked, true()))  # at most a few rows, each the question with one suggestion
    if signed_in:
        # Aliased: question_deletable() looks at every vote on the question, not only the viewer's.
        vote, me_too = QuestionVote.__table__.alias("my_vote"), MeToo.__table__.alias("my_me_too")
        columns += [vote.c.value, me_too.c.id.is_not(None),
                    case((and_(q.c.author_id == _VIEWER_ID, question_deletable()), True), else_=False)]
        joined = (joined.outerjoin(vote, and_(vote.c.question_id == q.c.id, vote.c.user_id == _VIEWER_ID))
                  .outerjoin(me_too, and_(me_too.c.question_id == q.c.id, me_too.c.user_id == _VIEWER_ID)))
    return (select(*columns).select_from(joined).where(q.c.id == _QUESTION_ID)
            .order_by(linked.c.support_count.desc(), linked.c.id))


# Positions in an answer row: the answer's own columns, its author, then the viewer's marks;
# for a signed-in viewer, the number of answers they see in all comes last.
_A_AUTHOR, _A_MINE = 13, 18


def _visible(a, viewer_kind: str):
    """The answers a kind of viewer sees: the public ones; a participant also their own held
    ones; a moderator of the question also those held or hidden (to release or restore them)."""
    if viewer_kind == MODERATOR:
        return a.c.state.in_(("public", "held", "hidden"))
    if viewer_kind == PARTICIPANT:
        return or_(a.c.state == "public", and_(a.c.state == "held", a.c.author_id == _VIEWER_ID))
    return a.c.state == "public"


def _answer_order(a) -> list:
    """Official answers first, then the accepted one, then by score, oldest first among equals."""
    official_first = case((a.c.official_agency_id.is_not(None), 0), else_=1)
    accepted_first = case((a.c.id == bindparam("accepted_id", type_=Integer), 0), else_=1)
    return [official_first, accepted_first, a.c.score.desc(), a.c.created_at, a.c.id]


@cache
def _answers_statement(viewer_kind: str):
    a = _answer
    author, author_agency = _users.alias("author"), _agencies.alias("author_agency")
    official_agency, official_by = _agencies.alias("official_agency"), _users.alias("official_by")
    columns = [a.c.id, a.c.author_id, a.c.state, a.c.score, a.c.helpful_yes, a.c.helpful_no, a.c.body_html,
               a.c.created_at, a.c.official_agency_id, a.c.official_at, official_agency.c.name,
               official_by.c.display_name, a.c.updated_at.is_not(None), *_person_columns(author, author_agency)]
    joined = (a.join(author, author.c.id == a.c.author_id)
              .outerjoin(author_agency, author_agency.c.id == author.c.agency_id)
              .outerjoin(official_agency, official_agency.c.id == a.c.official_agency_id)
              .outerjoin(official_by, official_by.c.id == a.c.official_by_id))
    if viewer_kind != VISITOR:
        # Aliased: answer_deletable() looks at every vote on the answer, not only the viewer's.
        vote, helpful = AnswerVote.__table__.alias("my_vote"), HelpfulVote.__table__.alias("my_helpful")
        columns += [vote.c.value, helpful.c.helpful,
                    case((and_(a.c.author_id == _VIEWER_ID, answer_deletable()), True), else_=False)]
        joined = (joined.outerjoin(vote, and_(vote.c.answer_id == a.c.id, vote.c.user_id == _VIEWER_ID))
                  .outerjoin(helpful, and_(helpful.c.answer_id == a.c.id, helpful.c.user_id == _VIEWER_ID)))
    if viewer_kind != VISITOR:
        # Counted before LIMIT: every answer the viewer sees. A visitor sees the public ones,
        # which the question's answer_count counts (kept exact in the same transaction as
        # each answer's changes, and checked by `forum check`): no window to compute.
        columns.append(func.count().over())
    return (select(*columns).select_from(joined).where(a.c.question_id == _QUESTION_ID, _visible(a, viewer_kind))
            .order_by(*_answer_order(a)).limit(ANSWERS_PER_PAGE).offset(bindparam("offset", type_=Integer)))


@cache
def _position_statement(viewer_kind: str):
    """Where an answer stands (1 for the first) among those the viewer sees, in page order."""
    a = _answer
    ranked = (select(a.c.id, func.row_number().over(order_by=_answer_order(a)).label("position"))
              .where(a.c.question_id == _QUESTION_ID, _visible(a, viewer_kind)).subquery("ranked"))
    return select(ranked.c.position).where(ranked.c.id == bindparam("answer_id", type_=Integer))


def _viewer_kind(question, viewer: User | None) -> str:
    signed_in = viewer is not None and viewer.is_authenticated
    if signed_in and can(viewer, Action.MODERATE_POST, question):
        return MODERATOR
    return PARTICIPANT if signed_in else VISITOR


def _may_see(question, viewer: User | None, kind: str) -> bool:
    """A public question everyone; a held one its author and its moderators; a hidden one its
    moderators (to restore it)."""
    if question.state == "public":
        return True
    if question.state == "held":
        return kind == MODERATOR or kind == PARTICIPANT and viewer.id == question.author_id
    return question.state == "hidden" and kind == MODERATOR


def answer_page(question, answer_id: int, viewer: User | None) -> int | None:
    """The page of `question`'s answers that shows answer `answer_id` to `viewer`, or None
    when it is not among the answers they see: one statement."""
    signed_in = viewer is not None and viewer.is_authenticated
    position = db.session.scalar(_position_statement(_viewer_kind(question, viewer)), {
        "question_id": question.id, "answer_id": answer_id, "accepted_id": question.accepted_answer_id,
        "viewer_id": viewer.id if signed_in else None})
    return None if position is None else (position - 1) // ANSWERS_PER_PAGE + 1


def locate_answer(answer_id: int, viewer: User | None) -> tuple[Question, int]:
    """An answer's question and the page of it that shows the answer, for a viewer who may see
    both; NotFound otherwise (so that the address of a question nobody may see never leaks)."""
    answer = db.session.get(Answer, answer_id)
    question = db.session.get(Question, answer.question_id) if answer is not None else None
    page = None
    if question is not None and _may_see(question, viewer, _viewer_kind(question, viewer)):
        page = answer_page(question, answer_id, viewer)
    if page is None:
        raise NotFound("There is no such answer, or it has been removed")
    return question, page


def question_page(question_id: int, viewer: User | None, page_number: int = 1) -> QuestionPage:
    """The question and one page of its answers (official ones first, then the accepted one,
    then by score) and the viewer's own marks. A post held for personal information is shown
    only to its author and to the moderators who may release it; a hidden one only to those
    moderators (to restore it). A page beyond the last is NotFound."""
    page_number = max(page_number, 1)
    if page_number > MAX_ANSWER_PAGE:
        raise NotFound(f"This question has no page {page_number:,} of answers")
    signed_in = viewer is not None and viewer.is_authenticated
    params = {"question_id": question_id, "viewer_id": viewer.id if signed_in else None}
    with page_reads() as read:
        rows = read(_question_statement(signed_in), params)
        question = _question_view(rows[0]) if rows else None
        kind = _viewer_kind(question, viewer) if question is not None else VISITOR
        if question is None or not _may_see(question, viewer, kind):
            raise NotFound("There is no such question, or it has been removed")
        answer_rows, typed = read.raw(_answers_statement(kind), {
            **params, "accepted_id": question.accepted_answer_id, "offset": (page_number - 1) * ANSWERS_PER_PAGE})
    if not answer_rows and page_number > 1:
        raise NotFound(f"This question has no page {page_number:,} of answers")
    page = QuestionPage(question, answer_rows, signed_in, [LinkedSuggestion(*row[_Q_LINKED:_Q_MINE]) for row in rows
                                                           if row[_Q_LINKED] is not None], typed=typed)
    total = question.answer_count if kind == VISITOR else answer_rows[-1][-1] if answer_rows else 0
    # Its items are the rows (the pagination macro reads only the numbers): views only if rendered.
    page.answers_page = AnswersPage(page=page_number, per_page=ANSWERS_PER_PAGE, max_per_page=None, error_out=False,
                                    count=True, items=answer_rows, total=total)
    if signed_in:
        vote, me_too, deletable = rows[0][_Q_MINE:]
        page.my_question_vote, page.i_have_it_too, page.question_deletable = vote or 0, bool(me_too), bool(deletable)
    return page


def _question_view(row) -> QuestionView:
    return QuestionView(*row[:_Q_AUTHOR - 1], bool(row[_Q_AUTHOR - 1]), _person(*row[_Q_AUTHOR:_Q_AGENCY]),
                        _agency(*row[_Q_AGENCY:_Q_REFERRED]), _agency(*row[_Q_REFERRED:_Q_ORIGINAL]),
                        QuestionRef(*row[_Q_ORIGINAL:_Q_LINKED]) if row[_Q_ORIGINAL] is not None else None)


def _answer_view(row, signed_in: bool) -> AnswerView:
    mine = ()
    if signed_in:
        vote, helpful, deletable = row[_A_MINE:_A_MINE + 3]
        mine = (vote or 0, None if helpful is None else bool(helpful), bool(deletable))
    return AnswerView(*row[:_A_AUTHOR - 1], bool(row[_A_AUTHOR - 1]), _person(*row[_A_AUTHOR:_A_MINE]), *mine)
