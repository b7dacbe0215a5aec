"""Pain points: recurring problems found as groups of similar questions, stored for the pages.

`refresh()` recomputes everything from questions, "me too", supporters of linked suggestions and
official answers (a few SQL reads, grouping in
Python with forum.tags.text, one transaction that replaces the stored set). Run it with
`flask forum insights refresh`; `--if-stale` makes it a no-op until FORUM_INSIGHTS_REFRESH_MINUTES
have passed, so a cron line every minute keeps the set fresh without pages ever writing."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select

from ..extensions import db, utcnow
from ..qa.models import Answer, MeToo, Question
from ..suggestions.models import QuestionSuggestionLink, Suggestion, SuggestionSupport
from ..tags import text, trends
from .models import InsightsRun, PainPoint, PainPointQuestion

WINDOW_DAYS = 180  # older questions are history, not a current pain point
MIN_CITIZENS = 3
MIN_QUESTIONS = 2
SIMILARITY = 0.5
KEEP = 200
LINK_CHUNK = 5_000
RELATED_KEPT = 5  # related suggestions stored per pain point
LINKS_KEPT = 100  # newest posts stored per pain point: enough to read the problem, cheap to rewrite  # rows per INSERT (PostgreSQL allows 65,535 parameters per statement)  # stored pain points; pages show the top few


def last_run() -> InsightsRun | None:
    return db.session.scalar(select(InsightsRun).order_by(InsightsRun.finished_at.desc()).limit(1))


def is_stale(minutes: int, now: datetime | None = None) -> bool:
    run = last_run()
    return run is None or run.finished_at <= (now or utcnow()) - timedelta(minutes=minutes)


def refresh(now: datetime | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Recompute the pain points; returns how many there are. Commits once."""
    started = utcnow()
    now = now or started
    since = now - timedelta(days=WINDOW_DAYS)
    recent_from = now - timedelta(days=trends.RECENT_DAYS)
    baseline_from = recent_from - timedelta(weeks=trends.BASELINE_WEEKS)
    rows = db.session.execute(
        select(Question.id, Question.title, Question.tag_names, Question.author_id, Question.agency_id,
               Question.created_at, Question.accepted_answer_id)
        .where(Question.state == "public", Question.created_at >= since, Question.created_at <= now)
        .order_by(Question.created_at, Question.id)).all()
    docs = [text.terms(r.title, r.tag_names.split()) for r in rows]
    corpus = text.Corpus(docs)
    # Questions with the same title and tags are grouped once: they always fall together.
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
              if len(g) >= MIN_QUESTIONS]

    people: dict[int, dict[int, datetime]] = defaultdict(dict)  # question id -> {citizen: when affected}
    for r in rows:
        people[r.id][r.author_id] = r.created_at
    grouped_ids = {rows[i].id for g in groups for i in g}
    in_window = (Question.state == "public", Question.created_at >= since, Question.created_at <= now)
    me_too = select(MeToo.question_id, MeToo.user_id, MeToo.created_at).join(
        Question, Question.id == MeToo.question_id).where(*in_window)
    for question_id, user_id, at in db.session.execute(me_too):
        if question_id in grouped_ids:
            people[question_id].setdefault(user_id, at)
    linked = linked_suggestions(since, now, grouped_ids, people)
    officially_answered = set(db.session.scalars(
        select(Answer.question_id).join(Question, Question.id == Answer.question_id).where(
            Answer.state == "public", Answer.official_agency_id.is_not(None), *in_window).distinct()))

    found = []
    for g in groups:
        members = [rows[i] for i in g]
        citizens: dict[int, datetime] = {}
        for r in members:
            for user_id, at in people[r.id].items():
                citizens[user_id] = min(at, citizens.get(user_id, at))
        if len(citizens) < MIN_CITIZENS:
            continue
        recent = sum(r.created_at >= recent_from for r in members)
        baseline = sum(baseline_from <= r.created_at < recent_from for r in members)
        growth = trends.trend("", recent, baseline).score
        agencies = Counter(r.agency_id for r in members if r.agency_id is not None)
        found.append((len(citizens), growth, {
            "label": text.label([docs[i] for i in g], corpus, [r.title for r in members])[:120],
            "citizens": len(citizens), "recent_citizens": sum(at >= recent_from for at in citizens.values()),
            "question_count": len(members), "growth": round(growth, 3),
            "agency_ids": " ".join(str(a) for a, _ in agencies.most_common()),
            "has_accepted": any(r.accepted_answer_id for r in members),
            "has_official": any(r.id in officially_answered for r in members),
            "suggestion_ids": related([r.id for r in members], linked),
            "last_seen_at": max(r.created_at for r in members), "computed_at": now,
        }, [r.id for r in members]))
    found.sort(key=lambda f: (-f[0], -f[1], f[2]["label"]))
    found = found[:KEEP]

    db.session.execute(delete(PainPointQuestion))
    db.session.execute(delete(PainPoint))
    links = []
    for rank, (_, _, values, question_ids) in enumerate(found, start=1):
        point_id = db.session.execute(insert(PainPoint).values(rank=rank, **values).returning(PainPoint.id)).scalar_one()
        links += [{"pain_point_id": point_id, "question_id": q} for q in question_ids[-LINKS_KEPT:]]
    for chunk in range(0, len(links), LINK_CHUNK):  # multi-row INSERTs: one round trip per chunk
        db.session.execute(PainPointQuestion.__table__.insert().values(links[chunk:chunk + LINK_CHUNK]))
    db.session.add(InsightsRun(started_at=started, finished_at=utcnow(), questions=len(rows), pain_points=len(found)))
    db.session.commit()
    return len(found)


