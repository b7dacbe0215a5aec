"""Pain points: recurring problems found as groups of similar questions and suggestions.

`refresh()` reads the posts of the last WINDOW_DAYS (a few SQL reads), groups them in Python
with forum.tags.text, keeps the groups that affect at least MIN_CITIZENS distinct citizens
(askers, "I have this question too", authors and supporters of member suggestions, supporters
of suggestions linked to member questions: each person once) and stores them with a label
and their posts, in one transaction that replaces the stored set. The pages count each
group's figures over the posts in their scope (forum/insights/painpoint_counts.py).
Run it with `flask forum insights refresh`; `--if-stale` makes it a no-op until
FORUM_INSIGHTS_REFRESH_MINUTES have passed, so a cron line every minute keeps the set fresh
without pages ever writing."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy import text as sql

from ..extensions import db, utcnow
from ..qa.models import MeToo, Question
from ..suggestions.models import QuestionSuggestionLink, Suggestion, SuggestionSupport
from ..tags import text, trends
from .models import InsightsRun, PainPoint, PainPointQuestion, PainPointSuggestion

WINDOW_DAYS = 180  # older posts are history, not a current pain point
MIN_CITIZENS = 3
MIN_POSTS = 2
SIMILARITY = 0.5
KEEP = 500  # stored pain points, largest first: enough for every agency's and tag's top few
RELATED_KEPT = 5  # related suggestions stored per pain point
QUESTION, SUGGESTION = "question", "suggestion"


@dataclass(frozen=True)
class Post:
    kind: str  # QUESTION or SUGGESTION
    id: int
    title: str
    tag_names: str
    author_id: int
    created_at: datetime
    supports: int = 0  # suggestions: their support count

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


def last_run() -> InsightsRun | None:
    return db.session.scalar(select(InsightsRun).order_by(InsightsRun.finished_at.desc()).limit(1))


def is_stale(minutes: int, now: datetime | None = None) -> bool:
    run = last_run()
    return run is None or run.finished_at <= (now or utcnow()) - timedelta(minutes=minutes)


def _question_window(since: datetime, now: datetime) -> tuple:
    return (Question.state == "public", Question.created_at >= since, Question.created_at <= now)


def _suggestion_window(since: datetime, now: datetime) -> tuple:
    # A duplicate's supports moved to the suggestion it duplicates: it is no post of its own.
    return (Suggestion.state == "public", Suggestion.status != "duplicate",
            Suggestion.created_at >= since, Suggestion.created_at <= now)


def _posts(since: datetime, now: datetime) -> list[Post]:
    questions = db.session.execute(
        select(Question.id, Question.title, Question.tag_names, Question.author_id, Question.created_at)
        .where(*_question_window(since, now)))
    suggestions = db.session.execute(
        select(Suggestion.id, Suggestion.title, Suggestion.tag_names, Suggestion.author_id, Suggestion.created_at,
               Suggestion.support_count).where(*_suggestion_window(since, now)))
    posts = [Post(QUESTION, *row) for row in questions] + [Post(SUGGESTION, *row) for row in suggestions]
    return sorted(posts, key=lambda p: (p.created_at, p.kind, p.id))


def refresh(now: datetime | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Recompute the pain points; returns how many there are. Commits once."""
    started = utcnow()
    now = now or started
    since = now - timedelta(days=WINDOW_DAYS)
    recent_from = now - timedelta(days=trends.RECENT_DAYS)
    baseline_from = recent_from - timedelta(weeks=trends.BASELINE_WEEKS)
    rows = _posts(since, now)
    docs = [text.terms(r.title, r.tag_names.split()) for r in rows]
    corpus = text.Corpus(docs)
    # Posts with the same title and tags are grouped once: they always fall together.
    distinct: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        distinct[(r.title.lower(), r.tag_names)].append(i)
    keys = list(distinct.values())
    vectors = []
    for n, members in enumerate(keys):
        vectors.append(corpus.vector(docs[members[0]]))
        if progress and n % 1000 == 999:
            progress(1000)
    if progress:
        progress(len(rows) - len(keys) // 1000 * 1000)
    groups = [g for g in (sorted(i for k in found for i in keys[k]) for found in text.group(vectors, SIMILARITY))
              if len(g) >= MIN_POSTS]

    grouped = {rows[i].key for g in groups for i in g}
    shared_tags = text.tags_used_by(docs, [r.author_id for r in rows])
    people = affected(since, now, rows, grouped)
    linked = linked_suggestions(since, now, grouped, people)

    found = []
    for g in groups:
        members = [rows[i] for i in g]
        citizens: dict[int, datetime] = {}
        for r in members:
            for user_id, at in people[r.key].items():
                citizens[user_id] = min(at, citizens.get(user_id, at))
        if len(citizens) < MIN_CITIZENS:
            continue
        recent = sum(r.created_at >= recent_from for r in members)
        baseline = sum(baseline_from <= r.created_at < recent_from for r in members)
        growth = trends.trend("", recent, baseline).score
        found.append((len(citizens), growth, {
            "label": text.label([docs[i] for i in g], corpus, [r.title for r in members],
                                [r.author_id for r in members], shared_tags=shared_tags)[:120],
            "suggestion_ids": related(members, linked), "computed_at": now,
        }, members))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]["label"]))
    found = found[:KEEP]

    db.session.execute(delete(PainPointQuestion))
    db.session.execute(delete(PainPointSuggestion))
    db.session.execute(delete(PainPoint))
    # Executemany with RETURNING in order (SQLAlchemy batches it into multi-row INSERTs).
    point_ids = db.session.scalars(insert(PainPoint).returning(PainPoint.id, sort_by_parameter_order=True),
                                   [{"rank": rank, **values} for rank, (_, _, values, _) in enumerate(found, start=1)]
                                   ).all() if found else []
    links: dict[str, list[dict]] = {QUESTION: [], SUGGESTION: []}
    for point_id, (_, _, _, members) in zip(point_ids, found):
        for r in members:
            links[r.kind].append({"pain_point_id": point_id, f"{r.kind}_id": r.id})
    for model, kind in ((PainPointQuestion, QUESTION), (PainPointSuggestion, SUGGESTION)):
        if links[kind]:
            db.session.execute(model.__table__.insert(), links[kind])
    db.session.add(InsightsRun(started_at=started, finished_at=utcnow(), questions=len(rows), pain_points=len(found)))
    db.session.commit()
    if db.session.get_bind().dialect.name == "postgresql":
        # Every row was replaced (new ids): the planner's statistics of these tables now describe
        # none of them, and the pages' queries would be planned for a handful of rows.
        db.session.execute(sql("ANALYZE pain_point, pain_point_question, pain_point_suggestion"))
        db.session.commit()
    return len(found)


