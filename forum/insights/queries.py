"""What the insights pages show, assembled as plain data (so it caches and exports as it is).

A short-lived cache (FORUM_INSIGHTS_CACHE_SECONDS) holds each period's figures: in Redis when
FORUM_REDIS_URL is set, so every worker shares it, otherwise in this process."""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time as clock, timedelta, timezone

from flask import current_app
from sqlalchemy import func, select, text

from ..accounts.models import Agency
from ..extensions import cache, db, utcnow
from ..qa.models import Question
from ..suggestions.models import Suggestion
from moderation.workflow import STATUS_LABELS, SUGGESTION_STATUSES

from . import figures, painpoint_counts, painpoints, responses  # responses registers its @figure functions
from .models import PainPoint, PainPointQuestion

TOP = 10
LINKS_PER_POINT = 5
REPORT_WORK_MEM = "32MB"  # per sort or hash, for the insights queries only (PostgreSQL)


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive
    agency: Agency | None = None
    tag_id: int | None = None
    tag: str | None = None

    def scope(self, now: datetime) -> figures.Scope:
        start = datetime.combine(self.first, clock.min, tzinfo=timezone.utc)
        end = min(datetime.combine(self.last + timedelta(days=1), clock.min, tzinfo=timezone.utc), now)
        return figures.Scope(start, end, self.agency.id if self.agency else None, self.tag_id)

    def key(self) -> str:
        return f"{self.first}:{self.last}:{self.agency.slug if self.agency else ''}:{self.tag or ''}"


def pain_points(scope: figures.Scope, limit: int = TOP, with_links: bool = True) -> list[dict]:
    """The top pain points counted over `scope` (painpoint_counts), with, for staff, the newest
    few of their questions in scope and their related suggestions."""
    ranked = painpoint_counts.counted(scope, limit)
    if not ranked:
        return []
    stored = {p.id: p for p in db.session.scalars(select(PainPoint).where(PainPoint.id.in_([p.id for p in ranked])))}
    names = dict(db.session.execute(select(Agency.id, Agency.name)).all())
    links: dict[int, list[dict]] = {p.id: [] for p in ranked}
    related: dict[int, dict] = {}
    if with_links:
        # The newest few questions of each pain point in scope, numbered in SQL: a big one has thousands.
        numbered = (select(PainPointQuestion.pain_point_id, Question.id, Question.title, Question.slug,
                           func.row_number().over(partition_by=PainPointQuestion.pain_point_id,
                                                  order_by=(Question.created_at.desc(), Question.id.desc())).label("n"))
                    .join(Question, Question.id == PainPointQuestion.question_id)
                    .where(PainPointQuestion.pain_point_id.in_(list(links)), *scope.where())).subquery()
        for point_id, qid, title, slug in db.session.execute(
                select(numbered.c.pain_point_id, numbered.c.id, numbered.c.title, numbered.c.slug)
                .where(numbered.c.n <= LINKS_PER_POINT).order_by(numbered.c.pain_point_id, numbered.c.n)):
            links[point_id].append({"id": qid, "title": title, "slug": slug})
        related = related_suggestions(list(stored.values()))
    rows = []
    for position, p in enumerate(ranked, start=1):
        suggestion_ids = [int(s) for s in stored[p.id].suggestion_ids.split()]
        rows.append({
            "rank": position, "label": stored[p.id].label, "citizens": p.citizens, "recent_citizens": p.recent_citizens,
            "questions": p.questions, "suggestions": p.suggestions, "growth": p.growth,
            "agencies": ", ".join(names.get(a, "") for a in p.agency_ids) or "None",
            "accepted_answer": "yes" if p.has_accepted else "no", "official_answer": "yes" if p.has_official else "no",
            "related_suggestions": len(suggestion_ids),
            **({"posts": links[p.id], "related": [related[s] for s in suggestion_ids if s in related]}
               if with_links else {})})
    return rows


def related_suggestions(points: list[PainPoint]) -> dict[int, dict]:
    """{suggestion id: title, slug, status} for the points' related suggestions: one query."""
    ids = {int(s) for p in points for s in p.suggestion_ids.split()}
    if not ids:
        return {}
    return {sid: {"id": sid, "title": title, "slug": slug, "status": STATUS_LABELS[status]}
            for sid, title, slug, status in db.session.execute(
                select(Suggestion.id, Suggestion.title, Suggestion.slug, Suggestion.status)
                .where(Suggestion.id.in_(ids), Suggestion.state == "public"))}


def suggestion_tables(scope: figures.Scope) -> dict:
    """Suggestions by status: per agency (a wide table) and for all agencies (the chart's rows)."""
    counts = responses.suggestions_by_status(scope)
    names = dict(db.session.execute(select(Agency.id, Agency.name)).all())
    rows = [{"agency": figures.agency_name(k, names), **counts[k]} for k in figures.ordered_keys(counts, names)]
    overall = counts.get(figures.ALL, {})
    return {"suggestions": rows, "suggestion_statuses": [
        {"status": STATUS_LABELS[s], "suggestions": overall.get(s, 0)} for s in SUGGESTION_STATUSES]}


