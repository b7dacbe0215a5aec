"""Reading suggestions with a bounded number of queries, whatever the data size."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from moderation.rules import can
from moderation.types import Action
from moderation.workflow import STATUS_LABELS, SUGGESTION_STATUSES

from ..accounts.models import Agency, User
from ..errors import NotFound
from ..extensions import db, utcnow
from ..history import RevisionPage, history
from ..qa.models import Question
from ..tags.models import Tag
from ..tags.names import TAG_MAX, normalise
from .models import (QuestionSuggestionLink, Suggestion, SuggestionRevision, SuggestionStatusChange, SuggestionSupport,
                     SuggestionTag)

PER_PAGE = 20
MAX_PAGE = 10_000
TRENDING_DAYS = 7
LINKS_SHOWN = 20


def _recent_supports():
    since = utcnow() - timedelta(days=TRENDING_DAYS)
    return (select(func.count()).select_from(SuggestionSupport)
            .where(SuggestionSupport.suggestion_id == Suggestion.id, SuggestionSupport.created_at >= since)
            .correlate(Suggestion).scalar_subquery())


SORTS = {
    "supported": "Most supported",
    "trending": f"Trending (supports in the last {TRENDING_DAYS} days)",
    "newest": "Newest",
    "updated": "Recently updated",
}


def _order(sort: str):
    if sort == "trending":
        return (_recent_supports().desc(), Suggestion.support_count.desc(), Suggestion.id.desc())
    return {"supported": (Suggestion.support_count.desc(), Suggestion.id.desc()),
            "newest": (Suggestion.created_at.desc(), Suggestion.id.desc()),
            "updated": (Suggestion.last_activity_at.desc(), Suggestion.id.desc())}[sort]


@dataclass(frozen=True)
class ListFilters:
    sort: str = "supported"
    status: str | None = None
    agency: str | None = None
    tag: str | None = None
    awaiting: bool = False  # past the agency's threshold with no response yet

    @classmethod
    def from_args(cls, args) -> "ListFilters":
        sort, status = args.get("sort", "supported"), args.get("status")
        tag = normalise(args.get("tag") or "")[:TAG_MAX]
        return cls(sort=sort if sort in SORTS else "supported",
                   status=status if status in SUGGESTION_STATUSES else None,
                   agency=(args.get("agency") or "").strip()[:60] or None,
                   tag=tag or None, awaiting=args.get("awaiting") == "yes")

    def as_args(self) -> dict:
        return {k: v for k, v in (("sort", self.sort), ("status", self.status), ("agency", self.agency),
                                  ("tag", self.tag), ("awaiting", "yes" if self.awaiting else None)) if v}


def list_suggestions(filters: ListFilters, page: int, per_page: int = PER_PAGE):
    """A page of suggestions (two queries: the rows and the count). Duplicates are listed
    only when asked for by status: their supporters now count on the kept suggestion."""
    statement = (select(Suggestion).where(Suggestion.state == "public")
                 .options(joinedload(Suggestion.author), joinedload(Suggestion.agency)))
    if filters.status:
        statement = statement.where(Suggestion.status == filters.status)
    else:
        statement = statement.where(Suggestion.status != "duplicate")
    if filters.tag:
        statement = statement.join(SuggestionTag, SuggestionTag.suggestion_id == Suggestion.id).join(
            Tag, (Tag.id == SuggestionTag.tag_id) & (Tag.name == filters.tag))
    if filters.agency:
        statement = statement.join(Agency, (Agency.id == Suggestion.agency_id) & (Agency.slug == filters.agency))
    if filters.awaiting:
        statement = statement.where(Suggestion.threshold_reached_at.is_not(None), Suggestion.first_response_at.is_(None))
        order = (Suggestion.threshold_reached_at, Suggestion.id)  # longest waiting first
    else:
        order = _order(filters.sort)
    return db.paginate(statement.order_by(*order), page=min(max(page, 1), MAX_PAGE), per_page=per_page,
                       error_out=False)


def awaiting_count(agency_id: int | None) -> int:
    """Suggestions past their agency's threshold with no response (one agency, or all when None)."""
    statement = select(func.count()).select_from(Suggestion).where(
        Suggestion.state == "public", Suggestion.threshold_reached_at.is_not(None), Suggestion.first_response_at.is_(None))
    if agency_id is not None:
        statement = statement.where(Suggestion.agency_id == agency_id)
    return db.session.scalar(statement)


@dataclass
class SuggestionPage:
    suggestion: Suggestion
    timeline: list[SuggestionStatusChange]
    questions: list[Question]
    i_support: bool = False
    merged_from: list[Suggestion] = field(default_factory=list)
    edited: bool = False  # its text has changed since it was proposed: it has a history


def may_see(suggestion: Suggestion | None, viewer: User | None) -> bool:
    """Everyone sees a public suggestion; a held one its author too; held and hidden ones the
    staff who moderate it (to release or restore it). A deleted one nobody."""
    if suggestion is None or suggestion.state == "deleted":
        return False
    if suggestion.state == "public":
        return True
    signed_in = viewer is not None and viewer.is_authenticated
    return signed_in and (can(viewer, Action.MODERATE_POST, suggestion)
                          or suggestion.state == "held" and viewer.id == suggestion.author_id)


