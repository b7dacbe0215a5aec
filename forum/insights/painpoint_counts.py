"""Pain-point figures counted over the dashboard's scope, from the stored groups' posts.

A refresh stores which questions and suggestions form each pain point; the pages count, over
the members that are public now and posted in the period (of the chosen agency, with the
chosen tag), the distinct citizens affected, the posts, the agencies, whether an answer
exists and the growth. So every filter of the page applies to pain points too, and a post
hidden since the refresh drops out at once. Two aggregate queries, whatever the data."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, case, func, literal_column, select, union_all

from ..extensions import db
from ..qa.models import Answer, MeToo, Question
from ..suggestions.models import QuestionSuggestionLink, Suggestion, SuggestionSupport
from ..tags import trends
from .figures import Scope
from .models import PainPoint, PainPointQuestion, PainPointSuggestion
from .painpoints import MIN_CITIZENS, MIN_POSTS
from .responses import suggestion_where


@dataclass
class Counted:
    id: int
    rank: int  # the refresh's order, for ties
    citizens: int = 0
    recent_citizens: int = 0
    questions: int = 0
    suggestions: int = 0
    recent: int = 0
    baseline: int = 0
    has_accepted: bool = False
    has_official: bool = False
    agencies: Counter = field(default_factory=Counter)

    @property
    def agency_ids(self) -> list[int]:
        """The agencies of its posts in scope, the most posts first."""
        return [a for a, _ in sorted(self.agencies.items(), key=lambda kv: (-kv[1], kv[0]))]

    @property
    def growth(self) -> float:
        return round(trends.trend("", self.recent, self.baseline).score, 3)


def _suggestions_in(scope: Scope) -> list:
    return [Suggestion.status != "duplicate", *suggestion_where(scope)]


def _citizens(scope: Scope, recent_from) -> dict[int, tuple[int, int, int]]:
    """{pain point id: (rank, citizens, of whom first affected in the recent window)}: the
    authors of its posts in scope and the people who joined them ("me too", supports of member
    suggestions and of suggestions linked to member questions) before the period's end."""
    pq = (select(PainPointQuestion.pain_point_id.label("pp"), Question.id.label("post_id"),
                 Question.author_id.label("user_id"), Question.created_at.label("at"))
          .join(Question, Question.id == PainPointQuestion.question_id).where(*scope.where()).cte("pq"))
    ps = (select(PainPointSuggestion.pain_point_id.label("pp"), Suggestion.id.label("post_id"),
                 Suggestion.author_id.label("user_id"), Suggestion.created_at.label("at"))
          .join(Suggestion, Suggestion.id == PainPointSuggestion.suggestion_id).where(*_suggestions_in(scope))
          .cte("ps"))
    support = SuggestionSupport
    people = union_all(
        select(pq.c.pp, pq.c.user_id, pq.c.at),
        select(pq.c.pp, MeToo.user_id, MeToo.created_at).join(MeToo, MeToo.question_id == pq.c.post_id),
        select(pq.c.pp, support.user_id, support.created_at)
        .join(QuestionSuggestionLink, QuestionSuggestionLink.question_id == pq.c.post_id)
        .join(support, support.suggestion_id == QuestionSuggestionLink.suggestion_id),
        select(ps.c.pp, ps.c.user_id, ps.c.at),
        select(ps.c.pp, support.user_id, support.created_at).join(support, support.suggestion_id == ps.c.post_id),
    ).subquery("people")
    first = (select(people.c.pp, people.c.user_id, func.min(people.c.at).label("first_at"))
             .where(people.c.at < scope.end).group_by(people.c.pp, people.c.user_id).subquery("first"))
    statement = (select(first.c.pp, PainPoint.rank, func.count(),
                        func.sum(case((first.c.first_at >= recent_from, 1), else_=0)))
                 .join(PainPoint, PainPoint.id == first.c.pp).group_by(first.c.pp, PainPoint.rank))
    return {pp: (rank, int(n), int(recent or 0)) for pp, rank, n, recent in db.session.execute(statement)}


def _posts(scope: Scope, recent_from, baseline_from, points: dict[int, Counted]) -> None:
    """Adds to `points` their posts in scope per agency, answers, and the posts of the recent and
    baseline windows (which may reach before the period, as trends do)."""
    wide = Scope(min(scope.start, baseline_from), scope.end, scope.agency_id, scope.tag_id)
    # IN (a hashed list), not a correlated EXISTS: PostgreSQL then plans it as one pass over answers.
    official = Question.id.in_(select(Answer.question_id).where(
        Answer.state == "public", Answer.official_agency_id.is_not(None), Answer.official_at.is_not(None)))
    questions = (select(PainPointQuestion.pain_point_id.label("pp"), Question.agency_id.label("agency_id"),
                        Question.created_at.label("at"), literal_column("1").label("is_question"),
                        case((Question.accepted_answer_id.is_not(None), 1), else_=0).label("accepted"),
                        case((official, 1), else_=0).label("official"))
                 .join(Question, Question.id == PainPointQuestion.question_id).where(*wide.where()))
    suggestions = (select(PainPointSuggestion.pain_point_id, Suggestion.agency_id, Suggestion.created_at,
                          literal_column("0"), literal_column("0"), literal_column("0"))
                   .join(Suggestion, Suggestion.id == PainPointSuggestion.suggestion_id)
                   .where(*_suggestions_in(wide)))
    p = union_all(questions, suggestions).subquery("posts")
    period = p.c.at >= scope.start

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    statement = select(p.c.pp, p.c.agency_id, count(and_(period, p.c.is_question == 1)),
                       count(and_(period, p.c.is_question == 0)), count(and_(period, p.c.accepted == 1)),
                       count(and_(period, p.c.official == 1)), count(p.c.at >= recent_from),
                       count(and_(p.c.at >= baseline_from, p.c.at < recent_from))).group_by(p.c.pp, p.c.agency_id)
    for pp, agency_id, *numbers in db.session.execute(statement):
        point = points.get(pp)
        if point is None:
            continue
        questions_n, suggestions_n, accepted, answered, recent, baseline = (int(n or 0) for n in numbers)
        point.questions += questions_n
        point.suggestions += suggestions_n
        point.has_accepted |= bool(accepted)
        point.has_official |= bool(answered)
        point.recent += recent
        point.baseline += baseline
        if agency_id is not None and questions_n + suggestions_n:
            point.agencies[agency_id] += questions_n + suggestions_n

def counted(scope: Scope) -> list[Counted]:
    """The stored pain points with at least MIN_CITIZENS citizens and MIN_POSTS posts in scope,
    by citizens affected, then growth, then the refresh's order."""
    recent_from = scope.end - timedelta(days=trends.RECENT_DAYS)
    baseline_from = recent_from - timedelta(weeks=trends.BASELINE_WEEKS)
    points = {pp: Counted(pp, rank, n, recent) for pp, (rank, n, recent) in _citizens(scope, recent_from).items()
              if n >= MIN_CITIZENS}
    if points:
        _posts(scope, recent_from, baseline_from, points)
    kept = [p for p in points.values() if p.questions + p.suggestions >= MIN_POSTS]
    return sorted(kept, key=lambda p: (-p.citizens, -p.growth, p.rank))