def dashboard(period: Period, *, public: bool = False) -> dict:
    def compute() -> dict:
        for_reports()
        now = utcnow()
        scope = period.scope(now)
        points = alongside(pain_points, scope, with_links=not public)  # the costliest half, on its own connection
        run = painpoints.last_run()
        return {
            "period": {"from": period.first.isoformat(), "to": period.last.isoformat(),
                       "agency": period.agency.name if period.agency else "All agencies", "tag": period.tag or ""},
            "volume": figures.volume(scope),
            "volume_unit": "week" if figures.is_weekly(scope) else "day",
            "trending_tags": figures.trending_tags(scope),
            "trending_agencies": figures.trending_agencies(scope) if period.agency is None else [],
            "agencies": figures.agency_table(scope, now),
            **suggestion_tables(scope),
            "pain_points": points.result(),
            "pain_points_computed_at": f"{run.finished_at:%Y-%m-%d %H:%M}" if run else None,
            "pain_points_window_days": painpoints.WINDOW_DAYS,
        }
    return cached(f"insights:{'public' if public else 'staff'}:{period.key()}", compute)


_beside = ThreadPoolExecutor(max_workers=4, thread_name_prefix="insights")


def alongside(fn, *args, **kwargs) -> Future:
    """fn(*args, **kwargs), started on a database connection of its own while the caller goes on
    with its own queries (PostgreSQL: the two run on two cores, and the page waits for the slower
    half rather than for both). With SQLite, one file that one process reads at a time, it simply
    runs now. Both halves only read; each has its own transaction."""
    if db.session.get_bind().dialect.name != "postgresql":
        done: Future = Future()
        done.set_result(fn(*args, **kwargs))
        return done
    app = current_app._get_current_object()

    def job():
        with app.app_context():  # its own session, connection and transaction, closed at the end
            for_reports()
            return fn(*args, **kwargs)
    return _beside.submit(job)


def for_reports() -> None:
    """On PostgreSQL, plan the few large aggregate queries that follow for what they are, until the
    transaction ends: without JIT compilation (their estimated cost turns it on, and compiling
    takes longer than running them), with room to sort and hash in memory (the default 4 MB
    sends the medians' sorts to disk), and knowing that an index page read at random costs about
    what a page read in order does when both are cached (the default assumes spinning disks and
    so prefers reading every wide question row to reading the narrow covering index), and
    without parallel workers (the dashboard already runs its two halves at once: `alongside`).
    Nothing is written."""
    if db.session.get_bind().dialect.name == "postgresql":
        for setting in ("jit = off", f"work_mem = '{REPORT_WORK_MEM}'", "random_page_cost = 1.1",
                        "max_parallel_workers_per_gather = 0"):
            db.session.execute(text(f"SET LOCAL {setting}"))


def cached(key: str, compute):
    """The figures for `key`, computed at most every FORUM_INSIGHTS_CACHE_SECONDS (Flask-Caching:
    Redis when FORUM_REDIS_URL is set, so every worker shares them)."""
    seconds = current_app.config.get("FORUM_INSIGHTS_CACHE_SECONDS", 0)
    if not seconds:
        return compute()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=seconds)
    return value


# Export: each table of the page as rows of plain values, in a fixed column order.
TABLES = {
    "volume": ("Questions over time", ["start", "questions"]),
    "trending-tags": ("Trending tags", ["name", "recent", "baseline_weekly", "score", "explanation"]),
    "trending-agencies": ("Trending agencies", ["name", "recent", "baseline_weekly", "score", "explanation"]),
    "pain-points": ("Pain points", ["rank", "label", "citizens", "recent_citizens", "questions", "suggestions",
                                    "growth", "agencies", "accepted_answer", "official_answer",
                                    "related_suggestions"]),
    "agencies": ("Service by agency", ["agency", *[key for key, *_ in figures.FIGURES]]),
    "official-answers": ("Official answers", ["agency", "questions", "share_with_official_answer",
                                              "median_official_answer"]),
    "suggestions": ("Suggestions by status", ["agency", *SUGGESTION_STATUSES, "total"]),
    "suggestion-statuses": ("Suggestions by status, all agencies", ["status", "suggestions"]),
    "agency-responses": ("Agency responses to suggestions", ["agency", "median_agency_response"]),
}
SOURCES = {"official-answers": "agencies", "agency-responses": "agencies"}  # other tables' rows, fewer columns


def table(data: dict, name: str) -> tuple[list[str], list[dict]]:
    columns = TABLES[name][1]
    rows = data[SOURCES.get(name, name.replace("-", "_"))]
    return columns, [{c: row.get(c) for c in columns} for row in rows]