def linked_suggestions(since: datetime, now: datetime, grouped_ids: set[int], people: dict) -> dict:
    """{question id: [(suggestion id, support count)]} for the grouped questions, and each linked
    suggestion's supporters added to `people` as affected by that question (two reads)."""
    window = (Question.state == "public", Question.created_at >= since, Question.created_at <= now)
    linked: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for question_id, suggestion_id, supports in db.session.execute(
            select(QuestionSuggestionLink.question_id, Suggestion.id, Suggestion.support_count)
            .join(Suggestion, Suggestion.id == QuestionSuggestionLink.suggestion_id)
            .join(Question, Question.id == QuestionSuggestionLink.question_id).where(*window, Suggestion.state == "public")):
        if question_id in grouped_ids:
            linked[question_id].append((suggestion_id, supports))
    supporters = (select(QuestionSuggestionLink.question_id, SuggestionSupport.user_id, SuggestionSupport.created_at)
                  .join(SuggestionSupport, SuggestionSupport.suggestion_id == QuestionSuggestionLink.suggestion_id)
                  .join(Suggestion, Suggestion.id == QuestionSuggestionLink.suggestion_id)
                  .join(Question, Question.id == QuestionSuggestionLink.question_id).where(*window, Suggestion.state == "public"))
    for question_id, user_id, at in db.session.execute(supporters):
        if question_id in grouped_ids:  # a supporter who also asked counts once, from the earliest
            people[question_id][user_id] = min(at, people[question_id].get(user_id, at))
    return linked


def related(question_ids: list[int], linked: dict) -> str:
    """The group's linked suggestions, most linked then most supported first, as space-separated ids."""
    counts: Counter = Counter()
    supports: dict[int, int] = {}
    for q in question_ids:
        for suggestion_id, support_count in linked.get(q, ()):
            counts[suggestion_id] += 1
            supports[suggestion_id] = support_count
    ranked = sorted(counts, key=lambda s: (-counts[s], -supports[s], s))[:RELATED_KEPT]
    return " ".join(str(s) for s in ranked)


def question_total(now: datetime | None = None) -> int:
    """How many questions a refresh will read (for the progress bar)."""
    now = now or utcnow()
    return db.session.scalar(select(func.count()).select_from(Question).where(
        Question.state == "public", Question.created_at >= now - timedelta(days=WINDOW_DAYS)))