def suggestion_page(suggestion_id: int, viewer: User | None) -> SuggestionPage:
    """The suggestion, its public timeline (oldest first), linked questions and the viewer's support."""
    edited = select(SuggestionRevision.id).where(SuggestionRevision.suggestion_id == Suggestion.id).exists()
    row = db.session.execute(select(Suggestion, edited).where(Suggestion.id == suggestion_id).options(
        joinedload(Suggestion.author), joinedload(Suggestion.agency))).first()
    suggestion = row[0] if row else None
    if not may_see(suggestion, viewer):
        raise NotFound("There is no such suggestion, or it has been removed")
    timeline = list(db.session.scalars(
        select(SuggestionStatusChange).where(SuggestionStatusChange.suggestion_id == suggestion.id)
        .options(joinedload(SuggestionStatusChange.actor), joinedload(SuggestionStatusChange.agency))
        .order_by(SuggestionStatusChange.created_at, SuggestionStatusChange.id)))
    questions = list(db.session.scalars(
        select(Question).join(QuestionSuggestionLink, QuestionSuggestionLink.question_id == Question.id)
        .where(QuestionSuggestionLink.suggestion_id == suggestion.id, Question.state == "public")
        .order_by(QuestionSuggestionLink.created_at.desc(), Question.id.desc()).limit(LINKS_SHOWN)))
    merged = list(db.session.scalars(select(Suggestion).where(Suggestion.duplicate_of_id == suggestion.id,
                                                              Suggestion.state == "public")
                                     .order_by(Suggestion.id).limit(LINKS_SHOWN)))
    page = SuggestionPage(suggestion, timeline, questions, merged_from=merged, edited=bool(row[1]))
    if viewer is not None and viewer.is_authenticated:
        page.i_support = db.session.scalar(select(SuggestionSupport.id).where(
            SuggestionSupport.suggestion_id == suggestion.id, SuggestionSupport.user_id == viewer.id)) is not None
    return page


@dataclass(frozen=True, slots=True)
class LinkedSuggestion:
    """A suggestion as a question's page lists it: the columns of linked_to_question, in order."""
    id: int
    slug: str
    title: str
    status: str
    support_count: int

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def linked_to_question(question_id, limit: int = 10):
    """The suggestions linked to a question that its page lists, most supported first, at
    most `limit`: a statement (`question_id` may be a bound parameter) so that the page reads
    them together with the question."""
    s, link = Suggestion.__table__, QuestionSuggestionLink.__table__  # plain columns: the page reads values only
    return (select(s.c.id, s.c.slug, s.c.title, s.c.status, s.c.support_count)
            .join(link, link.c.suggestion_id == s.c.id)
            .where(link.c.question_id == question_id, s.c.state == "public")
            .order_by(s.c.support_count.desc(), s.c.id).limit(limit))


# Words that say nothing about which idea it is.
_STOPWORDS = frozenset("""a about after all allow also an and any are as at be before being by can could
do does for from get give have how i if in into is it its let make me more my need no not of on or our
please should so some than that the their them then there these they this to too up us via was we what
when where which while who why will with would you your idea suggestion consider""".split())
_WORD = re.compile(r"[a-z0-9]+")


def significant_words(title: str, limit: int = 6) -> list[str]:
    """The longest distinct words of a title that are not stop words, longest first."""
    words = [w for w in dict.fromkeys(_WORD.findall(title.lower())) if len(w) >= 3 and w not in _STOPWORDS]
    return sorted(words, key=len, reverse=True)[:limit]


def similar_suggestions(title: str, limit: int = 5) -> list[Suggestion]:
    """Suggestions like `title`, best first, from the search index (stemming: "uploading" finds
    "upload"); while the index is unavailable, the plain database match below."""
    from ..search import service as search
    from ..search.backend import SearchUnavailable

    if not significant_words(title or ""):
        return []  # only stop words: nothing to compare, whichever way we look
    try:
        return search.similar_suggestions(" ".join(significant_words(title, limit=20)), limit)
    except SearchUnavailable:
        return similar_suggestions_in_database(title, limit)


def similar_suggestions_in_database(title: str, limit: int = 5) -> list[Suggestion]:
    """Suggestions whose titles share significant words with `title`, most shared first: a
    plain database match (one query, at most 50 candidates ranked here)."""
    words = significant_words(title or "")
    if not words:
        return []
    lowered = func.lower(Suggestion.title)
    candidates = db.session.scalars(
        select(Suggestion).where(Suggestion.state == "public", Suggestion.status != "duplicate",
                                 or_(*(lowered.contains(w) for w in words)))
        .order_by(Suggestion.support_count.desc(), Suggestion.id.desc()).limit(50)).all()

    def shared(s: Suggestion) -> int:
        return len(set(_WORD.findall(s.title.lower())) & set(words))
    ranked = sorted((s for s in candidates if shared(s)), key=lambda s: (-shared(s), -s.support_count, -s.id))
    return ranked[:limit]


STATUS_CHOICES = [(s, STATUS_LABELS[s]) for s in SUGGESTION_STATUSES]


def revisions(suggestion_id: int, page: int = 1) -> RevisionPage:
    """One page of a suggestion's versions (it has none until its text first changes)."""
    return history(SuggestionRevision, SuggestionRevision.suggestion_id == suggestion_id, page)