def affected(since: datetime, now: datetime, rows: list[Post], grouped: set) -> dict:
    """{(kind, post id): {citizen: when first affected}} for the grouped posts: their authors,
    "me too" on questions and supporters of suggestions (two reads)."""
    people: dict[tuple[str, int], dict[int, datetime]] = defaultdict(dict)
    for r in rows:
        people[r.key][r.author_id] = r.created_at
    me_too = select(MeToo.question_id, MeToo.user_id, MeToo.created_at).join(
        Question, Question.id == MeToo.question_id).where(*_question_window(since, now))
    supports = select(SuggestionSupport.suggestion_id, SuggestionSupport.user_id, SuggestionSupport.created_at).join(
        Suggestion, Suggestion.id == SuggestionSupport.suggestion_id).where(*_suggestion_window(since, now))
    for kind, statement in ((QUESTION, me_too), (SUGGESTION, supports)):
        for post_id, user_id, at in db.session.execute(statement):
            if (kind, post_id) in grouped:
                people[(kind, post_id)][user_id] = min(at, people[(kind, post_id)].get(user_id, at))
    return people


def linked_suggestions(since: datetime, now: datetime, grouped: set, people: dict) -> dict:
    """{question id: [(suggestion id, support count)]} for the grouped questions, and each linked
    suggestion's supporters added to `people` as affected by that question (two reads)."""
    window = _question_window(since, now)
    linked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for question_id, suggestion_id, supports in db.session.execute(
            select(QuestionSuggestionLink.question_id, Suggestion.id, Suggestion.support_count)
            .join(Suggestion, Suggestion.id == QuestionSuggestionLink.suggestion_id)
            .join(Question, Question.id == QuestionSuggestionLink.question_id).where(*window, Suggestion.state == "public")):
        if (QUESTION, question_id) in grouped:
            linked[question_id].append((suggestion_id, supports))
    supporters = (select(QuestionSuggestionLink.question_id, SuggestionSupport.user_id, SuggestionSupport.created_at)
                  .join(SuggestionSupport, SuggestionSupport.suggestion_id == QuestionSuggestionLink.suggestion_id)
                  .join(Suggestion, Suggestion.id == QuestionSuggestionLink.suggestion_id)
                  .join(Question, Question.id == QuestionSuggestionLink.question_id).where(*window, Suggestion.state == "public"))
    for question_id, user_id, at in db.session.execute(supporters):
        key = (QUESTION, question_id)
        if key in grouped:  # a supporter who also asked counts once, from the earliest
            people[key][user_id] = min(at, people[key].get(user_id, at))
    return linked


def related(members: list[Post], linked: dict) -> str:
    """The group's suggestions, as space-separated ids: those linked to its questions (most linked,
    then most supported first), then its own member suggestions (most supported first)."""
    counts: Counter = Counter()
    supports: dict[int, int] = {}
    for r in members:
        if r.kind == SUGGESTION:
            counts[r.id] += 0
            supports[r.id] = r.supports
        for suggestion_id, support_count in linked.get(r.id, ()) if r.kind == QUESTION else ():
            counts[suggestion_id] += 1
            supports[suggestion_id] = support_count
    ranked = sorted(counts, key=lambda s: (-counts[s], -supports[s], s))[:RELATED_KEPT]
    return " ".join(str(s) for s in ranked)


def post_total(now: datetime | None = None) -> int:
    """How many posts (questions and suggestions) a refresh will read (for the progress bar)."""
    now = now or utcnow()
    since = now - timedelta(days=WINDOW_DAYS)
    return sum(db.session.scalar(select(func.count()).select_from(model).where(*window(since, now)))
               for model, window in ((Question, _question_window), (Suggestion, _suggestion_window)))
