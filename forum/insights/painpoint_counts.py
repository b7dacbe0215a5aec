"""Pain-point figures counted over the dashboard's scope, from the stored groups' posts.

A refresh stores which questions and suggestions form each pain point; the pages count, over
the members that are public now and posted in the period (of the chosen agency, with the
chosen tag), the distinct citizens affected, the posts, the agencies, whether an answer
exists and the growth. So every filter of the page applies to pain points too, and a post
hidden since the refresh drops out at once. At most four aggregate queries, whatever the data:
bounds from counters, distinct people for the points that can rank (once or twice), their posts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, case, func, literal_column, select, union_all

from ..extensions import db
from ..qa.models import MeToo, Question
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


def _bounds(scope: Scope) -> dict[int, tuple[int, int, int]]:
    """{pain point id: (rank, posts in scope, most citizens it can have)}: one cheap query.

    The most is the number of people rows `_citizens` could count, read from the counters the
    services keep exact (me_too_count, support_count, checked by `flask forum check`): each
    question's asker and "me too"s, the supports of suggestions linked to it, each suggestion's
    author and supports. Distinct people are never more than that."""
    in_scope = (Question, Question.id == PainPointQuestion.question_id)
    questions = (select(PainPointQuestion.pain_point_id.label("pp"), literal_column("1").label("posts"),
                        (Question.me_too_count + 1).label("most"))
                 .join(*in_scope).where(*scope.where()))
    linked = (select(PainPointQuestion.pain_point_id, literal_column("0"), Suggestion.support_count)
              .join(*in_scope).join(QuestionSuggestionLink, QuestionSuggestionLink.question_id == Question.id)
              .join(Suggestion, Suggestion.id == QuestionSuggestionLink.suggestion_id)
              .where(*scope.where(), Suggestion.state == "public"))
    own = (select(PainPointSuggestion.pain_point_id, literal_column("1"), Suggestion.support_count + 1)
           .join(Suggestion, Suggestion.id == PainPointSuggestion.suggestion_id).where(*_suggestions_in(scope)))
    rows = union_all(questions, linked, own).subquery("bounds")
    totals = (select(rows.c.pp, func.sum(rows.c.posts).label("posts"), func.sum(rows.c.most).label("most"))
              .group_by(rows.c.pp).subquery("totals"))
    statement = select(totals.c.pp, PainPoint.rank, totals.c.posts, totals.c.most).join(
        PainPoint, PainPoint.id == totals.c.pp)
    return {pp: (rank, int(posts), int(most)) for pp, rank, posts, most in db.session.execute(statement)}


def _citizens(scope: Scope, recent_from, ids: list[int]) -> dict[int, tuple[int, int]]:
    """{pain point id: (citizens, of whom first affected in the recent window)} for the pain
    points `ids`: the authors of their posts in scope and the people who joined them ("me too",
    supports of member suggestions and of suggestions linked to member questions) before the
    period's end. Joins written out per kind of person, so each reads only its points' rows."""
    def questions(*columns):
        return (select(PainPointQuestion.pain_point_id.label("pp"), *columns)
                .join(Question, Question.id == PainPointQuestion.question_id)
                .where(PainPointQuestion.pain_point_id.in_(ids), *scope.where()))

    def suggestions(*columns):
        return (select(PainPointSuggestion.pain_point_id.label("pp"), *columns)
                .join(Suggestion, Suggestion.id == PainPointSuggestion.suggestion_id)
                .where(PainPointSuggestion.pain_point_id.in_(ids), *_suggestions_in(scope)))

    support = SuggestionSupport
    people = union_all(
        questions(Question.author_id.label("user_id"), Question.created_at.label("at")),
        questions(MeToo.user_id, MeToo.created_at).join(MeToo, MeToo.question_id == Question.id),
        questions(support.user_id, support.created_at)
        .join(QuestionSuggestionLink, QuestionSuggestionLink.question_id == Question.id)
        .join(Suggestion, (Suggestion.id == QuestionSuggestionLink.suggestion_id) & (Suggestion.state == "public"))
        .join(support, support.suggestion_id == Suggestion.id),
        suggestions(Suggestion.author_id, Suggestion.created_at),
        suggestions(support.user_id, support.created_at).join(support, support.suggestion_id == Suggestion.id),
    ).subquery("people")
    first = (select(people.c.pp, people.c.user_id, func.min(people.c.at).label("first_at"))
             .where(people.c.at < scope.end).group_by(people.c.pp, people.c.user_id).subquery("first"))
    statement = (select(first.c.pp, func.count(), func.sum(case((first.c.first_at >= recent_from, 1), else_=0)))
                 .group_by(first.c.pp))
    return {pp: (int(n), int(recent or 0)) for pp, n, recent in db.session.execute(statement)}


def _posts(scope: Scope, recent_from, baseline_from, points: dict[int, Counted]) -> None:
    """Adds to `points` their posts in scope per agency, answers, and the posts of the recent and
    baseline windows (which may reach before the period, as trends do)."""
    wide = Scope(min(scope.start, baseline_from), scope.end, scope.agency_id, scope.tag_id)
    ids = list(points)
    questions = (select(PainPointQuestion.pain_point_id.label("pp"), Question.agency_id.label("agency_id"),
                        Question.created_at.label("at"), literal_column("1").label("is_question"),
                        case((Question.accepted_answer_id.is_not(None), 1), else_=0).label("accepted"),
                        case((Question.official_answer_seconds.is_not(None), 1), else_=0).label("official"))
                 .join(Question, Question.id == PainPointQuestion.question_id)
                 .where(PainPointQuestion.pain_point_id.in_(ids), *wide.where()))
    suggestions = (select(PainPointSuggestion.pain_point_id, Suggestion.agency_id, Suggestion.created_at,
                          literal_column("0"), literal_column("0"), literal_column("0"))
                   .join(Suggestion, Suggestion.id == PainPointSuggestion.suggestion_id)
                   .where(PainPointSuggestion.pain_point_id.in_(ids), *_suggestions_in(wide)))
    p = union_all(questions, suggestions).subquery("posts")
    period = p.c.at >= scope.start

    def count(condition):
        return func.sum(case((condition, 1), else_=0))

    statement = select(p.c.pp, p.c.agency_id, count(and_(period, p.c.is_question == 1)),
                       count(and_(period, p.c.is_question == 0)), count(and_(period, p.c.accepted == 1)),
                       count(and_(period, p.c.official == 1)), count(p.c.at >= recent_from),
                       count(and_(p.c.at >= baseline_from, p.c.at < recent_from))).group_by(p.c.pp, p.c.agency_id)
    for pp, agency_id, *numbers in db.session.execute(statement):
        point = points[pp]
        questions_n, suggestions_n, accepted, answered, recent, baseline = (int(n or 0) for n in numbers)
        point.questions += questions_n
        point.suggestions += suggestions_n
        point.has_accepted |= bool(accepted)
        point.has_official |= bool(answered)
        point.recent += recent
        point.baseline += baseline
        if agency_id is not None and questions_n + suggestions_n:
            point.agencies[agency_id] += questions_n + suggestions_n


def counted(scope: Scope, limit: int | None = None) -> list[Counted]:
    """The stored pain points with at least MIN_CITIZENS citizens and MIN_POSTS posts in scope,
    by citizens affected, then growth, then the refresh's order (the first `limit` of them).

    Counting distinct people is the costly part, so with a `limit` it is done for the few points
    that can still rank: first for the `limit` with the highest bounds (`_bounds`), then for those
    whose bound reaches the `limit`-th count found; a point whose bound is below it cannot rank.
    At most two counting queries, and exactly the figures of counting every point."""
    recent_from = scope.end - timedelta(days=trends.RECENT_DAYS)
    baseline_from = recent_from - timedelta(weeks=trends.BASELINE_WEEKS)
    bounds = _bounds(scope)
    candidates = sorted((pp for pp, (_, posts, most) in bounds.items() if posts >= MIN_POSTS and most >= MIN_CITIZENS),
                        key=lambda pp: (-bounds[pp][2], bounds[pp][0]))
    if not candidates:
        return []
    first = candidates if limit is None else candidates[:limit]
    found = _citizens(scope, recent_from, first)
    if limit is not None:
        bar = _nth_citizens(found, limit)
        rest = [pp for pp in candidates[limit:] if bounds[pp][2] >= bar]
        if rest:
            found.update(_citizens(scope, recent_from, rest))
        bar = _nth_citizens(found, limit)  # ties at the bar are decided by growth: they are counted too
        found = {pp: c for pp, c in found.items() if c[0] >= bar}
    points = {pp: Counted(pp, bounds[pp][0], n, recent) for pp, (n, recent) in found.items() if n >= MIN_CITIZENS}
    if points:
        _posts(scope, recent_from, baseline_from, points)
    kept = [p for p in points.values() if p.questions + p.suggestions >= MIN_POSTS]
    return sorted(kept, key=lambda p: (-p.citizens, -p.growth, p.rank))[:limit]


def _nth_citizens(found: dict[int, tuple[int, int]], n: int) -> int:
    """The n-th largest count of citizens among those that qualify (MIN_CITIZENS when fewer do)."""
    counts = sorted((c for c, _ in found.values() if c >= MIN_CITIZENS), reverse=True)
    return counts[n - 1] if len(counts) >= n else MIN_CITIZENS
